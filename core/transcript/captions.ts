// Captions (字幕): what the room display and a member's phone show of the transcript — the
// stenographers' lines of the speech or interjection holding the floor now, and nothing older.
import type { MeetingState } from "../state.ts";
import type { TranscriptEntry, TranscriptLine } from "./schema.ts";

/** The entry that holds the floor now: the running interjection, else the floor's speech; null when none. */
export function captionEntry(state: MeetingState): TranscriptEntry | null {
  if (state.interjection) return { kind: "interjection", id: state.interjection.interjectionId };
  if (state.floor) return { kind: "speech", id: state.floor.speechId };
  return null;
}

export const sameEntry = (a: TranscriptEntry, b: TranscriptEntry): boolean => a.kind === b.kind && a.id === b.id;

/** The last `max` typed lines of the entry holding the floor (machine drafts come after the entry ends). */
export function captionLines(state: MeetingState, max = 3): TranscriptLine[] {
  const entry = captionEntry(state);
  if (!entry || max <= 0) return [];
  return state.transcript.filter((line) => line.source === "steno" && sameEntry(line.entry, entry)).slice(-max);
}

/** Whether this person is named a stenographer (and still on the roster). */
export const stenographerOf = (state: MeetingState, participantId: string): boolean =>
  state.stenographers.includes(participantId) && state.roster.some((p) => p.id === participantId);
