// The alternating chair of a bargaining session (工资集体协商): the chiefs of the two sides
// (首席代表) preside in turn. In a bargaining meeting the chief of the presiding side acts as
// "chair" for every capability's chair commands, and a participant with the role "chair" who is
// not that chief acts as a "member". Everyone else (the recorder, observers, the system) keeps
// their own role. core/meeting.ts applies this before routing any command.
import type { RosterEntry } from "../config/schema.ts";
import type { Actor } from "../roles.ts";
import type { MeetingState } from "../state.ts";
import type { Side } from "./schema.ts";

/** The chief (首席代表) of a side, as the roster has it. */
export const chiefOf = (state: MeetingState, side: Side): RosterEntry | null => state.roster.find((entry) => entry.chief && entry.side === side) ?? null;

/** The chief of the side that presides now, or null outside a bargaining meeting or when that side has no chief. */
export const presidingChief = (state: MeetingState): RosterEntry | null => (state.kind === "bargaining" ? chiefOf(state, state.bargaining.chairSide) : null);

/**
 * The actor as the meeting's commands see it. Outside a bargaining meeting, and while the
 * presiding side has no chief on the roster (nobody to hand the chair to), the actor is unchanged.
 */
export function presidingActor(state: MeetingState, actor: Actor): Actor {
  const chief = presidingChief(state);
  if (chief === null) return actor;
  if (actor.participantId === chief.id) return actor.role === "chair" ? actor : { ...actor, role: "chair" };
  if (actor.role === "chair") return { ...actor, role: "member" };
  return actor;
}
