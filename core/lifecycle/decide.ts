import { delegationProblems } from "../bargaining/delegation.ts";
import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import { speechEnded } from "../floor/decide.ts";
import { expiredRequests, interjectionEnded } from "../interjection/decide.ts";
import type { MeetingEvent } from "../meeting.ts";
import { bookedArrivals } from "../plan/decide.ts";
import { notOpen, type MeetingState } from "../state.ts";
import type { LifecycleCommand } from "./schema.ts";

export function decideLifecycle(state: MeetingState, command: LifecycleCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  const { actor, now } = ctx;
  // A group meeting (分组讨论) opens and closes with its plenary's groups: the server does it.
  if (actor.role !== "chair" && !(actor.role === "system" && state.groupOf)) return fail("FORBIDDEN");
  switch (command.type) {
    case "meeting.open": {
      if (state.status === "open") return fail("MEETING_ALREADY_OPEN");
      if (state.status === "closed") return fail("MEETING_CLOSED");
      // A bargaining session opens only with lawful delegations (§19–§24): the problems' codes as details.
      if (state.kind === "bargaining") {
        const problems = delegationProblems(state.roster);
        if (problems.length > 0)
          return fail(
            "DELEGATION_INVALID",
            problems.map((p) => p.code),
          );
      }
      const first = state.agenda[0];
      return ok([
        { type: "meeting.opened", at: now },
        ...(first ? [{ type: "agenda.itemStarted" as const, itemId: first.id, at: now }] : []),
        // Booked speeches without an item, then the first item's, join the queue in planned order.
        ...bookedArrivals(state, [null, first?.id ?? null], now),
      ]);
    }
    case "meeting.close": {
      const refusal = notOpen(state);
      if (refusal) return fail(refusal);
      // A vote in progress is closed by the chair first, so its result is counted and recorded.
      if (state.polls.some((p) => p.status === "open")) return fail("POLL_ALREADY_OPEN");
      // Groups in session are called back first: their meetings close with them (分组讨论).
      if (state.groups.phase === "open" || state.groups.phase === "recalling") return fail("GROUPS_OPEN");
      return ok([
        ...interjectionEnded(state, now, actor.participantId, { resume: false }),
        ...(state.floor ? [speechEnded(state, now, actor.participantId)] : []),
        ...expiredRequests(state),
        { type: "meeting.closed", at: now },
      ]);
    }
  }
}
