import { useTranslation } from "react-i18next";
import { sectorParty } from "@core/affiliation.ts";
import { speechClock, formatClock } from "@core/clock.ts";
import { useMeeting, useDisplayName, useRoster, useServerNow } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import { InterjectionCard } from "../interjection/InterjectionCard.tsx";
import { useChairWord, useRoleLabel } from "../meeting/useRoleLabel.ts";
import { RoomVideos } from "../media/RoomVideos.tsx";
import { SpeakerVideo } from "../media/SpeakerVideo.tsx";
import { clockWords } from "./clockWords.ts";
import { GuestChip, KindBadge } from "./KindBadge.tsx";
import { speakerName, usedShare } from "./speakingPlan.ts";

/**
 * 正在发言: who has the floor, their video when received, and the countdown every screen shows
 * alike. `clock={false}` leaves the countdown out where another one is always on screen: the
 * member's view has it in the sticky floor bar (MemberFloorBar), and one clock must not say two things.
 * Not a live region, as it ticks: ClockAnnouncements says the new speaker and the clock's news once.
 */
export function CurrentSpeaker({ size = "normal", clock: withClock = true }: { size?: "normal" | "large"; clock?: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const person = useRoster();
  const nameOf = useDisplayName();
  const role = useRoleLabel();
  const { chair } = useChairWord();
  const now = useServerNow();
  const floor = state?.floor;

  if (!floor) {
    return (
      <section className={`speaker-card idle ${size}`} data-testid="speaker-card">
        <p className="label">{t("floor.title")}</p>
        <p className="speaker-name muted" data-testid="speaker-name">
          {t("floor.nobody")}
        </p>
        <p className="muted">{t("floor.nobodyHint", { chair })}</p>
        <InterjectionCard />
        <RoomVideos />
      </section>
    );
  }

  const speaker = person(floor.participantId);
  const clock = speechClock(floor, now);
  const used = usedShare(floor, now);
  // Paused: said in words with its own icon, whatever the phase's colour.
  // Paused by an interjection into this speech: it resumes by itself when the interjection ends.
  const heldByInterjection = state?.interjection?.speechId === floor.speechId && clock.paused;
  const { label: phaseLabel, icon: phaseIcon } = clockWords(t, clock, heldByInterjection);
  return (
    <section className={`speaker-card phase-${clock.phase} ${size}${clock.paused ? " paused" : ""}`} data-testid="speaker-card">
      <p className="label label-row">
        {t("floor.title")} <KindBadge kind={floor.kind} />
      </p>
      <p className="speaker-name" data-testid="speaker-name">
        {speakerName(floor, nameOf)}
      </p>
      <p className="speaker-meta" data-testid="speaker-meta">
        {floor.guestName !== null ? <GuestChip /> : [...(speaker ? [role(speaker)] : []), ...sectorParty(speaker)].join(" · ")}
      </p>
      <SpeakerVideo participantId={floor.participantId} />
      <InterjectionCard />
      {withClock && (
        <>
          <div className="clock" role="timer" aria-label={phaseLabel}>
            <span className={`clock-phase${clock.paused ? " clock-paused" : ""}`} data-testid="clock-phase" data-phase={clock.phase} data-paused={clock.paused}>
              <Icon name={phaseIcon} /> {phaseLabel}
            </span>
            <span className="clock-digits" data-testid="countdown">
              {formatClock(clock.remainingMs)}
            </span>
          </div>
          <div className="clock-bar" aria-hidden="true">
            <div style={{ width: `${used * 100}%` }} />
          </div>
        </>
      )}
      <RoomVideos />
    </section>
  );
}
