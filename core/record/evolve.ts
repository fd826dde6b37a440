import type { MeetingState } from "../state.ts";
import { entryOwner } from "./decide.ts";
import type { RecordEvent, RecordNotes } from "./schema.ts";

const withNotes = (state: MeetingState, change: (notes: RecordNotes) => Partial<RecordNotes>): MeetingState => ({
  ...state,
  notes: { ...state.notes, ...change(state.notes) },
});

export function evolveRecord(state: MeetingState, event: RecordEvent): MeetingState {
  switch (event.type) {
    case "record.summarized":
      return withNotes(state, (n) => ({
        summaries: { ...n.summaries, [event.key]: { entry: event.entry, text: event.text, version: event.version, by: event.by, at: event.at } },
      }));
    case "record.suggestionCaptured": {
      const owner = entryOwner(state, event.entry);
      return withNotes(state, (n) => ({
        suggestions: [
          ...n.suggestions,
          {
            ...event.suggestion,
            suggestionId: event.suggestionId,
            entry: event.entry,
            participantId: owner?.participantId ?? "",
            itemId: owner?.itemId ?? null,
            capturedBy: event.by,
            capturedAt: event.at,
            version: 1,
            editedBy: event.by,
            editedAt: event.at,
          },
        ],
      }));
    }
    case "record.suggestionEdited":
      return withNotes(state, (n) => ({
        suggestions: n.suggestions.map((s) =>
          s.suggestionId === event.suggestionId ? { ...s, ...event.suggestion, version: event.version, editedBy: event.by, editedAt: event.at } : s,
        ),
      }));
    case "record.suggestionWithdrawn":
      return withNotes(state, (n) => ({ suggestions: n.suggestions.filter((s) => s.suggestionId !== event.suggestionId) }));
    case "record.decisionAdded":
      return withNotes(state, (n) => ({
        decisions: [...n.decisions, { ...event.decision, decisionId: event.decisionId, itemId: event.itemId, version: 1, by: event.by, at: event.at }],
      }));
    case "record.decisionEdited":
      return withNotes(state, (n) => ({
        decisions: n.decisions.map((d) =>
          d.decisionId === event.decisionId ? { ...d, ...event.decision, version: event.version, by: event.by, at: event.at } : d,
        ),
      }));
    case "record.decisionWithdrawn":
      return withNotes(state, (n) => ({ decisions: n.decisions.filter((d) => d.decisionId !== event.decisionId) }));
    case "record.sharedSet":
      return { ...state, recordShared: event.shared };
    case "record.withheld":
      return state;
  }
}
