// The own side's notes as the panel keeps them: the history (`caucus.history`) and the notes
// arriving live (`caucus.noted`) merged without duplicates, in the order they were written.
import type { Side } from "@core/bargaining/schema.ts";
import type { CaucusNote } from "@core/protocol.ts";
import type { RosterEntry } from "@core/config/schema.ts";

/** The server refuses longer notes (CAUCUS_NOTE_LENGTH). */
export const NOTE_MAX_CHARS = 2000;

/** `notes` with `incoming` added (a note already held is kept once), oldest first; only the given side's. */
export function mergeNotes(notes: readonly CaucusNote[], incoming: readonly CaucusNote[], side: Side): CaucusNote[] {
  const byId = new Map(notes.map((note) => [note.noteId, note]));
  for (const note of incoming) if (note.side === side) byId.set(note.noteId, note);
  return [...byId.values()].sort((a, b) => a.at - b.at);
}

/** Whether this person takes part in the side's consultation (the server's rule: a member or a chief presiding as chair, with that side). */
export const inCaucus = (me: RosterEntry, side: Side, display: boolean): boolean =>
  !display && me.side === side && (me.role === "member" || me.role === "chair");

/** The note as it would be sent (trimmed), or null when it is empty or too long. */
export function sendable(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.length > 0 && [...trimmed].length <= NOTE_MAX_CHARS ? trimmed : null;
}
