// Times as the meeting has them (issue 19): every screen and document shows a moment in the
// meeting's time zone (default Asia/Shanghai), whatever the zone of the browser or server, and
// names the zone when it differs from the viewer's, so the record, the minutes, the ledger and
// the admin app agree (14:24 in one place and 22:24 in another was the same moment). Pure: Intl
// with an explicit timeZone; the viewer's zone is passed in (the browser's by default).

import { z } from "zod";

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** Whether Intl knows the zone (an IANA name such as Asia/Shanghai or UTC). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A meeting's time zone as the API and the live meeting accept it. */
export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, { message: "unknown time zone" });

type Language = "zh" | "en";

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone (building an Intl.DateTimeFormat is the costly part). */
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    });
    formats.set(timeZone, format);
  }
  return format;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
}

const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The calendar and clock fields of a moment in a time zone. */
export function zonedParts(ms: number, timeZone = DEFAULT_TIME_ZONE): ZonedParts {
  const out: Record<string, string> = {};
  for (const p of partsFormat(timeZone).formatToParts(ms)) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: WEEKDAY_INDEX[out.weekday ?? ""] ?? 0,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The zone's offset from UTC at a moment, in minutes (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The browser's (or process's) time zone. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Whether the viewer reads clocks differently from the meeting at this moment (another offset). */
export const zoneDiffers = (ms: number, timeZone: string, viewer: string = viewerTimeZone()): boolean =>
  zoneOffsetMinutes(ms, timeZone) !== zoneOffsetMinutes(ms, viewer);

/** "UTC+8", "UTC-5", "UTC+5:30". */
export function utcOffsetText(ms: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(ms, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ""}`;
}

/** The zone's name for people: 北京时间 / Beijing time for China, else the UTC offset. */
export function zoneName(ms: number, timeZone: string, language: Language = "zh"): string {
  if (zoneOffsetMinutes(ms, timeZone) === 480 && CHINA_ZONES.has(timeZone)) return language === "zh" ? "北京时间" : "Beijing time";
  return utcOffsetText(ms, timeZone);
}

const CHINA_ZONES = new Set(["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Urumqi", "PRC", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei"]);

export interface MeetingTimeOptions {
  /** The meeting's zone (DEFAULT_TIME_ZONE when not given). */
  timeZone?: string | null;
  /** Whose clock the reader has: the browser's unless given. Null: never name the zone (documents). */
  viewer?: string | null;
  language?: Language;
}

/**
 * A zone's name as appended after a time: "（北京时间）" in Chinese (full-width brackets, no space),
 * " (Beijing time)" in English.
 */
export function zoneSuffix(name: string, language: Language = "zh"): string {
  return language === "en" ? ` (${name})` : `（${name}）`;
}

function suffix(ms: number, options: MeetingTimeOptions): string {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const viewer = options.viewer === undefined ? viewerTimeZone() : options.viewer;
  if (viewer === null || !zoneDiffers(ms, timeZone, viewer)) return "";
  return zoneSuffix(zoneName(ms, timeZone, options.language), options.language);
}

/** "14:24" in the meeting's zone, with "（北京时间）" / " (Beijing time)" when the viewer's clock differs. */
export function formatTimeOfDay(ms: number, options: MeetingTimeOptions & { seconds?: boolean } = {}): string {
  const p = zonedParts(ms, options.timeZone ?? DEFAULT_TIME_ZONE);
  return `${pad(p.hour)}:${pad(p.minute)}${options.seconds ? `:${pad(p.second)}` : ""}${suffix(ms, options)}`;
}

/** "2026-12-04 14:05" in the meeting's zone, named when the viewer's clock differs. */
export function formatDateClock(ms: number, options: MeetingTimeOptions = {}): string {
  const p = zonedParts(ms, options.timeZone ?? DEFAULT_TIME_ZONE);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}${suffix(ms, options)}`;
}

const ZH_WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];
const EN_WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026年5月12日 周二 14:30" / "Tue 12 May 2026, 14:30", in the meeting's zone, named when it differs. */
export function formatLongDateTime(ms: number, options: MeetingTimeOptions = {}): string {
  const p = zonedParts(ms, options.timeZone ?? DEFAULT_TIME_ZONE);
  const clock = `${pad(p.hour)}:${pad(p.minute)}`;
  const text =
    options.language === "en"
      ? `${EN_WEEKDAYS[p.weekday]} ${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}, ${clock}`
      : `${p.year}年${p.month}月${p.day}日 周${ZH_WEEKDAYS[p.weekday]} ${clock}`;
  return text + suffix(ms, options);
}

/** A moment → the value of an <input type="datetime-local"> showing the meeting's wall clock. */
export function toZonedInput(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The value of an <input type="datetime-local"> read as the meeting's wall clock → the moment; null if unreadable. */
export function fromZonedInput(value: string, timeZone = DEFAULT_TIME_ZONE): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  // The offset at the wall time read as UTC, then corrected once (exact except inside a DST jump).
  let ms = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  ms = wall - zoneOffsetMinutes(ms, timeZone) * 60_000;
  return Number.isFinite(ms) ? ms : null;
}

/** The zone's name for a heading over many times (北京时间), or null when the viewer's clock reads the same at `at`. */
export function zoneNote(at: number, timeZone: string = DEFAULT_TIME_ZONE, language: Language = "zh", viewer: string = viewerTimeZone()): string | null {
  return zoneDiffers(at, timeZone, viewer) ? zoneName(at, timeZone, language) : null;
}
