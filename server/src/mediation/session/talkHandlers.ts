// mediation.talkNote / mediation.noteFinding / mediation.talkHistory: a mediation session's
// separate talks (背靠背) and the mediators' findings. A note is stored (TalkStore) before it is
// acknowledged, then sent as `mediation.noted` to its receivers alone (talkMembership.ts); it never
// goes through the command path or the event log.
import { z } from "zod";
import { fail, ok, type Result } from "../../../../core/errors.ts";
import { inTalk } from "../../../../core/mediation/visibility.ts";
import type { TalkNote } from "../../../../core/protocol.ts";
import { audienceRoom, participantRoom, type GatewaySocket } from "../../gateway/connection.ts";
import { failure, parseWith, type Handlers } from "../../gateway/handler.ts";
import type { MeetingRoom } from "../../rooms/meetingRoom.ts";
import { isMediatorConnection, mediatorsRoom } from "./talkMembership.ts";
import type { TalkStore } from "./talkStore.ts";

/** The longest note, in characters after trimming. */
export const NOTE_MAX_CHARS = 2000;

export interface TalkDeps {
  notes: TalkStore;
  now: () => number;
  newId: () => string;
}

const trimmed = (text: string): Result<string> => {
  const value = text.trim();
  return value.length >= 1 && [...value].length <= NOTE_MAX_CHARS ? ok(value) : fail("TALK_NOTE_LENGTH");
};
const parseNote = (input: unknown): Result<string> => {
  const parsed = z.object({ text: z.string() }).strict().safeParse(input);
  return parsed.success ? trimmed(parsed.data.text) : fail("VALIDATION");
};
const parseFinding = (input: unknown): Result<{ kind: "fact" | "option"; text: string }> => {
  const parsed = z
    .object({ kind: z.enum(["fact", "option"]), text: z.string() })
    .strict()
    .safeParse(input);
  if (!parsed.success) return fail("VALIDATION");
  const text = trimmed(parsed.data.text);
  return text.ok ? ok({ kind: parsed.data.kind, text: text.value }) : text;
};
const parseEmpty = parseWith(z.object({}).strict().optional());

export function attachSeparateTalks(handlers: Handlers, socket: GatewaySocket, deps: TalkDeps, room: Promise<MeetingRoom>): void {
  const { meetingId } = socket.data;
  const displayRoom = audienceRoom(meetingId, "display");
  /** The meeting's state now, in a mediation meeting. */
  const session = async () => {
    const state = (await room).current;
    return state.kind === "mediation" ? { ok: true as const, state } : failure("NOT_MEDIATION");
  };
  const noteOf = (kind: TalkNote["kind"], partyId: string | null, text: string): TalkNote => {
    const { me } = socket.data;
    return { noteId: deps.newId(), kind, partyId, authorId: me.id, authorName: me.name, text, at: deps.now() };
  };

  handlers.on("mediation.talkNote", {
    name: "mediation.talkNote",
    parse: parseNote,
    handle: async (text) => {
      const current = await session();
      if (!current.ok) return current;
      const { me, display } = socket.data;
      const talk = current.state.mediation.talk;
      if (talk === null || !inTalk(current.state, me, display)) return failure("TALK_NOT_MEMBER");
      const note = noteOf("talk", talk.partyId, text);
      await deps.notes.add(meetingId, note);
      socket.nsp
        .to([mediatorsRoom(meetingId), participantRoom(talk.partyId)])
        .except(displayRoom)
        .emit("mediation.noted", { note });
      return { ok: true, note };
    },
  });

  handlers.on("mediation.noteFinding", {
    name: "mediation.noteFinding",
    parse: parseFinding,
    handle: async ({ kind, text }) => {
      const current = await session();
      if (!current.ok) return current;
      if (!isMediatorConnection(socket.data.me.role, socket.data.display)) return failure("NOT_MEDIATOR");
      const note = noteOf(kind, null, text);
      await deps.notes.add(meetingId, note);
      socket.nsp.to(mediatorsRoom(meetingId)).except(displayRoom).emit("mediation.noted", { note });
      return { ok: true, note };
    },
  });

  handlers.on("mediation.talkHistory", {
    name: "mediation.talkHistory",
    parse: parseEmpty,
    handle: async () => {
      const current = await session();
      if (!current.ok) return current;
      const { me, display } = socket.data;
      if (isMediatorConnection(me.role, display)) return { ok: true, notes: await deps.notes.history(meetingId, null) };
      if (display || me.role !== "member") return failure("TALK_NOT_MEMBER");
      return { ok: true, notes: await deps.notes.history(meetingId, me.id) };
    },
  });
}
