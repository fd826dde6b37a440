// 会议记录 through the public decide/evolve/replay: who may write the notes, what they may be
// about, version-checked edits (EDIT_CONFLICT), and what the state keeps.
import { describe, expect, it } from "vitest";
import { replay } from "../meeting.ts";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import {
  agendaItem,
  decisionFields,
  decisionTable,
  entry,
  ev,
  given,
  givenScheduled,
  NOW,
  people,
  play,
  sequentialIds,
  suggestionFields,
  type DecisionCase,
} from "../../testing/core.ts";
import { MEETING_CLOSING, type RecordCommand, type SummaryRef } from "./schema.ts";

const { chair, alice, bob, olga, clerk, observer } = people;
const A = alice.participantId;
const O = olga.participantId;
const CH = chair.participantId;
const CL = clerk.participantId;

const SPEECH = entry("speech", `s-${A}`);
const IJ = entry("interjection", "i1");
const WRITTEN = entry("written", "w1");
const BRIEFING = { kind: "briefing", id: "a1" } as const;

const agenda = ev.agendaSet([agendaItem("a1"), agendaItem("a2")]);
/** alice speaking on a1 (since t=0). */
const speaking = [agenda, ev.itemStarted("a1", 0), ev.started(A, { agendaItemId: "a1" })];
/** alice's speech on a1 ended at t=60 s; a2 is current now. */
const spoken = [...speaking, ev.ended(A, { at: 60_000, durationMs: 60_000, overrunMs: 0, endedBy: CH }), ev.itemStarted("a2", 60_000)];
/** olga interjecting on alice's speech (a1), which is paused. */
const interjecting = [...speaking, ev.paused(`s-${A}`, 10_000), ev.ijStarted(O, `s-${A}`, { interjectionId: "i1", at: 10_000 })];
/** olga's interjection ended, alice's speech too; a2 is current now. */
const interjected = [
  ...interjecting,
  ev.ijEnded("i1", { at: 40_000, durationMs: 30_000, endedBy: CH }),
  ev.resumed(`s-${A}`, 40_000),
  ev.ended(A, { at: 90_000, durationMs: 60_000, overrunMs: 0, endedBy: CH }),
  ev.itemStarted("a2", 90_000),
];
/** bob's written speech under a1. */
const written = [agenda, ev.itemStarted("a1", 0), ev.written(bob.participantId, { writtenId: "w1", agendaItemId: "a1" })];

const summarize = (e: SummaryRef = SPEECH, text = "要点", baseVersion = 0) => ({ type: "record.summarize", entry: e, text, baseVersion });
const capture = (e = SPEECH, suggestion: Record<string, unknown> = suggestionFields()) => ({ type: "record.captureSuggestion", entry: e, suggestion });
const editSuggestion = (suggestionId: string, baseVersion: number, suggestion: Record<string, unknown> = suggestionFields({ title: "改" })) => ({
  type: "record.editSuggestion",
  suggestionId,
  suggestion,
  baseVersion,
});
const addDecision = (decision: Record<string, unknown> = decisionFields(), itemId?: string | null) => ({
  type: "record.addDecision",
  decision,
  ...(itemId === undefined ? {} : { itemId }),
});
const editDecision = (decisionId: string, baseVersion: number, decision: Record<string, unknown> = decisionFields({ unit: "区民政局" })) => ({
  type: "record.editDecision",
  decisionId,
  decision,
  baseVersion,
});

const NOT_STAFF: Actor[] = [alice, olga, observer, SYSTEM_ACTOR];
const forbidden = (given: DecisionCase["given"], command: unknown): DecisionCase[] =>
  NOT_STAFF.map((actor) => ({ name: `${actor.role} → FORBIDDEN`, given, command, actor, then: { error: "FORBIDDEN" } }));

describe("record.summarize", () => {
  decisionTable([
    { name: "the clerk summarizes a running speech", given: speaking, command: summarize(), actor: clerk, then: [ev.summarized(SPEECH, "要点")] },
    { name: "the chair summarizes an ended speech", given: spoken, command: summarize(), actor: chair, then: [ev.summarized(SPEECH, "要点", { by: CH })] },
    { name: "a running interjection", given: interjecting, command: summarize(IJ, "回应要点"), actor: clerk, then: [ev.summarized(IJ, "回应要点")] },
    { name: "an ended interjection", given: interjected, command: summarize(IJ, "回应要点"), actor: clerk, then: [ev.summarized(IJ, "回应要点")] },
    { name: "a written speech", given: written, command: summarize(WRITTEN, "书面要点"), actor: clerk, then: [ev.summarized(WRITTEN, "书面要点")] },
    {
      name: "after the meeting closed (the clerk finishes the record)",
      given: [...spoken, ev.closed(120_000)],
      command: summarize(),
      actor: clerk,
      then: [ev.summarized(SPEECH, "要点")],
    },
    { name: "the text is trimmed", given: spoken, command: summarize(SPEECH, "  要点\n"), actor: clerk, then: [ev.summarized(SPEECH, "要点")] },
    {
      name: "an edit on the current version → the next version",
      given: [...spoken, ev.summarized(SPEECH, "v1")],
      command: summarize(SPEECH, "v2", 1),
      actor: chair,
      then: [ev.summarized(SPEECH, "v2", { version: 2, by: CH })],
    },
    {
      name: "emptying a summary is an edit",
      given: [...spoken, ev.summarized(SPEECH, "v1")],
      command: summarize(SPEECH, "", 1),
      actor: clerk,
      then: [ev.summarized(SPEECH, "", { version: 2 })],
    },
    { name: "the same text → nothing", given: [...spoken, ev.summarized(SPEECH, "v1")], command: summarize(SPEECH, "v1", 1), actor: clerk, then: [] },
    {
      name: "the same text after trimming → nothing",
      given: [...spoken, ev.summarized(SPEECH, "v1")],
      command: summarize(SPEECH, " v1 ", 1),
      actor: clerk,
      then: [],
    },
    { name: "an empty text where there is none → nothing", given: spoken, command: summarize(SPEECH, ""), actor: clerk, then: [] },
    {
      name: "a stale base version → EDIT_CONFLICT",
      given: [...spoken, ev.summarized(SPEECH, "v1")],
      command: summarize(SPEECH, "mine", 0),
      actor: clerk,
      then: { error: "EDIT_CONFLICT" },
    },
    {
      name: "a base two versions behind → EDIT_CONFLICT",
      given: [...spoken, ev.summarized(SPEECH, "v1"), ev.summarized(SPEECH, "v2", { version: 2 })],
      command: summarize(SPEECH, "mine", 1),
      actor: clerk,
      then: { error: "EDIT_CONFLICT" },
    },
    {
      name: "a base version from the future → EDIT_CONFLICT",
      given: spoken,
      command: summarize(SPEECH, "mine", 1),
      actor: clerk,
      then: { error: "EDIT_CONFLICT" },
    },
    {
      name: "the same text on a stale base → EDIT_CONFLICT (the version is checked first)",
      given: [...spoken, ev.summarized(SPEECH, "v1")],
      command: summarize(SPEECH, "v1", 0),
      actor: clerk,
      then: { error: "EDIT_CONFLICT" },
    },
    { name: "an unknown speech → NOT_FOUND", given: spoken, command: summarize(entry("speech", "s-nobody")), actor: clerk, then: { error: "NOT_FOUND" } },
    {
      name: "an unknown interjection → NOT_FOUND",
      given: interjected,
      command: summarize(entry("interjection", "i9")),
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    { name: "an unknown written speech → NOT_FOUND", given: written, command: summarize(entry("written", "w9")), actor: clerk, then: { error: "NOT_FOUND" } },
    {
      name: "a speech id given as an interjection → NOT_FOUND",
      given: spoken,
      command: summarize(entry("interjection", `s-${A}`)),
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "a request that was never granted → NOT_FOUND",
      given: [...speaking, ev.ijRequested(O, `s-${A}`, { requestId: "r1" })],
      command: summarize(entry("interjection", "r1")),
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    { name: "nothing spoken yet → NOT_FOUND", given: [], command: summarize(), actor: clerk, then: { error: "NOT_FOUND" } },
    {
      name: "the briefing of an agenda item (情况通报), before anyone spoke",
      given: [agenda],
      command: summarize(BRIEFING, "通报要点"),
      actor: clerk,
      then: [ev.summarized(BRIEFING, "通报要点")],
    },
    {
      name: "a briefing's edit on a stale base → EDIT_CONFLICT",
      given: [agenda, ev.summarized(BRIEFING, "v1")],
      command: summarize(BRIEFING, "mine", 0),
      actor: clerk,
      then: { error: "EDIT_CONFLICT" },
    },
    {
      name: "the briefing of an unknown agenda item → NOT_FOUND",
      given: [agenda],
      command: summarize({ kind: "briefing", id: "a9" } as never),
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    ...forbidden([agenda], summarize(BRIEFING, "通报要点")),
    ...forbidden(spoken, summarize()),
    { name: "a member, for an unknown speech → FORBIDDEN (authorization first)", given: [], command: summarize(), actor: alice, then: { error: "FORBIDDEN" } },
    { name: "over-long text → VALIDATION", given: spoken, command: summarize(SPEECH, "字".repeat(4001)), actor: clerk, then: { error: "VALIDATION" } },
    {
      name: "4000 characters are fine",
      given: spoken,
      command: summarize(SPEECH, "字".repeat(4000)),
      actor: clerk,
      then: [ev.summarized(SPEECH, "字".repeat(4000))],
    },
    { name: "a negative base version → VALIDATION", given: spoken, command: summarize(SPEECH, "x", -1), actor: clerk, then: { error: "VALIDATION" } },
    { name: "a fractional base version → VALIDATION", given: spoken, command: summarize(SPEECH, "x", 0.5), actor: clerk, then: { error: "VALIDATION" } },
    {
      name: "no base version → VALIDATION",
      given: spoken,
      command: { type: "record.summarize", entry: SPEECH, text: "x" },
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "an unknown kind of entry → VALIDATION",
      given: spoken,
      command: summarize({ kind: "poll", id: "q1" } as never),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    { name: "an extra field → VALIDATION", given: spoken, command: { ...summarize(), by: CL }, actor: clerk, then: { error: "VALIDATION" } },
    {
      name: "an id over 64 characters → VALIDATION",
      given: spoken,
      command: summarize(entry("speech", "s".repeat(65))),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
  ]);

  it("each saved edit is the next version, in the state and after a replay", () => {
    const from = given(...spoken).state;
    const { state, log } = play(from, [
      [summarize(SPEECH, "一", 0) as RecordCommand, clerk, NOW],
      [summarize(SPEECH, "二", 1) as RecordCommand, chair, NOW + 1],
      [summarize(SPEECH, "三", 2) as RecordCommand, clerk, NOW + 2],
    ]);
    expect(log.map((e) => e.event)).toEqual([
      ev.summarized(SPEECH, "一"),
      ev.summarized(SPEECH, "二", { version: 2, by: CH, at: NOW + 1 }),
      ev.summarized(SPEECH, "三", { version: 3, at: NOW + 2 }),
    ]);
    expect(state.notes.summaries[`speech:s-${A}`]).toEqual({ entry: SPEECH, text: "三", version: 3, by: CL, at: NOW + 2 });
    expect(replay([...given(...spoken).log, ...log]).notes).toEqual(state.notes);
  });

  it("summaries of different entries have their own versions", () => {
    const { state } = play(given(...interjected).state, [
      [summarize(SPEECH, "发言", 0) as RecordCommand, clerk, NOW],
      [summarize(IJ, "回应", 0) as RecordCommand, clerk, NOW],
    ]);
    expect(Object.keys(state.notes.summaries).sort()).toEqual(["interjection:i1", `speech:s-${A}`]);
    expect(Object.values(state.notes.summaries).map((s) => s.version)).toEqual([1, 1]);
  });
});

describe("record.summarize: the chair's closing remarks (主持人总结)", () => {
  const ITEM_CLOSING = { kind: "closing", id: "a1" } as const;
  const MEETING_END = { kind: "closing", id: MEETING_CLOSING } as const;
  decisionTable([
    {
      name: "the clerk writes the closing remarks on an agenda item",
      given: [agenda],
      command: summarize(ITEM_CLOSING, "总结要点"),
      actor: clerk,
      then: [ev.summarized(ITEM_CLOSING, "总结要点")],
    },
    {
      name: "the chair writes their own closing remarks on the meeting",
      given: spoken,
      command: summarize(MEETING_END, "会议总结"),
      actor: chair,
      then: [ev.summarized(MEETING_END, "会议总结", { by: CH })],
    },
    {
      name: "the meeting's closing remarks before it opened (prepared text)",
      meeting: "scheduled",
      given: [],
      command: summarize(MEETING_END, "会议总结"),
      actor: clerk,
      then: [ev.summarized(MEETING_END, "会议总结")],
    },
    {
      name: "the meeting's closing remarks after the close",
      given: [...spoken, ev.closed(120_000)],
      command: summarize(MEETING_END, "会议总结"),
      actor: clerk,
      then: [ev.summarized(MEETING_END, "会议总结")],
    },
    {
      name: "a meeting without an agenda has the meeting's closing remarks",
      given: [],
      command: summarize(MEETING_END, "会议总结"),
      actor: clerk,
      then: [ev.summarized(MEETING_END, "会议总结")],
    },
    {
      name: "an edit on the current version → the next version",
      given: [agenda, ev.summarized(ITEM_CLOSING, "v1")],
      command: summarize(ITEM_CLOSING, "v2", 1),
      actor: chair,
      then: [ev.summarized(ITEM_CLOSING, "v2", { version: 2, by: CH })],
    },
    {
      name: "an edit on a stale base → EDIT_CONFLICT",
      given: [agenda, ev.summarized(MEETING_END, "v1"), ev.summarized(MEETING_END, "v2", { version: 2 })],
      command: summarize(MEETING_END, "mine", 1),
      actor: clerk,
      then: { error: "EDIT_CONFLICT" },
    },
    {
      name: "the first text on a base from the future → EDIT_CONFLICT",
      given: [agenda],
      command: summarize(ITEM_CLOSING, "mine", 1),
      actor: clerk,
      then: { error: "EDIT_CONFLICT" },
    },
    {
      name: "its own version, apart from the item's briefing",
      given: [agenda, ev.summarized(BRIEFING, "通报")],
      command: summarize(ITEM_CLOSING, "总结", 0),
      actor: clerk,
      then: [ev.summarized(ITEM_CLOSING, "总结")],
    },
    {
      name: "an unknown agenda item → NOT_FOUND",
      given: [agenda],
      command: summarize({ kind: "closing", id: "a9" } as never),
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "an agenda item's closing remarks in a meeting without an agenda → NOT_FOUND",
      given: [],
      command: summarize(ITEM_CLOSING),
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    ...forbidden([agenda], summarize(ITEM_CLOSING, "总结要点")),
    ...forbidden(spoken, summarize(MEETING_END, "会议总结")),
    {
      name: "a suggestion cannot be captured from closing remarks → VALIDATION",
      given: [agenda],
      command: { type: "record.captureSuggestion", entry: ITEM_CLOSING, suggestion: suggestionFields() },
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    { name: "no id → VALIDATION", given: [agenda], command: summarize({ kind: "closing" } as never), actor: clerk, then: { error: "VALIDATION" } },
  ]);

  it("is kept under its own key and replays", () => {
    const { state, log } = play(given(agenda).state, [
      [summarize(ITEM_CLOSING, "议题小结", 0) as RecordCommand, chair, NOW],
      [summarize(MEETING_END, "会议总结", 0) as RecordCommand, clerk, NOW + 1],
    ]);
    expect(state.notes.summaries["closing:a1"]).toEqual({ entry: ITEM_CLOSING, text: "议题小结", version: 1, by: CH, at: NOW });
    expect(state.notes.summaries["closing:meeting"]).toEqual({ entry: MEETING_END, text: "会议总结", version: 1, by: CL, at: NOW + 1 });
    expect(replay([...given(agenda).log, ...log]).notes).toEqual(state.notes);
  });
});

describe("record.captureSuggestion", () => {
  decisionTable([
    {
      name: "the clerk captures a suggestion from a running speech",
      given: speaking,
      command: capture(),
      actor: clerk,
      then: [ev.suggestionCaptured("new-1", SPEECH)],
    },
    {
      name: "the chair, from an ended speech",
      given: spoken,
      command: capture(),
      actor: chair,
      then: [ev.suggestionCaptured("new-1", SPEECH, suggestionFields(), { by: CH })],
    },
    { name: "from an interjection", given: interjected, command: capture(IJ), actor: clerk, then: [ev.suggestionCaptured("new-1", IJ)] },
    { name: "from a written speech", given: written, command: capture(WRITTEN), actor: clerk, then: [ev.suggestionCaptured("new-1", WRITTEN)] },
    // A suggestion has a proposer; a briefing is the officials' account, not a member's proposal.
    { name: "from a briefing → VALIDATION", given: [agenda], command: capture(BRIEFING as never), actor: clerk, then: { error: "VALIDATION" } },
    {
      name: "after the meeting closed",
      given: [...spoken, ev.closed(120_000)],
      command: capture(),
      actor: clerk,
      then: [ev.suggestionCaptured("new-1", SPEECH)],
    },
    {
      name: "only a title is needed; the fields are trimmed",
      given: spoken,
      command: capture(SPEECH, { title: " 标题 ", text: "", topic: "", department: "" }),
      actor: clerk,
      then: [ev.suggestionCaptured("new-1", SPEECH, { title: "标题", text: "", topic: "", department: "" })],
    },
    { name: "an unknown entry → NOT_FOUND", given: spoken, command: capture(entry("speech", "s-nobody")), actor: clerk, then: { error: "NOT_FOUND" } },
    { name: "an unknown written speech → NOT_FOUND", given: spoken, command: capture(entry("written", "w1")), actor: clerk, then: { error: "NOT_FOUND" } },
    ...forbidden(spoken, capture()),
    {
      name: "an empty title → VALIDATION",
      given: spoken,
      command: capture(SPEECH, suggestionFields({ title: "" })),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "a blank title → VALIDATION",
      given: spoken,
      command: capture(SPEECH, suggestionFields({ title: "   " })),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "a title over 100 characters → VALIDATION",
      given: spoken,
      command: capture(SPEECH, suggestionFields({ title: "题".repeat(101) })),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "a text over 4000 characters → VALIDATION",
      given: spoken,
      command: capture(SPEECH, suggestionFields({ text: "字".repeat(4001) })),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "a topic over 40 characters → VALIDATION",
      given: spoken,
      command: capture(SPEECH, suggestionFields({ topic: "题".repeat(41) })),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "a department over 80 characters → VALIDATION",
      given: spoken,
      command: capture(SPEECH, suggestionFields({ department: "委".repeat(81) })),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "a missing field → VALIDATION",
      given: spoken,
      command: capture(SPEECH, { title: "标题", text: "", topic: "" }),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "an unknown field → VALIDATION",
      given: spoken,
      command: capture(SPEECH, { ...suggestionFields(), participantId: A }),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
  ]);

  it("a suggestion carries the speaker and the agenda item of its speech (not the current item)", () => {
    const after = given(...spoken).when(capture(), clerk).after;
    expect(after.currentItemId).toBe("a2");
    expect(after.notes.suggestions).toEqual([
      {
        ...suggestionFields(),
        suggestionId: "new-1",
        entry: SPEECH,
        participantId: A,
        itemId: "a1",
        capturedBy: CL,
        capturedAt: NOW,
        version: 1,
        editedBy: CL,
        editedAt: NOW,
      },
    ]);
  });

  it("from an interjection: the interjector, and the item of the speech it answered", () => {
    const after = given(...interjected).when(capture(IJ), chair).after;
    expect(after.notes.suggestions).toMatchObject([{ entry: IJ, participantId: O, itemId: "a1", capturedBy: CH }]);
  });

  it("from a running interjection too", () => {
    const after = given(...interjecting).when(capture(IJ), clerk).after;
    expect(after.notes.suggestions).toMatchObject([{ entry: IJ, participantId: O, itemId: "a1" }]);
  });

  it("from a written speech: its writer and its item", () => {
    const after = given(...written, ev.itemStarted("a2", 1_000)).when(capture(WRITTEN), clerk).after;
    expect(after.notes.suggestions).toMatchObject([{ entry: WRITTEN, participantId: bob.participantId, itemId: "a1" }]);
  });

  it("a speech without an agenda: item null", () => {
    const after = given(ev.started(A)).when(capture(), clerk).after;
    expect(after.notes.suggestions).toMatchObject([{ participantId: A, itemId: null }]);
  });
});

describe("record.editSuggestion / record.withdrawSuggestion", () => {
  const captured = [...spoken, ev.suggestionCaptured("g1", SPEECH)];
  const edited = suggestionFields({ title: "改" });
  decisionTable([
    {
      name: "the clerk edits on the current version",
      given: captured,
      command: editSuggestion("g1", 1),
      actor: clerk,
      then: [ev.suggestionEdited("g1", edited, 2)],
    },
    { name: "the chair edits", given: captured, command: editSuggestion("g1", 1), actor: chair, then: [ev.suggestionEdited("g1", edited, 2, { by: CH })] },
    {
      name: "after the meeting closed",
      given: [...captured, ev.closed(120_000)],
      command: editSuggestion("g1", 1),
      actor: clerk,
      then: [ev.suggestionEdited("g1", edited, 2)],
    },
    {
      name: "a second edit → version 3",
      given: [...captured, ev.suggestionEdited("g1", edited, 2)],
      command: editSuggestion("g1", 2, suggestionFields({ title: "再改" })),
      actor: clerk,
      then: [ev.suggestionEdited("g1", suggestionFields({ title: "再改" }), 3)],
    },
    {
      name: "a stale base version → EDIT_CONFLICT",
      given: [...captured, ev.suggestionEdited("g1", edited, 2)],
      command: editSuggestion("g1", 1),
      actor: clerk,
      then: { error: "EDIT_CONFLICT" },
    },
    { name: "base version 0 → EDIT_CONFLICT", given: captured, command: editSuggestion("g1", 0), actor: clerk, then: { error: "EDIT_CONFLICT" } },
    { name: "an unknown suggestion → NOT_FOUND", given: captured, command: editSuggestion("g9", 1), actor: clerk, then: { error: "NOT_FOUND" } },
    {
      name: "a withdrawn suggestion → NOT_FOUND",
      given: [...captured, ev.suggestionWithdrawn("g1")],
      command: editSuggestion("g1", 1),
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    ...forbidden(captured, editSuggestion("g1", 1)),
    {
      name: "an empty title → VALIDATION",
      given: captured,
      command: editSuggestion("g1", 1, suggestionFields({ title: "" })),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "withdraw",
      given: captured,
      command: { type: "record.withdrawSuggestion", suggestionId: "g1" },
      actor: clerk,
      then: [ev.suggestionWithdrawn("g1")],
    },
    {
      name: "withdraw by the chair",
      given: captured,
      command: { type: "record.withdrawSuggestion", suggestionId: "g1" },
      actor: chair,
      then: [ev.suggestionWithdrawn("g1", { by: CH })],
    },
    {
      name: "withdraw twice → NOT_FOUND",
      given: [...captured, ev.suggestionWithdrawn("g1")],
      command: { type: "record.withdrawSuggestion", suggestionId: "g1" },
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "withdraw an unknown suggestion → NOT_FOUND",
      given: captured,
      command: { type: "record.withdrawSuggestion", suggestionId: "g9" },
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    ...forbidden(captured, { type: "record.withdrawSuggestion", suggestionId: "g1" }),
  ]);

  it("an edit replaces the fields and keeps who captured it", () => {
    const after = given(...captured).when(editSuggestion("g1", 1, suggestionFields({ department: "区民政局" })), chair, NOW + 5).after;
    expect(after.notes.suggestions).toEqual([
      {
        ...suggestionFields({ department: "区民政局" }),
        suggestionId: "g1",
        entry: SPEECH,
        participantId: A,
        itemId: "a1",
        capturedBy: CL,
        capturedAt: NOW,
        version: 2,
        editedBy: CH,
        editedAt: NOW + 5,
      },
    ]);
  });

  it("withdrawing removes it from the state; the log keeps it", () => {
    const scenario = given(...captured, ev.suggestionCaptured("g2", SPEECH, suggestionFields({ title: "另一条" })));
    const outcome = scenario.when({ type: "record.withdrawSuggestion", suggestionId: "g1" }, clerk);
    expect(outcome.after.notes.suggestions.map((s) => s.suggestionId)).toEqual(["g2"]);
    expect(scenario.log.some((e) => e.event.type === "record.suggestionCaptured" && e.event.suggestionId === "g1")).toBe(true);
  });
});

describe("record.addDecision / editDecision / withdrawDecision", () => {
  const current = [agenda, ev.itemStarted("a2", 0)];
  const added = [...current, ev.decisionAdded("d1", "a2")];
  const changed = decisionFields({ unit: "区民政局" });
  decisionTable([
    { name: "the clerk adds a decision to the current item", given: current, command: addDecision(), actor: clerk, then: [ev.decisionAdded("new-1", "a2")] },
    {
      name: "the chair, to another item",
      given: current,
      command: addDecision(decisionFields(), "a1"),
      actor: chair,
      then: [ev.decisionAdded("new-1", "a1", decisionFields(), { by: CH })],
    },
    { name: "explicitly to no item", given: current, command: addDecision(decisionFields(), null), actor: clerk, then: [ev.decisionAdded("new-1", null)] },
    { name: "without an agenda: item null", given: [], command: addDecision(), actor: clerk, then: [ev.decisionAdded("new-1", null)] },
    {
      name: "before the meeting opens: item null",
      meeting: "scheduled",
      given: [agenda],
      command: addDecision(),
      actor: clerk,
      then: [ev.decisionAdded("new-1", null)],
    },
    {
      name: "after the meeting closed: no current item any more → null",
      given: [...current, ev.closed(120_000)],
      command: addDecision(),
      actor: clerk,
      then: [ev.decisionAdded("new-1", null)],
    },
    {
      name: "after the meeting closed, to a named item",
      given: [...current, ev.closed(120_000)],
      command: addDecision(decisionFields(), "a2"),
      actor: clerk,
      then: [ev.decisionAdded("new-1", "a2")],
    },
    {
      name: "no deadline",
      given: current,
      command: addDecision(decisionFields({ deadline: "" })),
      actor: clerk,
      then: [ev.decisionAdded("new-1", "a2", decisionFields({ deadline: "" }))],
    },
    {
      name: "only the text",
      given: current,
      command: addDecision({ text: "原则通过", unit: "", deadline: "" }),
      actor: clerk,
      then: [ev.decisionAdded("new-1", "a2", { text: "原则通过", unit: "", deadline: "" })],
    },
    { name: "an unknown item → NOT_FOUND", given: current, command: addDecision(decisionFields(), "a9"), actor: clerk, then: { error: "NOT_FOUND" } },
    ...forbidden(current, addDecision()),
    { name: "an empty text → VALIDATION", given: current, command: addDecision(decisionFields({ text: " " })), actor: clerk, then: { error: "VALIDATION" } },
    {
      name: "a text over 2000 characters → VALIDATION",
      given: current,
      command: addDecision(decisionFields({ text: "字".repeat(2001) })),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "a unit over 80 characters → VALIDATION",
      given: current,
      command: addDecision(decisionFields({ unit: "委".repeat(81) })),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    ...["2025/06/30", "30.06.2025", "2025-6-30", "2025-13-01", "2025-02-30", "下月底", "2025-06-30T00:00:00Z"].map((deadline): DecisionCase => ({
      name: `deadline ${deadline} → VALIDATION`,
      given: current,
      command: addDecision(decisionFields({ deadline })),
      actor: clerk,
      then: { error: "VALIDATION" },
    })),
    { name: "edit on the current version", given: added, command: editDecision("d1", 1), actor: clerk, then: [ev.decisionEdited("d1", changed, 2)] },
    { name: "edit by the chair", given: added, command: editDecision("d1", 1), actor: chair, then: [ev.decisionEdited("d1", changed, 2, { by: CH })] },
    {
      name: "edit on a stale version → EDIT_CONFLICT",
      given: [...added, ev.decisionEdited("d1", changed, 2)],
      command: editDecision("d1", 1, decisionFields({ text: "我的" })),
      actor: clerk,
      then: { error: "EDIT_CONFLICT" },
    },
    { name: "edit an unknown decision → NOT_FOUND", given: added, command: editDecision("d9", 1), actor: clerk, then: { error: "NOT_FOUND" } },
    {
      name: "edit a withdrawn decision → NOT_FOUND",
      given: [...added, ev.decisionWithdrawn("d1")],
      command: editDecision("d1", 1),
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "edit with a bad deadline → VALIDATION",
      given: added,
      command: editDecision("d1", 1, decisionFields({ deadline: "明天" })),
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    ...forbidden(added, editDecision("d1", 1)),
    { name: "withdraw", given: added, command: { type: "record.withdrawDecision", decisionId: "d1" }, actor: clerk, then: [ev.decisionWithdrawn("d1")] },
    {
      name: "withdraw twice → NOT_FOUND",
      given: [...added, ev.decisionWithdrawn("d1")],
      command: { type: "record.withdrawDecision", decisionId: "d1" },
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    ...forbidden(added, { type: "record.withdrawDecision", decisionId: "d1" }),
  ]);

  it("the state keeps each decision with its item and version", () => {
    const { state } = play(
      given(...current).state,
      [
        [addDecision() as RecordCommand, clerk, NOW],
        [addDecision(decisionFields({ text: "第二项" }), "a1") as RecordCommand, chair, NOW + 1],
        [editDecision("d-1", 1) as RecordCommand, chair, NOW + 2],
      ],
      sequentialIds("d-"),
    );
    expect(state.notes.decisions).toEqual([
      { ...changed, decisionId: "d-1", itemId: "a2", version: 2, by: CH, at: NOW + 2 },
      { ...decisionFields({ text: "第二项" }), decisionId: "d-2", itemId: "a1", version: 1, by: CH, at: NOW + 1 },
    ]);
  });

  it("withdrawing removes it from the state; the log keeps it", () => {
    const scenario = given(...added);
    const after = scenario.when({ type: "record.withdrawDecision", decisionId: "d1" }, clerk).after;
    expect(after.notes.decisions).toEqual([]);
    expect(scenario.log.map((e) => e.event)).toContainEqual(ev.decisionAdded("d1", "a2"));
  });
});

describe("the notes and the rest of the state", () => {
  it("notes change nothing else", () => {
    const scenario = given(...interjected, ev.suggestionCaptured("g1", SPEECH), ev.decisionAdded("d1", "a2"));
    const cases: [typeof scenario, { type: string; [field: string]: unknown }][] = [
      [scenario, summarize(IJ, "x")],
      [given(...written), capture(WRITTEN)],
      [scenario, editSuggestion("g1", 1)],
      [scenario, { type: "record.withdrawSuggestion", suggestionId: "g1" }],
      [scenario, addDecision()],
      [scenario, editDecision("d1", 1)],
      [scenario, { type: "record.withdrawDecision", decisionId: "d1" }],
    ];
    for (const [from, command] of cases) {
      const outcome = from.when(command, clerk);
      const { notes: before, seq: s0, ...restBefore } = outcome.before;
      const { notes: after, seq: s1, ...restAfter } = outcome.after;
      expect(restAfter, command.type).toEqual(restBefore);
      expect(after, command.type).not.toEqual(before);
      expect(s1, command.type).toBe(s0 + 1);
    }
  });

  it("a scheduled meeting: nothing spoken yet to summarize", () => {
    expect(givenScheduled().when(summarize(), clerk).error).toBe("NOT_FOUND");
  });
});
