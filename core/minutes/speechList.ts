// The speech list (发言清单): one row per speech in the order given (the running one last, marked
// 发言中), each interjection (插话) in its own row right after the speech it answered, and written
// speeches (书面发言) in their place by the time they were handed in. The clerk's summary (发言要点)
// and the titles of the suggestions (意见建议) captured from each entry go with its row. Pure: the
// same state (and `now`) always gives the same rows; times in the meeting's zone like the minutes.
import { formatClock } from "../clock.ts";
import { rosterNames } from "../naming/displayNames.ts";
import { entryKey, type EntryRef } from "../record/schema.ts";
import { spokenMs, type MeetingState } from "../state.ts";
import type { RosterEntry } from "../config/schema.ts";
import type { Interjection } from "../interjection/schema.ts";
import type { Speech } from "../floor/schema.ts";
import { NO_OUTCOME_LABEL, OUTCOME_LABELS, SPEECH_KIND_LABELS, formatTime } from "./format.ts";

export const SPEECH_LIST_HEADERS = [
  "序号",
  "议题",
  "发言人",
  "界别",
  "党派",
  "单位",
  "类型",
  "开始",
  "结束",
  "时长",
  "时长（秒）",
  "超时（秒）",
  "发言要点",
  "意见建议",
  "回应结果",
] as const;

export const INTERJECTION_LABEL = "插话";
/** In the 结束 column of the speech (or interjection) still running. */
export const ONGOING_LABEL = "发言中";

export interface SpeechListRow {
  /** 1, 2, 3 … over all rows. */
  order: number;
  entry: EntryRef;
  /** The agenda item's title; "" outside any item. */
  item: string;
  speaker: string;
  sector: string;
  party: string;
  unit: string;
  /** 预约发言 / 即席发言 / 程序性发言 / 插话 / 书面发言 */
  kind: string;
  start: string;
  /** HH:mm, 发言中 while running, "" for a written speech. */
  end: string;
  /** m:ss (minutes not capped: 75:02); "" for a written speech, or a running one without `now`. */
  duration: string;
  durationSeconds: number | null;
  /** Null while running (an overrun counts when the speech ends) and for written speeches. */
  overrunSeconds: number | null;
  summary: string;
  /** Suggestion titles joined with ；. */
  suggestions: string;
  /** Interjections only: 采纳 / 研究 / 说明 / 未标注, with the point answered: 采纳（审批时限）. */
  response: string;
}

const wholeSeconds = (ms: number): number => Math.round(ms / 1000);
/** m:ss of the whole seconds, so the two duration columns agree. */
const mss = (ms: number): string => formatClock(wholeSeconds(ms) * 1000);

type Timed = { startedAt: number; endedAt?: number; durationMs?: number; overrunMs?: number };

/**
 * The rows of the speech list. `now` (the server's clock) gives the running speech and
 * interjection their time so far; without it their duration is blank.
 */
export function speechList(state: MeetingState, now?: number): SpeechListRow[] {
  const people = new Map(state.roster.map((r) => [r.id, r]));
  const names = rosterNames(state.roster);
  const items = new Map(state.agenda.map((a) => [a.id, a.title]));
  const itemTitle = (id: string | null) => (id === null ? "" : (items.get(id) ?? ""));
  const who = (id: string, guestName: string | null = null) => {
    const p: RosterEntry | undefined = people.get(id);
    return { speaker: names.get(id) ?? guestName ?? id, sector: p?.sector ?? "", party: p?.party ?? "", unit: p?.unit ?? "" };
  };
  const notes = (entry: EntryRef) => ({
    summary: state.notes.summaries[entryKey(entry)]?.text.trim() ?? "",
    suggestions: state.notes.suggestions
      .filter((s) => s.entry.kind === entry.kind && s.entry.id === entry.id)
      .map((s) => s.title)
      .join("；"),
  });
  const timing = (t: Timed, running: boolean, pausedMs: (at: number) => number) => {
    if (!running && t.endedAt !== undefined && t.durationMs !== undefined) {
      return {
        start: formatTime(t.startedAt, state.timeZone),
        end: formatTime(t.endedAt, state.timeZone),
        duration: mss(t.durationMs),
        durationSeconds: wholeSeconds(t.durationMs),
        overrunSeconds: wholeSeconds(t.overrunMs ?? 0),
      };
    }
    const soFar = now === undefined ? null : pausedMs(now);
    return {
      start: formatTime(t.startedAt, state.timeZone),
      end: ONGOING_LABEL,
      duration: soFar === null ? "" : mss(soFar),
      durationSeconds: soFar === null ? null : wholeSeconds(soFar),
      overrunSeconds: null,
    };
  };

  type Row = Omit<SpeechListRow, "order">;
  const speeches: (Speech & Partial<Timed>)[] = [...state.speeches, ...(state.floor ? [state.floor] : [])];
  const interjections: (Interjection & Partial<Timed>)[] = [...state.interjections, ...(state.interjection ? [state.interjection] : [])];

  const interjectionRow = (ij: (typeof interjections)[number], itemId: string | null): Row => {
    const entry: EntryRef = { kind: "interjection", id: ij.interjectionId };
    const outcome = ij.outcome ? OUTCOME_LABELS[ij.outcome] : NO_OUTCOME_LABEL;
    const running = state.interjection?.interjectionId === ij.interjectionId;
    return {
      entry,
      item: itemTitle(itemId),
      ...who(ij.participantId),
      kind: INTERJECTION_LABEL,
      ...timing(ij, running, (at) => Math.max(0, at - ij.startedAt)),
      ...notes(entry),
      response: ij.point && ij.point.trim() !== "" ? `${outcome}（${ij.point.trim()}）` : outcome,
    };
  };
  const speechRows = (s: (typeof speeches)[number]): Row[] => {
    const entry: EntryRef = { kind: "speech", id: s.speechId };
    const running = state.floor?.speechId === s.speechId;
    const speechRow: Row = {
      entry,
      item: itemTitle(s.agendaItemId),
      ...who(s.participantId, s.guestName),
      kind: SPEECH_KIND_LABELS[s.kind],
      // A granted interjection pauses the speech's clock (speech.paused), so this excludes it.
      ...timing(s, running, (at) => spokenMs(s, at)),
      ...notes(entry),
      response: "",
    };
    return [speechRow, ...interjections.filter((ij) => ij.speechId === s.speechId).map((ij) => interjectionRow(ij, s.agendaItemId))];
  };
  const writtenRow = (w: MeetingState["written"][number]): Row => {
    const entry: EntryRef = { kind: "written", id: w.writtenId };
    return {
      entry,
      item: itemTitle(w.agendaItemId),
      ...who(w.participantId),
      kind: SPEECH_KIND_LABELS.written,
      start: formatTime(w.at, state.timeZone),
      end: "",
      duration: "",
      durationSeconds: null,
      overrunSeconds: null,
      ...notes(entry),
      response: "",
    };
  };

  // Merge by time: a written speech handed in before a speech started comes before it (and after
  // the interjections of the speech before); both lists are already in time order.
  const rows: Row[] = [];
  let w = 0;
  for (const s of speeches) {
    while (w < state.written.length && state.written[w]!.at < s.startedAt) rows.push(writtenRow(state.written[w++]!));
    rows.push(...speechRows(s));
  }
  while (w < state.written.length) rows.push(writtenRow(state.written[w++]!));
  // Interjections into a speech that is not in the list (should not happen): keep them, at the end.
  const listed = new Set(speeches.map((s) => s.speechId));
  for (const ij of interjections) if (!listed.has(ij.speechId)) rows.push(interjectionRow(ij, null));
  return rows.map((r, i) => ({ order: i + 1, ...r }));
}

/** A row as the cells of SPEECH_LIST_HEADERS, in order; numbers stay numbers, blanks are "". */
export function speechListCells(row: SpeechListRow): (string | number)[] {
  return [
    row.order,
    row.item,
    row.speaker,
    row.sector,
    row.party,
    row.unit,
    row.kind,
    row.start,
    row.end,
    row.duration,
    row.durationSeconds ?? "",
    row.overrunSeconds ?? "",
    row.summary,
    row.suggestions,
    row.response,
  ];
}
