import { useId, useState, type FormEvent } from "react";
import type { Account, MeetingKind, Participant, ParticipantInput, ParticipantRole } from "../types.ts";
import { PARTICIPANT_ROLES } from "../types.ts";
import { useWords } from "../../i18n/words.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { FormActions } from "../ui/FormActions.tsx";
import { voteWeightOf } from "./voteWeight.ts";

type Text = "name" | "sector" | "party" | "unit" | "phone" | "email" | "household";

const TEXT_FIELDS = ["sector", "party", "unit", "phone", "email", "household"] as const;

/**
 * One person of the roster, new (`initial` absent) or edited; the fields of bargaining and
 * community meetings only there. A new person leaves empty fields out, an edit clears them (null).
 */
export function ParticipantForm({
  kind,
  accounts,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  kind: MeetingKind;
  /** Staff accounts a chair or clerk can be linked to (admins only see them). */
  accounts: Account[] | null;
  initial?: Participant;
  submitLabel: string;
  onSubmit: (input: ParticipantInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useAdminT();
  const words = useWords(kind);
  const id = useId();
  const [text, setText] = useState<Record<Text, string>>(() => ({
    name: initial?.name ?? "",
    sector: initial?.sector ?? "",
    party: initial?.party ?? "",
    unit: initial?.unit ?? "",
    phone: initial?.phone ?? "",
    email: initial?.email ?? "",
    household: initial?.household ?? "",
  }));
  const [role, setRole] = useState<ParticipantRole>(initial?.role ?? "member");
  const [side, setSide] = useState<"" | "worker" | "enterprise">(initial?.side ?? "");
  const [chief, setChief] = useState(initial?.chief ?? false);
  const [accountId, setAccountId] = useState(initial?.accountId ?? "");
  const [weightText, setWeightText] = useState(initial?.voteWeight == null ? "" : String(initial.voteWeight));
  const weight = voteWeightOf(weightText);
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
    if (!text.name.trim() || weight === "invalid") return;
    const editing = initial !== undefined;
    const participant: ParticipantInput = { name: text.name.trim(), role };
    for (const field of TEXT_FIELDS) {
      const value = text[field].trim();
      if (value) participant[field] = value;
      else if (editing && initial[field]) participant[field] = null;
    }
    if (kind === "bargaining") {
      if (side) participant.side = side;
      else if (editing && initial.side) participant.side = null;
      participant.chief = chief;
    }
    if (weight !== null) participant.voteWeight = weight;
    else if (editing && initial.voteWeight != null) participant.voteWeight = null;
    if (accountId) participant.accountId = accountId;
    else if (editing && initial.accountId && accounts) participant.accountId = null;
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
    <form className="admin-form" onSubmit={(e) => void submit(e)} data-testid="participant-form">
      <div className="form-grid three">
        {input("name", t("roster.name"), { required: true })}
        <div className="field">
          <label htmlFor={`${id}-role`}>{t("roster.role")}</label>
          <select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
            {PARTICIPANT_ROLES.map((r) => (
              <option key={r} value={r}>
                {words.role({ role: r })}
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
        <div className="field">
          <label htmlFor={`${id}-voteWeight`}>
            {t("roster.voteWeight")}
            <span className="muted">{t("common.optional")}</span>
          </label>
          <input
            id={`${id}-voteWeight`}
            name="voteWeight"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            aria-describedby={`${id}-voteWeight-hint`}
            aria-invalid={weight === "invalid"}
            value={weightText}
            onChange={(e) => setWeightText(e.target.value)}
          />
          <span id={`${id}-voteWeight-hint`} className={weight === "invalid" ? "hint admin-warn" : "hint"}>
            {weight === "invalid" ? t("roster.voteWeightInvalid") : t("roster.voteWeightHint")}
          </span>
        </div>
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
      <FormActions error={error} pending={pending} disabled={!text.name.trim() || weight === "invalid"} label={submitLabel} onCancel={onCancel} />
    </form>
  );
}
