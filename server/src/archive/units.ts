// What of a meeting is searchable, one unit per row of the index (docs/archive.md): the clerk's
// summaries, booked speeches' submitted texts, written speeches, interjection points, transcripts,
// suggestions, decisions and the sections of the minutes: the version the chair approved last,
// else the latest saved version, else the draft generated from the record. A pure function of
// the meeting as entered, its replayed state, its log and that saved version.
import type { StoredEvent } from "../../../core/meeting.ts";
import { minutesBlocks, type Block } from "../../../core/minutes/blocks.ts";
import { draftMinutes, type MinutesMeeting } from "../../../core/minutes/minutes.ts";
import { rosterNames } from "../../../core/naming/displayNames.ts";
import { entryKey, MEETING_CLOSING } from "../../../core/record/schema.ts";
import type { MeetingState } from "../../../core/state.ts";
import { entryTranscript } from "../../../core/transcript/entryText.ts";

export const UNIT_KINDS = ["summary", "bookedText", "written", "interjection", "transcript", "suggestion", "decision", "minutes"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface SearchUnit {
  kind: UnitKind;
  /** The entry key (speech:…, interjection:…, written:…), suggestion, decision or speech id, or minutes:<n>. */
  ref: string;
  itemId: string | null;
  /** The agenda item's title (for a minutes section: its heading). */
  item: string | null;
  speaker: string | null;
  text: string;
}

const blockText = (b: Block): string => ("runs" in b ? b.runs.map((r) => r.text).join("") : b.text);

/** `saved`: the blocks of the minutes version to index in place of the generated draft. */
export function searchUnits(meeting: MinutesMeeting, state: MeetingState, log: readonly StoredEvent[], saved: readonly Block[] | null = null): SearchUnit[] {
  const names = rosterNames(state.roster);
  const items = new Map(state.agenda.map((a) => [a.id, a.title]));
  const itemOf = (id: string | null) => ({ itemId: id, item: id === null ? null : (items.get(id) ?? null) });
  const speeches = [...state.speeches, ...(state.floor ? [state.floor] : [])];
  const interjections = [...state.interjections, ...(state.interjection ? [state.interjection] : [])];
  const written = state.written;
  const speakerOf = new Map<string, { speaker: string | null; itemId: string | null }>();
  for (const s of speeches) speakerOf.set(`speech:${s.speechId}`, { speaker: s.guestName ?? names.get(s.participantId) ?? null, itemId: s.agendaItemId });
  for (const w of written) speakerOf.set(`written:${w.writtenId}`, { speaker: names.get(w.participantId) ?? null, itemId: w.agendaItemId });
  for (const ij of interjections) {
    const speech = speeches.find((s) => s.speechId === ij.speechId);
    speakerOf.set(`interjection:${ij.interjectionId}`, { speaker: names.get(ij.participantId) ?? null, itemId: speech?.agendaItemId ?? null });
  }

  const units: SearchUnit[] = [];
  const add = (u: SearchUnit) => {
    if (u.text.trim() !== "") units.push(u);
  };
  for (const [key, summary] of Object.entries(state.notes.summaries)) {
    const briefing =
      summary.entry.kind === "briefing"
        ? { speaker: state.agenda.find((a) => a.id === summary.entry.id)?.presenter ?? null, itemId: summary.entry.id }
        : undefined;
    // 主持人总结: the chair's, on an agenda item or (MEETING_CLOSING) on the whole meeting.
    const closing =
      summary.entry.kind === "closing"
        ? {
            speaker: names.get(state.roster.find((r) => r.role === "chair")?.id ?? "") ?? null,
            itemId: summary.entry.id === MEETING_CLOSING ? null : summary.entry.id,
          }
        : undefined;
    const who = briefing ?? closing ?? speakerOf.get(key) ?? speakerOf.get(entryKey(summary.entry));
    add({ kind: "summary", ref: key, ...itemOf(who?.itemId ?? null), speaker: who?.speaker ?? null, text: summary.text });
  }
  for (const s of speeches) {
    const booking = s.bookingId === null ? undefined : state.plan.find((p) => p.bookingId === s.bookingId);
    if (!booking) continue;
    const text = [booking.title.trim() === "" ? "" : `《${booking.title.trim()}》`, booking.text].filter((t) => t !== "").join("\n");
    add({ kind: "bookedText", ref: `speech:${s.speechId}`, ...itemOf(s.agendaItemId), speaker: speakerOf.get(`speech:${s.speechId}`)?.speaker ?? null, text });
  }
  for (const w of written)
    add({ kind: "written", ref: `written:${w.writtenId}`, ...itemOf(w.agendaItemId), speaker: names.get(w.participantId) ?? null, text: w.text });
  for (const ij of interjections) {
    if (ij.point === null) continue;
    const who = speakerOf.get(`interjection:${ij.interjectionId}`);
    add({ kind: "interjection", ref: `interjection:${ij.interjectionId}`, ...itemOf(who?.itemId ?? null), speaker: who?.speaker ?? null, text: ij.point });
  }
  // The transcript (速记稿), one unit per speech or interjection: its current lines, typed ones
  // else the machine draft (core/transcript/entryText.ts), each on a line of its own.
  for (const [kind, id] of [
    ...speeches.map((s) => ["speech", s.speechId] as const),
    ...interjections.map((ij) => ["interjection", ij.interjectionId] as const),
  ]) {
    const transcript = entryTranscript(state, { kind, id });
    if (!transcript) continue;
    const who = speakerOf.get(`${kind}:${id}`);
    add({
      kind: "transcript",
      ref: `${kind}:${id}`,
      ...itemOf(who?.itemId ?? null),
      speaker: who?.speaker ?? null,
      text: transcript.lines.map((l) => l.text).join("\n"),
    });
  }
  for (const s of state.notes.suggestions) {
    const text = [s.title, s.text, s.topic, s.department].filter((t) => t.trim() !== "").join("\n");
    add({ kind: "suggestion", ref: s.suggestionId, ...itemOf(s.itemId), speaker: names.get(s.participantId) ?? null, text });
  }
  for (const d of state.notes.decisions) {
    add({ kind: "decision", ref: d.decisionId, ...itemOf(d.itemId), speaker: null, text: [d.text, d.unit].filter((t) => t.trim() !== "").join("\n") });
  }

  // The minutes, one unit per top-level section (the header and 一、二、… headings). A section
  // belongs to the agenda item whose heading it has in the draft (sections 1 and 2 are
  // attendance and overview; the agenda items follow in order).
  const minutes = draftMinutes(meeting, state, { log });
  const draftSections = sectionsOf(minutesBlocks(minutes));
  const itemOfHeading = new Map<string, string>();
  minutes.items.forEach((item, i) => {
    const heading = draftSections[i + 3]?.heading;
    if (heading && item.itemId !== null) itemOfHeading.set(heading, item.itemId);
  });
  sectionsOf(saved ?? minutesBlocks(minutes)).forEach((s, n) => {
    add({
      kind: "minutes",
      ref: `minutes:${n}`,
      itemId: s.heading === null ? null : (itemOfHeading.get(s.heading) ?? null),
      item: s.heading,
      speaker: null,
      text: s.lines.join("\n"),
    });
  });
  return units;
}

function sectionsOf(blocks: readonly Block[]): { heading: string | null; lines: string[] }[] {
  const sections: { heading: string | null; lines: string[] }[] = [{ heading: null, lines: [] }];
  for (const b of blocks) {
    if (b.kind === "heading" && b.level === 1) sections.push({ heading: b.text, lines: [b.text] });
    else sections[sections.length - 1]!.lines.push(blockText(b));
  }
  return sections;
}
