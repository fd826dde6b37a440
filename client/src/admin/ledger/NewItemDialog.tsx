// 新增事项: an issue received outside meetings (接待日, 热线, 其他), entered by the secretariat.
import { useId, useState, type FormEvent } from "react";
import type { LedgerItemJson } from "@core/ledger/json.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { FormActions } from "../ui/FormActions.tsx";
import { today } from "./format.ts";
import { ledgerApi, type NewLedgerItem } from "./ledgerApi.ts";
import { CommunitySelect } from "./CommunityActions.tsx";

const SOURCES: NewLedgerItem["source"][] = ["listeningDay", "hotline", "other"];

export function NewItemDialog({ suggestions, onClose, onCreated }: { suggestions: string[]; onClose: () => void; onCreated: (item: LedgerItemJson) => void }) {
  const { t } = useAdminT();
  const id = useId();
  const [form, setForm] = useState({
    source: "listeningDay" as NewLedgerItem["source"],
    raisedOn: today(),
    raisedByName: "",
    sector: "",
    contact: "",
    title: "",
    text: "",
    topic: "",
    suggestedDepartment: "",
    communityId: "",
  });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const field = (key: keyof typeof form) => ({
    id: `${id}-${key}`,
    name: key,
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    try {
      const { item } = await ledgerApi.create({
        source: form.source,
        raisedOn: form.raisedOn,
        raisedByName: form.raisedByName.trim(),
        title: form.title.trim(),
        text: form.text.trim(),
        sector: optional(form.sector),
        contact: optional(form.contact),
        topic: optional(form.topic),
        suggestedDepartment: optional(form.suggestedDepartment),
        communityId: optional(form.communityId),
      });
      onCreated(item);
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };
  const ready = form.raisedOn && form.raisedByName.trim() && form.title.trim() && form.text.trim();
  return (
    <Dialog title={t("ledger.create.title")} onClose={onClose} className="wide" testId="ledger-create-dialog">
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <p className="muted">{t("ledger.create.intro")}</p>
        <div className="form-grid three">
          <div className="field">
            <label htmlFor={`${id}-source`}>{t("ledger.create.source")}</label>
            <select {...field("source")} data-autofocus>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`ledger.source.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-raisedOn`}>{t("ledger.create.raisedOn")}</label>
            <input type="date" required max={today()} {...field("raisedOn")} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-raisedByName`}>{t("ledger.create.raisedByName")}</label>
            <input required maxLength={100} {...field("raisedByName")} />
          </div>
          <CommunitySelect {...field("communityId")} />
          <div className="field">
            <label htmlFor={`${id}-sector`}>
              {t("ledger.create.sector")} <span className="muted">{t("common.optional")}</span>
            </label>
            <input maxLength={100} {...field("sector")} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-contact`}>
              {t("ledger.create.contact")} <span className="muted">{t("common.optional")}</span>
            </label>
            <input type="tel" maxLength={100} aria-describedby={`${id}-contact-hint`} {...field("contact")} />
            <span className="hint" id={`${id}-contact-hint`}>
              {t("ledger.create.contactHint")}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-topic`}>
              {t("ledger.create.topic")} <span className="muted">{t("common.optional")}</span>
            </label>
            <input maxLength={100} {...field("topic")} />
          </div>
          <div className="field span-2">
            <label htmlFor={`${id}-title`}>{t("ledger.create.itemTitle")}</label>
            <input required maxLength={200} {...field("title")} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-suggestedDepartment`}>
              {t("ledger.create.suggestedDepartment")} <span className="muted">{t("common.optional")}</span>
            </label>
            <input maxLength={100} list={`${id}-departments`} {...field("suggestedDepartment")} />
            <datalist id={`${id}-departments`}>
              {suggestions.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t("ledger.create.text")}</label>
          <textarea required rows={5} maxLength={8000} {...field("text")} />
        </div>
        <FormActions error={error} pending={pending} disabled={!ready} label={t("ledger.create.submit")} onCancel={onClose} testId="ledger-create-submit" />
      </form>
    </Dialog>
  );
}
