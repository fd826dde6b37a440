import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import { expiredRequests, interjectionEnded } from "../interjection/decide.ts";
import type { MeetingEvent } from "../meeting.ts";
import { suggestNext } from "../ordering/suggest.ts";
import { notOpen, queuePosition, spokenMs, type MeetingState } from "../state.ts";
import type { FloorCommand, FloorEvent } from "./schema.ts";

export function decideFloor(state: MeetingState, command: FloorCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  const { actor, now } = ctx;
  switch (command.type) {
    case "floor.give": {
      if (actor.role !== "chair") return fail("FORBIDDEN");
      const refusal = notOpen(state);
      if (refusal) return fail(refusal);
      // Without a name: take the suggested next speaker (one action for the chair).
      const suggested = suggestNext(state)?.participantId;
      const next = command.participantId ?? suggested;
      if (next === undefined) return fail("QUEUE_EMPTY");
      const position = queuePosition(state, next);
      if (position < 0) return fail("NOT_IN_QUEUE");
      const entry = state.queue[position]!;
      // An interjection cannot be interrupted, except by a point of order (which ends it).
      if (state.interjection && entry.kind !== "pointOfOrder") return fail("INTERJECTION_RUNNING");
      // Calling the next speaker ends the current speech first, as chairs do ("下一位"); requests
      // to interject into the speech that is over lapse.
      const ending = state.floor ? [speechEnded(state, now, actor.participantId)] : [];
      return ok([
        ...interjectionEnded(state, now, actor.participantId, { resume: false }),
        ...ending,
        ...expiredRequests(state),
        {
          type: "speech.started",
          speechId: ctx.newId(),
          participantId: next,
          at: now,
          capMs: state.speechCaps[entry.kind],
          agendaItemId: state.currentItemId,
          kind: entry.kind,
          guestName: entry.guestName,
          bookingId: entry.bookingId,
          override: suggested !== undefined && suggested !== next ? { suggested, reason: command.reason || null } : null,
        },
      ]);
    }
    case "floor.end": {
      if (actor.role !== "chair" && actor.participantId !== state.floor?.participantId) return fail("FORBIDDEN");
      if (!state.floor) return fail("NO_CURRENT_SPEECH");
      // Ending the speech ends an interjection into it too (the chair ends both).
      return ok([...interjectionEnded(state, now, actor.participantId, { resume: false }), speechEnded(state, now, actor.participantId)]);
    }
    case "floor.setCap": {
      if (actor.role !== "chair") return fail("FORBIDDEN");
      return ok([{ type: "floor.capSet", capMs: command.seconds * 1000, kind: command.kind ?? "impromptu" }]);
    }
    case "floor.extend":
    case "floor.pause":
    case "floor.resume": {
      if (actor.role !== "chair") return fail("FORBIDDEN");
      const speech = state.floor;
      if (!speech) return fail("NO_CURRENT_SPEECH");
      if (command.type === "floor.extend") return ok([{ type: "speech.extended", speechId: speech.speechId, byMs: command.seconds * 1000 }]);
      if (command.type === "floor.pause") {
        // A clock behind the start must not pause before the speech began (that would count
        // time before the start as a pause and shorten the speech).
        return speech.pausedAt !== null
          ? fail("SPEECH_PAUSED")
          : ok([{ type: "speech.paused", speechId: speech.speechId, at: Math.max(now, speech.startedAt) }]);
      }
      if (speech.pausedAt === null) return fail("SPEECH_NOT_PAUSED");
      // The interjection holds the clock; it resumes when the interjection ends.
      if (state.interjection?.resumesSpeech && state.interjection.speechId === speech.speechId) return fail("INTERJECTION_RUNNING");
      return ok([{ type: "speech.resumed", speechId: speech.speechId, at: now }]);
    }
  }
}

export function speechEnded(state: MeetingState, now: number, endedBy: string): FloorEvent {
  const speech = state.floor!;
  const durationMs = spokenMs(speech, now);
  return {
    type: "speech.ended",
    speechId: speech.speechId,
    participantId: speech.participantId,
    at: now,
    durationMs,
    overrunMs: Math.max(0, durationMs - speech.capMs - speech.extendedMs),
    endedBy,
  };
}
