// The draft of the minutes (会议纪要) as a projection of the meeting's state (= of its event
// log): the header, attendance by role, per agenda item the speeches in order with the clerk's
// summaries and the officials' responses nested under them, written speeches, poll results,
// decisions (议定事项) and suggestions (意见建议); in a bargaining session the record of the
// table (协商记录) before the items; then distribution, recorder and sign-off.
// Pure: no clock, no I/O; every time shown comes from the data (docs/minutes.md).
import { baseName, clauseWords, quorumWords, ruleWords, type Units } from "../poll/ruleText.ts";
import type { StoredEvent } from "../meeting.ts";
import { meetingKindLabel } from "../meetingKind.ts";
import type { ClauseResult, Poll } from "../poll/schema.ts";
import { rosterNames } from "../naming/displayNames.ts";
import { entryKey, MEETING_CLOSING, type EntryRef } from "../record/schema.ts";
import { roleLabel, roleTellsApart } from "../roleLabels.ts";
import { sectorParty } from "../affiliation.ts";
import type { MeetingState } from "../state.ts";
import type { RosterEntry } from "../config/schema.ts";
import type { Interjection, InterjectionOutcome } from "../interjection/schema.ts";
import type { Speech } from "../floor/schema.ts";
import type { GroupingMethod } from "../groups/schema.ts";
import type { SpeechKind } from "../queue/schema.ts";
import type { WrittenSpeech } from "../plan/schema.ts";
import { bargainingRecord, type MinutesBargaining } from "./bargainingRecord.ts";
import { entryTranscript } from "../transcript/entryText.ts";
import { SIDES } from "../bargaining/schema.ts";
import {
  excerpt,
  formatDate,
  formatDay,
  formatDuration,
  formatTime,
  NO_OUTCOME_LABEL,
  NO_SUMMARY,
  OUTCOME_LABELS,
  POLL_FORM_LABELS,
  SPEECH_KIND_LABELS,
  toMs,
} from "./format.ts";

/** What the minutes need of the meeting as the organisers entered it (MeetingJson fits). */
export interface MinutesMeeting {
  title: string;
  /** 文号 */
  number: string | null;
  kind: string;
  place: string | null;
  /** ISO date-time or epoch milliseconds. */
  startsAt: string | number | null;
}

export interface MinutesOptions {
  /** 记录人; by default the clerks on the roster. */
  recorderName?: string;
  /** 分送 */
  distribution?: readonly string[];
  /**
   * The meeting's event log up to the state's seq. With it, 出席 means "arrived at some point"
   * (people leave when the meeting ends, and a departure after the close is not an absence);
   * without it, the attendance at the state's moment is used.
   */
  log?: readonly StoredEvent[];
}

/**
 * Where a text in the draft comes from: the clerk's summary, the submitted text shortened, the
 * first lines of the speech's transcript (typed, else the machine draft), or nothing yet.
 */
export type TextSource = "summary" | "submitted" | "transcript" | "machineDraft" | "none";
export interface MinutesText {
  text: string;
  source: TextSource;
}

export interface MinutesPerson {
  name: string;
  /**
   * 界别 / 党派 (once when the same), or the unit of an official; led by the role word where the
   * kind of meeting tells people apart by it (职工方首席代表, 当事人, 调解员: roleLabels.ts).
   */
  affiliation: string | null;
}

export interface MinutesResponse {
  interjectionId: string;
  speaker: MinutesPerson;
  /** The point answered, in the requester's words. */
  point: string | null;
  outcome: InterjectionOutcome | null;
  outcomeLabel: string;
  time: string;
  summary: MinutesText;
}

export interface MinutesSpeech {
  speechId: string;
  /** 1, 2, … within the item. */
  order: number;
  speaker: MinutesPerson;
  kind: SpeechKind;
  kindLabel: string;
  /** The booked speech's title, if any. */
  title: string | null;
  time: string;
  duration: string | null;
  /** Still speaking when the draft was made. */
  ongoing: boolean;
  summary: MinutesText;
  responses: MinutesResponse[];
}

export interface MinutesWritten {
  writtenId: string;
  author: MinutesPerson;
  summary: MinutesText;
}

export interface MinutesPollCount {
  label: string;
  count: number;
}

export interface MinutesPoll {
  pollId: string;
  title: string;
  /** 无记名 / 记名 */
  ballot: string;
  form: string;
  /** 当选条件 in an election, 通过规则 otherwise. */
  ruleLabel: string;
  /** The rule in words (ruleText.ts), clauses joined by 且. */
  rule: string;
  quorum: string | null;
  /** 户 in a per-household poll, 人 otherwise. */
  unit: string;
  /** 应到, 实到 (present at the opening) and 投票 (ballots and raised hands). */
  eligible: number;
  present: number;
  cast: number;
  ballots: number;
  hands: number;
  /** Blank (空白票) and invalid (废票) ballots: in 投票, for nobody. */
  blank: number;
  invalid: number;
  /** Of the ballots: cast by proxy holders (委托投票) and entered on paper by the clerk (纸质票). */
  proxies: number;
  paper: number;
  /** Each clause against its base: 同意 8 户 / 应到 11 户 = 72.7%，未达到. */
  clauses: string[];
  counts: MinutesPollCount[];
  passed: boolean;
  resultLabel: string;
  /** Options (candidates) elected: single and multiple choice, candidates. */
  elected: string[];
  /** Candidates tied for the last seat, none of them elected. */
  tied: string[];
}

export interface MinutesDecision {
  decisionId: string;
  text: string;
  unit: string | null;
  deadline: string | null;
}

export interface MinutesSuggestion {
  suggestionId: string;
  title: string;
  text: string;
  topic: string | null;
  department: string | null;
  proposer: string;
}

export interface MinutesItem {
  /** The agenda item's id; null for what belongs to no item of the agenda. */
  itemId: string | null;
  /** 议题一 … (null for the 其他 section). */
  label: string | null;
  title: string;
  presenter: string | null;
  /** The clerk's summary of the item's briefing (情况通报), if written. */
  briefing: string | null;
  /** The chair's closing remarks on the item (主持人总结), if written. */
  closing: string | null;
  speeches: MinutesSpeech[];
  written: MinutesWritten[];
  polls: MinutesPoll[];
  decisions: MinutesDecision[];
  suggestions: MinutesSuggestion[];
}

/** 分组讨论: one group of the plenary, with what its clerk reported (小组汇报要点). */
export interface MinutesGroup {
  name: string;
  topic: string | null;
  place: string | null;
  convener: MinutesPerson;
  clerk: string | null;
  /** People in the group (the plenary's chairs looking in are not counted). */
  members: number;
  /** The group's report as last saved; null: none sent. */
  summary: string | null;
  suggestions: { text: string; by: string | null }[];
}

export interface Minutes {
  header: {
    title: string;
    number: string | null;
    kind: string;
    place: string | null;
    /** The date of the meeting (opened, else scheduled). */
    date: string | null;
    /** 10:02—11:40 when opened and closed; the scheduled start otherwise. */
    time: string | null;
    chair: string[];
    /** What the chair is called in this kind of meeting: 主持人, or 主持调解员 in a mediation. */
    chairLabel: string;
  };
  attendance: {
    /** 应到: members and officials on the roster. */
    expected: number;
    /** 出席 */
    present: MinutesPerson[];
    /** 列席 */
    attending: MinutesPerson[];
    /** What those attending are called: 列席, or 调解员 in a mediation (they are the officials of the roster). */
    attendingLabel: string;
    /** 请假 */
    excused: MinutesPerson[];
    /** 缺席 */
    absent: MinutesPerson[];
  };
  overview: { speeches: number; written: number; responses: number; polls: number; decisions: number; suggestions: number };
  /** 协商记录: the table of a collective wage bargaining session; null in any other meeting and before anything happened at the table (bargainingRecord.ts). */
  bargaining: MinutesBargaining | null;
  items: MinutesItem[];
  /** 分组讨论: how the plenary split (按界别 …) and its groups; null when it did not split. */
  groups: { method: string; list: MinutesGroup[] } | null;
  /** The chair's closing remarks on the whole meeting (主持人总结), if written. */
  closing: string | null;
  distribution: string[];
  recorder: string | null;
  /** The chair signs here (签发). */
  signOff: string;
}

/** How many of a transcript's first lines stand in for a missing summary (then cut at EXCERPT_CHARS). */
export const TRANSCRIPT_SUMMARY_LINES = 2;

const ITEM_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const itemLabel = (index: number) => `议题${index < 10 ? ITEM_NUMERALS[index] : index + 1}`;

export function draftMinutes(meeting: MinutesMeeting, state: MeetingState, options: MinutesOptions = {}): Minutes {
  const byId = new Map(state.roster.map((r) => [r.id, r]));
  // Names as every screen shows them: same names told apart (core/naming, 同名区分).
  const names = rosterNames(state.roster);
  const nameOf = (r: RosterEntry) => names.get(r.id) ?? r.name;
  const person = (id: string, guestName: string | null = null): MinutesPerson => {
    const entry = byId.get(id);
    if (!entry) return { name: guestName ?? id, affiliation: null };
    return { name: nameOf(entry), affiliation: affiliation(meeting.kind, entry) };
  };
  const noteText = (entry: EntryRef, fallback: string | null): MinutesText => {
    const summary = state.notes.summaries[entryKey(entry)];
    if (summary && summary.text.trim() !== "") return { text: summary.text.trim(), source: "summary" };
    if (fallback !== null && fallback.trim() !== "") return { text: excerpt(fallback), source: "submitted" };
    // A speech nobody summarized: its transcript's first lines (typed ones, else the machine draft).
    const transcript = entry.kind === "speech" ? entryTranscript(state, { kind: "speech", id: entry.id }) : null;
    if (transcript) {
      const opening = transcript.lines.slice(0, TRANSCRIPT_SUMMARY_LINES).map((l) => l.text);
      return { text: excerpt(joinLines(opening)), source: transcript.source === "steno" ? "transcript" : "machineDraft" };
    }
    return { text: NO_SUMMARY, source: "none" };
  };

  // Speeches in the order they were given (the running one last), with their responses.
  const speeches: (Speech & { endedAt?: number; durationMs?: number })[] = [...state.speeches, ...(state.floor ? [state.floor] : [])];
  const interjections: Interjection[] = [...state.interjections, ...(state.interjection ? [state.interjection] : [])];
  const response = (ij: Interjection): MinutesResponse => ({
    interjectionId: ij.interjectionId,
    speaker: person(ij.participantId),
    point: ij.point,
    outcome: ij.outcome,
    outcomeLabel: ij.outcome ? OUTCOME_LABELS[ij.outcome] : NO_OUTCOME_LABEL,
    time: formatTime(ij.startedAt, state.timeZone),
    summary: noteText({ kind: "interjection", id: ij.interjectionId }, null),
  });
  const speech = (s: (typeof speeches)[number], order: number): MinutesSpeech => {
    const booking = s.bookingId === null ? undefined : state.plan.find((p) => p.bookingId === s.bookingId);
    const ongoing = state.floor?.speechId === s.speechId;
    return {
      speechId: s.speechId,
      order,
      speaker: person(s.participantId, s.guestName),
      kind: s.kind,
      kindLabel: SPEECH_KIND_LABELS[s.kind],
      title: booking && booking.title.trim() !== "" ? booking.title.trim() : null,
      time: formatTime(s.startedAt, state.timeZone),
      duration: s.durationMs === undefined ? null : formatDuration(s.durationMs),
      ongoing,
      summary: noteText({ kind: "speech", id: s.speechId }, booking?.text ?? null),
      responses: interjections.filter((ij) => ij.speechId === s.speechId).map(response),
    };
  };
  const written = (w: WrittenSpeech): MinutesWritten => ({
    writtenId: w.writtenId,
    author: person(w.participantId),
    summary: noteText({ kind: "written", id: w.writtenId }, w.text),
  });

  // Sections: the agenda in its order, then 其他 for anything outside it (only when non-empty).
  const known = new Set(state.agenda.map((a) => a.id));
  const section = (id: string | null) => (id !== null && known.has(id) ? id : null);
  const briefing = (itemId: string | null) => (itemId === null ? null : blank(state.notes.summaries[entryKey({ kind: "briefing", id: itemId })]?.text ?? null));
  const closing = (id: string | null) => (id === null ? null : blank(state.notes.summaries[entryKey({ kind: "closing", id })]?.text ?? null));
  const build = (itemId: string | null, head: Pick<MinutesItem, "label" | "title" | "presenter">): MinutesItem => ({
    itemId,
    ...head,
    briefing: briefing(itemId),
    closing: closing(itemId),
    speeches: speeches.filter((s) => section(s.agendaItemId) === itemId).map((s, i) => speech(s, i + 1)),
    written: state.written.filter((w) => section(w.agendaItemId) === itemId).map(written),
    polls: state.polls.filter((p) => section(p.itemId) === itemId && p.result !== null).map(poll),
    decisions: state.notes.decisions
      .filter((d) => section(d.itemId) === itemId)
      .map((d) => ({ decisionId: d.decisionId, text: d.text, unit: blank(d.unit), deadline: d.deadline === "" ? null : formatDay(d.deadline) })),
    suggestions: state.notes.suggestions
      .filter((s) => section(s.itemId) === itemId)
      .map((s) => ({
        suggestionId: s.suggestionId,
        title: s.title,
        text: s.text,
        topic: blank(s.topic),
        department: blank(s.department),
        proposer: person(s.participantId).name,
      })),
  });
  const items = state.agenda.map((a, i) => build(a.id, { label: itemLabel(i), title: a.title, presenter: a.presenter === null ? null : blank(a.presenter) }));
  const rest = build(null, { label: null, title: state.agenda.length === 0 ? "会议内容" : "其他事项", presenter: null });
  const isEmpty = (i: MinutesItem) => i.speeches.length + i.written.length + i.polls.length + i.decisions.length + i.suggestions.length === 0;
  if (!isEmpty(rest)) items.push(rest);

  const sum = (f: (i: MinutesItem) => number) => items.reduce((n, i) => n + f(i), 0);
  const scheduled = toMs(meeting.startsAt);
  const dayOf = state.openedAt ?? scheduled;
  const time =
    state.openedAt !== null && state.closedAt !== null
      ? `${formatTime(state.openedAt, state.timeZone)}—${formatTime(state.closedAt, state.timeZone)}`
      : state.openedAt !== null
        ? `${formatTime(state.openedAt, state.timeZone)}起`
        : scheduled !== null
          ? formatTime(scheduled, state.timeZone)
          : null;
  const clerks = state.roster.filter((r) => r.role === "clerk").map(nameOf);
  const chairs = chairsOf(meeting.kind, state).map(nameOf);

  return {
    header: {
      title: meeting.title,
      number: blank(meeting.number),
      kind: meetingKindLabel(meeting.kind, "zh"),
      place: blank(meeting.place),
      date: dayOf === null ? null : formatDate(dayOf, state.timeZone),
      time,
      chairLabel: roleLabel(meeting.kind, { role: "chair" }, "zh"),
      chair: chairs,
    },
    attendance: { ...attendance(state, options.log, person), attendingLabel: roleLabel(meeting.kind, { role: "official" }, "zh") },
    overview: {
      speeches: sum((i) => i.speeches.length),
      written: sum((i) => i.written.length),
      responses: sum((i) => i.speeches.reduce((n, s) => n + s.responses.length, 0)),
      polls: sum((i) => i.polls.length),
      decisions: sum((i) => i.decisions.length),
      suggestions: sum((i) => i.suggestions.length),
    },
    bargaining: bargainingRecord(meeting.kind, state, dayOf, nameOf),
    items,
    groups: groupsOf(state, person),
    closing: closing(MEETING_CLOSING),
    distribution: (options.distribution ?? []).map((d) => d.trim()).filter((d) => d !== ""),
    recorder: blank(options.recorderName ?? null) ?? (clerks.length > 0 ? clerks.join("、") : null),
    signOff: chairs.join("、"),
  };
}

const GROUPING_WORDS: Record<GroupingMethod, string> = { sector: "按界别分组", column: "按名册分组", topic: "按议题自选分组", hand: "指定分组" };

/** The groups once opened (a plan never opened is not part of the meeting). */
function groupsOf(state: MeetingState, person: (id: string) => MinutesPerson): Minutes["groups"] {
  const g = state.groups;
  if (g.method === null || g.openedAt === null) return null;
  return {
    method: GROUPING_WORDS[g.method],
    list: g.groups.map((group) => ({
      name: group.name,
      topic: blank(group.topic),
      place: blank(group.place),
      convener: person(group.convenerId),
      clerk: group.clerkId === null ? null : person(group.clerkId).name,
      members: group.memberIds.length,
      summary: group.report ? blank(group.report.summary) : null,
      suggestions: group.report?.suggestions ?? [],
    })),
  };
}

/**
 * Who chaired: the roster's chairs; at a bargaining table the two sides' chiefs, who preside in
 * turn (《集体合同规定》), worker side first — else the chairs, while the roster has no chiefs yet.
 */
function chairsOf(kind: string, state: MeetingState): RosterEntry[] {
  const chiefs = SIDES.flatMap((side) => state.roster.filter((r) => r.chief && r.side === side));
  return kind === "bargaining" && chiefs.length > 0 ? chiefs : state.roster.filter((r) => r.role === "chair");
}

function attendance(
  state: MeetingState,
  log: readonly StoredEvent[] | undefined,
  person: (id: string) => MinutesPerson,
): Omit<Minutes["attendance"], "attendingLabel"> {
  // Who arrived at any point (before the close): from the log if given, else the status now.
  const attended = new Set<string>();
  if (log) {
    for (const { event } of log) {
      if (event.type === "meeting.closed") break;
      if (event.type === "attendance.arrived") for (const id of event.participantIds) attended.add(id);
    }
  } else {
    for (const [id, a] of Object.entries(state.attendance)) if (a.status === "present") attended.add(id);
  }
  // Whoever spoke or responded was there, whatever the attendance says.
  for (const s of state.speeches) attended.add(s.participantId);
  for (const ij of state.interjections) attended.add(ij.participantId);
  const status = (r: RosterEntry) => (attended.has(r.id) ? "present" : state.attendance[r.id]?.status === "excused" ? "excused" : "absent");
  const voting = state.roster.filter((r) => r.role === "member");
  const officials = state.roster.filter((r) => r.role === "official");
  return {
    expected: voting.length,
    present: voting.filter((r) => status(r) === "present").map((r) => person(r.id)),
    attending: officials.filter((r) => status(r) === "present").map((r) => person(r.id)),
    excused: [...voting, ...officials].filter((r) => status(r) === "excused").map((r) => person(r.id)),
    absent: voting.filter((r) => status(r) === "absent").map((r) => person(r.id)),
  };
}

const ANSWERS: Record<string, string> = { yes: "赞成", no: "反对", abstain: "弃权" };

function poll(p: Poll): MinutesPoll {
  const result = p.result!;
  const units = { perHousehold: p.definition.eligibility.perHousehold };
  // An option, or a candidate's answer in an election (o1:yes → 王芳（赞成）).
  const label = (id: string) => {
    const [optionId, answer] = id.split(":");
    const name = p.options.find((o) => o.id === optionId)?.label ?? id;
    return answer === undefined ? name : `${name}（${ANSWERS[answer] ?? answer}）`;
  };
  const name = (id: string) => p.options.find((o) => o.id === id)?.label ?? id;
  const quorum = p.definition.quorum;
  const checks =
    result.quorum?.checks.map(
      (c) =>
        `${quorum?.of === "present" ? (c.measure === "weight" ? "实到权重" : "实到") : c.measure === "weight" ? "参与表决权重" : "参与表决"} ${formatAmount(c.turnout)} / ${c.measure === "weight" ? "应到权重" : "应到"} ${formatAmount(c.base)}，${c.met ? "达到" : "未达到"}`,
    ) ?? [];
  const choice = p.definition.form === "single" || p.definition.form === "multiple" || p.definition.form === "candidates";
  // An election says 当选; choosing between plans says 通过 with the plans that passed.
  const election = p.definition.form === "candidates" || p.definition.seats !== undefined;
  return {
    pollId: p.pollId,
    title: p.definition.title,
    ballot: p.definition.secret ? "无记名" : "记名",
    form: POLL_FORM_LABELS[p.definition.form],
    ruleLabel: election ? "当选条件" : "通过规则",
    rule: ruleWords(p.definition.rule, units, "zh", label),
    quorum: quorum === null ? null : `${quorumWords(quorum, units, "zh")}${checks.length > 0 ? `（${checks.join("；")}）` : ""}`,
    unit: units.perHousehold ? "户" : "人",
    eligible: result.eligibleCount,
    present: result.presentCount,
    cast: result.ballots + result.hands,
    clauses: result.clauses.map((c) => clauseLine(c, label(c.optionId), units)),
    ballots: result.ballots,
    hands: result.hands,
    blank: result.blank ?? 0,
    invalid: result.invalid ?? 0,
    proxies: result.proxies ?? 0,
    paper: result.paper ?? 0,
    counts: result.counts.map((c) => ({ label: label(c.optionId), count: c.count })),
    passed: result.passed,
    resultLabel: election ? (result.passed ? "当选" : "无人当选") : result.passed ? "通过" : "未通过",
    elected: choice ? result.passedOptions.map(name) : [],
    tied: (result.tiedAtCut ?? []).map(name),
  };
}

/** A count or a weight as written in minutes: at most two decimals. */
const formatAmount = (x: number): string => String(Math.round(x * 100) / 100);

/** 同意 8 户 / 应到 11 户 = 72.7%（不少于应到户数的80%（含本数）），未达到 */
function clauseLine(c: ClauseResult, option: string, units: Units): string {
  const weight = c.clause.measure === "weight";
  const unit = weight ? "" : c.clause.base === "cast" ? " 票" : units.perHousehold ? " 户" : " 人";
  const base = `${c.clause.householdPrefix ?? ""}${baseName(c.clause.base, units, "zh", weight)}`;
  const amount = (x: number) => (weight ? String(Math.round(x * 100) / 100) : String(x));
  const percent = Math.round(c.percent * 10) / 10;
  return `${option}${weight ? "权重 " : " "}${amount(c.numerator)}${unit} / ${base} ${amount(c.denominator)}${unit} = ${percent}%（${clauseWords(c.clause, units, "zh", option)}），${c.passed ? "达到" : "未达到"}`;
}

function affiliation(kind: string, entry: RosterEntry): string | null {
  const role = roleTellsApart(kind) ? [roleLabel(kind, entry, "zh")] : [];
  const rest = entry.role === "official" ? (blank(entry.unit) ?? blank(entry.sector)) : sectorParty(entry).join("，") || blank(entry.unit);
  const parts = [...role, ...(rest === null ? [] : [rest])];
  return parts.length > 0 ? parts.join("，") : null;
}

/**
 * Transcript lines as one text: a line that ends a clause runs on into the next; one without
 * punctuation (a machine draft's segment) gets a Chinese comma after Chinese text, else a space.
 */
function joinLines(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .reduce(
      (text, line) =>
        text === "" ? line : /[。！？；，、：…!?.;,:]$/u.test(text) ? text + line : /\p{Script=Han}$/u.test(text) ? `${text}，${line}` : `${text} ${line}`,
      "",
    );
}

function blank(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}
