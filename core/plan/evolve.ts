import type { MeetingState } from "../state.ts";
import { orderingRules, type PlanEvent } from "./schema.ts";

export function evolvePlan(state: MeetingState, event: PlanEvent): MeetingState {
  switch (event.type) {
    case "speech.written": {
      const { writtenId, participantId, text, at, agendaItemId, submittedBy } = event;
      return { ...state, written: [...state.written, { writtenId, participantId, text, at, agendaItemId, submittedBy }] };
    }
    case "plan.set": {
      // A booked entry waiting in line whose booking was withdrawn (or given to someone else)
      // leaves the queue: nobody asked for it but the plan.
      const stillBooked = (bookingId: string, participantId: string) =>
        event.plan.some((p) => p.kind === "booked" && p.bookingId === bookingId && p.participantId === participantId);
      const queue = state.queue.filter((e) => e.kind !== "booked" || e.bookingId === null || stillBooked(e.bookingId, e.participantId));
      return { ...state, plan: event.plan, queue: queue.length === state.queue.length ? state.queue : queue };
    }
    case "ordering.set":
      return { ...state, ordering: orderingRules(event.ordering) };
  }
}
