import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import { notOpen, queuePosition, type MeetingState } from "../state.ts";
import type { FloorCommand, FloorEvent } from "./schema.ts";

export function decideFloor(state: MeetingState, command: FloorCommand, ctx: DecideContext): Result<FloorEvent[]> {
  const { actor, now } = ctx;
  switch (command.type) {
    case "floor.give": {
      if (actor.role !== "chair") return fail("FORBIDDEN");
      const refusal = notOpen(state);
      if (refusal) return fail(refusal);
      const next = command.participantId ?? state.queue[0]?.participantId;
      if (next === undefined) return fail("QUEUE_EMPTY");
      if (queuePosition(state, next) < 0) return fail("NOT_IN_QUEUE");
      // Calling the next speaker ends the current speech first, as chairs do ("下一位").
      const ending = state.floor ? [speechEnded(state, now, actor.participantId)] : [];
      return ok([
        ...ending,
        {
          type: "speech.started",
          speechId: ctx.newId(),
          participantId: next,
          at: now,
          capMs: state.speechCapMs,
          agendaItemId: state.currentItemId,
        },
      ]);
    }
    case "floor.end": {
      if (actor.role !== "chair" && actor.participantId !== state.floor?.participantId) return fail("FORBIDDEN");
      if (!state.floor) return fail("NO_CURRENT_SPEECH");
      return ok([speechEnded(state, now, actor.participantId)]);
    }
    case "floor.setCap": {
      if (actor.role !== "chair") return fail("FORBIDDEN");
      return ok([{ type: "floor.capSet", capMs: command.seconds * 1000 }]);
    }
  }
}

export function speechEnded(state: MeetingState, now: number, endedBy: string): FloorEvent {
  const speech = state.floor!;
  const durationMs = Math.max(0, now - speech.startedAt);
  return {
    type: "speech.ended",
    speechId: speech.speechId,
    participantId: speech.participantId,
    at: now,
    durationMs,
    overrunMs: Math.max(0, durationMs - speech.capMs),
    endedBy,
  };
}
