import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import { SPEAKING_ROLES, STAFF_ROLES } from "../roles.ts";
import { notOpen, queuePosition, type MeetingState } from "../state.ts";
import type { QueueCommand, QueueEvent, SpeechKind } from "./schema.ts";

export function decideQueue(state: MeetingState, command: QueueCommand, ctx: DecideContext): Result<QueueEvent[]> {
  const { actor } = ctx;
  // Speaking happens only while the meeting is in session; the queue empties when it closes.
  const refusal = notOpen(state);
  switch (command.type) {
    case "queue.request": {
      if (!SPEAKING_ROLES.includes(actor.role)) return fail("FORBIDDEN");
      if (refusal) return fail(refusal);
      const busy = alreadyWaiting(state, actor.participantId);
      if (busy) return fail(busy);
      return ok([requested(actor.participantId, command.kind ?? "impromptu", ctx.now)]);
    }
    case "queue.add": {
      if (!STAFF_ROLES.includes(actor.role)) return fail("FORBIDDEN");
      if (refusal) return fail(refusal);
      const kind = command.kind ?? "impromptu";
      if (command.guestName !== undefined) {
        return ok([{ ...requested(`guest-${ctx.newId()}`, kind, ctx.now), guestName: command.guestName, by: actor.participantId }]);
      }
      const id = command.participantId!;
      if (!state.roster.some((p) => p.id === id)) return fail("NOT_FOUND");
      const busy = alreadyWaiting(state, id);
      if (busy) return fail(busy);
      return ok([{ ...requested(id, kind, ctx.now), by: actor.participantId }]);
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

const requested = (participantId: string, kind: SpeechKind, at: number): QueueEvent & { type: "queue.requested" } => ({
  type: "queue.requested",
  participantId,
  at,
  kind,
  guestName: null,
  bookingId: null,
});

function alreadyWaiting(state: MeetingState, participantId: string): "HAS_FLOOR" | "ALREADY_IN_QUEUE" | null {
  if (state.floor?.participantId === participantId) return "HAS_FLOOR";
  return queuePosition(state, participantId) >= 0 ? "ALREADY_IN_QUEUE" : null;
}
