import type { MeetingState } from "../state.ts";
import type { FloorEvent, Speech } from "./schema.ts";

export function evolveFloor(state: MeetingState, event: FloorEvent): MeetingState {
  switch (event.type) {
    case "speech.started":
      return {
        ...state,
        queue: state.queue.filter((entry) => entry.participantId !== event.participantId),
        floor: {
          speechId: event.speechId,
          participantId: event.participantId,
          kind: event.kind ?? "impromptu",
          guestName: event.guestName ?? null,
          bookingId: event.bookingId ?? null,
          startedAt: event.at,
          capMs: event.capMs,
          extendedMs: 0,
          pausedAt: null,
          pausedMs: 0,
          agendaItemId: event.agendaItemId,
          override: event.override ?? null,
        },
      };
    case "speech.ended": {
      if (!state.floor) return state;
      const { durationMs, overrunMs, endedBy } = event;
      const speech = settlePause(state.floor, event.at);
      return { ...state, floor: null, speeches: [...state.speeches, { ...speech, endedAt: event.at, durationMs, overrunMs, endedBy }] };
    }
    case "speech.extended":
      return withFloor(state, event.speechId, (s) => ({ ...s, extendedMs: s.extendedMs + event.byMs }));
    case "speech.paused":
      return withFloor(state, event.speechId, (s) => ({ ...s, pausedAt: event.at }));
    case "speech.resumed":
      return withFloor(state, event.speechId, (s) => settlePause(s, event.at));
    case "floor.capSet":
      return { ...state, speechCaps: { ...state.speechCaps, [event.kind ?? "impromptu"]: event.capMs } };
  }
}

/** Folds a running pause into pausedMs (on resume, or when a paused speech ends). */
function settlePause(speech: Speech, at: number): Speech {
  if (speech.pausedAt === null) return speech;
  return { ...speech, pausedAt: null, pausedMs: speech.pausedMs + Math.max(0, at - speech.pausedAt) };
}

function withFloor(state: MeetingState, speechId: string, change: (speech: Speech) => Speech): MeetingState {
  return state.floor?.speechId === speechId ? { ...state, floor: change(state.floor) } : state;
}
