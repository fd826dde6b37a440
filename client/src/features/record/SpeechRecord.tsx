import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatClock } from "@core/clock.ts";
import { useMeeting, useDisplayName } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import { GuestChip, KindBadge } from "../floor/KindBadge.tsx";
import { speakerName } from "../floor/speakingPlan.ts";
import { interjectionsBySpeech, isEnded } from "../interjection/interjection.ts";
import { OutcomeButtons } from "../interjection/OutcomeButtons.tsx";
import "../interjection/interjection.css";
import { useCommand } from "../../connection/useCommand.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { TranscriptView } from "../transcript/TranscriptView.tsx";
import type { PlaybackPoint } from "../transcript/transcriptView.ts";
import { RecordingPlayer, type PlayerHandle } from "./RecordingPlayer.tsx";
import { speechRecordings } from "./recordingLabel.ts";
import { useRecordings } from "./recordings.ts";
import { recordTimeline } from "./timeline.ts";
import "./record.css";
import { ZoneNote } from "./ZoneNote.tsx";
import { useMeetingTime } from "../meeting/useMeetingTime.ts";
import { useActingRole } from "../meeting/useActingRole.ts";

const duration = (ms: number) => formatClock(ms);

/**
 * Every finished speech by agenda item and time: who, kind, start, end, duration, overrun, an
 * override of the suggested order with its reason; written speeches (书面) in their place; for the
 * chair and clerk each speech's recording.
 */
export function SpeechRecord() {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const displayName = useDisplayName();
  const { run, pending, error, clearError } = useCommand();
  const meetingTime = useMeetingTime();
  const acting = useActingRole();
  /** A cell of the table: the meeting's wall clock; the heading names the zone once when the browser's differs. */
  const time = (ms: number) => meetingTime.time(ms, { seconds: true, named: false });
  // 插话 nested under the speech they interrupted or followed; the chair, the clerk and the official
  // who responded mark the outcome (采纳 / 研究 / 说明).
  const interjections = state ? interjectionsBySpeech(state) : new Map<string, never[]>();
  // The chair or the clerk; the official who responded does not grade their own answer.
  const mayMark = acting === "chair" || acting === "clerk";
  const recordings = useRecordings();
  /** The players in the table by recording, for a transcript line to play from its moment. */
  const [players] = useState(() => new Map<string, PlayerHandle>());
  const play = (point: PlaybackPoint) => players.get(point.recordingId)?.playFrom(point.atMs);
  const speeches = state?.speeches ?? [];
  const overruns = speeches.filter((s) => s.overrunMs > 0).length;
  const groups = state ? recordTimeline(state) : [];
  const live = state?.floor && interjections.has(state.floor.speechId) ? state.floor : null;
  const columns = recordings ? 6 : 5;
  const itemTitle = (id: string | null) => {
    const index = state?.agenda.findIndex((a) => a.id === id) ?? -1;
    return index < 0 ? t("speaking.noItem") : `${index + 1}. ${state!.agenda[index]!.title}`;
  };
  // Each interjection: its times on one line, the point and the outcome on the next (narrow side panel).
  const interjectionRows = (speechId: string) =>
    (interjections.get(speechId) ?? []).flatMap((i) => [
      <tr key={i.interjectionId} className="record-interjection" data-testid="record-interjection" data-outcome={i.outcome ?? ""}>
        <td>
          <span className="nest" aria-hidden="true">
            ↳
          </span>
          {displayName(i.participantId) ?? "—"} <KindBadge kind="interjection" />
        </td>
        <td>{time(i.startedAt)}</td>
        <td>{isEnded(i) ? time(i.endedAt) : t("interjection.running")}</td>
        <td>{isEnded(i) ? duration(i.durationMs) : "—"}</td>
        <td colSpan={columns - 4} className={isEnded(i) && i.overrunMs > 0 ? "overrun" : undefined}>
          {isEnded(i) && i.overrunMs > 0 ? (
            <>
              <Icon name="overrun" /> +{duration(i.overrunMs)}
            </>
          ) : (
            "—"
          )}
        </td>
      </tr>,
      <tr key={`${i.interjectionId}-detail`} className="record-interjection record-interjection-detail" data-testid="record-interjection-detail">
        <td colSpan={columns}>
          {i.point && <span className="record-interjection-point">{t("interjection.pointLabel", { point: i.point })}</span>}
          <span className="record-interjection-outcome">
            {t("interjection.outcomeLabel")} <OutcomeButtons interjectionId={i.interjectionId} outcome={i.outcome} {...(mayMark ? { run, pending } : {})} />
          </span>
        </td>
      </tr>,
    ]);
  // 速记稿 of a finished speech and of its interjections, folded in a row under them (the chair's
  // record: the lines play in the recording column's player and may be corrected).
  const transcriptRow = (speechId: string, startedAt: number, speakerId: string | null, speaker: string) => {
    const lineCount = (kind: "speech" | "interjection", id: string) => state?.transcript.filter((l) => l.entry.kind === kind && l.entry.id === id).length ?? 0;
    const own = interjections.get(speechId) ?? [];
    const count = lineCount("speech", speechId) + own.reduce((n, i) => n + lineCount("interjection", i.interjectionId), 0);
    if (count === 0) return [];
    const parts = recordings === null ? null : (recordings.get(speechId) ?? []).filter((r) => r.participantId === speakerId && r.status === "ready");
    return [
      <tr key={`${speechId}-transcript`} className="record-transcript" data-testid="record-transcript">
        <td colSpan={columns}>
          <details>
            <summary>{t("transcript.view.summary", { count })}</summary>
            <TranscriptView
              entry={{ kind: "speech", id: speechId }}
              startedAt={startedAt}
              parts={parts}
              onPlay={play}
              readOnly={false}
              downloads={false}
              title={t("transcript.pad.speech", { name: speaker })}
            />
            {own.map((i) => (
              <TranscriptView
                key={i.interjectionId}
                entry={{ kind: "interjection", id: i.interjectionId }}
                startedAt={i.startedAt}
                parts={parts}
                onPlay={play}
                readOnly={false}
                downloads={false}
                title={t("transcript.pad.interjection", { name: displayName(i.participantId) ?? "—" })}
              />
            ))}
          </details>
        </td>
      </tr>,
    ];
  };
  // The suggested person of an override: on the roster, or a guest known from another speech.
  const nameOf = (id: string) => displayName(id) ?? speeches.find((s) => s.participantId === id)?.guestName ?? t("speaking.guest");
  return (
    <section className="panel" aria-labelledby="record-title">
      <h2 id="record-title">
        {t("record.title")} <span className="muted small">{overruns > 0 && t("record.overruns", { count: overruns })}</span>
        <ZoneNote testId="record-zone" />
      </h2>
      {groups.length === 0 && !live ? (
        <p className="muted">{t("record.empty")}</p>
      ) : (
        <>
          <ErrorNotice message={error} onClose={clearError} />
          <table className="record" data-testid="speech-record">
            <thead>
              <tr>
                <th>{t("record.speaker")}</th>
                <th>{t("record.start")}</th>
                <th>{t("record.end")}</th>
                <th>{t("record.duration")}</th>
                <th>{t("record.overrun")}</th>
                {recordings && <th>{t("record.recording")}</th>}
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => [
                (state?.agenda.length ?? 0) > 0 && (
                  <tr key={`item-${group.itemId ?? "none"}`} className="record-item" data-testid="record-item">
                    <th colSpan={columns} scope="colgroup">
                      {itemTitle(group.itemId)}
                    </th>
                  </tr>
                ),
                ...group.entries.map((entry) => {
                  if (entry.type !== "speech") {
                    const w = entry.type === "written" ? entry.written : entry.planned;
                    const key = entry.type === "written" ? entry.written.writtenId : entry.planned.bookingId;
                    return (
                      <tr key={key} data-testid="record-row" data-kind="written">
                        <td>
                          {displayName(w.participantId) ?? "—"} <KindBadge kind="written" />
                        </td>
                        <td>{entry.at === null ? "—" : time(entry.at)}</td>
                        <td colSpan={columns - 2}>
                          <span className="record-text" title={w.text}>
                            {w.text}
                          </span>
                        </td>
                      </tr>
                    );
                  }
                  const s = entry.speech;
                  const row = (
                    <tr key={s.speechId} data-testid="record-row" data-kind={s.kind} className={s.override ? "has-override" : undefined}>
                      <td>
                        {speakerName(s, displayName)} <KindBadge kind={s.kind} />
                        {s.guestName !== null && (
                          <>
                            {" "}
                            <GuestChip />
                          </>
                        )}
                      </td>
                      <td>{time(s.startedAt)}</td>
                      <td>{time(s.endedAt)}</td>
                      <td>{duration(s.durationMs)}</td>
                      <td className={s.overrunMs > 0 ? "overrun" : undefined}>
                        {s.overrunMs > 0 ? (
                          <>
                            <Icon name="overrun" /> +{duration(s.overrunMs)}
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                      {recordings && (
                        <td>
                          {recordings.has(s.speechId)
                            ? speechRecordings(recordings.get(s.speechId)!, s.participantId).map((r, _, all) => (
                                <RecordingPlayer
                                  key={r.id}
                                  recording={r}
                                  siblings={all}
                                  speakerId={s.participantId}
                                  ref={(handle) => {
                                    if (handle) players.set(r.id, handle);
                                    else players.delete(r.id);
                                  }}
                                />
                              ))
                            : "—"}
                        </td>
                      )}
                    </tr>
                  );
                  // The clerk's 发言要点, read-only here (written on the clerk's 会议记录 tab).
                  const summary = state?.notes.summaries[`speech:${s.speechId}`];
                  const nested = [
                    ...(summary
                      ? [
                          <tr key={`${s.speechId}-summary`} className="record-summary" data-testid="record-summary">
                            <td colSpan={columns}>
                              {t("notes.summary")}
                              {t("punct.colon")}
                              {summary.text}
                            </td>
                          </tr>,
                        ]
                      : []),
                    ...interjectionRows(s.speechId),
                    ...transcriptRow(s.speechId, s.startedAt, s.participantId, speakerName(s, displayName)),
                  ];
                  // An override of the suggested order: a line of its own under the speech, across the table.
                  return s.override
                    ? [
                        row,
                        <tr key={`${s.speechId}-override`} className="record-override-row">
                          <td colSpan={columns} className="record-override" data-testid="record-override">
                            {s.override.reason
                              ? t("speaking.override", { suggested: nameOf(s.override.suggested), reason: s.override.reason })
                              : t("speaking.overrideNoReason", { suggested: nameOf(s.override.suggested) })}
                          </td>
                        </tr>,
                        ...nested,
                      ]
                    : [row, ...nested];
                }),
              ])}
              {live && [
                // The speech still running, once someone interjected into it: its interjections can be marked now.
                <tr key={`${live.speechId}-live`} data-testid="record-row-live" className="record-live">
                  <td>
                    {speakerName(live, displayName)} <KindBadge kind={live.kind} />
                  </td>
                  <td>{time(live.startedAt)}</td>
                  <td colSpan={columns - 2} className="muted">
                    {t("floor.title")}
                  </td>
                </tr>,
                ...interjectionRows(live.speechId),
              ]}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
