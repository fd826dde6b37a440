// "Who may be heard now": the one function of the meeting state that the media plane follows.
// Later speakers (interjections) join through here, so the media server never needs to know
// the speaking rules.
import { actingRole } from "../bargaining/chairing.ts";
import type { MeetingState } from "../state.ts";

/** What the media plane reads of the meeting. */
export type Hearing = Pick<MeetingState, "roster" | "floor" | "status" | "venueMuted" | "interjection" | "kind" | "bargaining" | "interpretation">;

/** The room (会场) as a media participant: its microphone mix and camera, published by the venue terminal. */
export const VENUE_ID = "venue";

export function audibleParticipants(state: Hearing): Set<string> {
  // The chair can always speak (to open the meeting, call speakers, keep order): at a bargaining table the presiding chief.
  const audible = new Set(state.roster.filter((p) => actingRole(state, p) === "chair").map((p) => p.id));
  // The people in the room are heard unless the chair muted the room feed.
  if (!state.venueMuted) audible.add(VENUE_ID);
  if (state.status !== "open") return audible;
  // An interjection has the floor: its speaker is heard, the interrupted speaker waits.
  if (state.interjection) audible.add(state.interjection.participantId);
  else if (state.floor) audible.add(state.floor.participantId);
  return audible;
}

/**
 * Whose feeds listeners receive: everyone who may be heard, and the room always — when the chair
 * mutes the room only its microphone goes silent (at the media server); its camera stays on screen.
 */
export function shownParticipants(state: Hearing): Set<string> {
  return audibleParticipants(state).add(VENUE_ID);
}

/** The interpreter (传译) while the meeting is not closed and they are on the roster; null otherwise. */
export function interpreterOf(state: Hearing): string | null {
  const id = state.interpretation?.interpreterId;
  return id !== undefined && state.status !== "closed" && state.roster.some((p) => p.id === id) ? id : null;
}

/**
 * Whom the media server lets through: everyone who may be heard, and the interpreter, whose audio
 * only listeners of the interpretation channel receive (the floor channel never carries it).
 */
export function unmutedParticipants(state: Hearing): Set<string> {
  const unmuted = audibleParticipants(state);
  const interpreter = interpreterOf(state);
  if (interpreter) unmuted.add(interpreter);
  return unmuted;
}
