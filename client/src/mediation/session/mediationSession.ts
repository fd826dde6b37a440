// What a connection's mediation-session card shows (人民调解): the talk as this viewer may know it
// (core/mediation/visibility.ts), whether they may start or end a talk, state a position, and the
// parties' current positions.
import { isMediatorRole, isParty } from "@core/mediation/roles.ts";
import { talkViewFor, type TalkView } from "@core/mediation/visibility.ts";
import type { ActorRole } from "@core/roles.ts";
import type { MeetingState } from "@core/state.ts";

export interface SessionCard {
  talk: TalkView;
  /** A mediator (chair or official, not the display): may start and end talks. */
  mediator: boolean;
  /** The parties a talk may be started with (roster members). */
  parties: string[];
  /** A mediator or the party in the talk, while a talk runs: may join the talk's private audio (media.talkJoin). */
  talkAudio: boolean;
  /** A party in the joint session: may state a position. */
  mayState: boolean;
  /** Each party's latest position, in the order they first spoke. */
  positions: { partyId: string; text: string; at: number }[];
}

export function sessionCard(state: MeetingState, me: { id: string; role: ActorRole } | null, display: boolean): SessionCard {
  const viewer = display ? null : me;
  const talk = talkViewFor(state, viewer);
  const latest = new Map<string, { partyId: string; text: string; at: number }>();
  for (const position of state.mediation.positions) latest.set(position.partyId, position);
  return {
    talk,
    mediator: viewer !== null && isMediatorRole(viewer.role),
    parties: state.roster.filter((entry) => isParty(entry)).map((entry) => entry.id),
    talkAudio: talk.kind === "mediating" || talk.kind === "inTalk",
    mayState: viewer !== null && viewer.role === "member" && talk.kind === "joint",
    positions: [...latest.values()],
  };
}
