import { formatLongDateTime, fromZonedInput, toZonedInput } from "@core/time/meetingTime.ts";
import type { Meeting } from "../types.ts";

/**
 * "2026年5月12日 周二 14:30" / "Tue 12 May 2026, 14:30" in the meeting's time zone
 * (core/time/meetingTime.ts), with the zone named when the browser's differs.
 */
export function formatDateTime(iso: string | null | undefined, language: "zh" | "en", timeZone: string, viewer?: string): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return formatLongDateTime(ms, { language, timeZone, ...(viewer ? { viewer } : {}) });
}

/** ISO string → the value of an <input type="datetime-local"> showing the meeting's wall clock. */
export function toLocalInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? "" : toZonedInput(ms, timeZone);
}

/** The value of an <input type="datetime-local"> (the meeting's wall clock) → ISO string, or null if empty. */
export function fromLocalInput(value: string, timeZone: string): string | null {
  if (!value) return null;
  const ms = fromZonedInput(value, timeZone);
  return ms === null ? null : new Date(ms).toISOString();
}

export type MeetingGroup = "upcoming" | "live" | "past";

/** A meeting counts as in progress for this long after its start unless the server says otherwise. */
const LIVE_WINDOW_MS = 12 * 3600_000;

export function groupOf(meeting: Meeting, now: number): MeetingGroup {
  if (meeting.archived) return "past";
  if (meeting.status === "open" || meeting.status === "live") return "live";
  if (meeting.status === "closed") return "past";
  // Not opened yet (the server says so): still to come, however late.
  if (meeting.status === "scheduled") return "upcoming";
  if (!meeting.startsAt) return "upcoming";
  const start = new Date(meeting.startsAt).getTime();
  if (start > now) return "upcoming";
  return now - start < LIVE_WINDOW_MS ? "live" : "past";
}
