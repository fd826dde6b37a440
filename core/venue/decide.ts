import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import type { MeetingState } from "../state.ts";
import type { VenueCommand, VenueEvent } from "./schema.ts";

export function decideVenue(state: MeetingState, command: VenueCommand, ctx: DecideContext): Result<VenueEvent[]> {
  if (ctx.actor.role !== "chair") return fail("FORBIDDEN");
  if (state.status === "closed") return fail("MEETING_CLOSED");
  // Setting what is already so changes nothing and logs nothing.
  if (state.venueMuted === command.muted) return ok([]);
  return ok([{ type: "venue.mutedSet", muted: command.muted }]);
}
