// "Who may be heard now": the one function of the meeting state that the media plane follows.
// Later speakers (interjections) join through here, so the media server never needs to know
// the speaking rules.
import type { MeetingState } from "../state.ts";

export function audibleParticipants(state: Pick<MeetingState, "roster" | "floor" | "status">): Set<string> {
  // The chair can always speak (to open the meeting, call speakers, keep order).
  const audible = new Set(state.roster.filter((p) => p.role === "chair").map((p) => p.id));
  if (state.status === "open" && state.floor) audible.add(state.floor.participantId);
  return audible;
}
