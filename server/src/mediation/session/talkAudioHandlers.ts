// media.talkJoin / media.talkLeave: a mediation session's separate talk by voice (单独谈话, 背靠背).
// While a talk runs (state.mediation.talk), the mediators (the chair and officials) and the party in
// the talk may join a private audio room for THAT talk (a room of media/privateAudio.ts keyed
// "talk:<partyId>:<startedAt>", so every talk gets a fresh room); nobody else can — the other
// party, the clerk, observers and the room display are refused before Janus is asked. The client
// never names the talk or the party: the server takes both from the state. Checked in this order:
// VALIDATION, NOT_MEDIATION, TALK_AUDIO_NOT_MEMBER (never a mediator or a party: clerk, observer,
// display), NO_SEPARATE_TALK, TALK_AUDIO_NOT_MEMBER (a party not in the talk), MEDIA_UNAVAILABLE.
import { isMediatorRole, isParty } from "../../../../core/mediation/roles.ts";
import { inTalk } from "../../../../core/mediation/visibility.ts";
import type { MeetingState } from "../../../../core/state.ts";
import type { GatewaySocket } from "../../gateway/connection.ts";
import { failure, type Handlers } from "../../gateway/handler.ts";
import { mediaErrorCode } from "../../media/janusErrors.ts";
import type { MediaPeer } from "../../media/mediaRelay.ts";
import type { PrivateRoomRule } from "../../media/privateAudio.ts";
import { parseAudioOffer, parseEmpty, type PrivateAudioHandlerDeps } from "../../media/privateAudioSocket.ts";
import type { MeetingRoom } from "../../rooms/meetingRoom.ts";

/** A separate talk as the state records it. */
export interface TalkKey {
  partyId: string;
  startedAt: number;
}

/** Whether this very talk (not a later one with the same party) runs in this state. */
const talkRunning = (state: MeetingState, talk: TalkKey): boolean =>
  state.kind === "mediation" && state.mediation.talk?.partyId === talk.partyId && state.mediation.talk.startedAt === talk.startedAt;

/** The talk's room: open while that talk runs; its members are the mediators and the party in it. */
export const talkRoomRule = (talk: TalkKey): PrivateRoomRule => ({
  key: `talk:${talk.partyId}:${talk.startedAt}`,
  open: (state) => talkRunning(state, talk),
  member: (state, participantId) => {
    const entry = state.roster.find((p) => p.id === participantId);
    return entry !== undefined && talkRunning(state, talk) && inTalk(state, entry, false);
  },
  closedCode: "NO_SEPARATE_TALK",
});

export function attachTalkAudio(handlers: Handlers, socket: GatewaySocket, deps: PrivateAudioHandlerDeps, room: Promise<MeetingRoom>): void {
  const { meetingId } = socket.data;
  const peer = (): MediaPeer => ({ participantId: socket.data.me.id, connectionId: socket.id });

  handlers.on("media.talkJoin", {
    name: "media.talkJoin",
    parse: parseAudioOffer,
    expected: mediaErrorCode,
    handle: async (offer) => {
      const state = (await room).current;
      if (state.kind !== "mediation") return failure("NOT_MEDIATION");
      // The roster as it is now (a roster change updates socket.data.me).
      const { me, display } = socket.data;
      if (display || !(isMediatorRole(me.role) || isParty(me))) return failure("TALK_AUDIO_NOT_MEMBER");
      const talk = state.mediation.talk;
      if (talk === null) return failure("NO_SEPARATE_TALK");
      if (!inTalk(state, me, display)) return failure("TALK_AUDIO_NOT_MEMBER");
      const audio = deps.privateAudio();
      if (!audio) return failure("MEDIA_UNAVAILABLE");
      const rule = talkRoomRule(talk);
      // Asked again in the media queue: the talk and the roster as they are when Janus is reached.
      const stillAllowed = async () => !socket.data.display && rule.member((await room).current, socket.data.me.id);
      return { ok: true, sdp: await audio.join(meetingId, rule, peer(), offer.sdp, stillAllowed) };
    },
  });

  // Not rate limited: leaving must always be possible.
  handlers.on("media.talkLeave", {
    name: "media.talkLeave",
    limited: false,
    parse: parseEmpty,
    expected: mediaErrorCode,
    handle: async () => {
      await deps.privateAudio()?.leave(meetingId, peer());
      return { ok: true };
    },
  });
}
