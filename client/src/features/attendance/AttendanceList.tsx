import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import { AttendanceSummary } from "./AttendanceSummary.tsx";

/** For the clerk and chair: who is here; check in people in the room, record excused absences. */
export function AttendanceList({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const nameOf = useDisplayName();
  const role = useRoleLabel();
  if (!state) return null;
  const people = state.roster.filter((p) => p.role === "member" || p.role === "official");
  return (
    <section className="panel" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t("attendance.title")}</h2>
      <AttendanceSummary />
      <ul className="participants attendance-list" data-testid="attendance-list">
        {people.map((p) => {
          const a = state.attendance[p.id];
          const status = a?.status ?? "absent";
          return (
            <li key={p.id} data-testid="attendance-row">
              <span className="name">{nameOf(p.id) ?? p.name}</span>
              <span className="muted small" data-testid="attendance-role">
                {role(p)}
              </span>
              <span className={`status status-${status}`}>
                {t(`attendance.status${status[0]!.toUpperCase()}${status.slice(1)}`)}
                {status === "present" && a?.via ? ` · ${t(`attendance.via.${a.via}`)}` : ""}
              </span>
              <span className="row-actions">
                {status !== "present" && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={pending}
                    onClick={() => void run({ type: "attendance.arrive", participantIds: [p.id], via: "clerk" })}
                  >
                    {t("attendance.markPresent")}
                  </button>
                )}
                {status === "absent" && (
                  <button
                    type="button"
                    className="ghost"
                    disabled={pending}
                    onClick={() => void run({ type: "attendance.excuse", participantId: p.id, excused: true })}
                  >
                    {t("attendance.excuse")}
                  </button>
                )}
                {status === "excused" && (
                  <button
                    type="button"
                    className="ghost"
                    disabled={pending}
                    onClick={() => void run({ type: "attendance.excuse", participantId: p.id, excused: false })}
                  >
                    {t("attendance.unexcuse")}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
