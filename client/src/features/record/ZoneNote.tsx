import { useState } from "react";
import { zoneNote, zoneSuffix } from "@core/time/meetingTime.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { useMeetingTime } from "../meeting/useMeetingTime.ts";

/** "（北京时间）" / " (Beijing time)" after a heading over many times when the browser's clock differs from the meeting's (core/time/meetingTime.ts). */
export function ZoneNote({ testId }: { testId: string }) {
  const [now] = useState(() => Date.now());
  const language = currentLanguage();
  const note = zoneNote(now, useMeetingTime().timeZone, language);
  if (!note) return null;
  return (
    <span className="muted small" data-testid={testId}>
      {zoneSuffix(note, language)}
    </span>
  );
}
