// media.*: the SDP relay to Janus (docs/media.md). A failure answers only the asking socket;
// nobody else is affected (Janus refusing an SDP: media/janusErrors.ts).
import { z } from "zod";
import { fail, ok } from "../../../core/errors.ts";
import { interpreterOf, shownParticipants, unmutedParticipants, VENUE_ID } from "../../../core/media/audible.ts";
import { SPEAKING_ROLES } from "../../../core/roles.ts";
import { mediaErrorCode } from "../media/janusErrors.ts";
import type { MediaPeer, MediaRelay } from "../media/mediaRelay.ts";
import { checkSdp, type CheckedSdp } from "../media/sdp.ts";
import { mintIceServers, type TurnConfig } from "../media/turnCredentials.ts";
import type { MeetingRoom } from "../rooms/meetingRoom.ts";
import type { GatewaySocket } from "./connection.ts";
import { failure, parseWith, type Handlers } from "./handler.ts";

export interface MediaHandlerDeps {
  /** Whether the media server can carry audio and video now. */
  mediaAvailable: () => boolean;
  /** The SDP relay to Janus while media is available; undefined otherwise. */
  mediaRelay?: () => MediaRelay | undefined;
  log: (message: string, error?: unknown) => void;
  /** TURN (YST_TURN_URLS…): `media.iceServers` mints this connection's credentials; undefined: no TURN. */
  turn?: TurnConfig;
  now: () => number;
}

const SdpRequest = z.object({ sdp: z.unknown() }).strict();
const parseEmpty = parseWith(z.object({}).strict().optional());
/** `audioOnly`: weak connections receive no video at all; `channel`: the floor or the interpretation (docs/protocol.md, media.subscribe). */
const parseSubscribe = parseWith(
  z
    .object({ audioOnly: z.boolean().optional(), channel: z.enum(["floor", "interpretation"]).optional() })
    .strict()
    .optional(),
);

/** A browser's SDP, checked before it reaches Janus (sdp.ts). */
function parseSdp(input: unknown) {
  const parsed = SdpRequest.safeParse(input);
  const sdp = parsed.success ? checkSdp(parsed.data.sdp) : null;
  return sdp ? ok<CheckedSdp>(sdp) : fail<CheckedSdp>("VALIDATION");
}

export function attachMedia(handlers: Handlers, socket: GatewaySocket, deps: MediaHandlerDeps, room: Promise<MeetingRoom>): void {
  const { meetingId, me, display, venue } = socket.data;
  // Every display is in the room, so it never receives the room's own feed (no echo); only the
  // venue terminal's token lets it publish as the room (会场): its microphone mix and camera.
  const peer: MediaPeer = { participantId: display ? VENUE_ID : me.id, connectionId: socket.id };
  // The interpreter (传译) publishes whatever their role, while assigned. (Clients publish only after
  // their welcome, which is sent once the room is loaded.)
  let loaded: MeetingRoom | undefined;
  void room.then((r) => (loaded = r)).catch(() => undefined);
  const mayPublish = () =>
    venue ||
    socket.data.me.role === "chair" ||
    SPEAKING_ROLES.includes(socket.data.me.role) ||
    (!display && loaded !== undefined && interpreterOf(loaded.current) === me.id);
  const relay = () => (deps.mediaAvailable() ? deps.mediaRelay?.() : undefined);

  handlers.on("media.publish", {
    name: "media.publish",
    authorize: mayPublish,
    parse: parseSdp,
    expected: mediaErrorCode,
    handle: async (offer) => {
      const r = relay();
      if (!r) return failure("MEDIA_UNAVAILABLE");
      const state = (await room).current;
      return { ok: true, sdp: await r.publish(meetingId, peer, offer, unmutedParticipants(state), interpreterOf(state)) };
    },
  });

  // Malformed requests are refused before the media server is consulted (as for media.publish).
  handlers.on("media.subscribe", {
    name: "media.subscribe",
    parse: parseSubscribe,
    expected: mediaErrorCode,
    handle: async (request) => {
      const r = relay();
      if (!r) return failure("MEDIA_UNAVAILABLE");
      const state = (await room).current;
      const feeds = { shown: shownParticipants(state), audible: unmutedParticipants(state), interpreter: interpreterOf(state) };
      return { ok: true, ...(await r.subscribe(meetingId, peer, feeds, { audioOnly: request?.audioOnly, channel: request?.channel })) };
    },
  });

  handlers.on("media.answer", {
    name: "media.answer",
    parse: parseSdp,
    expected: mediaErrorCode,
    handle: async (answer) => {
      const r = relay();
      if (!r) return failure("MEDIA_UNAVAILABLE");
      await r.answer(meetingId, peer.connectionId, answer.sdp);
      return { ok: true };
    },
  });

  // The ICE servers for this connection's RTCPeerConnections (docs/media.md#turn): short-lived TURN
  // credentials of its own, minted from the secret, which stays here. Asked before each new connection
  // (the client keeps them until shortly before they expire); an empty list without TURN.
  handlers.on("media.iceServers", {
    name: "media.iceServers",
    parse: parseEmpty,
    handle: async () => ({ ok: true, ...mintIceServers(deps.turn, { meetingId, participantId: peer.participantId }, deps.now()) }),
  });

  // Not rate limited: leaving must always be possible.
  handlers.on("media.leave", {
    name: "media.leave",
    limited: false,
    parse: parseEmpty,
    expected: mediaErrorCode,
    handle: async () => {
      const r = relay();
      if (!r) return failure("MEDIA_UNAVAILABLE");
      await r.leave(meetingId, peer);
      return { ok: true };
    },
  });

  socket.on("disconnect", () => {
    void deps
      .mediaRelay?.()
      ?.leave(meetingId, peer)
      .catch((error: unknown) => deps.log("media leave on disconnect failed", error));
  });
}
