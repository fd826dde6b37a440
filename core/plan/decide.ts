import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import type { QueueEvent } from "../queue/schema.ts";
import { SPEAKING_ROLES, STAFF_ROLES } from "../roles.ts";
import { notOpen, queuePosition, type MeetingState } from "../state.ts";
import { WRITTEN_SPEECHES_PER_ITEM, type PlanCommand, type PlanEvent } from "./schema.ts";

export function decidePlan(state: MeetingState, command: PlanCommand, ctx: DecideContext): Result<PlanEvent[]> {
  const { actor } = ctx;
  const onBehalf = command.participantId !== undefined && command.participantId !== actor.participantId;
  if (onBehalf ? !STAFF_ROLES.includes(actor.role) : !SPEAKING_ROLES.includes(actor.role)) return fail("FORBIDDEN");
  const refusal = notOpen(state);
  if (refusal) return fail(refusal);
  const participantId = command.participantId ?? actor.participantId;
  if (!state.roster.some((p) => p.id === participantId)) return fail("NOT_FOUND");
  // Counted per author, whoever enters them (also one handed in on paper).
  const handedIn = state.written.filter((w) => w.participantId === participantId && w.agendaItemId === state.currentItemId).length;
  if (handedIn >= WRITTEN_SPEECHES_PER_ITEM) return fail("WRITTEN_SPEECH_LIMIT");
  return ok([
    {
      type: "speech.written",
      writtenId: ctx.newId(),
      participantId,
      text: command.text,
      at: ctx.now,
      agendaItemId: state.currentItemId,
      submittedBy: actor.participantId,
    },
  ]);
}

/**
 * When an agenda item starts (or the meeting opens without one), its booked speeches join the
 * queue in their planned order — unless already delivered, or the speaker is already in line.
 */
export function bookedArrivals(state: MeetingState, itemIds: readonly (string | null)[], now: number): QueueEvent[] {
  const delivered = new Set(state.speeches.map((s) => s.bookingId).concat(state.floor?.bookingId ?? null));
  const seen = new Set<string>();
  // Item by item in the order given (at the opening: those without an item first), each in planned order.
  return [...new Set(itemIds)]
    .flatMap((itemId) => state.plan.filter((p) => p.kind === "booked" && p.agendaItemId === itemId && !delivered.has(p.bookingId)))
    .filter((p) => {
      const free = queuePosition(state, p.participantId) < 0 && state.floor?.participantId !== p.participantId && !seen.has(p.participantId);
      seen.add(p.participantId);
      return free;
    })
    .map((p) => ({ type: "queue.requested", participantId: p.participantId, at: now, kind: "booked", guestName: null, bookingId: p.bookingId, by: "plan" }));
}
