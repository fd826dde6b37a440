// The speech record in its place: grouped by agenda item (in agenda order), by time within an
// item; written speeches (书面发言) among the spoken ones, those registered before the meeting first.
import type { Poll } from "@core/poll/schema.ts";
import type { MeetingState } from "@core/state.ts";
import type { ArrivalVia, AttendanceStatus } from "@core/attendance/schema.ts";
import type { Interjection, InterjectionRecord } from "@core/interjection/schema.ts";
import type { PlannedSpeech, WrittenSpeech } from "@core/plan/schema.ts";
import type { Speech, SpeechRecord } from "@core/floor/schema.ts";

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

// ---------------------------------------------------------------------------------------------
// The clerk's live timeline (记录工作台): everything that happened, by agenda item, oldest first.

/** A speech in the timeline: finished, or the one on the floor now (`running`). */
export type TimelineSpeech = Speech | SpeechRecord;

export type TimelineEntry =
  /** A visit of an agenda item started (an item can be returned to). */
  | { type: "itemStart"; key: string; at: number; itemId: string }
  /** A speech with the interjections into it nested; a point of order is a speech of kind `pointOfOrder`. */
  | { type: "speech"; key: string; at: number; speech: TimelineSpeech; running: boolean; interjections: (Interjection | InterjectionRecord)[] }
  | { type: "written"; key: string; at: number; written: WrittenSpeech }
  /** A written speech registered before the meeting (the plan): no time, not summarizable. */
  | { type: "planned"; key: string; at: null; planned: PlannedSpeech }
  /** A poll once opened (drafts are not part of the record). */
  | { type: "poll"; key: string; at: number; poll: Poll }
  /** An arrival, departure or 请假 (every change, in order). */
  | { type: "attendance"; key: string; at: number; participantId: string; status: AttendanceStatus; via: ArrivalVia | null };

export interface TimelineGroup {
  /** null: before the first item, or outside the agenda. */
  itemId: string | null;
  entries: TimelineEntry[];
}

type TimelineState = Pick<
  MeetingState,
  "agenda" | "speeches" | "floor" | "written" | "plan" | "interjection" | "interjections" | "polls" | "attendanceLog" | "itemVisits"
>;

/** The summary key of a summarizable entry (as the core's `entryKey`), else null. */
export const summaryKey = (entry: TimelineEntry): string | null => (entry.type === "speech" || entry.type === "written" ? entry.key : null);

/**
 * The timeline by agenda item (agenda order, entries outside the agenda first), each group by
 * time: the item's start, speeches (the running one too) with their interjections nested,
 * written speeches (those registered before the meeting first), polls from their opening, and
 * arrivals/departures placed in the item that was current at the time.
 */
export function clerkTimeline(state: TimelineState): TimelineGroup[] {
  const known = new Set(state.agenda.map((a) => a.id));
  const item = (id: string | null) => (id !== null && known.has(id) ? id : null);
  const nested = new Map<string, (Interjection | InterjectionRecord)[]>();
  for (const i of [...state.interjections, ...(state.interjection ? [state.interjection] : [])]) nested.set(i.speechId, [...(nested.get(i.speechId) ?? []), i]);
  const speechEntry = (speech: TimelineSpeech, running: boolean): TimelineEntry => ({
    type: "speech",
    key: `speech:${speech.speechId}`,
    at: speech.startedAt,
    speech,
    running,
    interjections: nested.get(speech.speechId) ?? [],
  });
  const withItem: { itemId: string | null; entry: TimelineEntry }[] = [
    ...state.speeches.map((s) => ({ itemId: item(s.agendaItemId), entry: speechEntry(s, false) })),
    ...(state.floor ? [{ itemId: item(state.floor.agendaItemId), entry: speechEntry(state.floor, true) }] : []),
    ...state.written.map((w) => ({
      itemId: item(w.agendaItemId),
      entry: { type: "written", key: `written:${w.writtenId}`, at: w.at, written: w } as TimelineEntry,
    })),
    ...state.polls.flatMap((p) =>
      p.openedAt === null ? [] : [{ itemId: item(p.itemId), entry: { type: "poll", key: `poll:${p.pollId}`, at: p.openedAt, poll: p } as TimelineEntry }],
    ),
    ...state.itemVisits
      .filter((v) => known.has(v.itemId))
      .map((v, i) => ({ itemId: v.itemId, entry: { type: "itemStart", key: `item:${v.itemId}:${i}`, at: v.at, itemId: v.itemId } as TimelineEntry })),
  ].sort((a, b) => a.entry.at! - b.entry.at!);
  // Arrivals and departures belong to the item whose visit was running at the time.
  const itemAt = (at: number): string | null => {
    let found: string | null = null;
    for (const v of state.itemVisits) if (v.at <= at && known.has(v.itemId)) found = v.itemId;
    return found;
  };
  const attendance = state.attendanceLog.map((c, i) => ({
    itemId: itemAt(c.at),
    entry: {
      type: "attendance",
      key: `attendance:${c.participantId}:${i}`,
      at: c.at,
      participantId: c.participantId,
      status: c.status,
      via: c.via,
    } as TimelineEntry,
  }));
  const timed = [...withItem, ...attendance].sort((a, b) => a.entry.at! - b.entry.at!);
  const planned = state.plan
    .filter((p) => p.kind === "written")
    .map((p) => ({ itemId: item(p.agendaItemId), entry: { type: "planned", key: `planned:${p.bookingId}`, at: null, planned: p } as TimelineEntry }));
  const groups: TimelineGroup[] = [null, ...state.agenda.map((a) => a.id)].map((itemId) => ({
    itemId,
    entries: [...planned, ...timed].filter((e) => e.itemId === itemId).map((e) => e.entry),
  }));
  // An item appears once something happened in it (or it was reached); before that only its plan exists.
  return groups.filter((g) => g.entries.some((e) => e.type !== "planned"));
}

/** Every entry of the timeline by key (for the selection). */
export const timelineEntry = (groups: readonly TimelineGroup[], key: string | null): { entry: TimelineEntry; itemId: string | null } | null => {
  for (const g of groups) for (const entry of g.entries) if (entry.key === key) return { entry, itemId: g.itemId };
  return null;
};
