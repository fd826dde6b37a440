import type { MeetingState } from "../state.ts";
import type { FloorEvent } from "./schema.ts";

export function evolveFloor(state: MeetingState, event: FloorEvent): MeetingState {
  switch (event.type) {
    case "speech.started":
      return {
        ...state,
        queue: state.queue.filter((entry) => entry.participantId !== event.participantId),
        floor: {
          speechId: event.speechId,
          participantId: event.participantId,
          startedAt: event.at,
          capMs: event.capMs,
          agendaItemId: event.agendaItemId,
        },
      };
    case "speech.ended": {
      if (!state.floor) return state;
      const { durationMs, overrunMs, endedBy } = event;
      return {
        ...state,
        floor: null,
        speeches: [...state.speeches, { ...state.floor, endedAt: event.at, durationMs, overrunMs, endedBy }],
      };
    }
    case "floor.capSet":
      return { ...state, speechCapMs: event.capMs };
  }
}
