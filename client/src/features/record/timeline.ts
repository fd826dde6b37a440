// The speech record in its place: grouped by agenda item (in agenda order), by time within an
// item; written speeches (书面发言) among the spoken ones, those registered before the meeting first.
import type { MeetingState, PlannedSpeech, SpeechRecord, WrittenSpeech } from "@core/state.ts";

export type RecordEntry =
  | { type: "speech"; at: number; speech: SpeechRecord }
  | { type: "written"; at: number; written: WrittenSpeech }
  /** Registered before the meeting (the plan's written speeches): no time. */
  | { type: "planned"; at: null; planned: PlannedSpeech };

export interface RecordGroup {
  /** null: not on an agenda item (before the first item, or a meeting without an agenda). */
  itemId: string | null;
  entries: RecordEntry[];
}

export function recordTimeline(state: Pick<MeetingState, "agenda" | "speeches" | "written" | "plan">): RecordGroup[] {
  const known = new Set(state.agenda.map((a) => a.id));
  const item = (id: string | null) => (id !== null && known.has(id) ? id : null);
  const timed: RecordEntry[] = [
    ...state.speeches.map((speech): RecordEntry => ({ type: "speech", at: speech.startedAt, speech })),
    ...state.written.map((written): RecordEntry => ({ type: "written", at: written.at, written })),
  ].sort((a, b) => a.at! - b.at!);
  const planned: RecordEntry[] = state.plan.filter((p) => p.kind === "written").map((planned) => ({ type: "planned", at: null, planned }));
  const itemOf = (e: RecordEntry) => item(e.type === "speech" ? e.speech.agendaItemId : e.type === "written" ? e.written.agendaItemId : e.planned.agendaItemId);
  // Planned written speeches are shown only once their item has something else, or the item has been reached.
  const groups: RecordGroup[] = [null, ...state.agenda.map((a) => a.id)].map((itemId) => ({
    itemId,
    entries: [...planned.filter((e) => itemOf(e) === itemId), ...timed.filter((e) => itemOf(e) === itemId)],
  }));
  return groups.filter((g) => g.entries.some((e) => e.type !== "planned"));
}
