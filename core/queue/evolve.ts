import type { MeetingState } from "../state.ts";
import type { QueueEntry, QueueEvent } from "./schema.ts";

export function evolveQueue(state: MeetingState, event: QueueEvent): MeetingState {
  switch (event.type) {
    case "queue.requested": {
      const entry: QueueEntry = {
        participantId: event.participantId,
        requestedAt: event.at,
        kind: event.kind ?? "impromptu",
        guestName: event.guestName ?? null,
        bookingId: event.bookingId ?? null,
      };
      const asked = state.asked.includes(entry.participantId) ? state.asked : [...state.asked, entry.participantId];
      return { ...state, queue: enqueue(state.queue, entry), asked };
    }
    case "queue.withdrawn":
      return { ...state, queue: state.queue.filter((entry) => entry.participantId !== event.participantId) };
    case "queue.moved": {
      const entry = state.queue.find((e) => e.participantId === event.participantId);
      if (!entry) return state;
      const rest = state.queue.filter((e) => e !== entry);
      return { ...state, queue: [...rest.slice(0, event.toIndex), entry, ...rest.slice(event.toIndex)] };
    }
  }
}

/** A point of order goes to the top, after earlier points of order; everything else to the end. */
function enqueue(queue: readonly QueueEntry[], entry: QueueEntry): QueueEntry[] {
  if (entry.kind !== "pointOfOrder") return [...queue, entry];
  const at = queue.findIndex((e) => e.kind !== "pointOfOrder");
  return at < 0 ? [...queue, entry] : [...queue.slice(0, at), entry, ...queue.slice(at)];
}
