import { useState } from "react";
import { useTranslation } from "react-i18next";
import { sectorParty } from "@core/affiliation.ts";
import { formatClock } from "@core/clock.ts";
import { MEETING_CLOSING, type EntryRef } from "@core/record/schema.ts";
import { roleTellsApart } from "@core/roleLabels.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import type { Interjection, InterjectionRecord } from "@core/interjection/schema.ts";
import { Icon } from "../../components/Icon.tsx";
import { useMeeting, useDisplayName, useRoster } from "../../connection/useMeeting.ts";
import { KindBadge } from "../floor/KindBadge.tsx";
import { speakerName } from "../floor/speakingPlan.ts";
import { isEnded } from "../interjection/interjection.ts";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import { PollStatusBadge } from "../poll/PollBits.tsx";
import { PollResultView } from "../poll/PollResultView.tsx";
import { TranscriptView } from "../transcript/TranscriptView.tsx";
import type { PlaybackPoint } from "../transcript/transcriptView.ts";
import { Decisions } from "./Decisions.tsx";
import { RecordingPlayer, type PlayerHandle } from "./RecordingPlayer.tsx";
import { speechRecordings } from "./recordingLabel.ts";
import { useRecordings } from "./recordings.ts";
import { Suggestions } from "./Suggestions.tsx";
import { SummaryEditor } from "./SummaryEditor.tsx";
import { MEETING_CLOSING_KEY } from "./Timeline.tsx";
import { useMeetingTime } from "../meeting/useMeetingTime.ts";
import type { TimelineEntry, TimelineGroup } from "./timeline.ts";

/** The selected entry of the timeline: its facts, and the notes written about it. */
export function EntryDetail({ groups, selected, readOnly }: { groups: TimelineGroup[]; selected: string | null; readOnly: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const person = useRoster();
  const nameOf = useDisplayName();
  const role = useRoleLabel();
  const { time } = useMeetingTime();
  const clockTime = (ms: number) => time(ms, { seconds: true });
  /** What is known about a person, in one line: 界别, 党派, 单位 — led by the role word where the kind tells people apart by it (as in the minutes). */
  const personLine = (p: RosterEntry | undefined): string =>
    [...(p && roleTellsApart(state?.kind ?? "") ? [role(p)] : []), ...sectorParty(p), ...(p?.unit ? [p.unit] : [])].join(" · ");
  const recordings = useRecordings();
  /** The players on screen by recording, for a transcript line to play from its moment (kept by their ref callbacks). */
  const [players] = useState(() => new Map<string, PlayerHandle>());
  if (!state || selected === null)
    return (
      <section className="panel detail-panel muted" data-testid="entry-detail-empty">
        {t("notes.selectHint")}
      </section>
    );
  const itemTitle = (id: string | null) => {
    const index = state.agenda.findIndex((a) => a.id === id);
    return index < 0 ? t("speaking.noItem") : `${index + 1}. ${state.agenda[index]!.title}`;
  };

  // An agenda item: its times, the summary of its briefing (情况通报) and its 议定事项.
  if (selected.startsWith("item:")) {
    const itemId = selected === "item:none" ? null : selected.slice(5);
    const item = state.agenda.find((a) => a.id === itemId);
    return (
      <section className="panel detail-panel" data-testid="entry-detail" data-key={selected}>
        <h2>{itemTitle(itemId)}</h2>
        {item && (
          <p className="muted small">
            {t("notes.itemTimes", { planned: formatClock(item.plannedMs), actual: formatClock(item.actualMs) })}
            {item.startedAt !== null && ` · ${t("notes.itemCurrent", { time: clockTime(item.startedAt) })}`}
            {item.presenter && ` · ${item.presenter}`}
          </p>
        )}
        {itemId !== null && <SummaryEditor key={`briefing:${itemId}`} entry={{ kind: "briefing", id: itemId }} readOnly={readOnly} />}
        <Decisions itemId={itemId} readOnly={readOnly} />
        {itemId !== null && <SummaryEditor key={`closing:${itemId}`} entry={{ kind: "closing", id: itemId }} readOnly={readOnly} />}
      </section>
    );
  }

  // The chair's closing remarks on the whole meeting (主持人总结), after the last item.
  if (selected === MEETING_CLOSING_KEY) {
    return (
      <section className="panel detail-panel" data-testid="entry-detail" data-key={selected}>
        <h2>{t("notes.meetingClosing", { chair: role({ role: "chair" }) })}</h2>
        <SummaryEditor key={selected} entry={{ kind: "closing", id: MEETING_CLOSING }} readOnly={readOnly} />
      </section>
    );
  }

  let found: { entry: TimelineEntry; itemId: string | null } | null = null;
  let interjection: Interjection | InterjectionRecord | null = null;
  for (const g of groups) {
    for (const entry of g.entries) {
      if (entry.key === selected) found = { entry, itemId: g.itemId };
      if (entry.type === "speech") {
        const i = entry.interjections.find((x) => `interjection:${x.interjectionId}` === selected);
        if (i) {
          found = { entry, itemId: g.itemId };
          interjection = i;
        }
      }
    }
  }
  if (!found)
    return (
      <section className="panel detail-panel muted" data-testid="entry-detail-empty">
        {t("notes.selectHint")}
      </section>
    );
  const { entry, itemId } = found;
  const notes = (ref: EntryRef) => (
    <>
      <SummaryEditor key={`${ref.kind}:${ref.id}`} entry={ref} readOnly={readOnly} />
      <Suggestions key={`s-${ref.kind}:${ref.id}`} entry={ref} readOnly={readOnly} />
    </>
  );
  // The speech's recordings (the speaker's takes first), each registered for click-to-play.
  const recordingPlayers = (speechId: string, speakerId: string | null) => {
    const audio = recordings?.get(speechId);
    if (!audio || audio.length === 0) return null;
    return (
      <div className="detail-recording">
        {speechRecordings(audio, speakerId).map((r, _, all) => (
          <RecordingPlayer
            key={r.id}
            recording={r}
            siblings={all}
            speakerId={speakerId}
            ref={(handle) => {
              if (handle) players.set(r.id, handle);
              else players.delete(r.id);
            }}
          />
        ))}
      </div>
    );
  };
  /** 速记稿: the entry's transcript lines, played in the speaker's takes of the speech (not the interpreter's). */
  const transcript = (ref: { kind: "speech" | "interjection"; id: string }, startedAt: number, speechId: string | null, speakerId: string | null) => {
    const parts = recordings === null ? null : (recordings.get(speechId ?? "") ?? []).filter((r) => r.participantId === speakerId && r.status === "ready");
    const play = (point: PlaybackPoint) => players.get(point.recordingId)?.playFrom(point.atMs);
    return <TranscriptView key={`transcript:${ref.kind}:${ref.id}`} entry={ref} startedAt={startedAt} parts={parts} onPlay={play} readOnly={readOnly} />;
  };
  const times = (startedAt: number, ended: { endedAt: number; durationMs: number; overrunMs: number } | null) => (
    <dl className="detail-times">
      <dt>{t("record.start")}</dt>
      <dd>{clockTime(startedAt)}</dd>
      <dt>{t("record.end")}</dt>
      <dd>{ended ? clockTime(ended.endedAt) : t("notes.running")}</dd>
      <dt>{t("record.duration")}</dt>
      <dd>{ended ? formatClock(ended.durationMs) : "—"}</dd>
      {ended && ended.overrunMs > 0 && (
        <>
          <dt>{t("record.overrun")}</dt>
          <dd className="overrun">
            <Icon name="overrun" /> +{formatClock(ended.overrunMs)}
          </dd>
        </>
      )}
    </dl>
  );
  const wrap = (head: React.ReactNode, body: React.ReactNode) => (
    <section className="panel detail-panel" data-testid="entry-detail" data-key={selected}>
      <p className="muted small">{itemTitle(itemId)}</p>
      {head}
      {body}
    </section>
  );

  if (interjection) {
    const i = interjection;
    const who = person(i.participantId);
    const speech = entry.type === "speech" ? entry.speech : null;
    return wrap(
      <h2 data-testid="detail-speaker">
        {nameOf(i.participantId) ?? "—"} <KindBadge kind="interjection" /> <span className="muted small">{personLine(who)}</span>
      </h2>,
      <>
        <p className="small">
          {t("notes.interjectionInto", { name: speech ? speakerName(speech, nameOf) : "—" })}
          {i.point && ` · ${t("interjection.pointLabel", { point: i.point })}`}
        </p>
        {times(i.startedAt, isEnded(i) ? i : null)}
        {i.outcome && (
          <p className="small">
            {t("interjection.outcomeLabel")} {t(`interjection.outcome.${i.outcome}`)}
          </p>
        )}
        {/* The interjection is heard inside its speech's recording. */}
        {speech &&
          state.transcript.some((l) => l.entry.kind === "interjection" && l.entry.id === i.interjectionId) &&
          recordingPlayers(speech.speechId, speech.participantId)}
        {transcript({ kind: "interjection", id: i.interjectionId }, i.startedAt, speech?.speechId ?? null, speech?.participantId ?? null)}
        {notes({ kind: "interjection", id: i.interjectionId })}
      </>,
    );
  }

  switch (entry.type) {
    case "speech": {
      const s = entry.speech;
      const who = person(s.participantId);
      const booking = s.bookingId ? state.plan.find((p) => p.bookingId === s.bookingId) : undefined;
      return wrap(
        <h2 data-testid="detail-speaker">
          {speakerName(s, nameOf)} <KindBadge kind={s.kind} /> <span className="muted small">{personLine(who)}</span>
        </h2>,
        <>
          {times(s.startedAt, "endedAt" in s ? s : null)}
          {booking && (
            <details className="detail-booked" open data-testid="detail-booked">
              <summary>
                {t("notes.bookedText")}
                {booking.title && `${t("punct.colon")}${booking.title}`}
              </summary>
              <p className="note-text small">{booking.text || t("notes.empty")}</p>
            </details>
          )}
          {recordingPlayers(s.speechId, s.participantId)}
          {transcript({ kind: "speech", id: s.speechId }, s.startedAt, s.speechId, s.participantId)}
          {notes({ kind: "speech", id: s.speechId })}
        </>,
      );
    }
    case "written": {
      const w = entry.written;
      const who = person(w.participantId);
      return wrap(
        <h2 data-testid="detail-speaker">
          {nameOf(w.participantId) ?? "—"} <KindBadge kind="written" /> <span className="muted small">{personLine(who)}</span>
        </h2>,
        <>
          <p className="muted small">{t("notes.submittedAt", { time: clockTime(w.at) })}</p>
          <p className="note-text small detail-written">{w.text}</p>
          {notes({ kind: "written", id: w.writtenId })}
        </>,
      );
    }
    case "planned": {
      const p = entry.planned;
      return wrap(
        <h2 data-testid="detail-speaker">
          {nameOf(p.participantId) ?? "—"} <KindBadge kind="written" />
        </h2>,
        <>
          <p className="muted small">
            {t("notes.beforeMeeting")}
            {p.title && ` · ${p.title}`}
          </p>
          <p className="note-text small detail-written">{p.text}</p>
        </>,
      );
    }
    case "poll": {
      const p = entry.poll;
      return wrap(
        <h2>
          {t("notes.poll")}
          {t("punct.colon")}
          {p.definition.title} <PollStatusBadge poll={p} />
        </h2>,
        <>
          <p className="muted small">
            {clockTime(entry.at)}
            {p.closedAt !== null && ` – ${clockTime(p.closedAt)}`} · {p.definition.secret ? t("poll.secret") : t("poll.named")}
          </p>
          {/* Closed without a result: a member's screen before the chair publishes it. */}
          {p.result ? (
            <PollResultView poll={p} result={p.result} />
          ) : (
            <p className="muted">{t(p.status === "open" ? "notes.pollOpen" : "notes.pollUnpublished")}</p>
          )}
        </>,
      );
    }
    case "attendance": {
      const who = person(entry.participantId);
      return wrap(
        <h2>
          {nameOf(entry.participantId) ?? "—"} <span className="muted small">{personLine(who)}</span>
        </h2>,
        <p>
          {clockTime(entry.at)} {t(`notes.attendance.${entry.status}`)}
          {entry.via && `${t("punct.open")}${t(`attendance.via.${entry.via}`)}${t("punct.close")}`}
        </p>,
      );
    }
    case "itemStart":
      return wrap(<h2>{t("notes.itemStarted")}</h2>, <p>{clockTime(entry.at)}</p>);
  }
}
