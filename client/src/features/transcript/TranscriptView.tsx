import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TranscriptEntry, TranscriptLine } from "@core/transcript/schema.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { useActingRole } from "../meeting/useActingRole.ts";
import { LINE_MAX } from "./stenography.ts";
import { VerbatimDownloads } from "./VerbatimDownloads.tsx";
import { correctedBy, entryLines, lineClock, playbackPoint, type PlaybackPoint, type RecordingPart } from "./transcriptView.ts";
import "./transcript.css";

/**
 * 速记稿 of one speech or interjection in the record: its lines in the order they were said, typed
 * (with who typed each) and machine drafts (机器草稿). A line heard in the recording is a button:
 * it plays the speaker's recording from that moment (`onPlay`). The chair and the clerk correct a
 * line in place (`transcript.correct` from the version they started editing); a corrected line says
 * 已校对 with who and its version, and its earlier texts are behind a 修改记录 toggle; the staff
 * also find the 会议实录 download here. Nothing is shown for an entry without lines.
 *
 * `startedAt`: when the entry began (ms epoch); `parts`: the speaker's takes of the speech (an
 * interjection is inside its speech's recording), null when this page gets no recordings; `title`:
 * the heading instead of 速记稿 (the chair's record names each interjection); `downloads`: offer the
 * 会议实录 to the staff here.
 */
export function TranscriptView({
  entry,
  startedAt,
  parts,
  onPlay,
  readOnly,
  title,
  downloads = true,
}: {
  entry: TranscriptEntry;
  startedAt: number;
  parts: readonly RecordingPart[] | null;
  onPlay: (point: PlaybackPoint) => void;
  readOnly: boolean;
  title?: string;
  downloads?: boolean;
}) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const acting = useActingRole();
  const uid = useId();
  if (!state) return null;
  const lines = entryLines(state, entry);
  if (lines.length === 0) return null;
  const mayCorrect = !readOnly && (acting === "chair" || acting === "clerk");
  const playable = parts !== null && parts.length > 0;
  return (
    <section className="transcript-view" aria-labelledby={`${uid}-title`} data-testid="transcript-view">
      <header className="transcript-view-head">
        <h3 id={`${uid}-title`}>{title ?? t("transcript.view.title")}</h3>
        {/* The whole meeting's transcript as a document: for the staff, who may download it. */}
        {mayCorrect && downloads && <VerbatimDownloads />}
      </header>
      {playable && (
        <p className="muted small" id={`${uid}-hint`}>
          {t("transcript.view.playHint")}
        </p>
      )}
      <ol className="transcript-lines">
        {lines.map((line) => (
          <LineItem
            key={line.id}
            line={line}
            point={playable ? playbackPoint(line, startedAt, parts) : null}
            onPlay={onPlay}
            mayCorrect={mayCorrect}
            hintId={`${uid}-hint`}
          />
        ))}
      </ol>
    </section>
  );
}

function LineItem({
  line,
  point,
  onPlay,
  mayCorrect,
  hintId,
}: {
  line: TranscriptLine;
  point: PlaybackPoint | null;
  onPlay: (point: PlaybackPoint) => void;
  mayCorrect: boolean;
  hintId: string;
}) {
  const { t } = useTranslation();
  const nameOf = useDisplayName();
  const { run, pending, error, clearError } = useCommand();
  /** The text being corrected and the version it started from. */
  const [editing, setEditing] = useState<{ text: string; base: number } | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const uid = useId();
  const time = lineClock(line.offsetMs);
  const corrector = correctedBy(line);
  const machine = line.source === "machine";
  // Someone else corrected the line while this correction was open: their text is shown, and saving
  // goes on top of it (the text typed here stays in the field).
  const conflict = editing !== null && line.version !== editing.base;
  const who = (id: string | null) => (id === null ? t("transcript.view.machineSource") : (nameOf(id) ?? "—"));

  const save = async () => {
    if (!editing || pending) return;
    const text = editing.text.trim();
    if (text === "") return;
    if (text === line.text) {
      setEditing(null);
      return;
    }
    if (await run({ type: "transcript.correct", lineId: line.id, text, baseVersion: conflict ? line.version : editing.base })) setEditing(null);
  };

  const content = (
    <>
      <span className="transcript-line-time">
        {point && <span aria-hidden="true">▶ </span>}
        {time}
      </span>{" "}
      <span className="transcript-line-text">{line.text}</span>
    </>
  );
  return (
    <li className="transcript-line" data-testid="transcript-line" data-source={line.source} data-version={line.version} data-line-id={line.id}>
      {point ? (
        <button
          type="button"
          className="transcript-line-play"
          onClick={() => onPlay(point)}
          aria-describedby={hintId}
          data-testid="transcript-line-play"
          data-recording={point.recordingId}
          data-at={point.atMs}
        >
          {content}
        </button>
      ) : (
        <p className="transcript-line-play is-static">{content}</p>
      )}
      <div className="transcript-line-meta muted small">
        {machine ? (
          <span className="transcript-machine" data-testid="transcript-machine">
            {t("transcript.view.machine")}
          </span>
        ) : (
          <span data-testid="transcript-by">{t("transcript.view.typedBy", { name: who(line.by) })}</span>
        )}
        {corrector !== null && (
          <span className="transcript-corrected" data-testid="transcript-corrected">
            {t("transcript.view.correctedBy", { name: who(corrector), version: line.version })}
          </span>
        )}
        {line.history.length > 0 && (
          <button
            type="button"
            className="link"
            aria-expanded={showHistory}
            aria-controls={`${uid}-history`}
            onClick={() => setShowHistory(!showHistory)}
            data-testid="transcript-history-toggle"
          >
            {t("transcript.view.history")}
          </button>
        )}
        {mayCorrect && editing === null && (
          <button
            type="button"
            className="link"
            aria-label={t("transcript.view.editLine", { time })}
            onClick={() => {
              clearError();
              setEditing({ text: line.text, base: line.version });
            }}
            data-testid="transcript-edit"
          >
            {t("transcript.view.edit")}
          </button>
        )}
      </div>
      {showHistory && line.history.length > 0 && (
        <ol className="transcript-history small" id={`${uid}-history`} aria-label={t("transcript.view.historyOf", { time })} data-testid="transcript-history">
          {line.history.map((h) => (
            <li key={h.version}>
              <span className="muted">{t("transcript.view.historyItem", { version: h.version, name: who(h.by) })}</span>
              <span className="transcript-history-text">{h.text}</span>
            </li>
          ))}
        </ol>
      )}
      {editing !== null && (
        <form
          className="transcript-edit"
          data-testid="transcript-edit-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {conflict && (
            <div className="note-conflict" role="alert" data-testid="transcript-conflict">
              <p className="note-conflict-title">{t("transcript.view.conflict", { name: who(corrector), version: line.version })}</p>
              <p className="note-text small note-theirs" data-testid="transcript-conflict-latest">
                {line.text}
              </p>
            </div>
          )}
          <ErrorNotice message={error} onClose={clearError} />
          <textarea
            className="transcript-edit-text"
            rows={2}
            maxLength={LINE_MAX}
            value={editing.text}
            onChange={(e) => setEditing({ ...editing, text: e.target.value })}
            aria-label={t("transcript.view.field")}
            autoFocus
            data-testid="transcript-edit-text"
          />
          <div className="transcript-edit-actions">
            <button type="submit" className="primary small-button" disabled={pending || editing.text.trim() === ""} data-testid="transcript-save">
              {t("transcript.view.save")}
            </button>
            <button
              type="button"
              className="ghost small-button"
              onClick={() => {
                clearError();
                setEditing(null);
              }}
              data-testid="transcript-cancel"
            >
              {t("transcript.view.cancel")}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
