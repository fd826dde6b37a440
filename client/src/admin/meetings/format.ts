import type { Meeting } from "../types.ts";

/** "2026年5月12日 14:30" / "12 May 2026, 14:30". */
export function formatDateTime(iso: string | null | undefined, language: "zh" | "en"): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(language === "zh" ? "zh-CN" : "en-GB", {
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

/** ISO string → the value of an <input type="datetime-local"> in local time. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of an <input type="datetime-local"> (local time) → ISO string, or null if empty. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export type MeetingGroup = "upcoming" | "live" | "past";

/** A meeting counts as in progress for this long after its start unless the server says otherwise. */
const LIVE_WINDOW_MS = 12 * 3600_000;

export function groupOf(meeting: Meeting, now: number): MeetingGroup {
  if (meeting.archived) return "past";
  if (meeting.status === "open" || meeting.status === "live") return "live";
  if (meeting.status === "closed") return "past";
  if (!meeting.startsAt) return "upcoming";
  const start = new Date(meeting.startsAt).getTime();
  if (start > now) return "upcoming";
  return now - start < LIVE_WINDOW_MS ? "live" : "past";
}
