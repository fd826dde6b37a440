import { useTranslation } from "react-i18next";
import { VENUE_ID } from "@core/media/audible.ts";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import { useRoleLabel } from "../meeting/useRoleLabel.ts";
import { useListenDecision } from "./listenModeStore.ts";
import { useVideoOf } from "./videoFeeds.ts";
import { VideoTile } from "./VideoTile.tsx";

/**
 * Small tiles beside the speaker: the room (会场) and the chair, when their video is received.
 * In audio-only mode nothing is received, and a short note says why there is no picture (the
 * member's choice, or auto's, with its reason).
 */
export function RoomVideos() {
  const { t } = useTranslation();
  const { welcome, state } = useMeeting();
  const role = useRoleLabel();
  const nameOf = useDisplayName();
  const listening = useListenDecision();
  const chair = state?.roster.find((p) => p.role === "chair");
  const me = welcome?.me.id;
  const venue = useVideoOf(VENUE_ID);
  // The chair's own page shows its self view here; the floor holder's is in the card already.
  const chairVideo = useVideoOf(chair?.id, chair?.id === me);
  if (!welcome?.media.available) return null;
  if (listening.audioOnly) {
    return (
      <p className="room-videos-note muted" data-testid="audio-only-note" data-reason={listening.reason}>
        {t(`media.audioOnlyNote.${listening.reason}`)}
      </p>
    );
  }
  const showChair = chairVideo && chair && state?.floor?.participantId !== chair.id;
  if (!venue && !showChair) return null;
  return (
    <div className="room-videos">
      {venue && <VideoTile stream={venue} size="small" label={t("media.venue")} testId="venue-video" />}
      {showChair && <VideoTile stream={chairVideo} size="small" label={`${role(chair)} · ${nameOf(chair.id) ?? chair.name}`} testId="chair-video" />}
    </div>
  );
}
