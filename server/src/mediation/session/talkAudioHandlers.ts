// media.talkJoin / media.talkLeave: a mediation session's separate talk by voice (单独谈话, 背靠背).
// While a talk runs (state.mediation.talk), the mediators (the chair and officials) and the party in
// the talk may join a private audio room for THAT talk (a room of media/privateAudio.ts keyed
// "talk:<partyId>:<startedAt>", so every talk gets a fresh room; its messages are attached by
// media/privateAudioSocket.ts for the kind `talkAudio`); nobody else can — the other party, the
// clerk, observers and the room display are refused before Janus is asked. The client never names
// the talk or the party: the server takes both from the state. Checked in this order: VALIDATION,
// NOT_MEDIATION, TALK_AUDIO_NOT_MEMBER (never a mediator or a party: clerk, observer, display),
// NO_SEPARATE_TALK, TALK_AUDIO_NOT_MEMBER (a party not in the talk), MEDIA_UNAVAILABLE.
import { isMediatorRole, isParty } from "../../../../core/mediation/roles.ts";
import { inTalk } from "../../../../core/mediation/visibility.ts";
import type { MeetingState } from "../../../../core/state.ts";
import type { PrivateRoomRule } from "../../media/privateAudio.ts";
import type { PrivateAudioKind } from "../../media/privateAudioSocket.ts";

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

/** The separate talks' kind: the room of the talk running now, for its mediators and its party. */
export const talkAudio: PrivateAudioKind = {
  join: "media.talkJoin",
  leave: "media.talkLeave",
  admit: (state, me, display) => {
    if (state.kind !== "mediation") return "NOT_MEDIATION";
    if (display || !(isMediatorRole(me.role) || isParty(me))) return "TALK_AUDIO_NOT_MEMBER";
    const talk = state.mediation.talk;
    if (talk === null) return "NO_SEPARATE_TALK";
    if (!inTalk(state, me, display)) return "TALK_AUDIO_NOT_MEMBER";
    return talkRoomRule(talk);
  },
};
