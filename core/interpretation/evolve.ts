import type { MeetingState } from "../state.ts";
import type { InterpretationEvent } from "./schema.ts";

export function evolveInterpretation(state: MeetingState, event: InterpretationEvent): MeetingState {
  switch (event.type) {
    case "interpretation.started":
      return { ...state, interpretation: { interpreterId: event.participantId, language: event.language } };
    case "interpretation.stopped":
      return { ...state, interpretation: null };
  }
}
