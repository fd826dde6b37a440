import { useMeeting } from "../../connection/useMeeting.ts";
import { useVideoOf } from "./videoFeeds.ts";
import { VideoTile } from "./VideoTile.tsx";

/** The floor holder's video in the 正在发言 card, when it is being received (my own camera when it is me). */
export function SpeakerVideo({ participantId }: { participantId: string }) {
  const { welcome } = useMeeting();
  const stream = useVideoOf(participantId, welcome?.me.id === participantId);
  return stream ? <VideoTile stream={stream} size="main" testId="speaker-video" /> : null;
}
