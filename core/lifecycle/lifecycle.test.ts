import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import { DEFAULT_SPEECH_CAP_MS } from "../floor/schema.ts";
import { agendaItem, decisionTable, ev, given, givenScheduled, NOW, people, speech, type DecisionCase } from "../../testing/core.ts";

const { chair, alice, bob, carol, olga, clerk, observer } = people;
const A = alice.participantId;
const B = bob.participantId;
const C = carol.participantId;
const CH = chair.participantId;
const nonChairs: Actor[] = [alice, olga, clerk, observer, SYSTEM_ACTOR];
const agenda = ev.agendaSet([agendaItem("a1"), agendaItem("a2")]);
/** bob speaks since t=1000 on item a1 (started at 500); alice and carol wait. */
const inSession = [
  agenda,
  ev.itemStarted("a1", 500),
  ev.requested(A, 10),
  ev.requested(B, 20),
  ev.requested(C, 30),
  ev.started(B, { speechId: "s1", at: 1_000, agendaItemId: "a1" }),
];

describe("meeting.open", () => {
  decisionTable([
    {
      name: "the chair opens a meeting without an agenda",
      meeting: "scheduled",
      given: [],
      command: { type: "meeting.open" },
      actor: chair,
      now: 77,
      then: [ev.opened(77)],
    },
    {
      name: "the first agenda item becomes current",
      meeting: "scheduled",
      given: [agenda],
      command: { type: "meeting.open" },
      actor: chair,
      now: 77,
      then: [ev.opened(77), ev.itemStarted("a1", 77)],
    },
    {
      name: "the first item of the agenda as synced last",
      meeting: "scheduled",
      given: [agenda, ev.agendaSet([agendaItem("a2"), agendaItem("a1")])],
      command: { type: "meeting.open" },
      actor: chair,
      then: [ev.opened(NOW), ev.itemStarted("a2", NOW)],
    },
    ...nonChairs.map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      meeting: "scheduled",
      given: [agenda],
      command: { type: "meeting.open" },
      actor,
      then: { error: "FORBIDDEN" },
    })),
    {
      name: "a clerk on an open meeting → FORBIDDEN (authorization first)",
      given: [],
      command: { type: "meeting.open" },
      actor: clerk,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "a member on a closed meeting → FORBIDDEN (authorization first)",
      given: [ev.closed(5)],
      command: { type: "meeting.open" },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
    { name: "already open → MEETING_ALREADY_OPEN", given: [], command: { type: "meeting.open" }, actor: chair, then: { error: "MEETING_ALREADY_OPEN" } },
    {
      name: "already open, with a speaker → MEETING_ALREADY_OPEN",
      given: inSession,
      command: { type: "meeting.open" },
      actor: chair,
      then: { error: "MEETING_ALREADY_OPEN" },
    },
    {
      name: "closed meetings stay closed → MEETING_CLOSED",
      given: [ev.closed(5)],
      command: { type: "meeting.open" },
      actor: chair,
      then: { error: "MEETING_CLOSED" },
    },
    {
      name: "extra field → VALIDATION",
      meeting: "scheduled",
      given: [],
      command: { type: "meeting.open", at: 5 },
      actor: chair,
      then: { error: "VALIDATION" },
    },
  ]);

  it("sets the status and the opening time, and starts the clock of the first item", () => {
    const { after, before } = givenScheduled(agenda).when({ type: "meeting.open" }, chair, 5_000);
    expect(before.status).toBe("scheduled");
    expect(after).toEqual({
      ...before,
      seq: before.seq + 2,
      status: "open",
      openedAt: 5_000,
      currentItemId: "a1",
      itemVisits: [{ itemId: "a1", at: 5_000 }],
      agenda: [
        { ...agendaItem("a1"), actualMs: 0, startedAt: 5_000 },
        { ...agendaItem("a2"), actualMs: 0, startedAt: null },
      ],
    });
  });

  it("keeps the attendance recorded before the meeting opened", () => {
    const { after } = givenScheduled(ev.arrived([A], "qr", 40)).when({ type: "meeting.open" }, chair, 50);
    expect(after.attendance).toEqual({ [A]: { status: "present", via: "qr", since: 40 } });
  });
});

describe("meeting.close", () => {
  decisionTable([
    { name: "the chair closes an idle meeting", given: [], command: { type: "meeting.close" }, actor: chair, now: 90, then: [ev.closed(90)] },
    {
      name: "a running speech ends first, ended by the chair",
      given: inSession,
      command: { type: "meeting.close" },
      actor: chair,
      now: 361_000,
      then: [ev.ended(B, { speechId: "s1", at: 361_000, durationMs: 360_000, overrunMs: 360_000 - DEFAULT_SPEECH_CAP_MS, endedBy: CH }), ev.closed(361_000)],
    },
    {
      name: "with people waiting but nobody speaking",
      given: [ev.requested(A), ev.requested(B)],
      command: { type: "meeting.close" },
      actor: chair,
      then: [ev.closed(NOW)],
    },
    ...nonChairs.map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: inSession,
      command: { type: "meeting.close" },
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "the speaker → FORBIDDEN", given: inSession, command: { type: "meeting.close" }, actor: bob, then: { error: "FORBIDDEN" } },
    {
      name: "an observer before the meeting opens → FORBIDDEN (authorization first)",
      meeting: "scheduled",
      given: [],
      command: { type: "meeting.close" },
      actor: observer,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [agenda],
      command: { type: "meeting.close" },
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    { name: "closing twice → MEETING_CLOSED", given: [ev.closed(5)], command: { type: "meeting.close" }, actor: chair, then: { error: "MEETING_CLOSED" } },
    { name: "extra field → VALIDATION", given: [], command: { type: "meeting.close", force: true }, actor: chair, then: { error: "VALIDATION" } },
  ]);

  it("records the last speech, empties the queue and stops the agenda clock", () => {
    const { after, before } = given(...inSession).when({ type: "meeting.close" }, chair, 61_000);
    expect(after).toEqual({
      ...before,
      seq: before.seq + 2,
      status: "closed",
      closedAt: 61_000,
      currentItemId: null,
      agenda: [
        { ...agendaItem("a1"), actualMs: 61_000 - 500, startedAt: null },
        { ...agendaItem("a2"), actualMs: 0, startedAt: null },
      ],
      queue: [],
      floor: null,
      speeches: [{ ...speech(B, { speechId: "s1", startedAt: 1_000, agendaItemId: "a1" }), endedAt: 61_000, durationMs: 60_000, overrunMs: 0, endedBy: CH }],
    });
  });

  it("keeps the status, roster, attendance and quorum rule", () => {
    const { after, before } = given(ev.arrived([A, C], "online", 3), ev.ruleSet("twoThirds")).when({ type: "meeting.close" }, chair);
    expect([after.roster, after.attendance, after.quorumRule, after.openedAt]).toEqual([before.roster, before.attendance, before.quorumRule, before.openedAt]);
  });
});

describe("a closed meeting", () => {
  const closed = given(...inSession, ev.ended(B, { speechId: "s1", at: 2_000, durationMs: 1_000, overrunMs: 0, endedBy: CH }), ev.closed(2_000));

  it.each<[string, unknown, Actor]>([
    ["queue.request", { type: "queue.request" }, alice],
    ["queue.remove", { type: "queue.remove", participantId: A }, chair],
    ["queue.move", { type: "queue.move", participantId: A, toIndex: 0 }, chair],
    ["floor.give", { type: "floor.give" }, chair],
    ["agenda.next", { type: "agenda.next" }, chair],
    ["agenda.goto", { type: "agenda.goto", itemId: "a1" }, chair],
    ["meeting.open", { type: "meeting.open" }, chair],
    ["meeting.close", { type: "meeting.close" }, chair],
  ])("refuses %s with MEETING_CLOSED", (_name, command, actor) => {
    expect(closed.when(command, actor).error).toBe("MEETING_CLOSED");
  });

  it("still records departures", () => {
    expect(given(ev.arrived([A]), ev.closed(5)).when({ type: "attendance.leave", participantIds: [A] }, SYSTEM_ACTOR, 9).events).toEqual([ev.left([A], 9)]);
  });
});

describe("lifecycle evolve", () => {
  it("meeting.opened changes only the status and the opening time", () => {
    const before = givenScheduled(agenda, ev.requested(A)).state;
    expect(givenScheduled(agenda, ev.requested(A), ev.opened(8)).state).toEqual({ ...before, seq: before.seq + 1, status: "open", openedAt: 8 });
  });

  it("meeting.closed empties the queue even with nobody on the floor", () => {
    const state = given(ev.requested(A), ev.requested(B), ev.closed(9)).state;
    expect([state.status, state.closedAt, state.queue]).toEqual(["closed", 9, []]);
  });
});
