import type { MeetingState } from "../state.ts";
import type { MediationEvent, MediationState } from "./schema.ts";

export function evolveMediation(state: MeetingState, event: MediationEvent): MeetingState {
  return { ...state, mediation: evolveSession(state.mediation, event) };
}

function evolveSession(session: MediationState, event: MediationEvent): MediationState {
  switch (event.type) {
    case "mediation.separateTalkStarted":
      return {
        ...session,
        talk: { partyId: event.partyId, startedAt: event.at },
        talks: [...session.talks, { partyId: event.partyId, startedAt: event.at, endedAt: null, by: event.by }],
      };
    case "mediation.separateTalkEnded":
      return { ...session, talk: null, talks: session.talks.map((talk) => (talk.endedAt === null ? { ...talk, endedAt: event.at } : talk)) };
    case "mediation.positionStated":
      return { ...session, positions: [...session.positions, { partyId: event.partyId, text: event.text, at: event.at }] };
  }
}
