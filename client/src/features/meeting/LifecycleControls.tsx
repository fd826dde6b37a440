import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import { useMeeting } from "../../connection/useMeeting.ts";

/** The chair opens (宣布开会) and closes (宣布散会) the meeting. */
export function LifecycleControls({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  if (!state || state.status === "closed") return null;
  if (state.status === "scheduled") {
    return (
      <button type="button" className="primary wide" disabled={pending} onClick={() => void run({ type: "meeting.open" })} data-testid="open-meeting">
        {t("meeting.open")}
      </button>
    );
  }
  return (
    <button
      type="button"
      className="danger"
      disabled={pending}
      data-testid="close-meeting"
      onClick={() => {
        if (window.confirm(t("meeting.confirmClose"))) void run({ type: "meeting.close" });
      }}
    >
      {t("meeting.close")}
    </button>
  );
}
