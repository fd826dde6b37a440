// The private audio rooms' socket handlers (media/privateAudio.ts): one pair of messages per kind of
// room — a bargaining side's caucus (caucus/caucusAudioHandlers.ts: media.caucusJoin / caucusLeave)
// and a mediation session's separate talk (mediation/session/talkAudioHandlers.ts: media.talkJoin /
// talkLeave) — attached by attachPrivateAudio with the kind's check. The browser's offer is checked
// before it reaches Janus, and a connection that goes away leaves whichever private room it is in.
import { z } from "zod";
import { fail, ok, type ErrorCode } from "../../../core/errors.ts";
import type { RosterEntry } from "../../../core/config/schema.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { GatewaySocket } from "../gateway/connection.ts";
import { failure, parseWith, type Handlers } from "../gateway/handler.ts";
import type { MeetingRoom } from "../rooms/meetingRoom.ts";
import { mediaErrorCode } from "./janusErrors.ts";
import type { MediaPeer } from "./mediaRelay.ts";
import type { PrivateAudio, PrivateRoomRule } from "./privateAudio.ts";
import { checkSdp, type CheckedSdp } from "./sdp.ts";

export interface PrivateAudioHandlerDeps {
  /** The private rooms at Janus while media is available; undefined otherwise. */
  privateAudio: () => PrivateAudio | undefined;
  log: (message: string, error?: unknown) => void;
}

/** A kind of private audio room as its socket handlers see it. */
export interface PrivateAudioKind {
  /** The message that joins the kind's room with the browser's offer, answered with Janus's answer. */
  join: "media.caucusJoin" | "media.talkJoin";
  /** The message that leaves it (never rate limited: leaving must always be possible). */
  leave: "media.caucusLeave" | "media.talkLeave";
  /**
   * Which room this connection may join in this state (the client never names it), or the refusal
   * code; the kind's checks in their order, all before Janus is asked.
   */
  admit: (state: MeetingState, me: RosterEntry, display: boolean) => PrivateRoomRule | ErrorCode;
}

const SdpRequest = z.object({ sdp: z.unknown() }).strict();

export const parseEmpty = parseWith(z.object({}).strict().optional());

/** A browser's offer, checked before it reaches Janus (sdp.ts): one audio section and nothing else (the rooms are audio only). */
export function parseAudioOffer(input: unknown) {
  const parsed = SdpRequest.safeParse(input);
  const sdp = parsed.success ? checkSdp(parsed.data.sdp) : null;
  const audioOnly = sdp !== null && sdp.audioMids.length === 1 && !/^m=video /m.test(sdp.sdp);
  return sdp && audioOnly ? ok<CheckedSdp>(sdp) : fail<CheckedSdp>("VALIDATION");
}

/** The connection as a member of a private room: its participant (the roster as it is now) and the connection. */
const peerOf = (socket: GatewaySocket): MediaPeer => ({ participantId: socket.data.me.id, connectionId: socket.id });

/**
 * The kind's join and leave messages on this connection. Joining is checked in this order:
 * VALIDATION (the offer), the kind's `admit`, MEDIA_UNAVAILABLE; then, inside the meeting's
 * private-audio queue just before Janus is asked, the room's rule again (still open, still a member,
 * not the room display), so a caucus or talk that ended meanwhile is never joined.
 */
export function attachPrivateAudio(
  handlers: Handlers,
  socket: GatewaySocket,
  deps: PrivateAudioHandlerDeps,
  room: Promise<MeetingRoom>,
  kind: PrivateAudioKind,
): void {
  const { meetingId } = socket.data;

  handlers.on(kind.join, {
    name: kind.join,
    parse: parseAudioOffer,
    expected: mediaErrorCode,
    handle: async (offer) => {
      // The roster as it is now (a roster change updates socket.data.me).
      const rule = kind.admit((await room).current, socket.data.me, socket.data.display);
      if (typeof rule === "string") return failure(rule);
      const audio = deps.privateAudio();
      if (!audio) return failure("MEDIA_UNAVAILABLE");
      // Asked again in the media queue: the room and the roster as they are when Janus is reached.
      const stillAllowed = async () => {
        const state = (await room).current;
        return !socket.data.display && rule.open(state) && rule.member(state, socket.data.me.id);
      };
      return { ok: true, sdp: await audio.join(meetingId, rule, peerOf(socket), offer.sdp, stillAllowed) };
    },
  });

  // Not rate limited: leaving must always be possible.
  handlers.on(kind.leave, {
    name: kind.leave,
    limited: false,
    parse: parseEmpty,
    expected: mediaErrorCode,
    handle: async () => {
      await deps.privateAudio()?.leave(meetingId, peerOf(socket));
      return { ok: true };
    },
  });
}

/** A connection that goes away leaves the private room it joined (its microphone back in the main room). */
export function leavePrivateAudioOnDisconnect(socket: GatewaySocket, deps: PrivateAudioHandlerDeps): void {
  socket.on("disconnect", () => {
    void deps
      .privateAudio()
      ?.leave(socket.data.meetingId, peerOf(socket))
      .catch((error: unknown) => deps.log("private audio leave on disconnect failed", error));
  });
}
