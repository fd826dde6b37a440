import { useId } from "react";
import { useTranslation } from "react-i18next";
import { captionEntry, captionLines } from "@core/transcript/captions.ts";
import type { TranscriptLine } from "@core/transcript/schema.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { useMediaPrefs } from "../media/mediaPrefs.ts";
import { useActingRole } from "../meeting/useActingRole.ts";
import { captionsOffered } from "./stenography.ts";
import "./transcript.css";

/**
 * The lines themselves, newest last. The box keeps its height and shows the newest text at the
 * bottom (older text runs off the top), as captions do. Lines arrive whole (a stenographer's Enter),
 * never per keystroke, so `live` (the phone's) may announce each added line politely; removals
 * (the oldest line leaving the window) are not announced.
 */
function CaptionLines({ lines, live, className, testId }: { lines: TranscriptLine[]; live: boolean; className: string; testId: string }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <section className={`captions ${className}`} aria-labelledby={labelId} data-testid={testId}>
      <h2 id={labelId} className="captions-label">
        {t("transcript.captions.region")}
      </h2>
      <ol className="captions-lines" aria-live={live ? "polite" : undefined} aria-relevant={live ? "additions" : undefined}>
        {lines.map((line) => (
          <li key={line.id} data-testid="caption-line">
            {line.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** 字幕 on the room display (大屏), under the speaker: large, the last three lines of the entry holding the floor. */
export function DisplayCaptions() {
  const { state } = useMeeting();
  if (!state) return null;
  const lines = captionLines(state, 3);
  if (lines.length === 0) return null;
  // The projector has no screen reader: nothing announced.
  return <CaptionLines lines={lines} live={false} className="display-captions" testId="display-captions" />;
}

/**
 * 字幕 on a member's (official's, observer's) page when switched on in 音视频设置 on this device
 * (mediaPrefs.captions, off by default): the last lines of the entry holding the floor, in the
 * sticky floor bar so they stay in view while the member scrolls. Shown (empty at first) as soon
 * as someone holds the floor, so a screen reader knows the live region before the first line comes.
 */
export function PhoneCaptions() {
  const { state } = useMeeting();
  const { captions } = useMediaPrefs();
  const role = useActingRole();
  if (!state || !captions || !captionsOffered(role) || !captionEntry(state)) return null;
  const lines = captionLines(state, 3);
  return <CaptionLines lines={lines} live className="phone-captions" testId="phone-captions" />;
}
