// What the clerk's transcript view (速记稿) shows, apart from React: an entry's lines in the order
// they were said, who corrected a line last, and where in the speech's recording a line is heard.
import type { MeetingState } from "@core/state.ts";
import type { TranscriptEntry, TranscriptLine } from "@core/transcript/schema.ts";

/**
 * A typed line is typed after the words were said: playing it starts this much earlier, so the
 * listener hears the sentence from its beginning. A machine line's time is the segment's start.
 */
export const STENO_LEAD_MS = 3000;

/** One part (take) of the speaker's recording of a speech: when it began and how long it is. */
export interface RecordingPart {
  id: string;
  /** ISO time, as the server lists it. */
  startedAt: string;
  durationMs: number;
}

/** Where a line is heard: the part and the ms from that part's start. */
export interface PlaybackPoint {
  recordingId: string;
  atMs: number;
}

/**
 * The entry's lines, earliest first by their time in the entry (typed and machine lines
 * interleave; lines at the same time keep their order of arrival).
 */
export function entryLines(state: MeetingState, entry: TranscriptEntry): TranscriptLine[] {
  return state.transcript
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.entry.kind === entry.kind && line.entry.id === entry.id)
    .sort((a, b) => a.line.offsetMs - b.line.offsetMs || a.index - b.index)
    .map(({ line }) => line);
}

/** Who made the line's current text: the last correction's author; null for a line never corrected. */
export function correctedBy(line: TranscriptLine): string | null {
  return line.version > 1 ? (line.history.at(-1)?.by ?? null) : null;
}

/**
 * Where in the recording to start playing a line. `entryStartedAt`: when the line's entry began
 * (ms epoch: the speech, or the interjection, which is inside its speech's recording); `parts`:
 * the speaker's takes of the speech. The part covering the moment is chosen; a moment in a gap
 * between parts (the speaker's microphone was off) plays the next part from its start; a moment
 * before the first part plays it from the start; after the last part, or with no parts, null.
 */
export function playbackPoint(line: TranscriptLine, entryStartedAt: number, parts: readonly RecordingPart[]): PlaybackPoint | null {
  const lead = line.source === "steno" ? STENO_LEAD_MS : 0;
  const moment = entryStartedAt + Math.max(0, line.offsetMs - lead);
  const sorted = parts
    .map((p) => ({ id: p.id, start: Date.parse(p.startedAt), durationMs: p.durationMs }))
    .filter((p) => Number.isFinite(p.start))
    .sort((a, b) => a.start - b.start);
  for (const p of sorted) {
    if (moment < p.start) return { recordingId: p.id, atMs: 0 };
    if (moment <= p.start + p.durationMs) return { recordingId: p.id, atMs: moment - p.start };
  }
  return null;
}

/** m:ss of a line's time in its entry. */
export function lineClock(offsetMs: number): string {
  const s = Math.floor(Math.max(0, offsetMs) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
