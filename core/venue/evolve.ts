import type { MeetingState } from "../state.ts";
import type { VenueEvent } from "./schema.ts";

export function evolveVenue(state: MeetingState, event: VenueEvent): MeetingState {
  return { ...state, venueMuted: event.muted };
}
