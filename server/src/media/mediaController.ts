// Floor control at the media server: after each committed batch of a meeting's events, the
// set of who may be heard (`unmutedParticipants`: the audible, and the interpreter on their own
// channel) is recomputed and every publisher not in it is muted at Janus (VideoRoom `moderate`), whatever its client does
// (the interpreter is kept out of the audio-only mix);
// then Janus records the floor holder's speech (`recordingTarget`), and no one else.
import { interpreterOf, unmutedParticipants } from "../../../core/media/audible.ts";
import { recordingTarget } from "../../../core/media/recording.ts";
import type { StoredEvent } from "../../../core/meeting.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { MediaRelay } from "./mediaRelay.ts";

export class MediaController {
  constructor(
    private readonly relay: () => MediaRelay | undefined,
    private readonly stateOf: (meetingId: string) => Promise<MeetingState>,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** The rooms' listener after the gateway's broadcast (RoomListener; rooms.listen in server.ts). */
  committed(meetingId: string, _events: readonly StoredEvent[]): void {
    const relay = this.relay();
    if (!relay) return;
    void this.stateOf(meetingId)
      // Both are queued in this order per meeting (muting first); one failing does not skip the other.
      .then((state) =>
        Promise.all([relay.applyAudible(meetingId, unmutedParticipants(state), interpreterOf(state)), relay.applyRecording(meetingId, recordingTarget(state))]),
      )
      .catch((error: unknown) => this.log(`floor control at the media server failed for meeting ${meetingId}`, error));
  }
}
