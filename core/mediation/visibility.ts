// Who learns what of a separate talk (背靠背). The log carries the fact, the party's id and the
// times (the session's record needs whom the mediators spoke with), but the screens follow one
// rule: the party in the talk and the mediators see whom it is with; everyone else — the other
// party, observers, the clerk, the room display — sees only "调解员正在与一方单独谈话 · 12:30",
// never which party (with three or more parties the name would tell the others more than the fact).
// The talk's notes go to the mediators and the party in the talk alone (the server's private room).
import type { ActorRole } from "../roles.ts";
import type { MeetingState } from "../state.ts";
import { isMediatorRole } from "./roles.ts";

/** A roster entry or a connection's actor: who they are and in which role. */
export interface Person {
  id: string;
  role: ActorRole;
}

export type TalkView =
  /** No separate talk: the joint session. */
  | { kind: "joint" }
  /** A mediator (the chair or an official): whom the talk is with, and since when. */
  | { kind: "mediating"; partyId: string; since: number }
  /** The party in the talk. */
  | { kind: "inTalk"; since: number }
  /** Everyone else: only that a talk runs, and since when. */
  | { kind: "elsewhere"; since: number };

/** What this viewer (a roster entry, or null for the room display and strangers) may know of the talk now. */
export function talkViewFor(state: MeetingState, viewer: Person | null): TalkView {
  const talk = state.kind === "mediation" ? state.mediation.talk : null;
  if (talk === null) return { kind: "joint" };
  if (viewer !== null && isMediatorRole(viewer.role)) return { kind: "mediating", partyId: talk.partyId, since: talk.startedAt };
  if (viewer !== null && viewer.id === talk.partyId) return { kind: "inTalk", since: talk.startedAt };
  return { kind: "elsewhere", since: talk.startedAt };
}

/** Whether this person takes part in the talk now (writes and receives its notes): a mediator, or the party in it. */
export function inTalk(state: MeetingState, person: Person, display: boolean): boolean {
  const view = display ? { kind: "joint" as const } : talkViewFor(state, person);
  return view.kind === "mediating" || view.kind === "inTalk";
}
