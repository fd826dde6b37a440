// Speech recordings (录音) for the meeting's chair and clerk: listed and fetched over the REST
// API with the join token (docs/api.md#speech-recordings). Members never fetch them: the server
// refuses them, and the hook does not ask.
import { useEffect, useState } from "react";
import { RecordingsResponse, type Recording } from "@core/api/recordings.ts";
import type { Role } from "@core/roles.ts";
import { meetingHttp } from "../../connection/rest.ts";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";

export type { Recording };

const STAFF: readonly Role[] = ["chair", "clerk"];
/** Post-processing takes a few seconds after a speech ends: look again this often, this many times. */
const POLL_MS = 2000;
const POLLS = 15;

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/recordings`;
async function fetchRecordings(meetingId: string, token: string): Promise<Recording[]> {
  return (await meetingHttp(token).json("GET", base(meetingId), RecordingsResponse)).recordings;
}

/** The audio as a Blob (the <audio> element cannot send the token itself). */
export async function fetchRecordingAudio(meetingId: string, recordingId: string, token: string): Promise<Blob> {
  const response = await meetingHttp(token).file(`${base(meetingId)}/${encodeURIComponent(recordingId)}`);
  return response.blob();
}

/**
 * The meeting's recordings by speech, for the chair and clerk (null for anyone else). Reloaded
 * when a speech ends, then polled until that speech's recording is there (or it never comes:
 * the speaker did not publish).
 */
export function useRecordings(): ReadonlyMap<string, Recording[]> | null {
  const connection = useConnection();
  const { welcome, state } = useMeeting();
  const meetingId = welcome?.meeting.id;
  const allowed = welcome !== null && !welcome.display && STAFF.includes(welcome.me.role);
  const latestSpeechId = state?.speeches.at(-1)?.speechId;
  const [recordings, setRecordings] = useState<Recording[]>([]);

  useEffect(() => {
    if (!allowed || !meetingId || !latestSpeechId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    const load = async () => {
      let done = false;
      try {
        const list = await fetchRecordings(meetingId, connection.token);
        if (cancelled) return;
        setRecordings(list);
        done = list.some((r) => r.speechId === latestSpeechId);
      } catch {
        // Offline or the server is restarting: the next attempt will tell.
      }
      if (!done && !cancelled && ++attempts < POLLS) timer = setTimeout(() => void load(), POLL_MS);
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [allowed, meetingId, latestSpeechId, connection]);

  if (!allowed) return null;
  const bySpeech = new Map<string, Recording[]>();
  for (const r of recordings) bySpeech.set(r.speechId, [...(bySpeech.get(r.speechId) ?? []), r]);
  return bySpeech;
}
