import { useId, useState, type FormEvent } from "react";
import { ErrorLine } from "../ui/Feedback.tsx";
import { useAdminT } from "../ui/useAdminT.ts";

export interface AgendaFields {
  title: string;
  presenter: string;
  plannedMinutes: number;
}

/** Title, presenter and planned minutes of one agenda item (new or edited). */
export function AgendaItemForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  testId,
  autoFocus = false,
}: {
  initial: AgendaFields;
  submitLabel: string;
  onSubmit: (fields: AgendaFields) => Promise<void>;
  onCancel?: () => void;
  testId?: string;
  autoFocus?: boolean;
}) {
  const { t } = useAdminT();
  const id = useId();
  const [title, setTitle] = useState(initial.title);
  const [presenter, setPresenter] = useState(initial.presenter);
  const [minutes, setMinutes] = useState(String(initial.plannedMinutes));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const minutesNumber = Number(minutes);
  const valid = title.trim().length > 0 && Number.isInteger(minutesNumber) && minutesNumber >= 1 && minutesNumber <= 1440;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit({ title: title.trim(), presenter: presenter.trim(), plannedMinutes: minutesNumber });
      setPending(false);
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };
  return (
    <form className="agenda-form" onSubmit={(e) => void submit(e)} data-testid={testId}>
      <div className="agenda-form-fields">
        <div className="field grow">
          <label htmlFor={`${id}-title`}>{t("agenda.itemTitle")}</label>
          <input id={`${id}-title`} name="title" autoFocus={autoFocus} required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-presenter`}>
            {t("agenda.presenter")}
            <span className="muted">{t("common.optional")}</span>
          </label>
          <input id={`${id}-presenter`} name="presenter" maxLength={200} value={presenter} onChange={(e) => setPresenter(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>{t("agenda.planned")}</label>
          <input
            id={`${id}-minutes`}
            name="plannedMinutes"
            type="number"
            min={1}
            max={1440}
            step={1}
            required
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="agenda-form-actions">
          <button type="submit" className="primary" disabled={pending || !valid}>
            {pending ? t("common.saving") : submitLabel}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel} disabled={pending}>
              {t("common.cancel")}
            </button>
          )}
        </div>
      </div>
      <ErrorLine error={error} />
    </form>
  );
}
