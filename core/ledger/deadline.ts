// Deadlines (办理时限) are calendar dates in China time: an item is due by the end of that day.
// 督办 flags an open item as overdue (逾期) after its deadline and as due soon (临期) within
// DUE_SOON_DAYS of it. Pure: the caller passes the clock.
import type { LedgerState } from "./item.ts";
import { DEFAULT_TIME_ZONE } from "../time/meetingTime.ts";

export const LEDGER_TIME_ZONE = DEFAULT_TIME_ZONE;
/** 临期: the deadline is today or within this many days. */
export const DUE_SOON_DAYS = 3;

const dateFormat = new Intl.DateTimeFormat("en-CA", { timeZone: LEDGER_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date (YYYY-MM-DD) in China at `ms`. */
export const chinaDate = (ms: number): string => dateFormat.format(ms);

/** A real date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export type DeadlineFlag = "overdue" | "dueSoon";

/**
 * Only open items with a deadline can be overdue or due soon: those with a department (已交办,
 * 办理中), and new ones that already carry a deadline (a meeting's decision with its 完成时限, an
 * imported 待交办 row) — not yet handed over is no excuse for missing the date.
 */
export function deadlineFlag(item: { state: LedgerState; deadline: string | null }, now: number): DeadlineFlag | null {
  if (item.deadline === null || (item.state !== "new" && item.state !== "assigned" && item.state !== "in_progress")) return null;
  const left = daysBetween(chinaDate(now), item.deadline);
  return left < 0 ? "overdue" : left <= DUE_SOON_DAYS ? "dueSoon" : null;
}
