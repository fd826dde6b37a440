import { useTranslation } from "react-i18next";
import { countdown, formatClock } from "@core/clock.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Icon } from "../../components/Icon.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useMeeting, useDisplayName, useRoster, useServerNow } from "../../connection/useMeeting.ts";
import { KindBadge } from "../floor/KindBadge.tsx";
import { useActingRole } from "../meeting/useActingRole.ts";
import { speakerName } from "../floor/speakingPlan.ts";
import "./interjection.css";

/**
 * The interjection in progress, on every screen but the display: "{official} 插话回应 {speaker}",
 * the point, its own countdown (amber / red like a speech; its start, minute marks and end said
 * in words by ClockAnnouncements); for the chair 结束插话.
 */
export function InterjectionCard() {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const acting = useActingRole();
  const person = useRoster();
  const nameOf = useDisplayName();
  const now = useServerNow();
  const { run, pending, error, clearError } = useCommand();
  const running = state?.interjection;
  if (!state || !running) return null;
  const official = person(running.participantId);
  const interrupted = state.floor?.speechId === running.speechId ? state.floor : state.speeches.find((s) => s.speechId === running.speechId);
  const speaker = interrupted ? speakerName(interrupted, nameOf) : "—";
  const clock = countdown(running.startedAt, running.capMs, now);
  const phaseLabel = clock.phase === "overrun" ? t("floor.overrun") : clock.phase === "warning" ? t("floor.warning") : t("interjection.myClock");
  const phaseIcon = clock.phase === "overrun" ? "overrun" : clock.phase === "warning" ? "warning" : "clock";
  return (
    // Not a live region: it holds the ticking digits (ClockAnnouncements says the interjection's news).
    <div className={`interjection-card phase-${clock.phase}`} data-testid="interjection-card">
      <p className="interjection-title label-row">
        <KindBadge kind="interjection" />
        <span data-testid="interjection-title">{t("interjection.responds", { official: nameOf(running.participantId) ?? "—", speaker })}</span>
      </p>
      {(official?.unit || running.point) && (
        <p className="interjection-meta">
          {[official?.unit, running.point && t("interjection.pointLabel", { point: running.point })].filter(Boolean).join(" · ")}
        </p>
      )}
      <div className="clock interjection-clock" role="timer" aria-label={phaseLabel}>
        <span className="clock-phase" data-testid="interjection-phase" data-phase={clock.phase}>
          <Icon name={phaseIcon} /> {phaseLabel}
        </span>
        <span className="interjection-digits" data-testid="interjection-countdown">
          {formatClock(clock.remainingMs)}
        </span>
      </div>
      {acting === "chair" && (
        <div className="interjection-actions">
          <ErrorNotice message={error} onClose={clearError} />
          <button type="button" className="danger" disabled={pending} onClick={() => void run({ type: "interjection.end" })} data-testid="end-interjection">
            {t("interjection.end")}
          </button>
        </div>
      )}
    </div>
  );
}
