// Floor control at the media server: after each committed batch of a meeting's events, the
// audible set (`audibleParticipants`, the one function of the meeting state) is recomputed and
// every publisher not in it is muted at Janus (VideoRoom `moderate`), whatever its client does.
import { audibleParticipants } from "../core/media/audible.ts";
import type { StoredEvent } from "../core/meeting.ts";
import type { MeetingState } from "../core/state.ts";
import type { MediaRelay } from "./mediaRelay.ts";

export class MediaController {
  constructor(
    private readonly relay: () => MediaRelay | undefined,
    private readonly stateOf: (meetingId: string) => Promise<MeetingState>,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** A second listener beside the socket broadcast (RoomChannel.broadcast in server.ts). */
  committed(meetingId: string, _events: readonly StoredEvent[]): void {
    const relay = this.relay();
    if (!relay) return;
    void this.stateOf(meetingId)
      .then((state) => relay.applyAudible(meetingId, audibleParticipants(state)))
      .catch((error: unknown) => this.log(`floor control at the media server failed for meeting ${meetingId}`, error));
  }
}
