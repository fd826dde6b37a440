// Who takes part in a bargaining side's private consultation (背靠背), and the socket.io room its
// notes go to. One rule for both: a connection joins the room exactly when it may write to it.
import type { RosterEntry } from "../../../core/config/schema.ts";
import type { Side } from "../../../core/bargaining/schema.ts";

/**
 * The side whose consultation this person belongs to: a representative (member) or a chief
 * presiding as chair, with a side on the roster. Never the recorder (clerk), an observer, an
 * official, the room display or a chair without a side — whatever side the roster gives them.
 */
export function caucusSide(me: RosterEntry, display: boolean): Side | null {
  if (display || me.side === null) return null;
  return me.role === "member" || me.role === "chair" ? me.side : null;
}

/** The connections of one side's members in one meeting: the only receivers of its notes. */
export const caucusRoom = (meetingId: string, side: Side): string => `meeting:${meetingId}:caucus:${side}`;
