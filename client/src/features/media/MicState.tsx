// Audio follows the floor: my microphone is published while I may be heard (I am the chair, or
// I hold the floor), and I listen to whoever may be heard. The server mutes everyone else at
// the media server; this shows plainly whether my microphone is live.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { audibleParticipants } from "@core/media/audible.ts";
import { useConnection, useMeeting } from "../../connection/useMeeting.ts";
import { MediaSession } from "./mediaSession.ts";

export function MicState() {
  const { t } = useTranslation();
  const connection = useConnection();
  const { welcome, state, status } = useMeeting();
  const [live, setLive] = useState(false);
  const session = useRef<MediaSession | null>(null);
  const available = Boolean(welcome?.media.available) && status === "connected";
  const me = welcome?.me.id;
  const audible = state ? [...audibleParticipants(state)].sort().join(",") : "";
  const mayBeHeard = me !== undefined && audible.split(",").includes(me);

  useEffect(() => {
    if (!available) return;
    const current = new MediaSession((event, payload) => connection.mediaRequest(event, payload), setLive);
    session.current = current;
    return () => {
      session.current = null;
      current.close();
    };
  }, [available, connection]);

  useEffect(() => {
    if (!available || welcome?.display) return;
    void session.current?.setPublishing(mayBeHeard);
  }, [available, mayBeHeard, welcome?.display]);

  useEffect(() => {
    if (!available) return;
    void session.current?.listen();
    return connection.onMediaFeeds(() => void session.current?.listen());
  }, [available, audible, connection]);

  if (!available || welcome?.display) return null;
  return (
    <p className={`mic-state ${live ? "mic-live" : "mic-off"}`} role="status" data-testid="mic-state" data-live={live}>
      {t(live ? "media.micOn" : "media.micOff")}
    </p>
  );
}
