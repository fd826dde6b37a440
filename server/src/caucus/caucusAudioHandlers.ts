// media.caucusJoin / media.caucusLeave: a bargaining side's private audio room (背靠背) while its
// caucus runs (a room of media/privateAudio.ts keyed "caucus:<side>"). The side is the roster's (caucusMembership.ts), never the
// client's: a member of the other side, the recorder, an observer, an official, a chair without a
// side or the room display cannot even name the room. Checked in this order, each before Janus is
// asked: VALIDATION, NOT_BARGAINING, CAUCUS_NOT_MEMBER, NO_CAUCUS, MEDIA_UNAVAILABLE.
import type { Side } from "../../../core/bargaining/schema.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { GatewaySocket } from "../gateway/connection.ts";
import { failure, type Handlers } from "../gateway/handler.ts";
import { mediaErrorCode } from "../media/janusErrors.ts";
import type { MediaPeer } from "../media/mediaRelay.ts";
import { parseAudioOffer, parseEmpty, type PrivateAudioHandlerDeps } from "../media/privateAudioSocket.ts";
import type { PrivateRoomRule } from "../media/privateAudio.ts";
import type { MeetingRoom } from "../rooms/meetingRoom.ts";
import { caucusSide } from "./caucusMembership.ts";

/** Whether the side's caucus runs now (an entry without `endedAt`). */
export const caucusRunning = (state: MeetingState, side: Side): boolean =>
  state.kind === "bargaining" && state.bargaining.caucuses.some((caucus) => caucus.side === side && caucus.endedAt === null);

/** The side's room: open while its caucus runs; its members are those the roster puts on the side. */
export const caucusRoomRule = (side: Side): PrivateRoomRule => ({
  key: `caucus:${side}`,
  open: (state) => caucusRunning(state, side),
  member: (state, participantId) => {
    const entry = state.roster.find((p) => p.id === participantId);
    return entry !== undefined && caucusSide(entry, false) === side;
  },
  closedCode: "NO_CAUCUS",
});

export function attachCaucusAudio(handlers: Handlers, socket: GatewaySocket, deps: PrivateAudioHandlerDeps, room: Promise<MeetingRoom>): void {
  const { meetingId } = socket.data;
  const peer = (): MediaPeer => ({ participantId: socket.data.me.id, connectionId: socket.id });

  handlers.on("media.caucusJoin", {
    name: "media.caucusJoin",
    parse: parseAudioOffer,
    expected: mediaErrorCode,
    handle: async (offer) => {
      const state = (await room).current;
      if (state.kind !== "bargaining") return failure("NOT_BARGAINING");
      // The roster as it is now (a roster change updates socket.data.me).
      const side = caucusSide(socket.data.me, socket.data.display);
      if (side === null) return failure("CAUCUS_NOT_MEMBER");
      if (!caucusRunning(state, side)) return failure("NO_CAUCUS");
      const audio = deps.privateAudio();
      if (!audio) return failure("MEDIA_UNAVAILABLE");
      // Asked again in the media queue: the side and its caucus as they are when Janus is reached.
      const stillAllowed = async () => caucusSide(socket.data.me, socket.data.display) === side && caucusRunning((await room).current, side);
      return { ok: true, sdp: await audio.join(meetingId, caucusRoomRule(side), peer(), offer.sdp, stillAllowed) };
    },
  });

  // Not rate limited: leaving must always be possible.
  handlers.on("media.caucusLeave", {
    name: "media.caucusLeave",
    limited: false,
    parse: parseEmpty,
    expected: mediaErrorCode,
    handle: async () => {
      await deps.privateAudio()?.leave(meetingId, peer());
      return { ok: true };
    },
  });
}
