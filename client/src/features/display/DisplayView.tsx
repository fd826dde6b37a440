import { useTranslation } from "react-i18next";
import { sectorParty } from "@core/affiliation.ts";
import { countdown, speechClock, formatClock } from "@core/clock.ts";
import { Icon } from "../../components/Icon.tsx";
import { useMeeting, useDisplayName, useRoster, useServerNow } from "../../connection/useMeeting.ts";
import { AttendanceSummary } from "../attendance/AttendanceSummary.tsx";
import { GuestChip, KindBadge } from "../floor/KindBadge.tsx";
import { speakerName, upcomingSpeakers } from "../floor/speakingPlan.ts";
import { SpeakerVideo } from "../media/SpeakerVideo.tsx";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import { VenueMutedLabel } from "../media/VenueMutedLabel.tsx";
import { DisplayMedia } from "../venue/DisplayMedia.tsx";
import { DisplayPoll } from "../poll/DisplayPoll.tsx";
import { DisplayCaptions } from "../transcript/Captions.tsx";
import { displayedPoll } from "../poll/polls.ts";
import { DisplayGroupBoard, useGroupsOnDisplay } from "../groups/DisplayGroupBoard.tsx";
import "../interjection/interjection.css";
import "./display.css";

/**
 * The room display (大屏) for the projector, read from the back of the room: no controls,
 * no cursor, no scrollbars. `?theme=dark` for projectors that show dark backgrounds better.
 * It plays and shows the remote speakers; as the venue terminal (`?venue=1`) it also publishes the room.
 * Captions (字幕) of the entry holding the floor run under the speaker.
 */
export function DisplayView() {
  const { t } = useTranslation();
  const { state, welcome, status } = useMeeting();
  const person = useRoster();
  const nameOf = useDisplayName();
  const role = useRoleLabel();
  const now = useServerNow();
  // 分组讨论: while the groups meet, every group's card takes the floor's place.
  const groupsOn = useGroupsOnDisplay();
  const theme = new URLSearchParams(window.location.search).get("theme") === "dark" ? "dark" : "light";
  if (!state || !welcome) return null;

  const itemIndex = state.agenda.findIndex((item) => item.id === state.currentItemId);
  const item = state.agenda[itemIndex];
  const floor = state.floor;
  const speaker = floor ? person(floor.participantId) : undefined;
  const clock = floor ? speechClock(floor, now) : null;
  // The next three in the order the chair is offered (suggestion, then the one after, …).
  const next = upcomingSpeakers(state, 3);
  // 插话: who answers whose speech, with its own clock; the speech's clock stays frozen meanwhile.
  const running = state.interjection;
  const interjectionClock = running ? countdown(running.startedAt, running.capMs, now) : null;
  const interrupted = running ? (floor?.speechId === running.speechId ? floor : state.speeches.find((s) => s.speechId === running.speechId)) : undefined;
  const heldByInterjection = running !== null && floor?.speechId === running.speechId && clock?.paused === true;
  // 表决: the open poll, or the published result until the next speech, in place of the speaker.
  const poll = displayedPoll(state);

  return (
    <div className={`display display-${theme}`} data-testid="display">
      <header className="display-header">
        <h1>{welcome.meeting.title}</h1>
        <DisplayMedia />
        <VenueMutedLabel />
        {status !== "connected" && (
          <span className="display-offline" data-testid="display-offline">
            <Icon name="ring" /> {t(`status.${status}`)}
          </span>
        )}
      </header>
      <p className="display-item" data-testid="display-item">
        {state.status === "scheduled"
          ? t("meeting.scheduled")
          : state.status === "closed"
            ? t("meeting.closed")
            : item
              ? `${t("agenda.current")}  ${itemIndex + 1}. ${item.title}`
              : ""}
      </p>
      {groupsOn ? (
        <DisplayGroupBoard />
      ) : poll ? (
        <DisplayPoll poll={poll} />
      ) : (
        <main className={`display-floor${clock ? ` phase-${clock.phase}` : ""}${running ? " with-interjection" : ""}`}>
          {floor && clock ? (
            <>
              <div className="display-speaker">
                <p className="display-label">{t("floor.title")}</p>
                <p className="display-name" data-testid="display-speaker">
                  {speakerName(floor, nameOf)}
                </p>
                <p className="display-meta" data-testid="display-meta">
                  {floor.guestName !== null ? (
                    <GuestChip />
                  ) : (
                    [...(speaker ? [role(speaker)] : []), ...sectorParty(speaker), ...(speaker?.unit ? [speaker.unit] : [])].join(" · ")
                  )}
                </p>
                <SpeakerVideo participantId={floor.participantId} />
              </div>
              <div className={`display-clock${clock.paused ? " paused" : ""}`} role="timer">
                <span className="display-clock-top">
                  <KindBadge kind={floor.kind} />
                  {clock.paused ? (
                    <span className="display-phase display-paused" data-testid="display-paused">
                      <Icon name="pause" /> {heldByInterjection ? t("interjection.pausedForInterjection") : t("speaking.paused")}
                    </span>
                  ) : (
                    <span className="display-phase">
                      <Icon name={clock.phase === "overrun" ? "overrun" : clock.phase === "warning" ? "warning" : "clock"} />{" "}
                      {clock.phase === "overrun" ? t("floor.overrun") : clock.phase === "warning" ? t("floor.warning") : t("floor.remaining")}
                    </span>
                  )}
                </span>
                <span className="display-digits" data-testid="display-countdown">
                  {formatClock(clock.remainingMs)}
                </span>
              </div>
            </>
          ) : (
            !running && (
              <p className="display-name idle" data-testid="display-speaker">
                {t("floor.nobody")}
              </p>
            )
          )}
          {running && interjectionClock && (
            <div className={`display-interjection phase-${interjectionClock.phase}`} role="timer" data-testid="display-interjection">
              <span className="display-interjection-who">
                <KindBadge kind="interjection" />
                <span data-testid="display-interjection-title">
                  {t("interjection.responds", {
                    official: nameOf(running.participantId) ?? "—",
                    speaker: interrupted ? speakerName(interrupted, nameOf) : "—",
                  })}
                </span>
              </span>
              <span className="display-interjection-clock">
                <span className="display-phase">
                  <Icon name={interjectionClock.phase === "overrun" ? "overrun" : interjectionClock.phase === "warning" ? "warning" : "clock"} />{" "}
                  {interjectionClock.phase === "overrun"
                    ? t("floor.overrun")
                    : interjectionClock.phase === "warning"
                      ? t("floor.warning")
                      : t("interjection.myClock")}
                </span>
                <span className="display-interjection-digits" data-testid="display-interjection-countdown">
                  {formatClock(interjectionClock.remainingMs)}
                </span>
              </span>
            </div>
          )}
        </main>
      )}
      <DisplayCaptions />
      <footer className="display-footer">
        {/* The plenary's next speakers, not while the groups meet (the groups' cards are the news then). */}
        {!groupsOn && (
          <div className="display-next">
            <span className="display-label">{t("display.nextSpeakers")}</span>
            {next.length === 0 ? (
              <span className="muted">{t("display.nobodyWaiting")}</span>
            ) : (
              <ol data-testid="display-next">
                {next.map((entry) => (
                  <li key={entry.participantId}>
                    {speakerName(entry, nameOf)}
                    {entry.kind !== "impromptu" && <span className="next-kind">{t(`speaking.kind.${entry.kind}`)}</span>}
                  </li>
                ))}
              </ol>
            )}
          </div>
        )}
        <AttendanceSummary />
      </footer>
    </div>
  );
}
