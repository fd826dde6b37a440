// The text of one speech's or interjection's transcript as documents read it (the verbatim
// record, the minutes draft's fallback summary, the archive search): the stenographers' typed
// lines when there are any, else the machine draft (机器草稿), in order, each at its current
// (corrected) text. A draft is a stand-in for a transcript nobody typed, never an addition to one.
import type { MeetingState } from "../state.ts";
import { sameEntry } from "./captions.ts";
import type { TranscriptEntry, TranscriptLine } from "./schema.ts";

export interface EntryTranscript {
  /** "steno" when typed lines exist, else "machine". */
  source: TranscriptLine["source"];
  lines: TranscriptLine[];
}

/** The entry's lines to read, or null when it has none. Machine lines in the order of their time in the entry. */
export function entryTranscript(state: Pick<MeetingState, "transcript">, entry: TranscriptEntry): EntryTranscript | null {
  const all = state.transcript.filter((line) => sameEntry(line.entry, entry));
  const typed = all.filter((line) => line.source === "steno");
  if (typed.length > 0) return { source: "steno", lines: typed };
  const machine = all.filter((line) => line.source === "machine").sort((a, b) => a.offsetMs - b.offsetMs);
  return machine.length > 0 ? { source: "machine", lines: machine } : null;
}
