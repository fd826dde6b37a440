import { useId } from "react";
import { api } from "../api.ts";
import { ErrorLine, SuccessLine } from "../ui/Feedback.tsx";
import { ImportReport, WarningsConfirm } from "../ui/ImportReport.tsx";
import { errorText, useAdminT } from "../ui/useAdminT.ts";
import { TableFileChooser } from "../ui/TableFileChooser.tsx";
import { useDryRunImport } from "../ui/useDryRunImport.ts";

const FIELD_LABEL: Record<string, string> = {
  name: "roster.name",
  role: "roster.role",
  sector: "roster.sector",
  party: "roster.party",
  unit: "roster.unit",
  phone: "roster.phone",
  email: "roster.email",
  side: "roster.side",
  chief: "roster.chief",
  household: "roster.household",
  voteWeight: "roster.voteWeight",
};

/**
 * Import with a dry run first: the report of every row, then 确认导入. Nothing is imported on
 * errors; warnings (a name that lost a character, 王? for 王䶮) must be ticked as checked first.
 */
export function ImportRoster({ meetingId, onImported, onClose }: { meetingId: string; onImported: () => void; onClose: () => void }) {
  const { t } = useAdminT();
  const titleId = useId();
  const hintId = useId();
  const { state, error, accepted, setAccepted, choose, confirm, busy, reset } = useDryRunImport(
    (file, { dryRun, acceptWarnings }) => api.importRoster(meetingId, file, dryRun, acceptWarnings),
    () => onImported(),
  );
  const fieldLabel = (field: string) => (FIELD_LABEL[field] ? t(FIELD_LABEL[field]) : field);
  return (
    <section className="admin-card import-roster" aria-labelledby={titleId} data-testid="import-roster">
      <div className="card-head">
        <h3 id={titleId}>{t("import.title")}</h3>
        <button type="button" className="ghost" onClick={onClose} disabled={busy}>
          {t("common.close")}
        </button>
      </div>
      <p id={hintId} className="muted small">
        {t("import.hint")}
      </p>
      <TableFileChooser label={t("import.choose")} hintId={hintId} busy={busy} onChoose={(e) => void choose(e)} testId="import-input" />
      <div role="status" aria-live="polite">
        {state.step === "checking" && <p className="muted">{t("import.checking", { name: state.file.name })}</p>}
        {state.step === "importing" && <p className="muted">{t("import.importing")}</p>}
      </div>
      <ErrorLine error={error} />
      {(state.step === "checked" || state.step === "importing") && (
        <div className="import-preview" data-testid="import-preview">
          <SuccessLine text={t("import.ok", { name: state.file.name, count: state.result.imported })} />
          {state.result.report.length > 0 && (
            <ImportReport title={t("import.warnings", { count: state.result.report.length })} rows={state.result.report} fieldLabel={fieldLabel} />
          )}
          {state.result.report.length > 0 && <WarningsConfirm count={state.result.report.length} checked={accepted} onChange={setAccepted} disabled={busy} />}
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              onClick={() => void confirm()}
              disabled={busy || (state.result.report.length > 0 && !accepted)}
              data-testid="confirm-import"
            >
              {t("import.confirm", { count: state.result.imported })}
            </button>
            <button type="button" onClick={reset} disabled={busy}>
              {t("import.cancel")}
            </button>
          </div>
        </div>
      )}
      {state.step === "invalid" && (
        <div className="import-preview invalid" data-testid="import-invalid">
          <ErrorLine error={new Error(t("import.failed", { reason: errorText(state.error), name: state.file.name }))} />
          <ImportReport title={t("import.problems", { count: state.error.rows.length })} rows={state.error.rows} fieldLabel={fieldLabel} />
        </div>
      )}
      {state.step === "done" && <SuccessLine text={t("import.done", { count: state.result.imported })} testId="import-done" />}
    </section>
  );
}
