import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import { useTranslation } from "react-i18next";
import { useConnection, useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { languageLabel } from "../interpretation/languageNames.ts";
import { recordingLabel } from "./recordingLabel.ts";
import { fetchRecordingAudio, type Recording } from "./recordings.ts";

/** m:ss from ms (a recording is at most an hour or two). */
const mmss = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/** The speech's pauses and interjections inside the recording, as times from its start. */
function RecordingMarkers({ recording }: { recording: Recording }) {
  const { t } = useTranslation();
  const displayName = useDisplayName();
  const markers = recording.markers ?? [];
  if (markers.length === 0) return null;
  return (
    <ul className="recording-markers muted small" aria-label={t("record.recordingMarkers")} data-testid="recording-markers">
      {markers.map((m, i) => {
        const times = { from: mmss(m.startMs), to: m.endMs === null ? t("record.markerOpen") : mmss(m.endMs) };
        return (
          <li key={i} data-kind={m.kind}>
            {m.kind === "pause" ? t("record.markerPause") : t("record.markerInterjection", { name: (m.participantId && displayName(m.participantId)) ?? "—" })}{" "}
            <span className="recording-marker-time">{t("record.markerSpan", times)}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** What a transcript line (速记稿, click-to-play) asks of a player: play from a moment, in ms from the recording's start. */
export interface PlayerHandle {
  playFrom(atMs: number): void;
}

/** Jump to the moment and play (the browser may refuse to play without a gesture: the jump stays). */
function playFrom(audio: HTMLAudioElement, atMs: number) {
  audio.currentTime = atMs / 1000;
  audio.play().catch(() => undefined);
  audio.scrollIntoView?.({ block: "nearest" });
}

/**
 * 发言录音 (or 传译录音, the interpreter's take of the speech): fetched with the join token when
 * asked for, then an ordinary audio player. `siblings`: all the speech's recordings; `speakerId`:
 * the speech's speaker (null for an in-room guest). `ref`: a transcript line asks to be heard
 * (速记稿, click-to-play): the audio is fetched if need be, then plays from that moment.
 */
export function RecordingPlayer({
  recording,
  siblings,
  speakerId,
  ref,
}: {
  recording: Recording;
  siblings: readonly Recording[];
  speakerId: string | null;
  ref?: Ref<PlayerHandle>;
}) {
  const { t } = useTranslation();
  const connection = useConnection();
  const meetingId = useMeeting().welcome?.meeting.id;
  const [url, setUrl] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const audio = useRef<HTMLAudioElement>(null);
  /** The moment to play from once the fetched audio knows its length. */
  const pending = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  const load = async () => {
    if (!meetingId) return;
    setState("loading");
    try {
      setUrl(URL.createObjectURL(await fetchRecordingAudio(meetingId, recording.id, connection.token)));
    } catch {
      setState("error");
    }
  };
  useImperativeHandle(ref, () => ({
    playFrom(atMs: number) {
      if (audio.current && audio.current.readyState >= HTMLMediaElement.HAVE_METADATA) return playFrom(audio.current, atMs);
      pending.current = atMs;
      if (!url && state !== "loading") void load();
    },
  }));
  const onLoadedMetadata = () => {
    if (audio.current && pending.current !== null) playFrom(audio.current, pending.current);
    pending.current = null;
  };

  const [key, params] = recordingLabel(recording, siblings, speakerId);
  const label = t(key, { ...params, language: params.language && languageLabel(params.language, currentLanguage()) });
  const interpretation = recording.participantId !== speakerId;
  if (recording.status === "failed") return <span className="muted small">{t("record.recordingFailed")}</span>;
  // Its row stays as the record that it existed; the audio is gone (docs/api.md#retention-保留策略).
  if (recording.status === "deleted")
    return (
      <span className="muted small" data-testid="recording-deleted" data-recording={recording.id}>
        {t("record.recordingDeleted")}
      </span>
    );
  if (url)
    return (
      <>
        <audio
          ref={audio}
          className="recording"
          controls
          autoPlay
          src={url}
          aria-label={label}
          onLoadedMetadata={onLoadedMetadata}
          data-testid="recording-audio"
          data-recording={recording.id}
          data-interpretation={interpretation}
        />
        <RecordingMarkers recording={recording} />
      </>
    );
  const play = (
    <button
      type="button"
      className="link"
      onClick={() => void load()}
      disabled={state === "loading"}
      data-testid="recording-play"
      data-interpretation={interpretation}
    >
      ▶ {label}
      {state === "error" && <span className="muted small"> {t("record.recordingUnavailable")}</span>}
    </button>
  );
  return (
    <>
      {play}
      <RecordingMarkers recording={recording} />
    </>
  );
}
