// The verbatim record (会议实录): the meeting's header, then per agenda item each speech in the
// order given, its speaker named as in the minutes (同名区分, affiliation), kind and time, and what
// was said — the transcript's current (corrected) lines, typed lines first choice, the machine
// draft (marked 机器草稿) only for an entry nobody typed (core/transcript/entryText.ts). An
// interjection sits where it happened inside the speech: the speech's lines typed before it, the
// interjection's own lines, then the rest of the speech. Built as the minutes' blocks, so the
// DOCX and PDF typography is the minutes' own (minutesExport.ts). Pure: the data decides every word.
import { headerBlocks, type Block, type Run } from "../../../core/minutes/blocks.ts";
import { draftMinutes, type MinutesMeeting, type MinutesPerson } from "../../../core/minutes/minutes.ts";
import { rosterNames } from "../../../core/naming/displayNames.ts";
import type { MeetingState } from "../../../core/state.ts";
import { entryTranscript, type EntryTranscript } from "../../../core/transcript/entryText.ts";
import type { TranscriptEntry, TranscriptLine } from "../../../core/transcript/schema.ts";

export const MACHINE_DRAFT_MARK = "（机器草稿，未经校对）";
export const NO_TRANSCRIPT = "（无速记稿）";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const sectionNumber = (i: number) => `${NUMERALS[i] ?? String(i + 1)}、`;
const who = (p: MinutesPerson): Run[] => [{ text: p.name, bold: true }, ...(p.affiliation ? [{ text: `（${p.affiliation}）` }] : [])];
const lineBlock = (line: TranscriptLine): Block => ({ kind: "paragraph", runs: [{ text: line.text }] });
const marked = (t: EntryTranscript | null): Run[] => (t?.source === "machine" ? [{ text: MACHINE_DRAFT_MARK }] : []);

export function verbatimBlocks(meeting: MinutesMeeting, state: MeetingState): Block[] {
  // The minutes' projection names people, labels kinds and formats times exactly as the minutes do.
  const minutes = draftMinutes(meeting, state);
  const out: Block[] = headerBlocks(minutes.header, "会议实录");

  const startOf = new Map<string, number>();
  for (const s of [...state.speeches, ...(state.floor ? [state.floor] : [])]) startOf.set(`speech:${s.speechId}`, s.startedAt);
  for (const ij of [...state.interjections, ...(state.interjection ? [state.interjection] : [])])
    startOf.set(`interjection:${ij.interjectionId}`, ij.startedAt);
  const transcriptOf = (entry: TranscriptEntry) => entryTranscript(state, entry);
  /** A line's time in the meeting (ms epoch): its entry's start plus its offset. */
  const timeOf = (line: TranscriptLine) => (startOf.get(`${line.entry.kind}:${line.entry.id}`) ?? 0) + line.offsetMs;

  let section = 0;
  const items = minutes.items.filter((item) => item.speeches.length > 0);
  if (items.length === 0) out.push({ kind: "paragraph", runs: [{ text: "（本次会议没有发言。）" }] });
  for (const item of items) {
    out.push({ kind: "heading", level: 1, text: `${sectionNumber(section++)}${item.label ? `${item.label}：` : ""}${item.title}` });
    for (const s of item.speeches) {
      const speech = transcriptOf({ kind: "speech", id: s.speechId });
      out.push({
        kind: "entry",
        level: 0,
        marker: `${s.order}.`,
        runs: [...who(s.speaker), { text: `：${s.kindLabel}${s.title ? `《${s.title}》` : ""}，${s.time}${s.ongoing ? "，发言中" : ""}` }, ...marked(speech)],
      });
      const lines = speech?.lines ?? [];
      if (lines.length === 0) out.push({ kind: "paragraph", runs: [{ text: NO_TRANSCRIPT }] });
      let next = 0;
      let interrupted = false;
      for (const r of s.responses) {
        const at = startOf.get(`interjection:${r.interjectionId}`) ?? Number.POSITIVE_INFINITY;
        for (; next < lines.length && timeOf(lines[next]!) < at; next++) out.push(lineBlock(lines[next]!));
        const own = transcriptOf({ kind: "interjection", id: r.interjectionId });
        out.push({ kind: "entry", level: 1, marker: "-", runs: [{ text: "插话：" }, ...who(r.speaker), { text: `，${r.time}` }, ...marked(own)] });
        for (const line of own?.lines ?? []) out.push(lineBlock(line));
        if ((own?.lines.length ?? 0) === 0) out.push({ kind: "paragraph", runs: [{ text: NO_TRANSCRIPT }] });
        interrupted = true;
      }
      if (next < lines.length && interrupted) out.push({ kind: "paragraph", runs: [{ text: `（${s.speaker.name}继续发言）` }] });
      for (; next < lines.length; next++) out.push(lineBlock(lines[next]!));
    }
  }

  // Who typed the record (速记), in the order of their first line; then the recorder signs.
  const names = rosterNames(state.roster);
  const typists = [...new Set(state.transcript.flatMap((l) => (l.source === "steno" && l.by !== null ? [l.by] : [])))].map((id) => names.get(id) ?? id);
  if (typists.length > 0) out.push({ kind: "signature", runs: [{ text: `速记：${typists.join("、")}` }] });
  out.push({ kind: "signature", runs: [{ text: `整理：${minutes.recorder ?? "\u3000".repeat(6)}` }] });
  return out;
}
