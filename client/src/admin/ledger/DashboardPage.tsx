// 统计分析 (the secretariat): the ledger by state, department (with overdue), sector, source
// meeting, month (raised vs closed) and rating, as charts (recharts) under the same filters as the
// list (in the URL). Every chart has a data table to open below it, the accessible alternative.
// Loaded lazily: the chart library stays out of the rest of the admin app.
import { useCallback, type ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, Line, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LedgerState, Rating } from "@core/ledger/item.ts";
import { navigate, useLocation } from "../../routing/location.ts";
import { ErrorLine, Loading } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { departmentRows, ratingRows, stateRows, topRows, type LedgerDashboard } from "./dashboardData.ts";
import { filterFromSearch, withQuery } from "./filters.ts";
import { FilterBar, useFilterOptions } from "./FilterBar.tsx";
import { ledgerApi } from "./ledgerApi.ts";
import { LEDGER, LedgerNav } from "./LedgerNav.tsx";

const PATH = `${LEDGER}/dashboard`;
const STATE_COLOURS: Record<LedgerState, string> = { new: "#78716c", assigned: "#2563eb", in_progress: "#d97706", answered: "#7c3aed", closed: "#15803d" };
const RATING_COLOURS: Record<Rating, string> = { satisfied: "#15803d", basically: "#2563eb", unsatisfied: "#b91c1c" };
const SERIES = { total: "#57534e", open: "#2563eb", overdue: "#b91c1c", answered: "#7c3aed", raised: "#2563eb", closed: "#15803d" };
const AXIS = { fontSize: 12, fill: "#44403c" };

export default function DashboardPage() {
  const { t } = useAdminT();
  const { search } = useLocation();
  const filter = filterFromSearch(search);
  const query = withQuery("", filter);
  const dashboard = useResource(useCallback(() => ledgerApi.dashboard(filterFromSearch(new URLSearchParams(query))), [query]));
  const options = useFilterOptions(true);
  const d = dashboard.data;
  return (
    <section className="admin-page ledger-page ledger-dashboard" data-testid="ledger-dashboard">
      <LedgerNav secretariat />
      <h1>{t("ledger.dashboard.title")}</h1>
      <p className="muted">{t("ledger.dashboard.intro")}</p>
      <FilterBar filter={filter} options={options} onChange={(next) => navigate(withQuery(PATH, next))} showState showDepartment />
      <ErrorLine error={dashboard.error} onRetry={dashboard.reload} />
      {!d && !dashboard.error && <Loading />}
      {d && <Charts d={d} />}
    </section>
  );
}

function Charts({ d }: { d: LedgerDashboard }) {
  const { t } = useAdminT();
  const open = d.byState.new + d.byState.assigned + d.byState.in_progress + d.byState.answered;
  const states = stateRows(d, (s) => t(`ledger.state.${s}`));
  // The rows without a department, sector or meeting are labelled here, in the UI language.
  const departments = departmentRows(d).map((r) => (r.id === "" ? { ...r, name: t("ledger.list.unassigned") } : r));
  const sectors = topRows(
    d.bySector.map((s) => ({ label: s.sector || t("ledger.filter.noSector"), count: s.total })),
    10,
    t("ledger.dashboard.other"),
  );
  const meetings = topRows(
    d.byMeeting.map((m) => ({ label: m.meetingId === null ? t(`ledger.source.${m.source}`) : m.title, count: m.total })),
    10,
    t("ledger.dashboard.other"),
  );
  const months = d.byMonth;
  const ratings = ratingRows(d, (r) => t(`ledger.rating.${r}`));
  const count = t("ledger.dashboard.count");
  return (
    <>
      <dl className="ledger-kpis" data-testid="ledger-kpis">
        <Kpi label={t("ledger.dashboard.total")} value={d.total} testId="kpi-total" />
        <Kpi label={t("ledger.dashboard.open")} value={open} testId="kpi-open" />
        <Kpi label={t("ledger.dashboard.closed")} value={d.byState.closed} testId="kpi-closed" />
        <Kpi label={t("ledger.dashboard.overdue")} value={d.overdue} testId="kpi-overdue" tone="over" />
        <Kpi label={t("ledger.dashboard.dueSoon")} value={d.dueSoon} testId="kpi-dueSoon" tone="warn" />
      </dl>
      <div className="ledger-charts">
        <Figure id="byState" title={t("ledger.dashboard.byState")} head={[t("ledger.filter.state"), count]} rows={states.map((r) => [r.label, r.count])}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={states} margin={{ top: 20, right: 8, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={AXIS} interval={0} />
              <YAxis allowDecimals={false} tick={AXIS} width={32} />
              <Tooltip />
              <Bar dataKey="count" name={count} isAnimationActive={false} maxBarSize={48}>
                {states.map((r) => (
                  <Cell key={r.key} fill={STATE_COLOURS[r.key]} />
                ))}
                <LabelList dataKey="count" position="top" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Figure>

        <Figure
          id="byDepartment"
          title={t("ledger.dashboard.byDepartment")}
          head={[
            t("ledger.dashboard.name"),
            t("ledger.dashboard.seriesTotal"),
            t("ledger.dashboard.seriesOpen"),
            t("ledger.dashboard.seriesOverdue"),
            t("ledger.dashboard.seriesAnswered"),
          ]}
          rows={departments.map((r) => [r.name, r.total, r.open, r.overdue, r.answered])}
        >
          <ResponsiveContainer width="100%" height={Math.max(160, 60 + departments.length * 44)}>
            <BarChart data={departments} layout="vertical" margin={{ top: 0, right: 24, left: 8, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={AXIS} />
              <YAxis type="category" dataKey="name" tick={AXIS} width={190} />
              <Tooltip />
              <Legend />
              <Bar dataKey="open" name={t("ledger.dashboard.seriesOpen")} fill={SERIES.open} isAnimationActive={false} maxBarSize={48}>
                <LabelList dataKey="open" position="right" />
              </Bar>
              <Bar dataKey="overdue" name={t("ledger.dashboard.seriesOverdue")} fill={SERIES.overdue} isAnimationActive={false} maxBarSize={48}>
                <LabelList dataKey="overdue" position="right" />
              </Bar>
              <Bar dataKey="total" name={t("ledger.dashboard.seriesTotal")} fill={SERIES.total} isAnimationActive={false} maxBarSize={48}>
                <LabelList dataKey="total" position="right" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Figure>

        <Figure
          id="byMonth"
          title={t("ledger.dashboard.byMonth")}
          head={[t("ledger.dashboard.month"), t("ledger.dashboard.seriesRaised"), t("ledger.dashboard.seriesClosed")]}
          rows={months.map((m) => [m.month, m.raised, m.closed])}
        >
          <ResponsiveContainer width="100%" height={240}>
            <ComposedChart data={months} margin={{ top: 20, right: 8, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" tick={AXIS} />
              <YAxis allowDecimals={false} tick={AXIS} width={32} />
              <Tooltip />
              <Legend />
              <Bar dataKey="raised" name={t("ledger.dashboard.seriesRaised")} fill={SERIES.raised} isAnimationActive={false} maxBarSize={48}>
                <LabelList dataKey="raised" position="top" />
              </Bar>
              <Line
                dataKey="closed"
                name={t("ledger.dashboard.seriesClosed")}
                stroke={SERIES.closed}
                strokeWidth={3}
                dot={{ r: 5 }}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </Figure>

        <Figure id="ratings" title={t("ledger.dashboard.ratings")} head={[t("ledger.dashboard.ratings"), count]} rows={ratings.map((r) => [r.label, r.count])}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={ratings} margin={{ top: 20, right: 8, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={AXIS} interval={0} />
              <YAxis allowDecimals={false} tick={AXIS} width={32} />
              <Tooltip />
              <Bar dataKey="count" name={count} isAnimationActive={false} maxBarSize={48}>
                {ratings.map((r) => (
                  <Cell key={r.key} fill={RATING_COLOURS[r.key]} />
                ))}
                <LabelList dataKey="count" position="top" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Figure>

        <Figure id="bySector" title={t("ledger.dashboard.bySector")} head={[t("ledger.filter.sector"), count]} rows={sectors.map((r) => [r.label, r.count])}>
          <HorizontalBars rows={sectors} name={count} colour={SERIES.total} />
        </Figure>

        <Figure id="byMeeting" title={t("ledger.dashboard.byMeeting")} head={[t("ledger.filter.source"), count]} rows={meetings.map((r) => [r.label, r.count])}>
          <HorizontalBars rows={meetings} name={count} colour={SERIES.open} />
        </Figure>
      </div>
    </>
  );
}

function HorizontalBars({ rows, name, colour }: { rows: { label: string; count: number }[]; name: string; colour: string }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, 40 + rows.length * 36)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 32, left: 8, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={AXIS} />
        <YAxis type="category" dataKey="label" tick={AXIS} width={190} />
        <Tooltip />
        <Bar dataKey="count" name={name} fill={colour} isAnimationActive={false} maxBarSize={48}>
          <LabelList dataKey="count" position="right" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

function Kpi({ label, value, testId, tone }: { label: string; value: number; testId: string; tone?: "over" | "warn" }) {
  return (
    <div className={`ledger-kpi${tone ? ` ledger-kpi-${tone}` : ""}`}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** A chart with its title, and its data as a table (the text alternative) to open below it. */
function Figure({ id, title, head, rows, children }: { id: string; title: string; head: string[]; rows: (string | number)[][]; children: ReactNode }) {
  const { t } = useAdminT();
  const empty = rows.length === 0 || rows.every((r) => r.slice(1).every((v) => v === 0));
  return (
    <figure className="admin-card ledger-figure" aria-labelledby={`chart-${id}`} data-testid={`chart-${id}`}>
      <figcaption id={`chart-${id}`}>
        <h2>{title}</h2>
      </figcaption>
      {empty ? (
        <p className="muted">{t("ledger.dashboard.noData")}</p>
      ) : (
        <div role="img" aria-label={t("ledger.dashboard.chartLabel", { title })} className="ledger-chart">
          {children}
        </div>
      )}
      <details>
        <summary>{t("ledger.dashboard.showTable")}</summary>
        <table className="admin-table ledger-data-table" data-testid={`chart-${id}-table`}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={i} scope="col" className={i > 0 ? "num" : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="num">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
