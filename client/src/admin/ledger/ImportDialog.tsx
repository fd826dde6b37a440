// 导入台账: the secretariat moves a paper ledger in (CSV or XLSX). Choosing the file runs a dry run:
// every row taken or refused and why, warnings to tick as checked; 确认导入 then enters the taken
// rows (in one go on the server), and refused rows change nothing (docs/ledger.md#import-导入台账).
import { useId } from "react";
import type { LedgerImportResult } from "@core/ledger/json.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { ErrorLine, SuccessLine } from "../ui/Feedback.tsx";
import { ImportReport, WarningsConfirm } from "../ui/ImportReport.tsx";
import { errorText, useAdminT } from "../ui/useAdminT.ts";
import { TableFileChooser } from "../ui/TableFileChooser.tsx";
import { useDryRunImport } from "../ui/useDryRunImport.ts";
import { ledgerApi } from "./ledgerApi.ts";

const FIELDS = [
  "question",
  "title",
  "source",
  "origin",
  "raisedBy",
  "sector",
  "contact",
  "raisedOn",
  "topic",
  "department",
  "assignedOn",
  "deadline",
  "state",
  "reply",
  "outcome",
  "rating",
];

export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: (result: LedgerImportResult) => void }) {
  const { t } = useAdminT();
  const hintId = useId();
  const { state, error, accepted, setAccepted, choose, confirm, busy, reset } = useDryRunImport(
    (file, options) => ledgerApi.importLedger(file, options),
    onImported,
  );
  const fieldLabel = (field: string) => (FIELDS.includes(field) ? t(`ledger.import.fields.${field}`) : field);

  const preview = state.step === "checked" || state.step === "importing" ? state.result : null;
  const taken = new Set(preview?.rows.filter((r) => r.status === "taken").map((r) => r.row) ?? []);
  const warnings = preview?.report.filter((r) => r.warning && taken.has(r.row)).length ?? 0;
  return (
    <Dialog title={t("ledger.import.title")} onClose={onClose} className="wide" testId="ledger-import-dialog">
      <div className="admin-form ledger-import">
        <p id={hintId} className="muted">
          {t("ledger.import.intro")}
        </p>
        <TableFileChooser
          label={t("ledger.import.choose")}
          hintId={hintId}
          busy={busy}
          onChoose={(e) => void choose(e)}
          testId="ledger-import-input"
          autoFocus
        />
        <div role="status" aria-live="polite">
          {state.step === "checking" && <p className="muted">{t("ledger.import.checking", { name: state.file.name })}</p>}
          {state.step === "importing" && <p className="muted">{t("ledger.import.importing")}</p>}
        </div>
        <ErrorLine error={error} />
        {preview && (state.step === "checked" || state.step === "importing") && (
          <div className="import-preview" data-testid="ledger-import-preview">
            <p>
              <strong>{t("ledger.import.summary", { name: state.file.name, taken: preview.imported, refused: preview.refused })}</strong>
            </p>
            <RowTable result={preview} />
            {preview.report.length > 0 && (
              <ImportReport title={t("ledger.import.reportTitle", { count: preview.report.length })} rows={preview.report} fieldLabel={fieldLabel} />
            )}
            {warnings > 0 && <WarningsConfirm count={warnings} checked={accepted} onChange={setAccepted} disabled={busy} />}
            <div className="form-actions">
              <button
                type="button"
                className="primary"
                onClick={() => void confirm()}
                disabled={busy || preview.imported === 0 || (warnings > 0 && !accepted)}
                data-testid="ledger-import-confirm"
              >
                {preview.imported === 0 ? t("ledger.import.nothing") : t("ledger.import.confirm", { count: preview.imported })}
              </button>
              <button type="button" onClick={reset} disabled={busy}>
                {t("import.cancel")}
              </button>
            </div>
          </div>
        )}
        {state.step === "invalid" && (
          <div className="import-preview invalid" data-testid="ledger-import-invalid">
            <ErrorLine error={new Error(t("import.failed", { reason: errorText(state.error), name: state.file.name }))} />
            <ImportReport title={t("import.problems", { count: state.error.rows.length })} rows={state.error.rows} fieldLabel={fieldLabel} />
          </div>
        )}
        {state.step === "done" && (
          <>
            <SuccessLine text={doneText(state.result, t)} testId="ledger-import-done" />
            <div className="form-actions">
              <button type="button" className="primary" onClick={onClose} data-testid="ledger-import-close">
                {t("common.close")}
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}

type T = ReturnType<typeof useAdminT>["t"];

function doneText(result: LedgerImportResult, t: T): string {
  const numbers = result.rows.flatMap((r) => (r.number === null ? [] : [r.number]));
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  if (numbers.length === 0) return t("ledger.import.nothingDone");
  return first === last ? t("ledger.import.doneOne", { number: first }) : t("ledger.import.done", { count: numbers.length, first, last });
}

/** Every data row: its line, taken (导入) or refused (不导入), the title and the state it enters with. */
function RowTable({ result }: { result: LedgerImportResult }) {
  const { t } = useAdminT();
  return (
    <table className="admin-table report" data-testid="ledger-import-rows">
      <caption>{t("ledger.import.rowsTitle", { count: result.rows.length })}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-row">
            {t("import.row")}
          </th>
          <th scope="col" className="col-field">
            {t("ledger.import.result")}
          </th>
          <th scope="col">{t("ledger.import.fields.question")}</th>
          <th scope="col" className="col-field">
            {t("ledger.import.fields.state")}
          </th>
        </tr>
      </thead>
      <tbody>
        {result.rows.map((row) => (
          <tr key={row.row} data-testid="ledger-import-row" data-status={row.status}>
            <td className="num">{row.row}</td>
            <td>
              {row.status === "taken" ? (
                <span className="badge ledger-import-taken">
                  <span aria-hidden="true">✓</span> {t("ledger.import.taken")}
                </span>
              ) : (
                <span className="badge ledger-import-refused">
                  <span aria-hidden="true">✗</span> {t("ledger.import.refused")}
                </span>
              )}
            </td>
            <td>{row.title}</td>
            <td>{row.state ? t(`ledger.state.${row.state}`) : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
