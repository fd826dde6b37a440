// The clerk's notes: summaries, suggestions and decisions. The chair and the clerk write them,
// during the meeting and after it; an edit based on an older version is refused (EDIT_CONFLICT),
// so one clerk never silently overwrites another's text.
import type { DecideContext } from "../context.ts";
import { fail, ok, type Result } from "../errors.ts";
import type { MeetingEvent } from "../meeting.ts";
import { STAFF_ROLES } from "../roles.ts";
import type { MeetingState } from "../state.ts";
import { entryKey, MEETING_CLOSING, type EntryRef, type RecordCommand, type SummaryRef } from "./schema.ts";

/** Who spoke an entry and under which agenda item; null when there is no such entry. */
export function entryOwner(state: MeetingState, entry: EntryRef): { participantId: string; itemId: string | null } | null {
  const speechItem = (speechId: string) =>
    (state.floor?.speechId === speechId ? state.floor : state.speeches.find((s) => s.speechId === speechId))?.agendaItemId ?? null;
  switch (entry.kind) {
    case "speech": {
      const speech = state.floor?.speechId === entry.id ? state.floor : state.speeches.find((s) => s.speechId === entry.id);
      return speech ? { participantId: speech.participantId, itemId: speech.agendaItemId } : null;
    }
    case "interjection": {
      const ij = state.interjection?.interjectionId === entry.id ? state.interjection : state.interjections.find((i) => i.interjectionId === entry.id);
      return ij ? { participantId: ij.participantId, itemId: speechItem(ij.speechId) } : null;
    }
    case "written": {
      const written = state.written.find((w) => w.writtenId === entry.id);
      return written ? { participantId: written.participantId, itemId: written.agendaItemId } : null;
    }
  }
}

/** An agenda item's briefing or closing remarks need the item; the meeting's closing remarks always have a place. */
function summaryTargetExists(state: MeetingState, ref: SummaryRef): boolean {
  switch (ref.kind) {
    case "briefing":
      return state.agenda.some((a) => a.id === ref.id);
    case "closing":
      return ref.id === MEETING_CLOSING || state.agenda.some((a) => a.id === ref.id);
    default:
      return entryOwner(state, ref) !== null;
  }
}

export function decideRecord(state: MeetingState, command: RecordCommand, ctx: DecideContext): Result<MeetingEvent[]> {
  const { actor, now } = ctx;
  if (!STAFF_ROLES.includes(actor.role)) return fail("FORBIDDEN");
  const by = actor.participantId;
  switch (command.type) {
    case "record.summarize": {
      if (!summaryTargetExists(state, command.entry)) return fail("NOT_FOUND");
      const key = entryKey(command.entry);
      const current = state.notes.summaries[key];
      if (command.baseVersion !== (current?.version ?? 0)) return fail("EDIT_CONFLICT");
      if (command.text === (current?.text ?? "")) return ok([]);
      return ok([{ type: "record.summarized", key, entry: command.entry, text: command.text, version: (current?.version ?? 0) + 1, by, at: now }]);
    }
    case "record.captureSuggestion":
      if (!entryOwner(state, command.entry)) return fail("NOT_FOUND");
      return ok([{ type: "record.suggestionCaptured", suggestionId: ctx.newId(), entry: command.entry, suggestion: command.suggestion, by, at: now }]);
    case "record.editSuggestion": {
      const suggestion = state.notes.suggestions.find((s) => s.suggestionId === command.suggestionId);
      if (!suggestion) return fail("NOT_FOUND");
      if (command.baseVersion !== suggestion.version) return fail("EDIT_CONFLICT");
      return ok([
        {
          type: "record.suggestionEdited",
          suggestionId: suggestion.suggestionId,
          suggestion: command.suggestion,
          version: suggestion.version + 1,
          by,
          at: now,
        },
      ]);
    }
    case "record.withdrawSuggestion":
      if (!state.notes.suggestions.some((s) => s.suggestionId === command.suggestionId)) return fail("NOT_FOUND");
      return ok([{ type: "record.suggestionWithdrawn", suggestionId: command.suggestionId, by, at: now }]);
    case "record.addDecision": {
      const itemId = command.itemId === undefined ? state.currentItemId : command.itemId;
      if (itemId !== null && !state.agenda.some((item) => item.id === itemId)) return fail("NOT_FOUND");
      return ok([{ type: "record.decisionAdded", decisionId: ctx.newId(), itemId, decision: command.decision, by, at: now }]);
    }
    case "record.editDecision": {
      const decision = state.notes.decisions.find((d) => d.decisionId === command.decisionId);
      if (!decision) return fail("NOT_FOUND");
      if (command.baseVersion !== decision.version) return fail("EDIT_CONFLICT");
      return ok([{ type: "record.decisionEdited", decisionId: decision.decisionId, decision: command.decision, version: decision.version + 1, by, at: now }]);
    }
    case "record.withdrawDecision":
      if (!state.notes.decisions.some((d) => d.decisionId === command.decisionId)) return fail("NOT_FOUND");
      return ok([{ type: "record.decisionWithdrawn", decisionId: command.decisionId, by, at: now }]);
  }
}
