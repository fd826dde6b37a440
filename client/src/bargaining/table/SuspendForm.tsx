import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import { fromZonedInput } from "@core/time/meetingTime.ts";
import { useMeetingTime } from "../../features/meeting/useMeetingTime.ts";
import { openMattersOf } from "./bargainingTable.ts";

/** 中止 (§34): the presiding chief gives the reason, the open matters and the agreed time to resume (the meeting's wall clock). */
export function SuspendForm({ run, pending, onClose }: { run: (command: Command) => Promise<boolean>; pending: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { timeZone } = useMeetingTime();
  const ids = { reason: useId(), matters: useId(), resume: useId() };
  const [reason, setReason] = useState("");
  const [matters, setMatters] = useState("");
  const [resume, setResume] = useState("");
  const resumeAt = fromZonedInput(resume, timeZone);
  return (
    <form
      className="bt-form bt-suspend-form"
      data-testid="bt-suspend-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (resumeAt === null) return;
        void run({ type: "bargaining.suspend", reason: reason.trim(), openMatters: openMattersOf(matters), resumeAt }).then((ok) => ok && onClose());
      }}
    >
      <h3>{t("bargaining.suspend.title")}</h3>
      <label htmlFor={ids.reason}>{t("bargaining.suspend.reason")}</label>
      <textarea id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} autoFocus data-testid="bt-suspend-reason" />
      <label htmlFor={ids.matters}>{t("bargaining.suspend.openMatters")}</label>
      <textarea id={ids.matters} value={matters} onChange={(e) => setMatters(e.target.value)} rows={3} data-testid="bt-suspend-matters" />
      <label htmlFor={ids.resume}>{t("bargaining.suspend.resumeAt")}</label>
      <input id={ids.resume} type="datetime-local" value={resume} onChange={(e) => setResume(e.target.value)} data-testid="bt-suspend-resume-at" />
      <span className="button-row">
        <button type="button" className="secondary" onClick={onClose}>
          {t("bargaining.cancel")}
        </button>
        <button type="submit" className="danger" disabled={pending || reason.trim() === "" || resumeAt === null} data-testid="bt-suspend-send">
          {pending ? t("pending") : t("bargaining.suspend.confirm")}
        </button>
      </span>
    </form>
  );
}
