import { useTranslation } from "react-i18next";
import { useMeeting } from "../../connection/useMeeting.ts";

/** One line under the title: the agenda item being discussed now. */
export function CurrentItem() {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const index = state?.agenda.findIndex((item) => item.id === state.currentItemId) ?? -1;
  const item = index >= 0 ? state!.agenda[index] : undefined;
  if (!item) return null;
  return (
    <p className="current-item" data-testid="current-item">
      <span className="muted">{t("agenda.current")}</span> {index + 1}. {item.title}
    </p>
  );
}
