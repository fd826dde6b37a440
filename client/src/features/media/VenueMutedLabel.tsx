import { useTranslation } from "react-i18next";
import { useMeeting } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import "./media.css";

/** Every screen says when the chair has muted the room's microphone (会场), so nobody waits for it. */
export function VenueMutedLabel() {
  const { t } = useTranslation();
  const { state } = useMeeting();
  if (!state?.venueMuted) return null;
  return (
    <p className="venue-muted" role="status" data-testid="venue-muted">
      <Icon name="warning" />
      {t("media.venueMuted")}
    </p>
  );
}
