// media.caucusJoin / media.caucusLeave: a bargaining side's private audio room (背靠背) while its
// caucus runs (media/caucusAudio.ts). The side is the roster's (caucusMembership.ts), never the
// client's: a member of the other side, the recorder, an observer, an official, a chair without a
// side or the room display cannot even name the room. Checked in this order, each before Janus is
// asked: VALIDATION, NOT_BARGAINING, CAUCUS_NOT_MEMBER, NO_CAUCUS, MEDIA_UNAVAILABLE.
import { z } from "zod";
import { fail, ok } from "../../../core/errors.ts";
import type { GatewaySocket } from "../gateway/connection.ts";
import { failure, parseWith, type Handlers } from "../gateway/handler.ts";
import { caucusRunning, type CaucusAudio } from "../media/caucusAudio.ts";
import { mediaErrorCode } from "../media/janusErrors.ts";
import type { MediaPeer } from "../media/mediaRelay.ts";
import { checkSdp, type CheckedSdp } from "../media/sdp.ts";
import type { MeetingRoom } from "../rooms/meetingRoom.ts";
import { caucusSide } from "./caucusMembership.ts";

export interface CaucusAudioHandlerDeps {
  /** The side rooms at Janus while media is available; undefined otherwise. */
  caucusAudio: () => CaucusAudio | undefined;
  log: (message: string, error?: unknown) => void;
}

const SdpRequest = z.object({ sdp: z.unknown() }).strict();
const parseEmpty = parseWith(z.object({}).strict().optional());

/** A browser's offer, checked before it reaches Janus (sdp.ts): one audio section and nothing else (the room is audio only). */
function parseOffer(input: unknown) {
  const parsed = SdpRequest.safeParse(input);
  const sdp = parsed.success ? checkSdp(parsed.data.sdp) : null;
  const audioOnly = sdp !== null && sdp.audioMids.length === 1 && !/^m=video /m.test(sdp.sdp);
  return sdp && audioOnly ? ok<CheckedSdp>(sdp) : fail<CheckedSdp>("VALIDATION");
}

export function attachCaucusAudio(handlers: Handlers, socket: GatewaySocket, deps: CaucusAudioHandlerDeps, room: Promise<MeetingRoom>): void {
  const { meetingId } = socket.data;
  const peer = (): MediaPeer => ({ participantId: socket.data.me.id, connectionId: socket.id });

  handlers.on("media.caucusJoin", {
    name: "media.caucusJoin",
    parse: parseOffer,
    expected: mediaErrorCode,
    handle: async (offer) => {
      const state = (await room).current;
      if (state.kind !== "bargaining") return failure("NOT_BARGAINING");
      // The roster as it is now (a roster change updates socket.data.me).
      const side = caucusSide(socket.data.me, socket.data.display);
      if (side === null) return failure("CAUCUS_NOT_MEMBER");
      if (!caucusRunning(state, side)) return failure("NO_CAUCUS");
      const audio = deps.caucusAudio();
      if (!audio) return failure("MEDIA_UNAVAILABLE");
      // Asked again in the media queue: the side and its caucus as they are when Janus is reached.
      const stillAllowed = async () => caucusSide(socket.data.me, socket.data.display) === side && caucusRunning((await room).current, side);
      return { ok: true, sdp: await audio.join(meetingId, side, peer(), offer.sdp, stillAllowed) };
    },
  });

  // Not rate limited: leaving must always be possible.
  handlers.on("media.caucusLeave", {
    name: "media.caucusLeave",
    limited: false,
    parse: parseEmpty,
    expected: mediaErrorCode,
    handle: async () => {
      await deps.caucusAudio()?.leave(meetingId, peer());
      return { ok: true };
    },
  });

  socket.on("disconnect", () => {
    void deps
      .caucusAudio()
      ?.leave(meetingId, peer())
      .catch((error: unknown) => deps.log("caucus audio leave on disconnect failed", error));
  });
}
