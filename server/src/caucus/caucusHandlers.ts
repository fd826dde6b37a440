// caucus.note / caucus.history: a bargaining side's private consultation (背靠背). A note is
// stored (CaucusStore) before it is acknowledged, then sent as `caucus.noted` to the side's room
// alone (caucusMembership.ts); it never goes through the command path or the event log.
import { z } from "zod";
import { fail, ok, type Result } from "../../../core/errors.ts";
import type { CaucusNote } from "../../../core/protocol.ts";
import type { GatewaySocket } from "../gateway/connection.ts";
import { failure, parseWith, type Handlers } from "../gateway/handler.ts";
import type { MeetingRoom } from "../rooms/meetingRoom.ts";
import { caucusRoom, caucusSide } from "./caucusMembership.ts";
import type { CaucusStore } from "./caucusStore.ts";

/** The longest note, in characters after trimming. */
export const NOTE_MAX_CHARS = 2000;

export interface CaucusDeps {
  notes: CaucusStore;
  now: () => number;
  newId: () => string;
}

const NoteRequest = z.object({ text: z.string() }).strict();
const parseEmpty = parseWith(z.object({}).strict().optional());

/** The trimmed text, or CAUCUS_NOTE_LENGTH (empty or longer than NOTE_MAX_CHARS); VALIDATION for another shape. */
function parseNote(input: unknown): Result<string> {
  const parsed = NoteRequest.safeParse(input);
  if (!parsed.success) return fail("VALIDATION");
  const text = parsed.data.text.trim();
  return text.length >= 1 && [...text].length <= NOTE_MAX_CHARS ? ok(text) : fail("CAUCUS_NOTE_LENGTH");
}

export function attachCaucus(handlers: Handlers, socket: GatewaySocket, deps: CaucusDeps, room: Promise<MeetingRoom>): void {
  const { meetingId } = socket.data;
  /** The side of the person as the roster has them now (a roster change updates socket.data.me), in a bargaining meeting. */
  const sideNow = async () => {
    if ((await room).current.kind !== "bargaining") return failure("NOT_BARGAINING");
    const side = caucusSide(socket.data.me, socket.data.display);
    return side === null ? failure("CAUCUS_NOT_MEMBER") : { ok: true as const, side };
  };

  handlers.on("caucus.note", {
    name: "caucus.note",
    parse: parseNote,
    handle: async (text) => {
      const member = await sideNow();
      if (!member.ok) return member;
      const { me } = socket.data;
      const note: CaucusNote = { noteId: deps.newId(), side: member.side, authorId: me.id, authorName: me.name, text, at: deps.now() };
      await deps.notes.add(meetingId, note);
      socket.nsp.to(caucusRoom(meetingId, note.side)).emit("caucus.noted", { note });
      return { ok: true, note };
    },
  });

  handlers.on("caucus.history", {
    name: "caucus.history",
    parse: parseEmpty,
    handle: async () => {
      const member = await sideNow();
      if (!member.ok) return member;
      return { ok: true, notes: await deps.notes.history(meetingId, member.side) };
    },
  });
}
