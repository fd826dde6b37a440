import { useId, useState, type FormEvent } from "react";
import { sectorParty } from "@core/affiliation.ts";
import type { AgendaItem, MeetingKind, Participant, PlanKind, PlannedSpeechInput } from "../types.ts";
import { useWords } from "../../i18n/words.ts";
import { ErrorLine } from "../ui/Feedback.tsx";
import { useAdminT } from "../ui/useAdminT.ts";

/** Who speaks (a member or official), booked or written, on which item, title and text. */
export function PlanForm({
  initial,
  speakers,
  kind,
  agenda,
  submitLabel,
  onSubmit,
  onCancel,
  testId,
}: {
  initial: PlannedSpeechInput;
  speakers: Participant[];
  kind: MeetingKind;
  agenda: AgendaItem[];
  submitLabel: string;
  onSubmit: (input: PlannedSpeechInput) => Promise<void>;
  onCancel?: () => void;
  testId?: string;
}) {
  const { t } = useAdminT();
  const words = useWords(kind);
  const id = useId();
  const [form, setForm] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof PlannedSpeechInput>(key: K, value: PlannedSpeechInput[K]) => setForm((f) => ({ ...f, [key]: value }));
  const textMissing = form.kind === "written" && !form.text.trim();
  const valid = form.participantId !== "" && form.title.trim() !== "" && !textMissing;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit({ ...form, title: form.title.trim(), text: form.text.trim() });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="plan-form" onSubmit={(e) => void submit(e)} data-testid={testId}>
      <fieldset className="plain" disabled={pending}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-person`}>{t("plan.person")}</label>
            <select id={`${id}-person`} name="participantId" required value={form.participantId} onChange={(e) => set("participantId", e.target.value)}>
              <option value="">{t("plan.choosePerson")}</option>
              {speakers.map((p) => (
                <option key={p.id} value={p.id}>
                  {[p.name, words.role(p), ...sectorParty(p)].join(" · ")}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-item`}>{t("plan.item")}</label>
            <select id={`${id}-item`} name="agendaItemId" value={form.agendaItemId ?? ""} onChange={(e) => set("agendaItemId", e.target.value || null)}>
              <option value="">{t("plan.itemNone")}</option>
              {agenda.map((item, index) => (
                <option key={item.id} value={item.id}>
                  {index + 1}. {item.title}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field span-2 choice-group">
            <legend>{t("plan.kind")}</legend>
            {(["booked", "written"] as PlanKind[]).map((kind) => (
              <label key={kind} className="choice">
                <input type="radio" name={`${id}-kind`} value={kind} checked={form.kind === kind} onChange={() => set("kind", kind)} />
                {t(kind === "booked" ? "plan.kindBookedLong" : "plan.kindWrittenLong")}
              </label>
            ))}
          </fieldset>
          <div className="field span-2">
            <label htmlFor={`${id}-title`}>{t("plan.speechTitle")}</label>
            <input id={`${id}-title`} name="title" required maxLength={200} value={form.title} onChange={(e) => set("title", e.target.value)} />
          </div>
          <div className="field span-2">
            <label htmlFor={`${id}-text`}>{t("plan.text")}</label>
            <textarea
              id={`${id}-text`}
              name="text"
              rows={5}
              maxLength={20_000}
              aria-describedby={`${id}-text-hint`}
              aria-invalid={textMissing}
              value={form.text}
              onChange={(e) => set("text", e.target.value)}
            />
            <span id={`${id}-text-hint`} className={textMissing ? "hint admin-warn" : "hint"}>
              {textMissing ? t("plan.textWrittenRequired") : t("plan.textHint")}
            </span>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={pending || !valid}>
            {pending ? t("common.saving") : submitLabel}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t("common.cancel")}
            </button>
          )}
        </div>
      </fieldset>
      <ErrorLine error={error} />
    </form>
  );
}
