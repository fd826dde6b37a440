// One media session per live page: publishes while `publish` says so (with the devices and mode
// of mediaPrefs), listens to whoever may be heard, and starts over when any of that changes.
// In the auto listen mode the session itself switches between video and audio only (listenMode.ts).
// While an interpretation (传译) runs, a listener who chose it listens on that channel instead.
import { useEffect, useRef, useState } from "react";
import { audibleParticipants, VENUE_ID } from "@core/media/audible.ts";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { useListenChannel } from "../interpretation/useListenChannel.ts";
import { networkVerdict } from "./listenMode.ts";
import { readNetworkHint } from "./listenModeStore.ts";
import { useMediaPrefs } from "./mediaPrefs.ts";
import { MediaSession, type MicStatus } from "./mediaSession.ts";

/**
 * My microphone's status while media is available; null when there is no media here. `muted`
 * silences the microphone while it stays published (the member closed it mid-turn). `voiceOnly`
 * publishes no camera (the interpreter: only their voice goes out, on the interpretation channel).
 */
export function useMediaSession(publish: boolean, muted = false, voiceOnly = false): MicStatus | null {
  const connection = useConnection();
  const { welcome, state, status } = useMeeting();
  const prefs = useMediaPrefs();
  const { micId, cameraId } = prefs;
  // The room display (会场大屏) shows the room everything, whatever this browser once saved.
  const listenMode = welcome?.display ? "full" : prefs.listenMode;
  const [mic, setMic] = useState<MicStatus>("off");
  const session = useRef<MediaSession | null>(null);
  const available = Boolean(welcome?.media.available) && status === "connected";
  const audible = state ? [...audibleParticipants(state)].sort().join(",") : "";
  // 原声 / 传译: the member's choice on this device, while an interpretation into that language runs.
  const { channel, interpretation } = useListenChannel();
  // Only a page on the interpretation channel listens anew when the interpreter changes.
  const heard = channel === "interpretation" ? (interpretation?.interpreterId ?? null) : null;

  useEffect(() => {
    if (!available) return;
    const current = new MediaSession((event, payload) => connection.mediaRequest(event, payload), setMic);
    session.current = current;
    return () => {
      session.current = null;
      current.close();
    };
  }, [available, connection]);

  // The camera goes out unless the member chose audio only, or (auto) the browser says the network
  // is slow or saving data when the publication starts; measured listening quality (the downlink)
  // does not cut a speaker's video mid-speech.
  useEffect(() => {
    if (!available) return;
    const audioOnly = voiceOnly || listenMode === "audioOnly" || (listenMode === "auto" && networkVerdict(readNetworkHint()) !== null);
    void session.current?.setPublishing(publish, { micId, cameraId, audioOnly });
  }, [available, publish, micId, cameraId, listenMode, voiceOnly]);

  useEffect(() => {
    session.current?.setMuted(muted);
  }, [available, muted]);

  // Again whenever who may be heard changes, the media server's feeds change, or the member's listen
  // mode or channel does (the interpretation starting, stopping or changing hands, the member's
  // 原声 / 传译) — a listener on the audio mix keeps it unless it should no longer have it — and
  // always when the Janus it listened on went away. Who may be heard (on the interpretation
  // channel: the interpreter) also tells the session whose silence means its connection is in trouble.
  const self = welcome?.display ? VENUE_ID : (welcome?.me.id ?? "");
  useEffect(() => {
    if (!available) return;
    const options = { mode: listenMode, self, audible: audible.split(",").filter(Boolean), channel, interpreter: heard };
    void session.current?.listen(options);
    const offFeeds = connection.onMediaFeeds(() => void session.current?.listen(options));
    const offMoved = connection.onMediaMoved(() => void session.current?.listen(options, { fresh: true }));
    return () => {
      offFeeds();
      offMoved();
    };
  }, [available, self, audible, listenMode, channel, heard, connection]);

  return available ? mic : null;
}
