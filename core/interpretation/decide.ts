import { actingRole } from "../bargaining/chairing.ts";
import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import { STAFF_ROLES } from "../roles.ts";
import type { MeetingState } from "../state.ts";
import type { InterpretationCommand, InterpretationEvent } from "./schema.ts";

export function decideInterpretation(state: MeetingState, command: InterpretationCommand, ctx: DecideContext): Result<InterpretationEvent[]> {
  if (!STAFF_ROLES.includes(ctx.actor.role)) return fail("FORBIDDEN");
  if (state.status === "closed") return fail("MEETING_CLOSED");
  switch (command.type) {
    case "interpretation.start": {
      const entry = state.roster.find((p) => p.id === command.participantId);
      if (!entry) return fail("NOT_FOUND");
      // The chair runs the meeting and is heard on the floor channel: they cannot also interpret.
      if (actingRole(state, entry) === "chair") return fail("INTERPRETER_IS_CHAIR");
      const current = state.interpretation;
      if (current?.interpreterId === entry.id && current.language === command.language) return ok([]);
      return ok([{ type: "interpretation.started", participantId: entry.id, language: command.language }]);
    }
    case "interpretation.stop":
      return ok(state.interpretation ? [{ type: "interpretation.stopped" }] : []);
  }
}
