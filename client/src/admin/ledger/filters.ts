// The ledger's filters (序号, state, department, sector, meeting, month, 逾期/临期, source, origin, text) live in
// the URL, so a filtered list or dashboard can be reloaded, linked and gone back to. The same
// query string goes to the server (GET /api/ledger/items, /dashboard, /export.*).
import { LEDGER_ORIGINS, LEDGER_SOURCES, LEDGER_STATES, type LedgerState } from "@core/ledger/item.ts";
import type { DeadlineFlag } from "@core/ledger/deadline.ts";
import type { z } from "zod";
import { LEDGER_NUMBER_PATTERN, type LedgerFilterQuery } from "@core/api/ledger.ts";

/** The query GET /api/ledger/items takes (the contract's, core/api/ledger.ts). */
export type LedgerFilter = z.infer<typeof LedgerFilterQuery>;
export type FilterKey = keyof LedgerFilter;

/** The keys in the order they are written to a URL. */
export const FILTER_KEYS: readonly FilterKey[] = ["number", "state", "departmentId", "sector", "meetingId", "month", "flag", "source", "origin", "q"];
const FLAGS: readonly DeadlineFlag[] = ["overdue", "dueSoon"];

const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined =>
  (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The filter a URL's query describes; unknown or malformed values are dropped. */
export function filterFromSearch(search: URLSearchParams): LedgerFilter {
  const filter: LedgerFilter = {};
  const text = (key: FilterKey, max: number): string | undefined => {
    const value = (search.get(key) ?? "").trim();
    return value && value.length <= max ? value : undefined;
  };
  const number = text("number", 9);
  if (number && LEDGER_NUMBER_PATTERN.test(number)) filter.number = number;
  const state = oneOf(LEDGER_STATES, search.get("state") ?? "");
  if (state) filter.state = state;
  const departmentId = text("departmentId", 64);
  if (departmentId) filter.departmentId = departmentId;
  const sector = text("sector", 100);
  if (sector) filter.sector = sector;
  const meetingId = text("meetingId", 64);
  if (meetingId) filter.meetingId = meetingId;
  const month = text("month", 7);
  if (month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month)) filter.month = month;
  const flag = oneOf(FLAGS, search.get("flag") ?? "");
  if (flag) filter.flag = flag;
  const source = oneOf(LEDGER_SOURCES, search.get("source") ?? "");
  if (source) filter.source = source;
  const origin = oneOf(LEDGER_ORIGINS, search.get("origin") ?? "");
  if (origin) filter.origin = origin;
  const q = text("q", 100);
  if (q) filter.q = q;
  return filter;
}

/** The query string of a filter ("" when nothing is filtered), keys in a fixed order; `omit` leaves some out. */
export function filterToQuery(filter: LedgerFilter, omit: readonly FilterKey[] = []): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined && value !== "" && !omit.includes(key)) params.set(key, value);
  }
  return params.toString();
}

/** `path` with the filter's query, if any. */
export const withQuery = (path: string, filter: LedgerFilter, omit: readonly FilterKey[] = []): string => {
  const query = filterToQuery(filter, omit);
  return query ? `${path}?${query}` : path;
};

/** The filter with one key set (or cleared by "" / undefined). */
export function setFilter(filter: LedgerFilter, key: FilterKey, value: string | undefined): LedgerFilter {
  const next: Record<string, string> = { ...filter } as Record<string, string>;
  if (value === undefined || value.trim() === "") delete next[key];
  else next[key] = value;
  return filterFromSearch(new URLSearchParams(next));
}

export const isFiltered = (filter: LedgerFilter, omit: readonly FilterKey[] = []): boolean => filterToQuery(filter, omit) !== "";

/** Items per state (every state present, 0 when none). */
export function countByState(items: readonly { state: LedgerState }[]): Record<LedgerState, number> {
  const counts = Object.fromEntries(LEDGER_STATES.map((s) => [s, 0])) as Record<LedgerState, number>;
  for (const item of items) counts[item.state] += 1;
  return counts;
}
