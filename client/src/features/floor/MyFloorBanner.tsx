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
  return (
    <div className="banner banner-floor" role="status" data-testid="my-floor-banner">
      <Icon name="mic" /> {t("floor.youHaveFloor")}
      <span className="my-clock">
        {clock.paused ? <><Icon name="pause" /> {t("speaking.paused")}</> : t("speaking.myClock")}
        <strong data-testid="my-countdown">{formatClock(clock.remainingMs)}</strong>
      </span>
    </div>
  );
}
