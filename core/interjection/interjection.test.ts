import { describe, expect, it } from "vitest";
import { fail } from "../errors.ts";
import { decide } from "../meeting.ts";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import { DEFAULT_SPEECH_CAPS } from "../floor/schema.ts";
import { speechStats } from "../stats/speechStats.ts";
import {
  agendaItem,
  configSync,
  decisionTable,
  ev,
  given,
  NOW,
  people,
  play,
  sequentialIds,
  speech,
  type DecisionCase,
  type Step,
} from "../../testing/core.ts";

const { chair, alice, bob, carol, olga, clerk, observer } = people;
/** A second official (decide does not look at the roster for interjections). */
const oscar = { participantId: "p-oscar", role: "official" } as const satisfies Actor;
const A = alice.participantId;
const B = bob.participantId;
const C = carol.participantId;
const O = olga.participantId;
const OS = oscar.participantId;
const CH = chair.participantId;
const CAP = 120_000;

/** alice speaks since t=0 (speech s1); bob waits. */
const aliceSpeaking = [ev.requested(A, 0), ev.requested(B, 0), ev.started(A, { speechId: "s1", at: 0 })];
/** olga asked at 30 s to answer alice (request r1). */
const olgaAsked = [...aliceSpeaking, ev.ijRequested(O, "s1", { requestId: "r1", at: 30_000 })];
/** The chair granted olga at 60 s: alice's clock paused, olga interjects (i1). */
const olgaInterjecting = [...olgaAsked, ev.paused("s1", 60_000), ev.ijStarted(O, "s1", { interjectionId: "i1", requestId: "r1", at: 60_000 })];
/** alice spoke from 0 to 100 s; nobody has the floor now. */
const aliceDone = [
  ev.requested(A, 0),
  ev.started(A, { speechId: "s1", at: 0 }),
  ev.ended(A, { speechId: "s1", at: 100_000, durationMs: 100_000, overrunMs: 0, endedBy: CH }),
];
/** The speech olga answered is over; her interjection i1 ended at 150 s. */
const olgaDone = [...olgaInterjecting, ev.ijEnded("i1", { at: 150_000, durationMs: 90_000, endedBy: O }), ev.resumed("s1", 150_000)];
const onItem2 = [ev.agendaSet([agendaItem("a1"), agendaItem("a2")]), ev.itemStarted("a1", 0), ev.itemStarted("a2", 0)];
const membersMay = ev.ijRules({ membersMay: true, allowed: true });
const nonChairs: Actor[] = [alice, olga, clerk, observer, SYSTEM_ACTOR];
const request = (point?: unknown) => (point === undefined ? { type: "interjection.request" } : { type: "interjection.request", point });

describe("interjection.request", () => {
  decisionTable([
    {
      name: "an official during a speech: answers that speech",
      given: aliceSpeaking,
      command: request(),
      actor: olga,
      then: [ev.ijRequested(O, "s1", { at: NOW })],
    },
    {
      name: "with the point answered, trimmed",
      given: aliceSpeaking,
      command: request("  关于停车难  "),
      actor: olga,
      then: [ev.ijRequested(O, "s1", { point: "关于停车难", at: NOW })],
    },
    { name: "an empty point is no point", given: aliceSpeaking, command: request("   "), actor: olga, then: [ev.ijRequested(O, "s1", { at: NOW })] },
    {
      name: "a point of 200 characters",
      given: aliceSpeaking,
      command: request("点".repeat(200)),
      actor: olga,
      then: [ev.ijRequested(O, "s1", { point: "点".repeat(200), at: NOW })],
    },
    { name: "a point of 201 characters → VALIDATION", given: aliceSpeaking, command: request("点".repeat(201)), actor: olga, then: { error: "VALIDATION" } },
    { name: "a point that is not text → VALIDATION", given: aliceSpeaking, command: request(5), actor: olga, then: { error: "VALIDATION" } },
    {
      name: "extra field → VALIDATION",
      given: aliceSpeaking,
      command: { type: "interjection.request", speechId: "s1" },
      actor: olga,
      then: { error: "VALIDATION" },
    },
    {
      name: "right after a speech: answers the speech that just ended",
      given: aliceDone,
      command: request(),
      actor: olga,
      then: [ev.ijRequested(O, "s1", { at: NOW })],
    },
    {
      name: "after two speeches: answers the last one",
      given: [
        ...aliceDone,
        ev.requested(B),
        ev.started(B, { speechId: "s2", at: 100_000 }),
        ev.ended(B, { speechId: "s2", at: 200_000, durationMs: 100_000, overrunMs: 0, endedBy: B }),
      ],
      command: request(),
      actor: olga,
      then: [ev.ijRequested(O, "s2", { at: NOW })],
    },
    { name: "another official while one interjects", given: olgaInterjecting, command: request(), actor: oscar, then: [ev.ijRequested(OS, "s1", { at: NOW })] },
    { name: "a member → FORBIDDEN (officials only, by default)", given: aliceSpeaking, command: request(), actor: bob, then: { error: "FORBIDDEN" } },
    {
      name: "a member where the meeting allows members",
      given: [membersMay, ...aliceSpeaking],
      command: request(),
      actor: bob,
      then: [ev.ijRequested(B, "s1", { at: NOW })],
    },
    ...[chair, clerk, observer, SYSTEM_ACTOR].map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: [membersMay, ...aliceSpeaking],
      command: request(),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "nobody has spoken yet → NO_CURRENT_SPEECH", given: [ev.requested(A)], command: request(), actor: olga, then: { error: "NO_CURRENT_SPEECH" } },
    {
      name: "switched off for the meeting without agenda → INTERJECTIONS_OFF",
      given: [...aliceSpeaking, ev.ijEnabled("", false)],
      command: request(),
      actor: olga,
      then: { error: "INTERJECTIONS_OFF" },
    },
    {
      name: "switched off for this item → INTERJECTIONS_OFF",
      given: [...onItem2, ev.ijEnabled("a2", false), ...aliceSpeaking],
      command: request(),
      actor: olga,
      then: { error: "INTERJECTIONS_OFF" },
    },
    {
      name: "switched off for another item only",
      given: [...onItem2, ev.ijEnabled("a1", false), ...aliceSpeaking],
      command: request(),
      actor: olga,
      then: [ev.ijRequested(O, "s1", { at: NOW })],
    },
    {
      name: "not allowed in this meeting (the organisers' 允许插话 off) → INTERJECTIONS_OFF",
      given: [...aliceSpeaking, ev.ijRules({ allowed: false })],
      command: request(),
      actor: olga,
      then: { error: "INTERJECTIONS_OFF" },
    },
    {
      name: "allowed again by the organisers",
      given: [...aliceSpeaking, ev.ijRules({ allowed: false }), ev.ijRules({ allowed: true })],
      command: request(),
      actor: olga,
      then: [ev.ijRequested(O, "s1", { at: NOW })],
    },
    {
      name: "switched off, then on again",
      given: [...aliceSpeaking, ev.ijEnabled("", false), ev.ijEnabled("", true)],
      command: request(),
      actor: olga,
      then: [ev.ijRequested(O, "s1", { at: NOW })],
    },
    {
      name: "the floor holder → HAS_FLOOR",
      given: [ev.requested(O), ev.started(O, { speechId: "so" })],
      command: request(),
      actor: olga,
      then: { error: "HAS_FLOOR" },
    },
    {
      name: "a member holding the floor, members allowed → HAS_FLOOR",
      given: [membersMay, ...aliceSpeaking],
      command: request(),
      actor: alice,
      then: { error: "HAS_FLOOR" },
    },
    { name: "the interjector → HAS_FLOOR", given: olgaInterjecting, command: request(), actor: olga, then: { error: "HAS_FLOOR" } },
    { name: "twice → ALREADY_REQUESTED", given: olgaAsked, command: request("再补充一点"), actor: olga, then: { error: "ALREADY_REQUESTED" } },
    {
      name: "again after a decline",
      given: [...olgaAsked, ev.ijDeclined("r1")],
      command: request(),
      actor: olga,
      then: [ev.ijRequested(O, "s1", { at: NOW })],
    },
    { name: "again after the interjection ended", given: olgaDone, command: request(), actor: olga, then: [ev.ijRequested(O, "s1", { at: NOW })] },
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: request(),
      actor: olga,
      then: { error: "MEETING_NOT_OPEN" },
    },
    { name: "after close → MEETING_CLOSED", given: [...aliceDone, ev.closed(200_000)], command: request(), actor: olga, then: { error: "MEETING_CLOSED" } },
    {
      name: "a member after close → FORBIDDEN (authorization first)",
      given: [...aliceDone, ev.closed(200_000)],
      command: request(),
      actor: bob,
      then: { error: "FORBIDDEN" },
    },
  ]);

  it("joins the list of requests, not the speaking queue", () => {
    const { after, before } = given(...olgaAsked).when(request("学校"), oscar, 40_000);
    expect(after.queue).toEqual(before.queue);
    expect(after.interjectionRequests).toEqual([
      { requestId: "r1", participantId: O, speechId: "s1", point: null, at: 30_000 },
      { requestId: "new-1", participantId: OS, speechId: "s1", point: "学校", at: 40_000 },
    ]);
  });
});

describe("interjection.withdraw", () => {
  decisionTable([
    { name: "the requester takes it back", given: olgaAsked, command: { type: "interjection.withdraw" }, actor: olga, then: [ev.ijWithdrawn("r1")] },
    {
      name: "only their own",
      given: [...olgaAsked, ev.ijRequested(OS, "s1", { requestId: "r2" })],
      command: { type: "interjection.withdraw" },
      actor: oscar,
      then: [ev.ijWithdrawn("r2")],
    },
    { name: "nothing asked → NOT_FOUND", given: aliceSpeaking, command: { type: "interjection.withdraw" }, actor: olga, then: { error: "NOT_FOUND" } },
    { name: "the chair has no request → NOT_FOUND", given: olgaAsked, command: { type: "interjection.withdraw" }, actor: chair, then: { error: "NOT_FOUND" } },
    { name: "after a grant → NOT_FOUND", given: olgaInterjecting, command: { type: "interjection.withdraw" }, actor: olga, then: { error: "NOT_FOUND" } },
    {
      name: "extra field → VALIDATION",
      given: olgaAsked,
      command: { type: "interjection.withdraw", requestId: "r1" },
      actor: olga,
      then: { error: "VALIDATION" },
    },
  ]);

  it("removes the request from the list", () => {
    expect(given(...olgaAsked).when({ type: "interjection.withdraw" }, olga).after.interjectionRequests).toEqual([]);
  });
});

describe("interjection.decline", () => {
  decisionTable([
    { name: "the chair declines", given: olgaAsked, command: { type: "interjection.decline", requestId: "r1" }, actor: chair, then: [ev.ijDeclined("r1", CH)] },
    {
      name: "while another interjection runs",
      given: [...olgaInterjecting, ev.ijRequested(OS, "s1", { requestId: "r2" })],
      command: { type: "interjection.decline", requestId: "r2" },
      actor: chair,
      then: [ev.ijDeclined("r2", CH)],
    },
    ...nonChairs.map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: olgaAsked,
      command: { type: "interjection.decline", requestId: "r1" },
      actor,
      then: { error: "FORBIDDEN" },
    })),
    {
      name: "an unknown request → NOT_FOUND",
      given: olgaAsked,
      command: { type: "interjection.decline", requestId: "r9" },
      actor: chair,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "a granted request → NOT_FOUND",
      given: olgaInterjecting,
      command: { type: "interjection.decline", requestId: "r1" },
      actor: chair,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "empty requestId → VALIDATION",
      given: olgaAsked,
      command: { type: "interjection.decline", requestId: "" },
      actor: chair,
      then: { error: "VALIDATION" },
    },
  ]);

  it("removes the request and leaves the others", () => {
    const { after } = given(...olgaAsked, ev.ijRequested(OS, "s1", { requestId: "r2", at: 40_000 })).when(
      { type: "interjection.decline", requestId: "r1" },
      chair,
    );
    expect(after.interjectionRequests).toEqual([{ requestId: "r2", participantId: OS, speechId: "s1", point: null, at: 40_000 }]);
  });
});

describe("interjection.grant", () => {
  const grant = { type: "interjection.grant", requestId: "r1" };
  decisionTable([
    {
      name: "pauses the running speech and starts the interjection with the meeting's cap",
      given: olgaAsked,
      command: grant,
      actor: chair,
      now: 60_000,
      then: [ev.paused("s1", 60_000), ev.ijStarted(O, "s1", { at: 60_000, capMs: CAP, resumesSpeech: true })],
    },
    {
      name: "carries the point asked and the cap as the rules say now",
      given: [...aliceSpeaking, ev.ijRequested(O, "s1", { requestId: "r1", point: "停车", at: 30_000 }), ev.ijRules({ capMs: 60_000 })],
      command: grant,
      actor: chair,
      now: 61_000,
      then: [ev.paused("s1", 61_000), ev.ijStarted(O, "s1", { point: "停车", at: 61_000, capMs: 60_000 })],
    },
    {
      name: "a speech the chair paused stays paused (and will not be resumed)",
      given: [...olgaAsked, ev.paused("s1", 40_000)],
      command: grant,
      actor: chair,
      now: 60_000,
      then: [ev.ijStarted(O, "s1", { at: 60_000, resumesSpeech: false })],
    },
    {
      name: "a request for the speech that just ended: nothing to pause",
      given: [...aliceDone, ev.ijRequested(O, "s1", { requestId: "r1", at: 100_000 })],
      command: grant,
      actor: chair,
      now: 110_000,
      then: [ev.ijStarted(O, "s1", { at: 110_000, resumesSpeech: false })],
    },
    {
      name: "a clock behind the start does not pause before the speech began",
      given: [ev.requested(A), ev.started(A, { speechId: "s1", at: 5_000 }), ev.ijRequested(O, "s1", { requestId: "r1" })],
      command: grant,
      actor: chair,
      now: 4_000,
      then: [ev.paused("s1", 5_000), ev.ijStarted(O, "s1", { at: 4_000 })],
    },
    {
      name: "while an interjection runs → INTERJECTION_RUNNING",
      given: [...olgaInterjecting, ev.ijRequested(OS, "s1", { requestId: "r2" })],
      command: { type: "interjection.grant", requestId: "r2" },
      actor: chair,
      then: { error: "INTERJECTION_RUNNING" },
    },
    ...nonChairs.map((actor): DecisionCase => ({ name: `${actor.role} → FORBIDDEN`, given: olgaAsked, command: grant, actor, then: { error: "FORBIDDEN" } })),
    {
      name: "an unknown request → NOT_FOUND",
      given: olgaAsked,
      command: { type: "interjection.grant", requestId: "r9" },
      actor: chair,
      then: { error: "NOT_FOUND" },
    },
    { name: "a withdrawn request → NOT_FOUND", given: [...olgaAsked, ev.ijWithdrawn("r1")], command: grant, actor: chair, then: { error: "NOT_FOUND" } },
    { name: "an expired request → NOT_FOUND", given: [...olgaAsked, ev.ijExpired("r1")], command: grant, actor: chair, then: { error: "NOT_FOUND" } },
    {
      name: "after close → MEETING_CLOSED",
      given: [...olgaAsked, ev.ijExpired("r1"), ev.closed(70_000)],
      command: grant,
      actor: chair,
      then: { error: "MEETING_CLOSED" },
    },
    { name: "before the meeting opens → MEETING_NOT_OPEN", meeting: "scheduled", given: [], command: grant, actor: chair, then: { error: "MEETING_NOT_OPEN" } },
    { name: "no requestId → VALIDATION", given: olgaAsked, command: { type: "interjection.grant" }, actor: chair, then: { error: "VALIDATION" } },
  ]);

  it("gives the interjector the floor of the interjection and takes the request out of the list", () => {
    const { after } = given(...olgaAsked).when(grant, chair, 60_000);
    expect(after.interjectionRequests).toEqual([]);
    expect(after.interjection).toEqual({
      interjectionId: "new-1",
      participantId: O,
      speechId: "s1",
      point: null,
      startedAt: 60_000,
      capMs: CAP,
      resumesSpeech: true,
      outcome: null,
    });
    expect(after.floor).toEqual(speech(A, { speechId: "s1", pausedAt: 60_000 }));
  });
});

describe("interjection.end", () => {
  const end = { type: "interjection.end" };
  decisionTable([
    {
      name: "the chair ends it: the speech resumes",
      given: olgaInterjecting,
      command: end,
      actor: chair,
      now: 150_000,
      then: [ev.ijEnded("i1", { at: 150_000, durationMs: 90_000, endedBy: CH }), ev.resumed("s1", 150_000)],
    },
    {
      name: "the interjector finishes",
      given: olgaInterjecting,
      command: end,
      actor: olga,
      now: 100_000,
      then: [ev.ijEnded("i1", { at: 100_000, durationMs: 40_000, endedBy: O }), ev.resumed("s1", 100_000)],
    },
    {
      name: "exactly at the cap: no overrun",
      given: olgaInterjecting,
      command: end,
      actor: olga,
      now: 60_000 + CAP,
      then: [ev.ijEnded("i1", { at: 60_000 + CAP, durationMs: CAP, overrunMs: 0, endedBy: O }), ev.resumed("s1", 60_000 + CAP)],
    },
    {
      name: "past its cap: the overrun is recorded",
      given: olgaInterjecting,
      command: end,
      actor: chair,
      now: 210_000,
      then: [ev.ijEnded("i1", { at: 210_000, durationMs: 150_000, overrunMs: 30_000, endedBy: CH }), ev.resumed("s1", 210_000)],
    },
    {
      name: "a speech the chair had paused stays paused",
      given: [...olgaAsked, ev.paused("s1", 40_000), ev.ijStarted(O, "s1", { interjectionId: "i1", requestId: "r1", at: 60_000, resumesSpeech: false })],
      command: end,
      actor: chair,
      now: 100_000,
      then: [ev.ijEnded("i1", { at: 100_000, durationMs: 40_000, endedBy: CH })],
    },
    {
      name: "into a speech that had ended: nothing to resume",
      given: [
        ...aliceDone,
        ev.ijRequested(O, "s1", { requestId: "r1" }),
        ev.ijStarted(O, "s1", { interjectionId: "i1", requestId: "r1", at: 110_000, resumesSpeech: false }),
      ],
      command: end,
      actor: olga,
      now: 170_000,
      then: [ev.ijEnded("i1", { at: 170_000, durationMs: 60_000, endedBy: O })],
    },
    ...[alice, bob, clerk, observer, oscar, SYSTEM_ACTOR].map((actor): DecisionCase => ({
      name: `${actor.participantId} (${actor.role}) → FORBIDDEN`,
      given: olgaInterjecting,
      command: end,
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "none running → NO_CURRENT_SPEECH", given: olgaAsked, command: end, actor: chair, then: { error: "NO_CURRENT_SPEECH" } },
    { name: "after it ended → NO_CURRENT_SPEECH", given: olgaDone, command: end, actor: chair, then: { error: "NO_CURRENT_SPEECH" } },
    { name: "an official with none running → FORBIDDEN (authorization first)", given: olgaDone, command: end, actor: olga, then: { error: "FORBIDDEN" } },
    {
      name: "extra field → VALIDATION",
      given: olgaInterjecting,
      command: { type: "interjection.end", interjectionId: "i1" },
      actor: chair,
      then: { error: "VALIDATION" },
    },
  ]);

  it("records it, and the interrupted speech's time excludes it (speech 0–60 s, interjection 60–150 s, end at 200 s → 110 s)", () => {
    const steps: Step[] = [
      [{ type: "floor.give" }, chair, 0],
      [{ type: "interjection.request", point: "停车" }, olga, 30_000],
      [{ type: "interjection.grant", requestId: "id-2" }, chair, 60_000],
      [{ type: "interjection.end" }, olga, 150_000],
      [{ type: "floor.end" }, chair, 200_000],
    ];
    const { state } = play(given(ev.requested(A)).state, steps, sequentialIds("id-"));
    expect(state.speeches).toEqual([
      { ...speech(A, { speechId: "id-1", startedAt: 0, pausedMs: 90_000 }), endedAt: 200_000, durationMs: 110_000, overrunMs: 0, endedBy: CH },
    ]);
    expect(state.interjection).toBeNull();
    expect(state.interjections).toEqual([
      {
        interjectionId: "id-3",
        participantId: O,
        speechId: "id-1",
        point: "停车",
        startedAt: 60_000,
        capMs: CAP,
        resumesSpeech: true,
        outcome: null,
        endedAt: 150_000,
        durationMs: 90_000,
        overrunMs: 0,
        endedBy: O,
      },
    ]);
  });

  it("an overrun against a shorter cap set by the organisers", () => {
    const { state } = play(given(ev.ijRules({ capMs: 60_000 }), ev.requested(A)).state, [
      [{ type: "floor.give" }, chair, 0],
      [{ type: "interjection.request" }, olga, 10_000],
      [{ type: "interjection.grant", requestId: "new-2" }, chair, 20_000],
      [{ type: "interjection.end" }, chair, 110_000],
    ]);
    expect(state.interjections.map(({ capMs, durationMs, overrunMs }) => ({ capMs, durationMs, overrunMs }))).toEqual([
      { capMs: 60_000, durationMs: 90_000, overrunMs: 30_000 },
    ]);
    expect(state.floor).toEqual(speech(A, { speechId: "new-1", pausedMs: 90_000 }));
  });
});

describe("interjection.setOutcome", () => {
  const mark = (outcome: unknown, interjectionId = "i1") => ({ type: "interjection.setOutcome", interjectionId, outcome });
  decisionTable([
    { name: "the chair marks the running one", given: olgaInterjecting, command: mark("adopt"), actor: chair, then: [ev.ijOutcome("i1", "adopt", CH)] },
    { name: "the interjector does not mark their own → FORBIDDEN", given: olgaInterjecting, command: mark("study"), actor: olga, then: { error: "FORBIDDEN" } },
    {
      name: "the clerk marks a finished one",
      given: olgaDone,
      command: mark("explain"),
      actor: clerk,
      then: [ev.ijOutcome("i1", "explain", clerk.participantId)],
    },
    { name: "the interjector, finished → FORBIDDEN", given: olgaDone, command: mark("adopt"), actor: olga, then: { error: "FORBIDDEN" } },
    { name: "null clears it", given: [...olgaDone, ev.ijOutcome("i1", "adopt")], command: mark(null), actor: chair, then: [ev.ijOutcome("i1", null, CH)] },
    {
      name: "after the meeting closed (completing the record)",
      given: [...olgaDone, ev.closed(300_000)],
      command: mark("study"),
      actor: clerk,
      then: [ev.ijOutcome("i1", "study", clerk.participantId)],
    },
    ...[alice, bob, observer, oscar, SYSTEM_ACTOR].map((actor): DecisionCase => ({
      name: `${actor.participantId} (${actor.role}) → FORBIDDEN`,
      given: olgaDone,
      command: mark("adopt"),
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "an unknown interjection → NOT_FOUND", given: olgaDone, command: mark("adopt", "i9"), actor: chair, then: { error: "NOT_FOUND" } },
    { name: "a request id is not an interjection → NOT_FOUND", given: olgaAsked, command: mark("adopt", "r1"), actor: chair, then: { error: "NOT_FOUND" } },
    { name: "an outcome not on the list → VALIDATION", given: olgaDone, command: mark("reject"), actor: chair, then: { error: "VALIDATION" } },
    {
      name: "no outcome → VALIDATION",
      given: olgaDone,
      command: { type: "interjection.setOutcome", interjectionId: "i1" },
      actor: chair,
      then: { error: "VALIDATION" },
    },
  ]);

  it("marks the running one, and the mark stays on its record", () => {
    const marked = given(...olgaInterjecting).when(mark("adopt"), chair).after;
    expect(marked.interjection?.outcome).toBe("adopt");
    const { after } = given(...olgaInterjecting, ev.ijOutcome("i1", "adopt"), ev.ijEnded("i1", { at: 100_000, durationMs: 40_000, endedBy: O })).when(
      mark(null),
      clerk,
    );
    expect(after.interjections.map((i) => i.outcome)).toEqual([null]);
    expect(
      given(...olgaInterjecting, ev.ijOutcome("i1", "adopt"), ev.ijEnded("i1", { at: 100_000, durationMs: 40_000, endedBy: O })).state.interjections[0]
        ?.outcome,
    ).toBe("adopt");
  });
});

describe("interjection.setEnabled", () => {
  const enabled = (on: boolean) => ({ type: "interjection.setEnabled", enabled: on });
  decisionTable([
    { name: "off, in a meeting without agenda", given: [], command: enabled(false), actor: chair, then: [ev.ijEnabled("", false)] },
    { name: "on again", given: [ev.ijEnabled("", false)], command: enabled(true), actor: chair, then: [ev.ijEnabled("", true)] },
    { name: "on while on: nothing", given: [], command: enabled(true), actor: chair, then: [] },
    { name: "off while off: nothing", given: [ev.ijEnabled("", false)], command: enabled(false), actor: chair, then: [] },
    { name: "off for the current item", given: onItem2, command: enabled(false), actor: chair, then: [ev.ijEnabled("a2", false)] },
    {
      name: "off for the current item while another is off",
      given: [...onItem2, ev.ijEnabled("a1", false)],
      command: enabled(false),
      actor: chair,
      then: [ev.ijEnabled("a2", false)],
    },
    {
      name: "on for the current item while another is off: nothing",
      given: [...onItem2, ev.ijEnabled("a1", false)],
      command: enabled(true),
      actor: chair,
      then: [],
    },
    ...nonChairs.map((actor): DecisionCase => ({ name: `${actor.role} → FORBIDDEN`, given: [], command: enabled(false), actor, then: { error: "FORBIDDEN" } })),
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: enabled(false),
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    { name: "after close → MEETING_CLOSED", given: [ev.closed(5)], command: enabled(false), actor: chair, then: { error: "MEETING_CLOSED" } },
    {
      name: "enabled not a boolean → VALIDATION",
      given: [],
      command: { type: "interjection.setEnabled", enabled: "no" },
      actor: chair,
      then: { error: "VALIDATION" },
    },
  ]);

  it("keeps each item's setting across switching items", () => {
    const { state } = play(given(ev.agendaSet([agendaItem("a1"), agendaItem("a2")]), ev.itemStarted("a1", 0), ...aliceSpeaking).state, [
      [{ type: "interjection.setEnabled", enabled: false }, chair, 1_000],
      [{ type: "agenda.next" }, chair, 2_000],
      [{ type: "interjection.request" }, olga, 3_000],
      [{ type: "interjection.withdraw" }, olga, 4_000],
      [{ type: "agenda.goto", itemId: "a1" }, chair, 5_000],
    ]);
    expect(state.currentItemId).toBe("a1");
    expect(state.interjectionsOff).toEqual(["a1"]);
    expect(decide(state, { type: "interjection.request" }, { actor: oscar, now: 6_000, newId: () => "x" })).toEqual(fail("INTERJECTIONS_OFF"));
    const back = play(state, [[{ type: "agenda.goto", itemId: "a2" }, chair, 7_000]]).state;
    expect(decide(back, { type: "interjection.request" }, { actor: oscar, now: 8_000, newId: () => "x" }).ok).toBe(true);
  });
});

describe("the floor during an interjection", () => {
  /** carol raised a point of order; oscar is waiting to interject too (r2). */
  const withPointOfOrder = [...olgaInterjecting, ev.requested(C, 70_000, { kind: "pointOfOrder" }), ev.ijRequested(OS, "s1", { requestId: "r2", at: 80_000 })];
  decisionTable([
    {
      name: "floor.give to an ordinary speaker → INTERJECTION_RUNNING",
      given: olgaInterjecting,
      command: { type: "floor.give" },
      actor: chair,
      then: { error: "INTERJECTION_RUNNING" },
    },
    {
      name: "floor.give naming an ordinary speaker → INTERJECTION_RUNNING",
      given: withPointOfOrder,
      command: { type: "floor.give", participantId: B },
      actor: chair,
      then: { error: "INTERJECTION_RUNNING" },
    },
    {
      name: "floor.give to a point of order ends the interjection and the speech, and lets the requests lapse",
      given: withPointOfOrder,
      command: { type: "floor.give" },
      actor: chair,
      now: 100_000,
      then: [
        ev.ijEnded("i1", { at: 100_000, durationMs: 40_000, endedBy: CH }),
        ev.ended(A, { speechId: "s1", at: 100_000, durationMs: 60_000, overrunMs: 0, endedBy: CH }),
        ev.ijExpired("r2"),
        ev.started(C, { speechId: "new-1", at: 100_000, kind: "pointOfOrder", capMs: DEFAULT_SPEECH_CAPS.pointOfOrder }),
      ],
    },
    {
      name: "a point of order into an interjection after the speech ended",
      given: [
        ...aliceDone,
        ev.ijRequested(O, "s1", { requestId: "r1" }),
        ev.ijStarted(O, "s1", { interjectionId: "i1", requestId: "r1", at: 110_000, resumesSpeech: false }),
        ev.requested(C, 0, { kind: "pointOfOrder" }),
      ],
      command: { type: "floor.give" },
      actor: chair,
      now: 130_000,
      then: [
        ev.ijEnded("i1", { at: 130_000, durationMs: 20_000, endedBy: CH }),
        ev.started(C, { speechId: "new-1", at: 130_000, kind: "pointOfOrder", capMs: DEFAULT_SPEECH_CAPS.pointOfOrder }),
      ],
    },
    {
      name: "floor.give lets the waiting requests lapse",
      given: [...olgaAsked, ev.ijRequested(OS, "s1", { requestId: "r2" })],
      command: { type: "floor.give" },
      actor: chair,
      now: 90_000,
      then: [
        ev.ended(A, { speechId: "s1", at: 90_000, durationMs: 90_000, overrunMs: 0, endedBy: CH }),
        ev.ijExpired("r1", "r2"),
        ev.started(B, { speechId: "new-1", at: 90_000 }),
      ],
    },
    {
      name: "floor.give after the speech ended: requests for it lapse",
      given: [...aliceDone, ev.requested(B), ev.ijRequested(O, "s1", { requestId: "r1" })],
      command: { type: "floor.give" },
      actor: chair,
      now: 120_000,
      then: [ev.ijExpired("r1"), ev.started(B, { speechId: "new-1", at: 120_000 })],
    },
    {
      name: "floor.end by the chair ends both (no resume); the requests stay",
      given: withPointOfOrder,
      command: { type: "floor.end" },
      actor: chair,
      now: 100_000,
      then: [
        ev.ijEnded("i1", { at: 100_000, durationMs: 40_000, endedBy: CH }),
        ev.ended(A, { speechId: "s1", at: 100_000, durationMs: 60_000, overrunMs: 0, endedBy: CH }),
      ],
    },
    {
      name: "floor.end by the interrupted speaker ends both too",
      given: olgaInterjecting,
      command: { type: "floor.end" },
      actor: alice,
      now: 100_000,
      then: [
        ev.ijEnded("i1", { at: 100_000, durationMs: 40_000, endedBy: A }),
        ev.ended(A, { speechId: "s1", at: 100_000, durationMs: 60_000, overrunMs: 0, endedBy: A }),
      ],
    },
    { name: "floor.end by the interjector → FORBIDDEN", given: olgaInterjecting, command: { type: "floor.end" }, actor: olga, then: { error: "FORBIDDEN" } },
    {
      name: "floor.resume while the interjection holds the clock → INTERJECTION_RUNNING",
      given: olgaInterjecting,
      command: { type: "floor.resume" },
      actor: chair,
      then: { error: "INTERJECTION_RUNNING" },
    },
    {
      name: "floor.pause while the interjection holds the clock → SPEECH_PAUSED",
      given: olgaInterjecting,
      command: { type: "floor.pause" },
      actor: chair,
      then: { error: "SPEECH_PAUSED" },
    },
    {
      name: "floor.resume of a speech the chair paused before the grant",
      given: [...olgaAsked, ev.paused("s1", 40_000), ev.ijStarted(O, "s1", { interjectionId: "i1", requestId: "r1", at: 60_000, resumesSpeech: false })],
      command: { type: "floor.resume" },
      actor: chair,
      now: 70_000,
      then: [ev.resumed("s1", 70_000)],
    },
    {
      name: "meeting.close ends the interjection and the speech, and lets the requests lapse",
      given: withPointOfOrder,
      command: { type: "meeting.close" },
      actor: chair,
      now: 100_000,
      then: [
        ev.ijEnded("i1", { at: 100_000, durationMs: 40_000, endedBy: CH }),
        ev.ended(A, { speechId: "s1", at: 100_000, durationMs: 60_000, overrunMs: 0, endedBy: CH }),
        ev.ijExpired("r2"),
        ev.closed(100_000),
      ],
    },
    {
      name: "meeting.close with requests for a speech that ended",
      given: [...aliceDone, ev.ijRequested(O, "s1", { requestId: "r1" })],
      command: { type: "meeting.close" },
      actor: chair,
      now: 120_000,
      then: [ev.ijExpired("r1"), ev.closed(120_000)],
    },
  ]);

  it("after a point of order nothing of the interjection is left running or waiting", () => {
    const { after } = given(...withPointOfOrder).when({ type: "floor.give" }, chair, 100_000);
    expect(after.interjection).toBeNull();
    expect(after.interjectionRequests).toEqual([]);
    expect(after.interjections.map((i) => [i.interjectionId, i.durationMs, i.endedBy])).toEqual([["i1", 40_000, CH]]);
    expect(after.speeches.map((s) => [s.speechId, s.durationMs, s.pausedMs, s.pausedAt])).toEqual([["s1", 60_000, 40_000, null]]);
    expect(after.floor?.participantId).toBe(C);
  });
});

describe("config.sync interjectionRules", () => {
  decisionTable([
    {
      name: "new rules → interjection.rulesSet",
      given: [],
      command: configSync({ interjectionRules: { capMs: 60_000, membersMay: true, allowed: true } }),
      actor: SYSTEM_ACTOR,
      then: [ev.ijRules({ capMs: 60_000, membersMay: true, allowed: true })],
    },
    {
      name: "only members allowed changes",
      given: [],
      command: configSync({ interjectionRules: { capMs: CAP, membersMay: true, allowed: true } }),
      actor: SYSTEM_ACTOR,
      then: [ev.ijRules({ membersMay: true, allowed: true })],
    },
    {
      name: "the rules it has: nothing",
      given: [],
      command: configSync({ interjectionRules: { capMs: CAP, membersMay: false, allowed: true } }),
      actor: SYSTEM_ACTOR,
      then: [],
    },
    {
      name: "the rules set before: nothing",
      given: [ev.ijRules({ capMs: 90_000 })],
      command: configSync({ interjectionRules: { capMs: 90_000, membersMay: false, allowed: true } }),
      actor: SYSTEM_ACTOR,
      then: [],
    },
    { name: "absent: nothing (the rules stay)", given: [ev.ijRules({ capMs: 90_000 })], command: configSync(), actor: SYSTEM_ACTOR, then: [] },
    {
      name: "before the meeting opens",
      meeting: "scheduled",
      given: [],
      command: configSync({ interjectionRules: { capMs: 60_000, membersMay: false, allowed: true } }),
      actor: SYSTEM_ACTOR,
      then: [ev.ijRules({ capMs: 60_000 })],
    },
    {
      name: "a cap under 30 s → VALIDATION",
      given: [],
      command: configSync({ interjectionRules: { capMs: 29_999, membersMay: false, allowed: true } }),
      actor: SYSTEM_ACTOR,
      then: { error: "VALIDATION" },
    },
    {
      name: "membersMay missing → VALIDATION",
      given: [],
      command: { ...configSync(), interjectionRules: { capMs: 60_000 } },
      actor: SYSTEM_ACTOR,
      then: { error: "VALIDATION" },
    },
    {
      name: "the chair → FORBIDDEN",
      given: [],
      command: configSync({ interjectionRules: { capMs: 60_000, membersMay: true, allowed: true } }),
      actor: chair,
      then: { error: "FORBIDDEN" },
    },
  ]);

  it("sets the rules; a running interjection keeps the cap it started with", () => {
    const { after } = given(...olgaInterjecting).when(configSync({ interjectionRules: { capMs: 30_000, membersMay: true, allowed: true } }), SYSTEM_ACTOR);
    expect(after.interjectionRules).toEqual({ capMs: 30_000, membersMay: true, allowed: true });
    expect(after.interjection?.capMs).toBe(CAP);
  });
});

describe("statistics", () => {
  it("count interjections per person, with time, overruns and outcomes, the running one live", () => {
    const state = given(
      ...olgaDone,
      ev.ijOutcome("i1", "adopt"),
      ev.ijRequested(OS, "s1", { requestId: "r2", at: 160_000 }),
      ev.paused("s1", 170_000),
      ev.ijStarted(OS, "s1", { interjectionId: "i2", requestId: "r2", at: 170_000 }),
    ).state;
    const stats = speechStats(state, 200_000);
    expect(stats.interjections.overall).toEqual({ count: 2, totalMs: 120_000, byOutcome: { adopt: 1, study: 0, explain: 0, none: 1 } });
    expect(stats.interjections.byPerson.map((t) => [t.key, t.speeches, t.totalMs, t.overruns])).toEqual([
      [O, 1, 90_000, 0],
      [OS, 1, 30_000, 0],
    ]);
    // alice's speech so far excludes both interjections: 0–60 s and 150–170 s.
    expect(stats.byPerson.find((t) => t.key === A)?.totalMs).toBe(80_000);
  });
});
