// The ledger's filters, shared by the list and the dashboard. Choices apply at once; the text
// applies on Enter or 筛选. The URL is the only state: onChange navigates.
import { useCallback, useId, useMemo, useState, type FormEvent } from "react";
import { LEDGER_ORIGINS, LEDGER_SOURCES, LEDGER_STATES } from "@core/ledger/item.ts";
import type { Department } from "@core/ledger/json.ts";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { FILTER_KEYS, isFiltered, setFilter, type FilterKey, type LedgerFilter } from "./filters.ts";
import { ledgerApi } from "./ledgerApi.ts";

export interface FilterOptions {
  departments: Department[];
  sectors: string[];
  meetings: { id: string; title: string }[];
}

/**
 * The choices for the filters: departments (the secretariat only; a department filters nothing by
 * department) and the sectors and meetings that occur in the ledger the user may see.
 */
export function useFilterOptions(withDepartments: boolean): FilterOptions {
  const departments = useResource(
    useCallback(() => (withDepartments ? ledgerApi.departments().then((r) => r.departments) : Promise.resolve([])), [withDepartments]),
  );
  const items = useResource(useCallback(() => ledgerApi.items({}).then((r) => r.items), []));
  return useMemo(() => {
    const all = items.data ?? [];
    const sectors = [...new Set(all.map((i) => i.sector).filter((s): s is string => !!s))].sort((a, b) => a.localeCompare(b, "zh-CN"));
    const meetings = new Map<string, string>();
    for (const i of all) if (i.meetingId) meetings.set(i.meetingId, i.meetingTitle ?? i.meetingId);
    return { departments: departments.data ?? [], sectors, meetings: [...meetings].map(([id, title]) => ({ id, title })) };
  }, [departments.data, items.data]);
}

export function FilterBar({
  filter,
  options,
  onChange,
  showState,
  showDepartment,
}: {
  filter: LedgerFilter;
  options: FilterOptions;
  onChange: (filter: LedgerFilter) => void;
  showState: boolean;
  showDepartment: boolean;
}) {
  const { t } = useAdminT();
  const id = useId();
  // On a phone the filters fold away behind a button (CSS shows it only there).
  const [expanded, setExpanded] = useState(false);
  const active = FILTER_KEYS.filter((k) => k !== "state" && filter[k] !== undefined).length;
  const set = (key: FilterKey, value: string) => onChange(setFilter(filter, key, value));
  const select = (key: FilterKey, label: string, choices: [string, string][]) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={filter[key] ?? ""} onChange={(e) => set(key, e.target.value)} data-testid={`ledger-filter-${key}`}>
        <option value="">{t("ledger.filter.all")}</option>
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  // A department or meeting named in the URL but not (yet) among the choices still shows.
  const withCurrent = (choices: [string, string][], current: string | undefined): [string, string][] =>
    current && !choices.some(([v]) => v === current) ? [...choices, [current, current]] : choices;
  return (
    <div className={`ledger-filter-box${expanded ? " expanded" : ""}`}>
      <button
        type="button"
        className="ledger-filter-toggle"
        aria-expanded={expanded}
        aria-controls={`${id}-filters`}
        onClick={() => setExpanded((e) => !e)}
        data-testid="ledger-filter-toggle"
      >
        {t("ledger.filter.legend")}
        {active > 0 && <span className="count">{active}</span>}
        <span aria-hidden="true">{expanded ? "▴" : "▾"}</span>
      </button>
      <form id={`${id}-filters`} className="ledger-filters" role="search" aria-label={t("ledger.filter.legend")} onSubmit={(e) => e.preventDefault()}>
        {showState &&
          select(
            "state",
            t("ledger.filter.state"),
            LEDGER_STATES.map((s) => [s, t(`ledger.state.${s}`)]),
          )}
        {showDepartment &&
          select(
            "departmentId",
            t("ledger.filter.department"),
            withCurrent(
              options.departments.map((d) => [d.id, d.name]),
              filter.departmentId,
            ),
          )}
        {select(
          "sector",
          t("ledger.filter.sector"),
          withCurrent(
            options.sectors.map((s) => [s, s]),
            filter.sector,
          ),
        )}
        {select(
          "source",
          t("ledger.filter.source"),
          LEDGER_SOURCES.map((s) => [s, t(`ledger.source.${s}`)]),
        )}
        {select(
          "origin",
          t("ledger.filter.origin"),
          LEDGER_ORIGINS.map((o) => [o, t(`ledger.origin.${o}`)]),
        )}
        {select(
          "meetingId",
          t("ledger.filter.meeting"),
          withCurrent(
            options.meetings.map((m) => [m.id, m.title]),
            filter.meetingId,
          ),
        )}
        <div className="field">
          <label htmlFor={`${id}-month`}>{t("ledger.filter.month")}</label>
          <input id={`${id}-month`} type="month" value={filter.month ?? ""} onChange={(e) => set("month", e.target.value)} data-testid="ledger-filter-month" />
        </div>
        {select("flag", t("ledger.filter.flag"), [
          ["overdue", t("ledger.flag.overdue")],
          ["dueSoon", t("ledger.flag.dueSoon")],
        ])}
        <TextFilter key={filter.q ?? ""} initial={filter.q ?? ""} onApply={(q) => set("q", q)} />
        {isFiltered(filter) && (
          <button type="button" className="link ledger-clear" onClick={() => onChange({})} data-testid="ledger-filter-clear">
            {t("ledger.filter.clear")}
          </button>
        )}
      </form>
    </div>
  );
}

function TextFilter({ initial, onApply }: { initial: string; onApply: (q: string) => void }) {
  const { t } = useAdminT();
  const id = useId();
  const [typed, setTyped] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(typed);
  };
  // Its own form: Enter in the box applies the text and nothing else.
  return (
    <div className="field ledger-q">
      <label htmlFor={id}>{t("ledger.filter.q")}</label>
      <div className="ledger-q-row">
        <input
          id={id}
          type="search"
          value={typed}
          maxLength={100}
          placeholder={t("ledger.filter.qPlaceholder")}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") submit(e);
          }}
          data-testid="ledger-filter-q"
        />
        <button type="button" onClick={() => onApply(typed)} data-testid="ledger-filter-apply">
          {t("ledger.filter.apply")}
        </button>
      </div>
    </div>
  );
}
