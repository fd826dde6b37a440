// The dashboard's data (GET /api/ledger/dashboard) and the rows its charts and their tables show.
import { LEDGER_SOURCES, LEDGER_STATES, RATINGS, SOURCE_LABELS, type LedgerSource, type LedgerState, type Rating } from "@core/ledger/item.ts";
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

/** Months from the first to the last present, gaps filled with zeros, in order. */
export function monthRows(byMonth: LedgerDashboard["byMonth"]): LedgerDashboard["byMonth"] {
  if (byMonth.length === 0) return [];
  const known = new Map(byMonth.map((m) => [m.month, m]));
  const sorted = [...known.keys()].sort();
  const [firstYear, firstMonth] = sorted[0]!.split("-").map(Number) as [number, number];
  const last = sorted.at(-1)!;
  const rows: LedgerDashboard["byMonth"] = [];
  for (let y = firstYear, m = firstMonth; rows.length < 240; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    rows.push(known.get(month) ?? { month, raised: 0, closed: 0 });
    if (month === last) break;
  }
  return rows;
}

/** Departments with the most open items first (then by overdue, name). */
export const departmentRows = (d: LedgerDashboard): LedgerDashboard["byDepartment"] =>
  [...d.byDepartment].sort((a, b) => b.open - a.open || b.overdue - a.overdue || b.total - a.total || a.name.localeCompare(b.name, "zh-CN"));

/** The source of a byMeeting row for items outside meetings (the server labels them 接待日, 热线, 其他). */
export const sourceOfRow = (row: { meetingId: string | null; title: string }): LedgerSource | null =>
  row.meetingId === null ? (LEDGER_SOURCES.find((s) => SOURCE_LABELS[s] === row.title) ?? null) : null;
