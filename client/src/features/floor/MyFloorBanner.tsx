import { useTranslation } from "react-i18next";
import { formatClock, speechClock } from "@core/clock.ts";
import { useMeeting, useServerNow } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import "./speaking.css";

/** Full-width notice for the member who holds the floor, with their own countdown (paused said in words). */
export function MyFloorBanner() {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  const now = useServerNow();
  const floor = state?.floor;
  if (!welcome || !floor || floor.participantId !== welcome.me.id) return null;
  const clock = speechClock(floor, now);
  // An interjection into my speech holds my clock and my microphone until it ends.
  const interjected = clock.paused && state.interjection?.speechId === floor.speechId;
  return (
    <div className="banner banner-floor" role="status" data-testid="my-floor-banner">
      <Icon name="mic" /> {t("floor.youHaveFloor")}
      <span className="my-clock">
        {interjected ? (
          <>
            <Icon name="pause" /> {t("interjection.pausedForInterjection")} · {t("media.micOff")}
          </>
        ) : clock.paused ? (
          <>
            <Icon name="pause" /> {t("speaking.paused")}
          </>
        ) : (
          t("speaking.myClock")
        )}
        <strong data-testid="my-countdown">{formatClock(clock.remainingMs)}</strong>
      </span>
    </div>
  );
}
