import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatClock, speechClock } from "@core/clock.ts";
import { interpreterOf } from "@core/media/audible.ts";
import { useDisplayName, useMeeting, useServerNow } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import { clockWords } from "./clockWords.ts";
import { InterpreterBanner } from "../interpretation/InterpreterBanner.tsx";
import { PhoneCaptions } from "../transcript/Captions.tsx";
import { MyFloorBanner } from "./MyFloorBanner.tsx";
import { speakerName, upcomingSpeakers } from "./speakingPlan.ts";
import "./speaking.css";

/** A short buzz where the phone allows it (navigator.vibrate: Android browsers; iOS has none). */
function buzz(pattern: number | number[]): void {
  if (typeof navigator.vibrate === "function") navigator.vibrate(pattern);
}

/**
 * The phone's sticky bar, under the header, over everything the member scrolls: their own floor
 * (您已获得发言权, their clock, the microphone), or who speaks and the clock, and 下一位是您 when
 * they are next; the interpreter's banner (您正在为本场传译, the microphone) above it; captions (字幕)
 * under it when switched on. The clock never hides behind the video or the bottom action.
 */
export function MemberFloorBar() {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const me = welcome?.me.id;
  const mine = Boolean(me && state?.floor?.participantId === me);
  const next = Boolean(me && state?.status === "open" && !mine && state && upcomingSpeakers(state, 1)[0]?.participantId === me);
  // Vibrate on becoming next and on being given the floor (once each time).
  const was = useRef({ next, mine });
  useEffect(() => {
    if (next && !was.current.next) buzz(200);
    if (mine && !was.current.mine) buzz([200, 100, 200]);
    was.current = { next, mine };
  }, [next, mine]);
  // The interpreter (传译) keeps their banner and microphone in view all the time they interpret.
  const interpreting = Boolean(me && state && !welcome?.display && state.interpretation && interpreterOf(state) === me);
  if (!state?.floor && !state?.interjection && !next && !interpreting) return null;
  return (
    <div className="member-floor-bar" data-testid="member-floor-bar">
      {interpreting && <InterpreterBanner toggle={!mine} />}
      {mine ? <MyFloorBanner /> : <FloorStrip />}
      <PhoneCaptions />
      {next && (
        <p className="next-up" role="status" data-testid="you-are-next">
          <Icon name="hand" /> <strong>{t("floor.youAreNext")}</strong> <span>{t("floor.youAreNextHint")}</span>
        </p>
      )}
    </div>
  );
}

/** One line for everyone else: who speaks, and the clock (已超时 +0:48 in red when over). */
function FloorStrip() {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const nameOf = useDisplayName();
  const now = useServerNow();
  const floor = state?.floor;
  if (!floor) return null;
  const clock = speechClock(floor, now);
  const heldByInterjection = state.interjection?.speechId === floor.speechId && clock.paused;
  const { label, icon } = clockWords(t, clock, heldByInterjection);
  return (
    <div className={`floor-strip phase-${clock.phase}${clock.paused ? " paused" : ""}`} role="timer" aria-label={label} data-testid="floor-strip">
      <span className="floor-strip-name">{t("floor.speaking", { name: speakerName(floor, nameOf) })}</span>
      <span className="floor-strip-clock" data-testid="floor-strip-clock" data-phase={clock.phase} data-paused={clock.paused}>
        <Icon name={icon} /> {label} <strong data-testid="floor-strip-countdown">{formatClock(clock.remainingMs)}</strong>
      </span>
    </div>
  );
}
