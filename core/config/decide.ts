import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import type { MeetingEvent } from "../meeting.ts";
import type { MeetingState } from "../state.ts";
import { orderingRules } from "../plan/schema.ts";
import { SPEECH_KINDS } from "../queue/schema.ts";
import type { ConfigCommand } from "./schema.ts";

/** Emits only what differs from the meeting's state, so an unchanged sync logs nothing. */
export function decideConfig(state: MeetingState, command: ConfigCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  if (ctx.actor.role !== "system") return fail("FORBIDDEN");
  const events: MeetingEvent[] = [];
  if (!sameJson(command.roster, state.roster)) events.push({ type: "roster.set", roster: command.roster });
  const agenda = state.agenda.map(({ id, title, presenter, plannedMs }) => ({ id, title, presenter, plannedMs }));
  if (!sameJson(command.agenda, agenda)) events.push({ type: "agenda.set", items: command.agenda });
  if (command.quorumRule !== state.quorumRule) events.push({ type: "attendance.ruleSet", quorumRule: command.quorumRule });
  // Once the meeting is open the chair owns the speech caps.
  if (state.status === "scheduled") {
    for (const kind of SPEECH_KINDS) {
      if (command.speechCaps[kind] !== state.speechCaps[kind]) events.push({ type: "floor.capSet", capMs: command.speechCaps[kind], kind });
    }
  }
  const ordering = orderingRules(command.ordering);
  if (!sameJson(ordering, state.ordering)) events.push({ type: "ordering.set", ordering });
  if (!sameJson(command.plan, state.plan)) events.push({ type: "plan.set", plan: command.plan });
  if (command.interjectionRules && !sameJson(command.interjectionRules, state.interjectionRules))
    events.push({ type: "interjection.rulesSet", ...command.interjectionRules });
  if (command.pollRules && !sameJson(command.pollRules, state.pollRules)) events.push({ type: "poll.rulesSet", ...command.pollRules });
  if (command.kind !== undefined && command.kind !== state.kind) events.push({ type: "meeting.kindSet", kind: command.kind });
  if (command.timeZone !== undefined && command.timeZone !== state.timeZone) events.push({ type: "meeting.timeZoneSet", timeZone: command.timeZone });
  if (command.groupOf !== undefined && JSON.stringify(command.groupOf) !== JSON.stringify(state.groupOf))
    events.push({ type: "meeting.groupOfSet", groupOf: command.groupOf });
  if (command.micOpensOnFloor !== undefined && command.micOpensOnFloor !== state.micOpensOnFloor)
    events.push({ type: "meeting.micOpensOnFloorSet", opens: command.micOpensOnFloor });
  if (command.recordShared !== undefined && command.recordShared !== state.recordShared)
    events.push({ type: "record.sharedSet", shared: command.recordShared });
  return ok(events);
}

/** Equality of plain data built in the same key order (as the server builds both sides). */
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
