// Stenography and the transcript. The chair or the clerk names the stenographers; they (and the
// staff) type only into the entry holding the floor, so every typed line is a caption of what the
// room hears; the staff correct lines at any time (a stale version is refused: EDIT_CONFLICT);
// the server alone adds machine drafts.
import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import type { MeetingEvent } from "../meeting.ts";
import { entryOwner } from "../record/decide.ts";
import { STAFF_ROLES } from "../roles.ts";
import { notOpen, type MeetingState } from "../state.ts";
import { captionEntry, sameEntry, stenographerOf } from "./captions.ts";
import { MAX_STENOGRAPHERS, type TranscriptCommand } from "./schema.ts";

export function decideTranscript(state: MeetingState, command: TranscriptCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  const { actor, now } = ctx;
  const staff = STAFF_ROLES.includes(actor.role);
  switch (command.type) {
    case "stenography.assign": {
      if (!staff) return fail("FORBIDDEN");
      if (state.status === "closed") return fail("MEETING_CLOSED");
      if (!state.roster.some((p) => p.id === command.participantId)) return fail("NOT_FOUND");
      if (state.stenographers.includes(command.participantId)) return fail("ALREADY_STENOGRAPHER");
      if (state.stenographers.length >= MAX_STENOGRAPHERS) return fail("STENOGRAPHER_LIMIT");
      return ok([{ type: "stenography.assigned", participantId: command.participantId }]);
    }
    case "stenography.release":
      if (!staff) return fail("FORBIDDEN");
      if (state.status === "closed") return fail("MEETING_CLOSED");
      if (!state.stenographers.includes(command.participantId)) return fail("NOT_FOUND");
      return ok([{ type: "stenography.released", participantId: command.participantId }]);
    case "transcript.append": {
      if (!staff && !stenographerOf(state, actor.participantId)) return fail("FORBIDDEN");
      const closed = notOpen(state);
      if (closed) return fail(closed);
      const current = captionEntry(state);
      if (!current || !sameEntry(current, command.entry)) return fail("NOT_CURRENT_ENTRY");
      const startedAt = current.kind === "interjection" ? state.interjection!.startedAt : state.floor!.startedAt;
      return ok([
        {
          type: "transcript.appended",
          lineId: ctx.newId(),
          entry: current,
          text: command.text,
          by: actor.participantId,
          at: now,
          // A clock stepping back never gives a negative offset.
          offsetMs: Math.max(0, now - startedAt),
          source: "steno",
        },
      ]);
    }
    case "transcript.correct": {
      if (!staff) return fail("FORBIDDEN");
      const line = state.transcript.find((l) => l.id === command.lineId);
      if (!line) return fail("NOT_FOUND");
      if (command.baseVersion !== line.version) return fail("EDIT_CONFLICT");
      if (command.text === line.text) return ok([]);
      return ok([{ type: "transcript.corrected", lineId: line.id, text: command.text, by: actor.participantId, version: line.version + 1 }]);
    }
    case "transcript.draft":
      if (actor.role !== "system") return fail("FORBIDDEN");
      if (!entryOwner(state, command.entry)) return fail("NOT_FOUND");
      return ok([
        {
          type: "transcript.drafted",
          entry: command.entry,
          engine: command.engine,
          at: now,
          lines: command.lines.map((l) => ({ lineId: ctx.newId(), text: l.text, startMs: l.startMs, endMs: l.endMs })),
        },
      ]);
  }
}
