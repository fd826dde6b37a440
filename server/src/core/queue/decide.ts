import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import { SPEAKING_ROLES } from "../roles.ts";
import { notOpen, queuePosition, type MeetingState } from "../state.ts";
import type { QueueCommand, QueueEvent } from "./schema.ts";

export function decideQueue(state: MeetingState, command: QueueCommand, ctx: DecideContext): Result<QueueEvent[]> {
  const { actor } = ctx;
  // Speaking happens only while the meeting is in session; the queue empties when it closes.
  const refusal = notOpen(state);
  switch (command.type) {
    case "queue.request": {
      if (!SPEAKING_ROLES.includes(actor.role)) return fail("FORBIDDEN");
      if (refusal) return fail(refusal);
      if (state.floor?.participantId === actor.participantId) return fail("HAS_FLOOR");
      if (queuePosition(state, actor.participantId) >= 0) return fail("ALREADY_IN_QUEUE");
      return ok([{ type: "queue.requested", participantId: actor.participantId, at: ctx.now }]);
    }
    case "queue.withdraw": {
      if (queuePosition(state, actor.participantId) < 0) return fail("NOT_IN_QUEUE");
      return ok([{ type: "queue.withdrawn", participantId: actor.participantId, by: actor.participantId }]);
    }
    case "queue.remove": {
      if (actor.role !== "chair") return fail("FORBIDDEN");
      if (refusal) return fail(refusal);
      if (queuePosition(state, command.participantId) < 0) return fail("NOT_IN_QUEUE");
      return ok([{ type: "queue.withdrawn", participantId: command.participantId, by: actor.participantId }]);
    }
    case "queue.move": {
      if (actor.role !== "chair") return fail("FORBIDDEN");
      if (refusal) return fail(refusal);
      const from = queuePosition(state, command.participantId);
      if (from < 0) return fail("NOT_IN_QUEUE");
      if (command.toIndex >= state.queue.length) return fail("BAD_POSITION");
      if (from === command.toIndex) return ok([]);
      return ok([{ type: "queue.moved", participantId: command.participantId, toIndex: command.toIndex }]);
    }
  }
}
