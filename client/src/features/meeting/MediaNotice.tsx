import { useTranslation } from "react-i18next";
import { useMeeting } from "../../connection/useMeeting.ts";

/** Says plainly when the meeting carries no audio or video, so nobody waits for sound. */
export function MediaNotice() {
  const { t } = useTranslation();
  const { welcome } = useMeeting();
  if (!welcome || welcome.media.available) return null;
  return (
    <p className="media-notice" role="note" data-testid="media-unavailable">
      {t("media.unavailable")}
    </p>
  );
}
