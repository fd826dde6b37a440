// One media session per live page: publishes while `publish` says so (with the devices and mode
// of mediaPrefs), listens to whoever may be heard, and starts over when any of that changes.
import { useEffect, useRef, useState } from "react";
import { audibleParticipants } from "@core/media/audible.ts";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { useMediaPrefs } from "./mediaPrefs.ts";
import { MediaSession, type MicStatus } from "./mediaSession.ts";

/**
 * My microphone's status while media is available; null when there is no media here. `muted`
 * silences the microphone while it stays published (the member closed it mid-turn).
 */
export function useMediaSession(publish: boolean, muted = false): MicStatus | null {
  const connection = useConnection();
  const { welcome, state, status } = useMeeting();
  const { micId, cameraId, audioOnly } = useMediaPrefs();
  const [mic, setMic] = useState<MicStatus>("off");
  const session = useRef<MediaSession | null>(null);
  const available = Boolean(welcome?.media.available) && status === "connected";
  const audible = state ? [...audibleParticipants(state)].sort().join(",") : "";

  useEffect(() => {
    if (!available) return;
    const current = new MediaSession((event, payload) => connection.mediaRequest(event, payload), setMic);
    session.current = current;
    return () => {
      session.current = null;
      current.close();
    };
  }, [available, connection]);

  useEffect(() => {
    if (!available) return;
    void session.current?.setPublishing(publish, { micId, cameraId, audioOnly });
  }, [available, publish, micId, cameraId, audioOnly]);

  useEffect(() => {
    session.current?.setMuted(muted);
  }, [available, muted]);

  // Again whenever who may be heard changes, the media server's feeds change, or the mode does.
  // Who may be heard also tells the session whose silence means its connection is in trouble.
  useEffect(() => {
    if (!available) return;
    const options = { audioOnly, audible: audible.split(",").filter(Boolean) };
    void session.current?.listen(options);
    return connection.onMediaFeeds(() => void session.current?.listen(options));
  }, [available, audible, audioOnly, connection]);

  return available ? mic : null;
}
