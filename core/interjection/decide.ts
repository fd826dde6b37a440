// 插话回应: officials answer a member's point during (or right after) the speech. Requests wait in
// their own list for the chair; a granted interjection pauses the speech's clock and takes the
// floor with its own cap; when it ends the speech resumes. One level only: an interjection
// cannot be interrupted, except by a point of order (floor/decide.ts ends both then).
import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import type { MeetingEvent } from "../meeting.ts";
import { STAFF_ROLES } from "../roles.ts";
import { notOpen, type MeetingState } from "../state.ts";
import type { InterjectionCommand, InterjectionEvent } from "./schema.ts";

/** The speech an interjection would answer now: the running one, else the one that just ended. */
export function interjectableSpeech(state: MeetingState): string | null {
  return state.floor?.speechId ?? state.speeches.at(-1)?.speechId ?? null;
}

/** The key of the current agenda item for switching interjections off ("" without an agenda). */
export const itemKey = (state: MeetingState): string => state.currentItemId ?? "";

export function decideInterjection(state: MeetingState, command: InterjectionCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  const { actor, now } = ctx;
  const refusal = notOpen(state);
  const isChair = actor.role === "chair";
  switch (command.type) {
    case "interjection.request": {
      const allowed = actor.role === "official" || (actor.role === "member" && state.interjectionRules.membersMay);
      if (!allowed) return fail("FORBIDDEN");
      if (refusal) return fail(refusal);
      // Off for the whole meeting (the organisers' 允许插话), or for this item (the chair).
      if (!state.interjectionRules.allowed || state.interjectionsOff.includes(itemKey(state))) return fail("INTERJECTIONS_OFF");
      const speechId = interjectableSpeech(state);
      if (speechId === null) return fail("NO_CURRENT_SPEECH");
      if (state.floor?.participantId === actor.participantId || state.interjection?.participantId === actor.participantId) return fail("HAS_FLOOR");
      if (state.interjectionRequests.some((r) => r.participantId === actor.participantId)) return fail("ALREADY_REQUESTED");
      return ok([
        { type: "interjection.requested", requestId: ctx.newId(), participantId: actor.participantId, speechId, point: command.point || null, at: now },
      ]);
    }
    case "interjection.withdraw": {
      const request = state.interjectionRequests.find((r) => r.participantId === actor.participantId);
      return request ? ok([{ type: "interjection.withdrawn", requestId: request.requestId }]) : fail("NOT_FOUND");
    }
    case "interjection.decline": {
      if (!isChair) return fail("FORBIDDEN");
      if (!state.interjectionRequests.some((r) => r.requestId === command.requestId)) return fail("NOT_FOUND");
      return ok([{ type: "interjection.declined", requestId: command.requestId, by: actor.participantId }]);
    }
    case "interjection.grant": {
      if (!isChair) return fail("FORBIDDEN");
      if (refusal) return fail(refusal);
      const request = state.interjectionRequests.find((r) => r.requestId === command.requestId);
      if (!request) return fail("NOT_FOUND");
      if (state.interjection) return fail("INTERJECTION_RUNNING");
      const speech = state.floor;
      const pauses = speech !== null && speech.speechId === request.speechId && speech.pausedAt === null;
      return ok([
        ...(pauses ? [{ type: "speech.paused" as const, speechId: speech.speechId, at: Math.max(now, speech.startedAt) }] : []),
        {
          type: "interjection.started",
          interjectionId: ctx.newId(),
          requestId: request.requestId,
          participantId: request.participantId,
          speechId: request.speechId,
          point: request.point,
          at: now,
          capMs: state.interjectionRules.capMs,
          resumesSpeech: pauses,
        },
      ]);
    }
    case "interjection.end": {
      // Authorization first, as for floor.end: the chair, or the interjector finishing.
      if (!isChair && actor.participantId !== state.interjection?.participantId) return fail("FORBIDDEN");
      if (!state.interjection) return fail("NO_CURRENT_SPEECH");
      return ok(interjectionEnded(state, now, actor.participantId, { resume: true }));
    }
    case "interjection.setOutcome": {
      const target =
        state.interjection?.interjectionId === command.interjectionId
          ? state.interjection
          : state.interjections.find((i) => i.interjectionId === command.interjectionId);
      if (!target) return fail("NOT_FOUND");
      // The chair or the clerk who keeps the record: the official who responded does not grade their own answer.
      if (!STAFF_ROLES.includes(actor.role)) return fail("FORBIDDEN");
      return ok([{ type: "interjection.outcomeSet", interjectionId: command.interjectionId, outcome: command.outcome, by: actor.participantId }]);
    }
    case "interjection.setEnabled": {
      if (!isChair) return fail("FORBIDDEN");
      if (refusal) return fail(refusal);
      const key = itemKey(state);
      if (state.interjectionsOff.includes(key) !== command.enabled) return ok([]);
      return ok([{ type: "interjection.enabledSet", itemId: key, enabled: command.enabled }]);
    }
  }
}

/**
 * Ends the running interjection (if any) at `now`; with `resume`, the interrupted speech's clock
 * starts again when the interjection had paused it. Used when the floor moves on, too.
 */
export function interjectionEnded(state: MeetingState, now: number, endedBy: string, { resume }: { resume: boolean }): MeetingEvent[] {
  const running = state.interjection;
  if (!running) return [];
  const durationMs = Math.max(0, now - running.startedAt);
  const events: MeetingEvent[] = [
    { type: "interjection.ended", interjectionId: running.interjectionId, at: now, durationMs, overrunMs: Math.max(0, durationMs - running.capMs), endedBy },
  ];
  if (resume && running.resumesSpeech && state.floor?.speechId === running.speechId && state.floor.pausedAt !== null) {
    events.push({ type: "speech.resumed", speechId: running.speechId, at: now });
  }
  return events;
}

/** Requests waiting for a speech that is over once another speech starts. */
export function expiredRequests(state: MeetingState): InterjectionEvent[] {
  return state.interjectionRequests.length > 0 ? [{ type: "interjection.expired", requestIds: state.interjectionRequests.map((r) => r.requestId) }] : [];
}
