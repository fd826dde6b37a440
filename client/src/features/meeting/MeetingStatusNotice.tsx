import { useTranslation } from "react-i18next";
import { useMeeting } from "../../connection/useMeeting.ts";

/** A clear notice while the meeting has not started, or after it closed. */
export function MeetingStatusNotice() {
  const { t } = useTranslation();
  const { state } = useMeeting();
  if (!state || state.status === "open") return null;
  const key = state.status === "scheduled" ? "scheduled" : "closed";
  return (
    <div className={`banner banner-status status-${key}`} role="status" data-testid="meeting-status">
      <strong>{t(`meeting.${key}`)}</strong>
      <span className="small"> · {t(`meeting.${key}Hint`)}</span>
    </div>
  );
}
