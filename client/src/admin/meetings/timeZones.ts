import { DEFAULT_TIME_ZONE, isTimeZone, utcOffsetText, viewerTimeZone, zoneName } from "@core/time/meetingTime.ts";

/**
 * The zones offered for a meeting: China's first, then the zones of places a delegation or an
 * overseas member commonly sits in, the browser's own and the meeting's current one (whatever it is).
 */
const COMMON_ZONES = [
  DEFAULT_TIME_ZONE,
  "Asia/Urumqi",
  "Asia/Hong_Kong",
  "Asia/Macau",
  "Asia/Taipei",
  "Asia/Tokyo",
  "Asia/Seoul",
  "Asia/Singapore",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "UTC",
];

export function timeZoneChoices(current: string, browser: string = viewerTimeZone()): string[] {
  return [...new Set([...COMMON_ZONES, browser, current])].filter(isTimeZone);
}

/** "北京时间 · Asia/Shanghai" / "UTC+9 · Asia/Tokyo", the offset as of now. */
export function zoneLabel(zone: string, language: "zh" | "en", now = Date.now()): string {
  const name = zoneName(now, zone, language);
  return name === utcOffsetText(now, zone) ? `${zone} (${name})` : `${name} · ${zone}`;
}
