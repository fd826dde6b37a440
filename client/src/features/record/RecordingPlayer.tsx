import { useEffect, useState } from "react";
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

/**
 * 发言录音 (or 传译录音, the interpreter's take of the speech): fetched with the join token when
 * asked for, then an ordinary audio player. `siblings`: all the speech's recordings; `speakerId`:
 * the speech's speaker (null for an in-room guest).
 */
export function RecordingPlayer({ recording, siblings, speakerId }: { recording: Recording; siblings: readonly Recording[]; speakerId: string | null }) {
  const { t } = useTranslation();
  const connection = useConnection();
  const meetingId = useMeeting().welcome?.meeting.id;
  const [url, setUrl] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );

  const [key, params] = recordingLabel(recording, siblings, speakerId);
  const label = t(key, { ...params, language: params.language && languageLabel(params.language, currentLanguage()) });
  const interpretation = recording.participantId !== speakerId;
  if (recording.status === "failed") return <span className="muted small">{t("record.recordingFailed")}</span>;
  if (url)
    return (
      <>
        <audio className="recording" controls autoPlay src={url} aria-label={label} data-testid="recording-audio" data-interpretation={interpretation} />
        <RecordingMarkers recording={recording} />
      </>
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
