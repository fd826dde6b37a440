// 调解案件 (admin/mediation/cases): the cases with their state, filtered by state; the statistics
// (by category and outcome, mean days to close); the XLSX export; the form accepting a new case.
// The secretariat's page (admin, organiser).
import { useEffect, useState } from "react";
import type { MediationCase, MediationStatistics } from "@core/api/mediationCases.ts";
import { CASE_CATEGORIES, CASE_STATES, type CaseState } from "@core/mediation/case.ts";
import { ErrorLine, Loading, SuccessLine } from "../../admin/ui/Feedback.tsx";
import { useMediationCasesT } from "../../i18n/mediationCases.ts";
import { Link } from "../../routing/Link.tsx";
import { caseApi } from "./caseApi.ts";
import { NewCaseForm } from "./NewCaseForm.tsx";
import { partyNames } from "./partyNames.ts";

export const CASES_PATH = "/admin/mediation/cases";

export function CasesPage() {
  const { t } = useMediationCasesT();
  const [state, setState] = useState<CaseState | null>(null);
  const [cases, setCases] = useState<MediationCase[] | null>(null);
  const [statistics, setStatistics] = useState<MediationStatistics | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = () => {
    caseApi.list(state).then(({ cases: list }) => setCases(list), setError);
    caseApi.statistics().then((s) => setStatistics(s.statistics), setError);
  };
  useEffect(load, [state]);

  return (
    <section className="admin-page" data-testid="mediation-cases">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <SuccessLine text={done} testId="case-done" />
      <ErrorLine error={error} />
      {statistics && (
        <section aria-label={t("stats.title")} data-testid="case-statistics">
          <h2>{t("stats.title")}</h2>
          <p>
            {t("stats.total", { count: statistics.total })} · {t("stats.closed", { count: statistics.closed })}
            {statistics.meanDaysToClose !== null && <> · {t("stats.meanDays", { days: statistics.meanDaysToClose })}</>}
          </p>
          <p className="muted">
            {CASE_CATEGORIES.map((k) => `${t(`category.${k}`)} ${statistics.byCategory[k] ?? 0}`).join(" · ")}
            {" | "}
            {`${t("form.written")} ${statistics.byOutcome.written} · ${t("form.oral")} ${statistics.byOutcome.oral} · ${t("stats.failed")} ${statistics.byOutcome.failed}`}
          </p>
        </section>
      )}
      <div className="button-row">
        <label>
          {t("list.filterState")}{" "}
          <select value={state ?? ""} onChange={(e) => setState((e.target.value || null) as CaseState | null)} data-testid="case-state-filter">
            <option value="">{t("list.all")}</option>
            {CASE_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`state.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <a className="button" href={caseApi.exportUrl(state)} download data-testid="case-export">
          {t("export")}
        </a>
      </div>
      {!cases && !error && <Loading />}
      {cases?.length === 0 && <p className="muted empty">{t("empty")}</p>}
      {cases && cases.length > 0 && (
        <div className="table-scroll">
          <table className="admin-table" data-testid="cases-table">
            <thead>
              <tr>
                <th scope="col">{t("list.number")}</th>
                <th scope="col">{t("list.acceptedOn")}</th>
                <th scope="col">{t("list.category")}</th>
                <th scope="col">{t("list.parties")}</th>
                <th scope="col">{t("list.state")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => {
                const names = partyNames(c);
                return (
                  <tr key={c.id} data-testid="case-row">
                    <th scope="row">
                      <Link to={`${CASES_PATH}/${encodeURIComponent(c.id)}`}>{c.number}</Link>
                    </th>
                    <td className="nowrap">{c.acceptedOn}</td>
                    <td>{t(`category.${c.category}`)}</td>
                    <td>{c.parties.map((p) => t("partyLine", { role: t(`role.${p.role}`), name: names.get(p.id) ?? p.name })).join(t("separator"))}</td>
                    <td>{t(`state.${c.state}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <NewCaseForm
        onCreated={(created) => {
          setDone(t("create.created", { number: created.number }));
          load();
        }}
      />
    </section>
  );
}
