// 小组汇报要点: in a group's meeting, its clerk (and its convener) write the group's report for the
// plenary — drafted from the group's record, edited, sent with `groups.report` (a new version each
// time; also after the group's meeting closed). The saved version shows with its number and time.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Icon } from "../../components/Icon.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { useMeetingTime } from "../meeting/useMeetingTime.ts";
import { draftOf, reportInput, reportPrefill, REPORT_LIMITS, sameAsSaved, type ReportDraft, type ReportWording } from "./groupReport.ts";
import "./groupStage.css";

/** Nothing outside a group's meeting, nor for anyone but its convener (the chair there) and its clerk. */
export function GroupReportEditor() {
  const { state, welcome } = useMeeting();
  if (!state?.groupOf || !welcome || (welcome.me.role !== "chair" && welcome.me.role !== "clerk")) return null;
  return <ReportForm />;
}

function ReportForm() {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const nameOf = useDisplayName();
  const { time } = useMeetingTime();
  const { run, pending, error, clearError } = useCommand();
  const saved = state?.groupReport ?? null;
  const words: ReportWording = {
    line: (name, text) => t("groupStage.report.line", { name, text }),
    suggestion: (title, text) => (text === "" || text === title ? title : t("groupStage.report.suggestionLine", { title, text })),
  };
  const fromRecord = (): ReportDraft => (state ? reportPrefill(state, nameOf, words) : { summary: "", suggestions: [] });
  // Until it is edited, the draft follows the saved report (a save from the other editor too).
  const [edited, setEdited] = useState<ReportDraft | null>(null);
  const draft = edited ?? (saved ? draftOf(saved) : fromRecord());
  const edit = (change: (d: ReportDraft) => ReportDraft) => setEdited(change(draft));
  const setSuggestion = (i: number, patch: Partial<ReportDraft["suggestions"][number]>) =>
    edit((d) => ({ ...d, suggestions: d.suggestions.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const unsent = !sameAsSaved(draft, saved);
  const empty = saved === null && edited === null && draft.summary === "";

  const save = async () => {
    if (await run({ type: "groups.report", report: reportInput(draft) })) setEdited(null);
  };

  return (
    <section className="panel group-report" aria-labelledby="group-report-title" data-testid="group-report">
      <h2 id="group-report-title">{t("groupStage.report.title")}</h2>
      <p className="muted small">{t("groupStage.report.hint")}</p>
      <p className="group-report-state small" role="status" data-testid="group-report-saved">
        {saved ? (
          <span>
            <Icon name="check" /> {t("groupStage.report.saved", { version: saved.version, time: time(saved.at), name: saved.byName })}
          </span>
        ) : (
          <span className="muted">{t("groupStage.report.notSent")}</span>
        )}
        {saved && unsent && (
          <span className="group-report-unsaved" data-testid="group-report-unsent">
            <Icon name="warning" /> {t("groupStage.report.unsaved")}
          </span>
        )}
      </p>
      {empty && <p className="muted small">{t("groupStage.report.empty")}</p>}
      <label>
        {t("groupStage.report.summary")}
        <textarea
          rows={8}
          maxLength={REPORT_LIMITS.summary}
          value={draft.summary}
          onChange={(e) => edit((d) => ({ ...d, summary: e.target.value }))}
          data-testid="group-report-summary"
        />
      </label>
      <h3>{t("groupStage.report.suggestions")}</h3>
      <ol className="group-report-suggestions" data-testid="group-report-suggestions">
        {draft.suggestions.map((s, i) => (
          <li key={i}>
            <label>
              {t("groupStage.report.suggestionText", { n: i + 1 })}
              <textarea
                rows={2}
                maxLength={REPORT_LIMITS.text}
                value={s.text}
                onChange={(e) => setSuggestion(i, { text: e.target.value })}
                data-testid={`group-report-suggestion-${i}`}
              />
            </label>
            <label>
              {t("groupStage.report.by")}
              <input
                maxLength={REPORT_LIMITS.by}
                value={s.by ?? ""}
                onChange={(e) => setSuggestion(i, { by: e.target.value })}
                data-testid={`group-report-by-${i}`}
              />
            </label>
            <button
              type="button"
              className="ghost"
              aria-label={t("groupStage.report.remove", { n: i + 1 })}
              onClick={() => edit((d) => ({ ...d, suggestions: d.suggestions.filter((_, j) => j !== i) }))}
              data-testid={`group-report-remove-${i}`}
            >
              <Icon name="close" />
            </button>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button
          type="button"
          disabled={draft.suggestions.length >= REPORT_LIMITS.suggestions}
          onClick={() => edit((d) => ({ ...d, suggestions: [...d.suggestions, { text: "", by: null }] }))}
          data-testid="group-report-add"
        >
          {t("groupStage.report.add")}
        </button>
        <button type="button" onClick={() => setEdited(fromRecord())} data-testid="group-report-refill">
          {t("groupStage.report.refill")}
        </button>
      </div>
      <ErrorNotice message={error} onClose={clearError} />
      <div className="button-row">
        <button type="button" className="primary" disabled={pending || (saved !== null && !unsent)} onClick={() => void save()} data-testid="group-report-save">
          {pending ? t("pending") : t("groupStage.report.save")}
        </button>
      </div>
    </section>
  );
}
