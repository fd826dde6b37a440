import { useId, useState, type FormEvent } from "react";
import type { Account, MeetingKind, ParticipantInput, ParticipantRole } from "../types.ts";
import { PARTICIPANT_ROLES } from "../types.ts";
import { ErrorLine } from "../ui/Feedback.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { roleLabel } from "./labels.ts";

type Text = "name" | "sector" | "party" | "unit" | "phone" | "email" | "household";

/** One person for the roster; fields for bargaining and community meetings only there. */
export function AddParticipantForm({
  kind,
  accounts,
  onSubmit,
  onCancel,
}: {
  kind: MeetingKind;
  /** Staff accounts a chair or clerk can be linked to (admins only see them). */
  accounts: Account[] | null;
  onSubmit: (input: ParticipantInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useAdminT();
  const id = useId();
  const [text, setText] = useState<Record<Text, string>>({ name: "", sector: "", party: "", unit: "", phone: "", email: "", household: "" });
  const [role, setRole] = useState<ParticipantRole>("member");
  const [side, setSide] = useState<"" | "worker" | "enterprise">("");
  const [chief, setChief] = useState(false);
  const [accountId, setAccountId] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const input = (field: Text, label: string, options: { required?: boolean; type?: string; autoComplete?: string } = {}) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>
        {label}
        {!options.required && <span className="muted">{t("common.optional")}</span>}
      </label>
      <input
        id={`${id}-${field}`}
        name={field}
        type={options.type ?? "text"}
        required={options.required}
        autoComplete="off"
        maxLength={200}
        value={text[field]}
        onChange={(e) => setText((v) => ({ ...v, [field]: e.target.value }))}
      />
    </div>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.name.trim()) return;
    const optional = (value: string) => value.trim() || undefined;
    const participant: ParticipantInput = { name: text.name.trim(), role };
    for (const field of ["sector", "party", "unit", "phone", "email", "household"] as const) {
      const value = optional(text[field]);
      if (value) participant[field] = value;
    }
    if (kind === "bargaining") {
      if (side) participant.side = side;
      participant.chief = chief;
    }
    if (accountId) participant.accountId = accountId;
    setPending(true);
    setError(null);
    try {
      await onSubmit(participant);
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} data-testid="add-participant-form">
      <div className="form-grid three">
        {input("name", t("roster.name"), { required: true })}
        <div className="field">
          <label htmlFor={`${id}-role`}>{t("roster.role")}</label>
          <select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
            {PARTICIPANT_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(t, r, kind)}
              </option>
            ))}
          </select>
        </div>
        {kind === "community" ? input("household", t("roster.household")) : input("sector", t("roster.sector"))}
        {kind !== "community" && kind !== "bargaining" && input("party", t("roster.party"))}
        {input("unit", t("roster.unit"))}
        {input("phone", t("roster.phone"), { type: "tel" })}
        {input("email", t("roster.email"), { type: "email" })}
        {kind === "bargaining" && (
          <>
            <div className="field">
              <label htmlFor={`${id}-side`}>{t("roster.side")}</label>
              <select id={`${id}-side`} name="side" value={side} onChange={(e) => setSide(e.target.value as typeof side)}>
                <option value="">{t("common.none")}</option>
                <option value="worker">{t("roster.sideWorker")}</option>
                <option value="enterprise">{t("roster.sideEnterprise")}</option>
              </select>
            </div>
            <label className="choice">
              <input type="checkbox" name="chief" checked={chief} onChange={(e) => setChief(e.target.checked)} />
              {t("roster.chief")}
            </label>
          </>
        )}
        {accounts && (role === "chair" || role === "clerk") && (
          <div className="field">
            <label htmlFor={`${id}-account`}>{t("roster.account")}</label>
            <select id={`${id}-account`} name="accountId" value={accountId} onChange={(e) => setAccountId(e.target.value)}>
              <option value="">{t("roster.noAccount")}</option>
              {accounts
                .filter((a) => !a.disabled)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName} ({a.username})
                  </option>
                ))}
            </select>
          </div>
        )}
      </div>
      <ErrorLine error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending || !text.name.trim()}>
          {pending ? t("common.saving") : t("roster.add")}
        </button>
        <button type="button" onClick={onCancel} disabled={pending}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
