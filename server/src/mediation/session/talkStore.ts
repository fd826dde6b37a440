// The separate talks' notes and the mediators' findings (人民调解 背靠背), in their own table
// (SeparateTalkNote): never in the meeting's event log, so no catch-up, replay, record or export carries them.
import type { TalkNote } from "../../../../core/protocol.ts";
import type { Db } from "../../db/database.ts";

/** At most this many notes (the latest) answer `mediation.talkHistory`. */
export const HISTORY_LIMIT = 500;

const KINDS = ["talk", "fact", "option"] as const;
const kindOf = (value: string): TalkNote["kind"] => KINDS.find((kind) => kind === value) ?? "talk";

export class TalkStore {
  constructor(private readonly db: Db) {}

  /** Stores the note; resolves once it is durable (then it may be acknowledged and delivered). */
  async add(meetingId: string, note: TalkNote): Promise<void> {
    const { noteId, kind, partyId, authorId, authorName, text, at } = note;
    await this.db.separateTalkNote.create({ data: { id: noteId, meetingId, kind, partyId, authorId, authorName, text, at: new Date(at) } });
  }

  /** The meeting's notes, oldest first (the latest HISTORY_LIMIT): all of them, or the talks with one party only. */
  async history(meetingId: string, onlyParty: string | null): Promise<TalkNote[]> {
    const where = onlyParty === null ? { meetingId } : { meetingId, kind: "talk", partyId: onlyParty };
    const rows = await this.db.separateTalkNote.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: HISTORY_LIMIT });
    return rows.reverse().map((row) => ({
      noteId: row.id,
      kind: kindOf(row.kind),
      partyId: row.partyId,
      authorId: row.authorId,
      authorName: row.authorName,
      text: row.text,
      at: row.at.getTime(),
    }));
  }
}
