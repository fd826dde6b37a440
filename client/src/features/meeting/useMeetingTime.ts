import { useMemo } from "react";
import { DEFAULT_TIME_ZONE, formatDateClock, formatTimeOfDay } from "@core/time/meetingTime.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";

export interface MeetingTime {
  /** The meeting's zone (`state.timeZone`, set by the organisers). */
  timeZone: string;
  /**
   * "14:24" (or "14:24:05" with seconds) in the meeting's zone; "（北京时间）" / " (Beijing time)" is added when the
   * browser's clock differs, unless `named` is false (a column under a heading that names the zone once).
   */
  time: (ms: number, options?: { seconds?: boolean; named?: boolean }) => string;
  /** "2026-12-04 14:05" in the meeting's zone from an ISO string, named when the browser's differs. */
  stamp: (iso: string) => string;
}

/** The live meeting's times as its screens show them (core/time/meetingTime.ts). */
export function useMeetingTime(): MeetingTime {
  const { state } = useMeeting();
  const timeZone = state?.timeZone ?? DEFAULT_TIME_ZONE;
  return useMemo(
    () => ({
      timeZone,
      time: (ms, options = {}) =>
        formatTimeOfDay(ms, { timeZone, seconds: options.seconds ?? false, language: currentLanguage(), ...(options.named === false ? { viewer: null } : {}) }),
      stamp: (iso) => formatDateClock(Date.parse(iso), { timeZone, language: currentLanguage() }),
    }),
    [timeZone],
  );
}
