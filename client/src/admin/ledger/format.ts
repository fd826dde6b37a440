// Dates and times of the ledger, always in China time (deadlines are China calendar dates).
import { LEDGER_TIME_ZONE, chinaDate, daysBetween } from "@core/ledger/deadline.ts";
import { formatDateClock } from "@core/time/meetingTime.ts";

/** "2026-12-04 14:05" in China time (core/time/meetingTime.ts), the zone named when the browser's differs. */
export function formatAt(at: string | number | null | undefined, viewer?: string): string {
  if (at === null || at === undefined || at === "") return "";
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return "";
  return formatDateClock(date.getTime(), { timeZone: LEDGER_TIME_ZONE, language: pageLanguage(), ...(viewer ? { viewer } : {}) });
}

/** The page's language (i18n.ts sets <html lang>), read without loading i18n here (unit tests have no storage). */
const pageLanguage = (): "zh" | "en" => (typeof document !== "undefined" && document.documentElement.lang === "en" ? "en" : "zh");

/** Today's date in China (the minimum of a deadline, the default date received). */
export const today = (now = Date.now()): string => chinaDate(now);

/** Days from today to the deadline (negative when overdue). */
export const daysLeft = (deadline: string, now = Date.now()): number => daysBetween(chinaDate(now), deadline);
