import { useTranslation } from "react-i18next";
import { useMeeting } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";

/** Full-width notice for the member who holds the floor. */
export function MyFloorBanner() {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  if (!welcome || state?.floor?.participantId !== welcome.me.id) return null;
  return (
    <div className="banner banner-floor" role="status" data-testid="my-floor-banner">
      <Icon name="mic" /> {t("floor.youHaveFloor")}
    </div>
  );
}
