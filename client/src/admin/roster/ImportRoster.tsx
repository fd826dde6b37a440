import { useId, useState, type ChangeEvent } from "react";
import { ApiError, api } from "../api.ts";
import type { ImportResult, RowReport } from "../types.ts";
import { ErrorLine, SuccessLine } from "../ui/Feedback.tsx";
import { bilingual, errorText, useAdminT } from "../ui/useAdminT.ts";

type State =
  | { step: "idle" }
  | { step: "checking"; file: File }
  | { step: "checked"; file: File; result: ImportResult }
  | { step: "invalid"; file: File; error: ApiError }
  | { step: "importing"; file: File; result: ImportResult }
  | { step: "done"; count: number };

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

/** Import with a dry run first: the report of every row, then 确认导入. Nothing is imported on errors. */
export function ImportRoster({ meetingId, onImported, onClose }: { meetingId: string; onImported: () => void; onClose: () => void }) {
  const { t } = useAdminT();
  const inputId = useId();
  const hintId = useId();
  const [state, setState] = useState<State>({ step: "idle" });
  const [error, setError] = useState<unknown>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    setState({ step: "checking", file });
    try {
      setState({ step: "checked", file, result: await api.importRoster(meetingId, file, true) });
    } catch (e) {
      if (e instanceof ApiError && e.rows.length > 0) setState({ step: "invalid", file, error: e });
      else {
        setError(e);
        setState({ step: "idle" });
      }
    }
  };

  const confirm = async () => {
    if (state.step !== "checked") return;
    const { file, result } = state;
    setState({ step: "importing", file, result });
    setError(null);
    try {
      const done = await api.importRoster(meetingId, file, false);
      setState({ step: "done", count: done.imported });
      onImported();
    } catch (e) {
      if (e instanceof ApiError && e.rows.length > 0) setState({ step: "invalid", file, error: e });
      else {
        setError(e);
        setState({ step: "checked", file, result });
      }
    }
  };

  const busy = state.step === "checking" || state.step === "importing";
  return (
    <section className="admin-card import-roster" aria-labelledby={`${inputId}-title`} data-testid="import-roster">
      <div className="card-head">
        <h3 id={`${inputId}-title`}>{t("import.title")}</h3>
        <button type="button" className="ghost" onClick={onClose} disabled={busy}>
          {t("common.close")}
        </button>
      </div>
      <p id={hintId} className="muted small">
        {t("import.hint")}
      </p>
      <div className="upload">
        <input
          id={inputId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          aria-describedby={hintId}
          disabled={busy}
          onChange={(e) => void choose(e)}
          data-testid="import-input"
        />
        <label htmlFor={inputId} className="button" aria-disabled={busy}>
          {t("import.choose")}
        </label>
      </div>
      <div role="status" aria-live="polite">
        {state.step === "checking" && <p className="muted">{t("import.checking", { name: state.file.name })}</p>}
        {state.step === "importing" && <p className="muted">{t("import.importing")}</p>}
      </div>
      <ErrorLine error={error} />
      {(state.step === "checked" || state.step === "importing") && (
        <div className="import-preview" data-testid="import-preview">
          <SuccessLine text={t("import.ok", { name: state.file.name, count: state.result.imported })} />
          {state.result.report.length > 0 && <Report title={t("import.notes")} rows={state.result.report} />}
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void confirm()} disabled={busy} data-testid="confirm-import">
              {t("import.confirm", { count: state.result.imported })}
            </button>
            <button type="button" onClick={() => setState({ step: "idle" })} disabled={busy}>
              {t("import.cancel")}
            </button>
          </div>
        </div>
      )}
      {state.step === "invalid" && (
        <div className="import-preview invalid" data-testid="import-invalid">
          <ErrorLine error={new Error(t("import.failed", { reason: errorText(state.error), name: state.file.name }))} />
          <Report title={t("import.problems", { count: state.error.rows.length })} rows={state.error.rows} />
        </div>
      )}
      {state.step === "done" && <SuccessLine text={t("import.done", { count: state.count })} testId="import-done" />}
    </section>
  );
}

function Report({ title, rows }: { title: string; rows: RowReport[] }) {
  const { t } = useAdminT();
  return (
    <table className="admin-table report" data-testid="import-report">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-row">{t("import.row")}</th>
          <th scope="col" className="col-field">{t("import.field")}</th>
          <th scope="col">{t("import.problem")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.row}-${row.field ?? ""}-${index}`}>
            <td className="num">{row.row > 0 ? row.row : t("import.wholeFile")}</td>
            <td>{row.field ? (FIELD_LABEL[row.field] ? t(FIELD_LABEL[row.field]!) : row.field) : ""}</td>
            <td>{bilingual(row.message)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
