// The policy form: for recordings and for materials, 永久保留 or 纪要定稿后 N 天删除. While it
// differs from the saved policy it shows what saving would make due at once; saving such a policy
// asks first, naming the counts.
import { useId, useMemo, useRef, useState, type FormEvent } from "react";
import { RETENTION_MAX_DAYS, type RetentionPolicy, type RetentionPolicyInput, type RetentionTotals } from "@core/api/retention.ts";
import { api } from "../api.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { ErrorLine } from "../ui/Feedback.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import {
  deletesAnything,
  formOf,
  inputKey,
  isSaved,
  readForm,
  RETENTION_FIELDS,
  type DaysProblem,
  type KindChoice,
  type RetentionField,
} from "./policyForm.ts";
import { formatWhen, TotalsList, useTotalsText } from "./Totals.tsx";
import { useAnnounceAfterDialog } from "./useAnnounceAfterDialog.ts";
import { usePreview, type Preview } from "./usePreview.ts";

export function PolicyCard({ policy, onSaved }: { policy: RetentionPolicy; onSaved: (policy: RetentionPolicy) => void }) {
  const { t } = useAdminT();
  const headingId = useId();
  const say = useAnnounceAfterDialog();
  const totalsText = useTotalsText();
  const [form, setForm] = useState(() => formOf(policy));
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [savedNote, setSavedNote] = useState(false);
  const [confirming, setConfirming] = useState<{ input: RetentionPolicyInput; due: RetentionTotals } | null>(null);
  const savedInDialog = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const reading = useMemo(() => readForm(form), [form]);
  const changed = reading.input === null || !isSaved(reading.input, policy);
  const preview = usePreview(reading.input && changed ? reading.input : null);
  // Saving again what is saved changes nothing; a policy never set may be saved as it stands.
  const canSave = changed || policy.updatedAt === null;

  const edit = (field: RetentionField, choice: KindChoice) => {
    setForm((current) => ({ ...current, [field]: choice }));
    setSavedNote(false);
  };

  const save = async (input: RetentionPolicyInput) => {
    const { policy: saved } = await api.saveRetention(input);
    setForm(formOf(saved));
    setAttempted(false);
    setSavedNote(true);
    onSaved(saved);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    const input = reading.input;
    if (!input) {
      formRef.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
      return;
    }
    setSaving(true);
    try {
      // The preview on screen is for this very input unless typing outran it: then ask once more.
      const due = preview.state === "done" && preview.key === inputKey(input) ? preview.due : (await api.previewRetention(input)).due;
      if (changed && deletesAnything(due)) {
        savedInDialog.current = false;
        setConfirming({ input, due });
      } else {
        await save(input);
        say(t("retention.policy.saved"));
      }
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="admin-card retention-policy" aria-labelledby={headingId} data-testid="retention-policy">
      <h2 id={headingId}>{t("retention.policy.heading")}</h2>
      <p className="muted" data-testid="retention-saved-by">
        {policy.updatedAt
          ? t("retention.policy.savedBy", { name: policy.updatedByName ?? t("common.none"), at: formatWhen(policy.updatedAt) })
          : t("retention.policy.never")}
      </p>
      <form ref={formRef} className="admin-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="retention-kinds">
          {RETENTION_FIELDS.map((field) => (
            <KindField
              key={field}
              field={field}
              choice={form[field]}
              problem={reading.problems[field] ?? null}
              showRequired={attempted}
              onChange={(choice) => edit(field, choice)}
            />
          ))}
        </div>
        {changed && reading.input && <PreviewBox preview={preview} />}
        <ErrorLine error={error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving || !canSave} data-testid="retention-save">
            {saving ? t("common.saving") : t("retention.policy.save")}
          </button>
          {changed && (
            <button
              type="button"
              className="link"
              onClick={() => {
                setForm(formOf(policy));
                setAttempted(false);
                setError(null);
              }}
            >
              {t("retention.policy.undo")}
            </button>
          )}
          {savedNote && !changed && (
            <span className="admin-success" data-testid="retention-saved">
              {t("retention.policy.saved")}
            </span>
          )}
        </div>
      </form>
      {confirming && (
        <ConfirmDialog
          title={t("retention.confirmSave.title")}
          text={t("retention.confirmSave.text", { totals: totalsText(confirming.due) })}
          confirmLabel={t("retention.confirmSave.confirm")}
          danger
          onConfirm={async () => {
            await save(confirming.input);
            savedInDialog.current = true;
          }}
          onClose={() => {
            setConfirming(null);
            if (savedInDialog.current) say(t("retention.policy.saved"));
            savedInDialog.current = false;
          }}
        />
      )}
    </section>
  );
}

/** One kind's choice: a radio pair, and the days for 纪要定稿后删除. */
function KindField({
  field,
  choice,
  problem,
  showRequired,
  onChange,
}: {
  field: RetentionField;
  choice: KindChoice;
  problem: DaysProblem | null;
  /** An empty days field is a problem only once saving was tried. */
  showRequired: boolean;
  onChange: (choice: KindChoice) => void;
}) {
  const { t } = useAdminT();
  const id = useId();
  const shown = problem === "range" || (problem === "required" && showRequired) ? problem : null;
  return (
    <fieldset className="retention-kind" data-testid={`retention-${field}`}>
      <legend id={`${id}-legend`}>{t(`retention.policy.${field}`)}</legend>
      <p className="hint">{t(`retention.policy.${field}Hint`)}</p>
      <label className="choice">
        <input type="radio" name={`${id}-mode`} checked={choice.keep} onChange={() => onChange({ ...choice, keep: true })} data-testid="retention-keep" />
        {t("retention.policy.keep")}
      </label>
      <label className="choice">
        <input type="radio" name={`${id}-mode`} checked={!choice.keep} onChange={() => onChange({ ...choice, keep: false })} data-testid="retention-delete" />
        {t("retention.policy.afterApproval")}
      </label>
      <div className="retention-days">
        <label id={`${id}-label`} htmlFor={`${id}-days`}>
          {t("retention.policy.days")}
        </label>
        <span className="with-unit">
          <input
            id={`${id}-days`}
            type="number"
            inputMode="numeric"
            min={0}
            max={RETENTION_MAX_DAYS}
            step={1}
            value={choice.days}
            disabled={choice.keep}
            aria-labelledby={`${id}-legend ${id}-label`}
            aria-describedby={`${id}-hint`}
            aria-invalid={!choice.keep && shown !== null}
            onChange={(e) => onChange({ keep: false, days: e.target.value })}
            data-testid="retention-days"
          />
          <span>{t("retention.policy.daysUnit")}</span>
        </span>
        <span id={`${id}-hint`} className={shown ? "hint admin-warn" : "hint"} data-testid={shown ? "retention-days-problem" : undefined}>
          {shown ? t(`retention.policy.${shown}`) : t("retention.policy.daysHint")}
        </span>
      </div>
    </fieldset>
  );
}

/** What saving the form would make due at once, as the server counts it. */
function PreviewBox({ preview }: { preview: Preview }) {
  const { t } = useAdminT();
  const headingId = useId();
  const some = preview.state === "done" && deletesAnything(preview.due);
  return (
    <section className={some ? "retention-preview warn" : "retention-preview"} aria-labelledby={headingId} data-testid="retention-preview">
      <h3 id={headingId}>{t("retention.preview.heading")}</h3>
      <p role="status" data-testid="retention-preview-status">
        {preview.state === "done"
          ? some
            ? t("retention.preview.some")
            : t("retention.preview.none")
          : preview.state === "failed"
            ? ""
            : t("retention.preview.checking")}
      </p>
      {preview.state === "done" && some && <TotalsList totals={preview.due} testId="retention-preview-totals" />}
      {preview.state === "failed" && <ErrorLine error={preview.error} onRetry={preview.retry} />}
    </section>
  );
}
