import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../roles.ts";
import type { MeetingEvent } from "../meeting.ts";
import { decisionTable, ev, given, NOW, people, rosterEntry, type DecisionCase } from "../../testing/core.ts";
import { captionEntry, captionLines, stenographerOf } from "./captions.ts";

const { chair, alice, bob, carol, olga, clerk, observer } = people;
const A = alice.participantId;
const B = bob.participantId;
const OBS = observer.participantId;
const speech = { kind: "speech", id: `s-${A}` } as const;
const interjection = { kind: "interjection", id: "ij-1" } as const;

const assign = (participantId: string) => ({ type: "stenography.assign", participantId });
const release = (participantId: string) => ({ type: "stenography.release", participantId });
const append = (entry: { kind: string; id: string }, text = "各位委员：") => ({ type: "transcript.append", entry, text });
const correct = (lineId: string, text: string, baseVersion = 1) => ({ type: "transcript.correct", lineId, text, baseVersion });
const draft = (entry: { kind: string; id: string }, lines = [{ text: "good morning", startMs: 0, endMs: 1_500 }]) => ({
  type: "transcript.draft",
  entry,
  engine: "pocketsphinx",
  lines,
});

const assigned = (participantId: string): MeetingEvent => ({ type: "stenography.assigned", participantId });
const released = (participantId: string): MeetingEvent => ({ type: "stenography.released", participantId });
const appended = (
  lineId: string,
  entry: { kind: "speech" | "interjection"; id: string },
  { text = "各位委员：", by = OBS, at = NOW, offsetMs = NOW - 10 }: { text?: string; by?: string; at?: number; offsetMs?: number } = {},
): MeetingEvent => ({ type: "transcript.appended", lineId, entry, text, by, at, offsetMs, source: "steno" });
const corrected = (lineId: string, text: string, version = 2, by: string = clerk.participantId): MeetingEvent => ({
  type: "transcript.corrected",
  lineId,
  text,
  by,
  version,
});

/** Alice holds the floor since t=10; the observer is named a stenographer. */
const SPEAKING: MeetingEvent[] = [ev.requested(A), ev.started(A, { at: 10 }), assigned(OBS)];
/** Bob interjects into Alice's speech since t=500. */
const INTERJECTING: MeetingEvent[] = [...SPEAKING, ev.ijRequested(B, `s-${A}`), ev.ijStarted(B, `s-${A}`, { interjectionId: "ij-1", at: 500 })];
/** Alice's speech ended; a line was typed into it. */
const SPOKEN: MeetingEvent[] = [
  ...SPEAKING,
  appended("l1", speech),
  ev.ended(A, { at: 90_000, durationMs: 89_990, overrunMs: 0, endedBy: chair.participantId }),
];
const ten = ["p-1", "p-2", "p-3", "p-4", "p-5", "p-6", "p-7", "p-8", "p-9", "p-10"];
const BIG_ROSTER = ev.rosterSet([...Object.values(people), ...ten.map((id) => ({ participantId: id, role: "member" as const }))].map((p) => rosterEntry(p)));

describe("stenography.assign / release: 速记员, several relay (接力)", () => {
  decisionTable([
    { name: "the chair names a stenographer", given: [], command: assign(OBS), actor: chair, then: [assigned(OBS)] },
    { name: "the clerk may too, a second one for the relay", given: [assigned(OBS)], command: assign(A), actor: clerk, then: [assigned(A)] },
    { name: "before the meeting opens", meeting: "scheduled", given: [], command: assign(OBS), actor: clerk, then: [assigned(OBS)] },
    { name: "any roster person, the chair included", given: [], command: assign(chair.participantId), actor: clerk, then: [assigned(chair.participantId)] },
    { name: "not on the roster", given: [], command: assign("p-nobody"), actor: chair, then: { error: "NOT_FOUND" } },
    { name: "the room display is not on the roster", given: [], command: assign("display:m-1"), actor: chair, then: { error: "NOT_FOUND" } },
    { name: "already named", given: [assigned(OBS)], command: assign(OBS), actor: chair, then: { error: "ALREADY_STENOGRAPHER" } },
    { name: "ten at most", given: [BIG_ROSTER, ...ten.map(assigned)], command: assign(OBS), actor: chair, then: { error: "STENOGRAPHER_LIMIT" } },
    { name: "the tenth is fine", given: [BIG_ROSTER, ...ten.slice(1).map(assigned)], command: assign(OBS), actor: chair, then: [assigned(OBS)] },
    { name: "a closed meeting refuses", given: [ev.closed(5)], command: assign(OBS), actor: chair, then: { error: "MEETING_CLOSED" } },
    { name: "an empty id", given: [], command: assign(""), actor: chair, then: { error: "VALIDATION" } },
    { name: "no extra fields", given: [], command: { ...assign(OBS), role: "clerk" }, actor: chair, then: { error: "VALIDATION" } },
    ...[alice, olga, observer, SYSTEM_ACTOR].map((actor): DecisionCase => ({
      name: `${actor.role} may not name one`,
      given: [],
      command: assign(OBS),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "release", given: [assigned(OBS)], command: release(OBS), actor: clerk, then: [released(OBS)] },
    { name: "release someone not named", given: [assigned(OBS)], command: release(A), actor: chair, then: { error: "NOT_FOUND" } },
    { name: "a stenographer may not release themself", given: [assigned(OBS)], command: release(OBS), actor: observer, then: { error: "FORBIDDEN" } },
    { name: "release in a closed meeting", given: [assigned(OBS), ev.closed(5)], command: release(OBS), actor: chair, then: { error: "MEETING_CLOSED" } },
  ]);

  it("the state lists them in naming order, and stenographerOf follows the roster", () => {
    const state = given(assigned(OBS), assigned(A), assigned(B), released(A)).state;
    expect(state.stenographers).toEqual([OBS, B]);
    expect(stenographerOf(state, OBS)).toBe(true);
    expect(stenographerOf(state, A)).toBe(false);
    expect(stenographerOf(given(assigned(OBS), ev.rosterSet([])).state, OBS)).toBe(false);
  });
});

describe("transcript.append: only into the entry holding the floor", () => {
  decisionTable([
    {
      name: "a stenographer types into the running speech",
      given: SPEAKING,
      command: append(speech, "  各位委员：  "),
      actor: observer,
      then: [appended("new-1", speech)],
    },
    { name: "the clerk may type", given: SPEAKING, command: append(speech), actor: clerk, then: [appended("new-1", speech, { by: clerk.participantId })] },
    { name: "the chair may type", given: SPEAKING, command: append(speech), actor: chair, then: [appended("new-1", speech, { by: chair.participantId })] },
    {
      name: "a named member types (whatever their role)",
      given: [...SPEAKING, assigned(carol.participantId)],
      command: append(speech),
      actor: carol,
      then: [appended("new-1", speech, { by: carol.participantId })],
    },
    {
      name: "into the interjection while it runs, timed from its start",
      given: INTERJECTING,
      command: append(interjection),
      actor: observer,
      then: [appended("new-1", interjection, { offsetMs: NOW - 500 })],
    },
    { name: "not into the interrupted speech meanwhile", given: INTERJECTING, command: append(speech), actor: observer, then: { error: "NOT_CURRENT_ENTRY" } },
    { name: "not into an ended speech", given: SPOKEN, command: append(speech), actor: observer, then: { error: "NOT_CURRENT_ENTRY" } },
    { name: "not when nobody holds the floor", given: [assigned(OBS)], command: append(speech), actor: observer, then: { error: "NOT_CURRENT_ENTRY" } },
    {
      name: "a clock stepping back gives offset 0",
      given: SPEAKING,
      command: append(speech),
      actor: observer,
      now: 5,
      then: [appended("new-1", speech, { at: 5, offsetMs: 0 })],
    },
    { name: "a released stenographer may not", given: [...SPEAKING, released(OBS)], command: append(speech), actor: observer, then: { error: "FORBIDDEN" } },
    { name: "a member not named may not", given: SPEAKING, command: append(speech), actor: bob, then: { error: "FORBIDDEN" } },
    { name: "the server may not", given: SPEAKING, command: append(speech), actor: SYSTEM_ACTOR, then: { error: "FORBIDDEN" } },
    { name: "before the opening", meeting: "scheduled", given: [assigned(OBS)], command: append(speech), actor: observer, then: { error: "MEETING_NOT_OPEN" } },
    { name: "after the close", given: [...SPEAKING, ev.closed(5)], command: append(speech), actor: observer, then: { error: "MEETING_CLOSED" } },
    { name: "an empty line", given: SPEAKING, command: append(speech, "   "), actor: observer, then: { error: "VALIDATION" } },
    { name: "a line too long", given: SPEAKING, command: append(speech, "字".repeat(2001)), actor: observer, then: { error: "VALIDATION" } },
    {
      name: "the longest line",
      given: SPEAKING,
      command: append(speech, "字".repeat(2000)),
      actor: observer,
      then: [appended("new-1", speech, { text: "字".repeat(2000) })],
    },
    { name: "not into a written speech", given: SPEAKING, command: append({ kind: "written", id: "w1" }), actor: observer, then: { error: "VALIDATION" } },
  ]);

  it("lines keep who typed them, when, and in order of arrival (relay)", () => {
    const state = given(...SPEAKING, assigned(A), appended("l1", speech), appended("l2", speech, { by: A, at: NOW + 1, offsetMs: NOW - 9 })).state;
    expect(state.transcript.map((l) => [l.id, l.by, l.source, l.version, l.endMs])).toEqual([
      ["l1", OBS, "steno", 1, null],
      ["l2", A, "steno", 1, null],
    ]);
    expect(state.transcript[1]).toMatchObject({ entry: speech, at: NOW + 1, offsetMs: NOW - 9, history: [] });
  });
});

describe("transcript.correct: the staff, any time, versioned", () => {
  decisionTable([
    {
      name: "the clerk corrects a line",
      given: SPOKEN,
      command: correct("l1", " 各位委员、同志们： "),
      actor: clerk,
      then: [corrected("l1", "各位委员、同志们：")],
    },
    { name: "the chair may", given: SPOKEN, command: correct("l1", "x"), actor: chair, then: [corrected("l1", "x", 2, chair.participantId)] },
    { name: "after the close", given: [...SPOKEN, ev.closed(100_000)], command: correct("l1", "x"), actor: clerk, then: [corrected("l1", "x")] },
    {
      name: "from the second version",
      given: [...SPOKEN, corrected("l1", "x")],
      command: correct("l1", "y", 2),
      actor: chair,
      then: [corrected("l1", "y", 3, chair.participantId)],
    },
    { name: "a stale version", given: [...SPOKEN, corrected("l1", "x")], command: correct("l1", "y", 1), actor: chair, then: { error: "EDIT_CONFLICT" } },
    { name: "a version ahead", given: SPOKEN, command: correct("l1", "y", 2), actor: chair, then: { error: "EDIT_CONFLICT" } },
    { name: "the same text changes nothing", given: SPOKEN, command: correct("l1", "各位委员："), actor: clerk, then: [] },
    { name: "an unknown line", given: SPOKEN, command: correct("l9", "x"), actor: clerk, then: { error: "NOT_FOUND" } },
    { name: "a stenographer may not", given: SPOKEN, command: correct("l1", "x"), actor: observer, then: { error: "FORBIDDEN" } },
    { name: "a member may not", given: SPOKEN, command: correct("l1", "x"), actor: alice, then: { error: "FORBIDDEN" } },
    { name: "an empty text", given: SPOKEN, command: correct("l1", " "), actor: clerk, then: { error: "VALIDATION" } },
    { name: "version 0", given: SPOKEN, command: correct("l1", "x", 0), actor: clerk, then: { error: "VALIDATION" } },
  ]);

  it("keeps the earlier texts, oldest first, with who replaced them", () => {
    const line = given(...SPOKEN, corrected("l1", "x"), corrected("l1", "y", 3, chair.participantId)).state.transcript[0]!;
    expect(line).toMatchObject({ text: "y", version: 3, by: OBS });
    expect(line.history).toEqual([
      { text: "各位委员：", by: clerk.participantId, version: 1 },
      { text: "x", by: chair.participantId, version: 2 },
    ]);
  });
});

describe("transcript.draft: the server's machine draft (机器草稿)", () => {
  const lines = [
    { text: " good morning ", startMs: 0, endMs: 1_500 },
    { text: "members", startMs: 1_500, endMs: 2_000 },
  ];
  const drafted = (entry: { kind: "speech" | "interjection"; id: string }, at = NOW): MeetingEvent => ({
    type: "transcript.drafted",
    entry,
    engine: "pocketsphinx",
    at,
    lines: [
      { lineId: "new-1", text: "good morning", startMs: 0, endMs: 1_500 },
      { lineId: "new-2", text: "members", startMs: 1_500, endMs: 2_000 },
    ],
  });
  decisionTable([
    { name: "the server drafts an ended speech", given: SPOKEN, command: draft(speech, lines), actor: SYSTEM_ACTOR, then: [drafted(speech)] },
    { name: "also after the close", given: [...SPOKEN, ev.closed(100_000)], command: draft(speech, lines), actor: SYSTEM_ACTOR, then: [drafted(speech)] },
    {
      name: "an ended interjection",
      given: [...INTERJECTING, ev.ijEnded("ij-1", { at: 900, durationMs: 400, endedBy: chair.participantId })],
      command: draft(interjection, lines),
      actor: SYSTEM_ACTOR,
      then: [drafted(interjection)],
    },
    {
      name: "an entry the meeting never had",
      given: SPOKEN,
      command: draft({ kind: "speech", id: "s-x" }, lines),
      actor: SYSTEM_ACTOR,
      then: { error: "NOT_FOUND" },
    },
    ...[chair, clerk, observer, alice].map((actor): DecisionCase => ({
      name: `${actor.role} may not draft`,
      given: SPOKEN,
      command: draft(speech, lines),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "no lines", given: SPOKEN, command: draft(speech, []), actor: SYSTEM_ACTOR, then: { error: "VALIDATION" } },
    {
      name: "a segment ending before it starts",
      given: SPOKEN,
      command: draft(speech, [{ text: "x", startMs: 5, endMs: 1 }]),
      actor: SYSTEM_ACTOR,
      then: { error: "VALIDATION" },
    },
    { name: "an empty engine name", given: SPOKEN, command: { ...draft(speech), engine: " " }, actor: SYSTEM_ACTOR, then: { error: "VALIDATION" } },
    {
      name: "more than 500 lines",
      given: SPOKEN,
      command: draft(
        speech,
        Array.from({ length: 501 }, () => ({ text: "x", startMs: 0, endMs: 1 })),
      ),
      actor: SYSTEM_ACTOR,
      then: { error: "VALIDATION" },
    },
  ]);

  it("machine lines: no author, the draft's time, the segment's times", () => {
    const state = given(...SPOKEN, drafted(speech, 123)).state;
    expect(state.transcript.slice(1)).toEqual([
      { id: "new-1", entry: speech, text: "good morning", source: "machine", by: null, at: 123, offsetMs: 0, endMs: 1_500, version: 1, history: [] },
      { id: "new-2", entry: speech, text: "members", source: "machine", by: null, at: 123, offsetMs: 1_500, endMs: 2_000, version: 1, history: [] },
    ]);
  });
});

describe("captions (字幕): the entry holding the floor", () => {
  it("is the running interjection, else the floor's speech, else none", () => {
    expect(captionEntry(given(...SPEAKING).state)).toEqual(speech);
    expect(captionEntry(given(...INTERJECTING).state)).toEqual(interjection);
    expect(captionEntry(given(...SPOKEN).state)).toBeNull();
  });

  it("shows its last typed lines only, never machine drafts or other entries", () => {
    const typed = [1, 2, 3, 4].map((n) => appended(`l${n}`, speech, { text: `line ${n}` }));
    const machine: MeetingEvent = {
      type: "transcript.drafted",
      entry: speech,
      engine: "e",
      at: 1,
      lines: [{ lineId: "m1", text: "machine", startMs: 0, endMs: 1 }],
    };
    const state = given(...SPEAKING, ...typed, machine).state;
    expect(captionLines(state).map((l) => l.text)).toEqual(["line 2", "line 3", "line 4"]);
    expect(captionLines(state, 2).map((l) => l.text)).toEqual(["line 3", "line 4"]);
    const during = given(...SPEAKING, ...typed, ev.ijRequested(B, `s-${A}`), ev.ijStarted(B, `s-${A}`, { interjectionId: "ij-1", at: 500 })).state;
    expect(captionLines(during)).toEqual([]);
    expect(captionLines(given(...SPOKEN).state)).toEqual([]);
  });
});
