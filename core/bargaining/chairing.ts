// The alternating chair of a bargaining session (工资集体协商): the chiefs of the two sides
// (首席代表) preside in turn. In a bargaining meeting the chief of the presiding side acts as
// "chair" for every capability's chair commands, and a participant with the role "chair" who is
// not that chief acts as a "member". Everyone else (the recorder, observers, the system) keeps
// their own role. core/meeting.ts applies this before routing any command; the server follows the
// same acting role for what a connection receives (its audience, the chair's broadcasts) and for
// the chair's powers outside commands (paper ballots).
import type { RosterEntry } from "../config/schema.ts";
import type { Actor, Role } from "../roles.ts";
import type { MeetingState } from "../state.ts";
import type { Side } from "./schema.ts";

/** What the chairing reads of the meeting. */
export type Seating = Pick<MeetingState, "kind" | "roster" | "bargaining">;

/** The chief (首席代表) of a side, as the roster has it. */
export const chiefOf = (state: Seating, side: Side): RosterEntry | null => state.roster.find((entry) => entry.chief && entry.side === side) ?? null;

/** The chief of the side that presides now, or null outside a bargaining meeting or when that side has no chief. */
export const presidingChief = (state: Seating): RosterEntry | null => (state.kind === "bargaining" ? chiefOf(state, state.bargaining.chairSide) : null);

/**
 * The role a roster entry acts in now. Outside a bargaining meeting, and while the presiding side
 * has no chief on the roster (nobody to hand the chair to), the entry's own role.
 */
export function actingRole(state: Seating, entry: Pick<RosterEntry, "id" | "role">): Role {
  const chief = presidingChief(state);
  if (chief === null) return entry.role;
  if (entry.id === chief.id) return "chair";
  return entry.role === "chair" ? "member" : entry.role;
}

/** The actor as the meeting's commands see it (the same actor when its role does not change; the system stays itself). */
export function presidingActor(state: Seating, actor: Actor): Actor {
  if (actor.role === "system") return actor;
  const role = actingRole(state, { id: actor.participantId, role: actor.role });
  return role === actor.role ? actor : { ...actor, role };
}
