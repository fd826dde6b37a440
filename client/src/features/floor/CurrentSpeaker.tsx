import { useTranslation } from "react-i18next";
import { countdown, formatClock } from "@core/clock.ts";
import { useMeeting, useRoster, useServerNow } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import { RoomVideos } from "../media/RoomVideos.tsx";
import { SpeakerVideo } from "../media/SpeakerVideo.tsx";

/** 正在发言: who has the floor, their video when received, and the countdown every screen shows alike. */
export function CurrentSpeaker({ size = "normal" }: { size?: "normal" | "large" }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const person = useRoster();
  const now = useServerNow();
  const floor = state?.floor;

  if (!floor) {
    return (
      <section className={`speaker-card idle ${size}`} aria-live="polite" data-testid="speaker-card">
        <p className="label">{t("floor.title")}</p>
        <p className="speaker-name muted" data-testid="speaker-name">{t("floor.nobody")}</p>
        <p className="muted">{t("floor.nobodyHint")}</p>
        <RoomVideos />
      </section>
    );
  }

  const speaker = person(floor.participantId);
  const clock = countdown(floor.startedAt, floor.capMs, now);
  const used = Math.min(1, Math.max(0, (now - floor.startedAt) / floor.capMs));
  const phaseLabel = clock.phase === "overrun" ? t("floor.overrun") : clock.phase === "warning" ? t("floor.warning") : t("floor.remaining");
  const phaseIcon = clock.phase === "overrun" ? "overrun" : clock.phase === "warning" ? "warning" : "clock";
  return (
    <section className={`speaker-card phase-${clock.phase} ${size}`} aria-live="polite" data-testid="speaker-card">
      <p className="label">{t("floor.title")}</p>
      <p className="speaker-name" data-testid="speaker-name">{speaker?.name ?? "—"}</p>
      <p className="speaker-meta">{[speaker && t(`role.${speaker.role}`), speaker?.sector, speaker?.party].filter(Boolean).join(" · ")}</p>
      <SpeakerVideo participantId={floor.participantId} />
      <div className="clock" role="timer" aria-label={phaseLabel}>
        <span className="clock-phase" data-testid="clock-phase" data-phase={clock.phase}>
          <Icon name={phaseIcon} /> {phaseLabel}
        </span>
        <span className="clock-digits" data-testid="countdown">{formatClock(clock.remainingMs)}</span>
      </div>
      <div className="clock-bar" aria-hidden="true">
        <div style={{ width: `${used * 100}%` }} />
      </div>
      <RoomVideos />
    </section>
  );
}
