import { presidingActor } from "@core/bargaining/chairing.ts";
import type { Role } from "@core/roles.ts";
import { useMeeting } from "../../connection/useMeeting.ts";

/**
 * The role this connection acts in, as the meeting's commands see it: the link's role, except in a
 * bargaining meeting, where the presiding side's chief acts as the chair (and gets the chair's
 * console) and a chair who is not that chief as a member (core/bargaining/chairing.ts). Null for the
 * room display and before the welcome.
 */
export function useActingRole(): Role | null {
  const { state, welcome } = useMeeting();
  if (!welcome || welcome.display) return null;
  if (!state) return welcome.me.role;
  const { role } = presidingActor(state, { participantId: welcome.me.id, role: welcome.me.role });
  return role === "system" ? welcome.me.role : role;
}
