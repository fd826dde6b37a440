// The dashboard's data (GET /api/ledger/dashboard) and the rows its charts and their tables show.
import { LEDGER_STATES, RATINGS, type LedgerState, type Rating } from "@core/ledger/item.ts";
import type { LedgerDashboard } from "@core/ledger/report.ts";

/** The wire shape of GET /api/ledger/dashboard. */
export type { LedgerDashboard };

export interface CountRow<K extends string = string> {
  key: K;
  label: string;
  count: number;
}

export const stateRows = (d: LedgerDashboard, label: (s: LedgerState) => string): CountRow<LedgerState>[] =>
  LEDGER_STATES.map((s) => ({ key: s, label: label(s), count: d.byState[s] ?? 0 }));

export const ratingRows = (d: LedgerDashboard, label: (r: Rating) => string): CountRow<Rating>[] =>
  RATINGS.map((r) => ({ key: r, label: label(r), count: d.ratings[r] ?? 0 }));

/** The largest first, then by name; at most `limit` rows, the rest summed into one `other` row. */
export function topRows(rows: readonly { label: string; count: number }[], limit: number, other: string): CountRow[] {
  const sorted = [...rows].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "zh-CN"));
  const shown = sorted.slice(0, limit).map((r) => ({ key: r.label, label: r.label, count: r.count }));
  const rest = sorted.slice(limit).reduce((sum, r) => sum + r.count, 0);
  return rest > 0 ? [...shown, { key: "\u0000other", label: other, count: rest }] : shown;
}

/** Departments with the most open items first (then by overdue, name). */
export const departmentRows = (d: LedgerDashboard): LedgerDashboard["byDepartment"] =>
  [...d.byDepartment].sort((a, b) => b.open - a.open || b.overdue - a.overdue || b.total - a.total || a.name.localeCompare(b.name, "zh-CN"));
