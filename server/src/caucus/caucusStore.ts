// The notes of the sides' private consultations (背靠背), in their own table (CaucusNote): never
// in the meeting's event log, so no catch-up, replay, record or export can carry them.
import type { Side } from "../../../core/bargaining/schema.ts";
import type { CaucusNote } from "../../../core/protocol.ts";
import type { Db } from "../db/database.ts";

/** At most this many notes (the latest) answer `caucus.history`. */
export const HISTORY_LIMIT = 500;

export class CaucusStore {
  constructor(private readonly db: Db) {}

  /** Stores the note; resolves once it is durable (then it may be acknowledged and delivered). */
  async add(meetingId: string, note: CaucusNote): Promise<void> {
    await this.db.caucusNote.create({
      data: { id: note.noteId, meetingId, side: note.side, authorId: note.authorId, authorName: note.authorName, text: note.text, at: new Date(note.at) },
    });
  }

  /** One side's notes in one meeting, oldest first (the latest HISTORY_LIMIT). */
  async history(meetingId: string, side: Side): Promise<CaucusNote[]> {
    const rows = await this.db.caucusNote.findMany({ where: { meetingId, side }, orderBy: [{ at: "desc" }, { id: "desc" }], take: HISTORY_LIMIT });
    return rows.reverse().map((row) => ({ noteId: row.id, side, authorId: row.authorId, authorName: row.authorName, text: row.text, at: row.at.getTime() }));
  }
}
