import { useTranslation } from "react-i18next";
import { attendanceSummary } from "@core/attendance/summary.ts";
import { Icon } from "../../components/Icon.tsx";
import { useMeeting } from "../../connection/useMeeting.ts";

/** 应到 / 实到 / 请假 and whether the meeting is quorate. */
export function AttendanceSummary({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  if (!state) return null;
  const s = attendanceSummary(state);
  return (
    <div className={`attendance-summary${compact ? " compact" : ""}`} data-testid="attendance-summary">
      <span>
        {t("attendance.expected")} <strong data-testid="expected">{s.expected}</strong>
      </span>
      <span>
        {t("attendance.present")} <strong data-testid="present">{s.present}</strong>
      </span>
      <span>
        {t("attendance.excused")} <strong data-testid="excused">{s.excused}</strong>
      </span>
      {s.quorate === null ? (
        <span className="muted">{t("attendance.noQuorumRule")}</span>
      ) : s.quorate ? (
        <span className="quorate">
          <Icon name="dot" /> {t("attendance.quorate")}
        </span>
      ) : (
        <span className="not-quorate">
          <Icon name="warning" /> {t("attendance.notQuorate", { needed: s.needed })}
        </span>
      )}
    </div>
  );
}
