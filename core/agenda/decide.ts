import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import type { MeetingEvent } from "../meeting.ts";
import { bookedArrivals } from "../plan/decide.ts";
import { notOpen, type MeetingState } from "../state.ts";
import type { AgendaCommand } from "./schema.ts";

export function decideAgenda(state: MeetingState, command: AgendaCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  if (ctx.actor.role !== "chair") return fail("FORBIDDEN");
  const refusal = notOpen(state);
  if (refusal) return fail(refusal);
  const target = command.type === "agenda.goto" ? command.itemId : nextItemId(state);
  if (command.type === "agenda.next" && target === undefined) return fail("NO_NEXT_ITEM");
  if (!state.agenda.some((item) => item.id === target)) return fail("NOT_FOUND");
  if (target === state.currentItemId) return ok([]);
  // The item's booked speeches join the queue in their planned order.
  return ok([{ type: "agenda.itemStarted", itemId: target!, at: ctx.now }, ...bookedArrivals(state, [target!], ctx.now)]);
}

function nextItemId(state: MeetingState): string | undefined {
  const index = state.agenda.findIndex((item) => item.id === state.currentItemId);
  return state.agenda[index + 1]?.id;
}
