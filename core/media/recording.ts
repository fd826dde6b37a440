// "Whose speech is being recorded now": the floor holder's current speech while the meeting is
// open, beside `audibleParticipants`, so the media plane follows one function of the state.
// (The chair and the room are always audible but are not a speech, so they are not recorded.)
import type { MeetingState } from "../state.ts";

export interface RecordingTarget {
  participantId: string;
  speechId: string;
}

export function recordingTarget(state: Pick<MeetingState, "floor" | "status">): RecordingTarget | null {
  if (state.status !== "open" || !state.floor) return null;
  return { participantId: state.floor.participantId, speechId: state.floor.speechId };
}
