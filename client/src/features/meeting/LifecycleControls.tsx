import { useTranslation } from "react-i18next";
import { attendanceSummary } from "@core/attendance/summary.ts";
import type { Command } from "@core/meeting.ts";
import { useConfirm } from "../../components/ConfirmDialog.tsx";
import { useMeeting } from "../../connection/useMeeting.ts";

/**
 * The chair opens (宣布开会) and closes (宣布散会) the meeting. Opening below the quorum asks
 * first and says how many are present of how many needed; closing always asks.
 */
export function LifecycleControls({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const [confirm, dialog] = useConfirm();
  if (!state || state.status === "closed") return null;
  if (state.status === "scheduled") {
    const open = async () => {
      const summary = attendanceSummary(state);
      if (summary.quorate === false && summary.needed !== null) {
        const ok = await confirm({
          title: t("confirm.openBelowQuorumTitle"),
          body: (
            <p data-testid="quorum-warning">
              {t("confirm.openBelowQuorumBody", {
                present: summary.present,
                needed: summary.needed,
                expected: summary.expected,
                missing: summary.needed - summary.present,
              })}
            </p>
          ),
          confirmLabel: t("confirm.openBelowQuorum"),
          testId: "confirm-open-meeting",
        });
        if (!ok) return;
      }
      void run({ type: "meeting.open" });
    };
    return (
      <>
        <button type="button" className="primary wide" disabled={pending} onClick={() => void open()} data-testid="open-meeting">
          {t("meeting.open")}
        </button>
        {dialog}
      </>
    );
  }
  const close = async () => {
    const ok = await confirm({
      title: t("confirm.closeMeetingTitle"),
      body: <p>{t("meeting.confirmClose")}</p>,
      confirmLabel: t("confirm.closeMeeting"),
      testId: "confirm-close-meeting",
    });
    if (ok) void run({ type: "meeting.close" });
  };
  return (
    <>
      <button type="button" className="danger" disabled={pending} data-testid="close-meeting" onClick={() => void close()}>
        {t("meeting.close")}
      </button>
      {dialog}
    </>
  );
}
