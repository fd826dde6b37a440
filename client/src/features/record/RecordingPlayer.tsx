import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { fetchRecordingAudio, type Recording } from "./recordings.ts";

/** 发言录音: fetched with the join token when asked for, then an ordinary audio player. */
export function RecordingPlayer({ recording, parts }: { recording: Recording; parts: number }) {
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

  const label = parts > 1 ? t("record.recordingPart", { part: recording.part }) : t("record.recording");
  if (recording.status === "failed") return <span className="muted small">{t("record.recordingFailed")}</span>;
  if (url) return <audio className="recording" controls autoPlay src={url} aria-label={label} data-testid="recording-audio" />;
  const load = async () => {
    if (!meetingId) return;
    setState("loading");
    try {
      setUrl(URL.createObjectURL(await fetchRecordingAudio(meetingId, recording.id, connection.token)));
    } catch {
      setState("error");
    }
  };
  return (
    <button type="button" className="link" onClick={() => void load()} disabled={state === "loading"} data-testid="recording-play">
      ▶ {label}
      {state === "error" && <span className="muted small"> {t("record.recordingUnavailable")}</span>}
    </button>
  );
}
