import type { MeetingState } from "../state.ts";
import type { QueueEvent } from "./schema.ts";

export function evolveQueue(state: MeetingState, event: QueueEvent): MeetingState {
  switch (event.type) {
    case "queue.requested":
      return { ...state, queue: [...state.queue, { participantId: event.participantId, requestedAt: event.at }] };
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
