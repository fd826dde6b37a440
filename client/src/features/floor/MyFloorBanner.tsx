import { useTranslation } from "react-i18next";
import { formatClock, speechClock } from "@core/clock.ts";
import { useMeeting, useServerNow } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import { MicToggle } from "../media/MicToggle.tsx";
import "./speaking.css";

/**
 * The notice for the member who holds the floor (您已获得发言权), with their own countdown and the
 * microphone button: over time it says 已超时 +0:48 on red, paused is said in words. It sits in
 * the phone's sticky bar (MemberFloorBar), so it never scrolls away while they speak.
 */
export function MyFloorBanner() {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const now = useServerNow();
  const floor = state?.floor;
  if (!welcome || !floor || floor.participantId !== welcome.me.id) return null;
  const clock = speechClock(floor, now);
  // An interjection into my speech holds my clock and my microphone until it ends.
  const interjected = clock.paused && state.interjection?.speechId === floor.speechId;
  const over = !clock.paused && clock.phase === "overrun";
  return (
    <div className={`banner banner-floor${over ? " banner-floor-over" : ""}`} data-testid="my-floor-banner" data-phase={clock.phase}>
      <p className="floor-prompt" data-testid="floor-prompt">
        <Icon name="mic" /> {t("floor.youHaveFloor")}
      </p>
      <span className="my-clock" data-testid="my-clock">
        {interjected ? (
          <>
            <Icon name="pause" /> {t("interjection.pausedForInterjection")} · {t("media.micOff")}
          </>
        ) : clock.paused ? (
          <>
            <Icon name="pause" /> {t("speaking.paused")}
          </>
        ) : over ? (
          <>
            <Icon name="overrun" /> {t("floor.overrun")}
          </>
        ) : (
          t("speaking.myClock")
        )}
        <strong data-testid="my-countdown">{formatClock(clock.remainingMs)}</strong>
      </span>
      {!interjected && <MicToggle />}
    </div>
  );
}
