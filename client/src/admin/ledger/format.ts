// Dates and times of the ledger, always in China time (deadlines are China calendar dates).
import { LEDGER_TIME_ZONE, chinaDate, daysBetween } from "@core/ledger/deadline.ts";

/** "2026-12-04 14:05" in China time. */
export function formatAt(at: string | number | null | undefined): string {
  if (at === null || at === undefined || at === "") return "";
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return "";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: LEDGER_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Today's date in China (the minimum of a deadline, the default date received). */
export const today = (now = Date.now()): string => chinaDate(now);

/** Days from today to the deadline (negative when overdue). */
export const daysLeft = (deadline: string, now = Date.now()): number => daysBetween(chinaDate(now), deadline);
