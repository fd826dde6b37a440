import { useTranslation } from "react-i18next";
import { formatClock } from "@core/clock.ts";
import type { Command } from "@core/meeting.ts";
import { useMeeting, useDisplayName, useRoster, useServerNow } from "../../connection/useMeeting.ts";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import { interjectionsOff } from "./interjection.ts";
import "./interjection.css";

/** The chair's 插话申请: separate from the queue and prominent; 同意 / 拒绝; the 本议题允许插话 switch. */
export function InterjectionRequests({ run, pending }: { run: (command: Command) => Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const person = useRoster();
  const nameOf = useDisplayName();
  const role = useRoleLabel();
  const now = useServerNow(1000);
  if (!state) return null;
  const requests = state.interjectionRequests;
  const enabled = !interjectionsOff(state);
  return (
    <section
      className={`panel interjection-requests${requests.length > 0 ? " has-requests" : ""}`}
      aria-labelledby="interjection-requests-title"
      data-testid="interjection-requests"
    >
      <h2 id="interjection-requests-title" className="interjection-requests-head">
        <span>
          {t("interjection.title")}{" "}
          {requests.length > 0 && (
            <span className="count-badge" data-testid="interjection-request-count">
              {requests.length}
            </span>
          )}
        </span>
        <label className="switch small">
          <input
            type="checkbox"
            checked={enabled}
            disabled={pending || state.status !== "open"}
            onChange={(e) => void run({ type: "interjection.setEnabled", enabled: e.target.checked })}
            data-testid="interjections-enabled"
          />
          {t("interjection.enabled")}
        </label>
      </h2>
      {requests.length === 0 ? (
        <p className="muted small">{enabled ? t("interjection.none") : t("interjection.off")}</p>
      ) : (
        <ol className="queue interjection-request-list">
          {requests.map((r) => {
            const p = person(r.participantId);
            return (
              <li key={r.requestId} data-testid="interjection-request">
                <span className="name-cell">
                  <span className="name">{nameOf(r.participantId) ?? "—"}</span>
                  {p && <span className="chip">{role(p)}</span>}
                  {(p?.unit ?? p?.sector) && <span className="chip">{p.unit ?? p.sector}</span>}
                </span>
                {r.point && (
                  <span className="interjection-point" data-testid="interjection-request-point">
                    {t("interjection.pointLabel", { point: r.point })}
                  </span>
                )}
                <span className="muted small waiting">{t("interjection.waiting", { time: formatClock(Math.max(0, now - r.at)) })}</span>
                <span className="row-actions">
                  <button
                    type="button"
                    className="secondary"
                    disabled={pending}
                    onClick={() => void run({ type: "interjection.decline", requestId: r.requestId })}
                    data-testid="decline-interjection"
                  >
                    {t("interjection.decline")}
                  </button>
                  <button
                    type="button"
                    className="primary"
                    disabled={pending || state.interjection !== null}
                    onClick={() => void run({ type: "interjection.grant", requestId: r.requestId })}
                    data-testid="grant-interjection"
                  >
                    {t("interjection.grant")}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
