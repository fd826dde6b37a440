import type { MeetingState } from "../state.ts";
import type { InterjectionEvent } from "./schema.ts";

export function evolveInterjection(state: MeetingState, event: InterjectionEvent): MeetingState {
  switch (event.type) {
    case "interjection.requested": {
      const { requestId, participantId, speechId, point, at } = event;
      return { ...state, interjectionRequests: [...state.interjectionRequests, { requestId, participantId, speechId, point, at }] };
    }
    case "interjection.withdrawn":
    case "interjection.declined":
      return { ...state, interjectionRequests: state.interjectionRequests.filter((r) => r.requestId !== event.requestId) };
    case "interjection.expired":
      return { ...state, interjectionRequests: state.interjectionRequests.filter((r) => !event.requestIds.includes(r.requestId)) };
    case "interjection.started": {
      const { interjectionId, participantId, speechId, point, at, capMs, resumesSpeech } = event;
      return {
        ...state,
        interjectionRequests: state.interjectionRequests.filter((r) => r.requestId !== event.requestId),
        interjection: { interjectionId, participantId, speechId, point, startedAt: at, capMs, resumesSpeech, outcome: null },
      };
    }
    case "interjection.ended": {
      const running = state.interjection;
      if (running?.interjectionId !== event.interjectionId) return state;
      const { at: endedAt, durationMs, overrunMs, endedBy } = event;
      return { ...state, interjection: null, interjections: [...state.interjections, { ...running, endedAt, durationMs, overrunMs, endedBy }] };
    }
    case "interjection.outcomeSet": {
      const { interjectionId, outcome } = event;
      const running = state.interjection?.interjectionId === interjectionId ? { ...state.interjection, outcome } : state.interjection;
      return { ...state, interjection: running, interjections: state.interjections.map((i) => (i.interjectionId === interjectionId ? { ...i, outcome } : i)) };
    }
    case "interjection.enabledSet":
      return {
        ...state,
        interjectionsOff: event.enabled ? state.interjectionsOff.filter((k) => k !== event.itemId) : [...state.interjectionsOff, event.itemId],
      };
    case "interjection.rulesSet":
      return { ...state, interjectionRules: { capMs: event.capMs, membersMay: event.membersMay, allowed: event.allowed } };
  }
}
