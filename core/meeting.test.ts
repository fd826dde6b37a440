import { DEFAULT_ORDERING } from "./plan/schema.ts";
import { DEFAULT_SPEECH_CAPS } from "./floor/schema.ts";
import { describe, expect, it } from "vitest";
import { coreError, ERROR_MESSAGES, fail, ok } from "./errors.ts";
import { attendanceSummary } from "./attendance/summary.ts";
import { decide, evolve, parseCommand, replay, type Command } from "./meeting.ts";
import { SYSTEM_ACTOR } from "./roles.ts";
import { initialState } from "./state.ts";
import { agendaItem, ev, given, people, play, ROSTER, rosterEntry, sequentialIds, speech, type Step } from "../testing/core.ts";

const { chair, alice, bob, carol, clerk } = people;
const A = alice.participantId;
const B = bob.participantId;
const C = carol.participantId;
const CH = chair.participantId;
const entry = rosterEntry({ participantId: "p1", role: "member" });
const sync: Command = {
  type: "config.sync",
  roster: [entry],
  agenda: [agendaItem("a1")],
  quorumRule: "none",
  speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 30_000 },
  ordering: DEFAULT_ORDERING,
  plan: [],
};

describe("parseCommand", () => {
  const valid: Command[] = [
    { type: "queue.request" },
    { type: "queue.withdraw" },
    { type: "queue.remove", participantId: "p1" },
    { type: "queue.move", participantId: "p1", toIndex: 0 },
    { type: "queue.move", participantId: "p1", toIndex: 10_000 },
    { type: "floor.give" },
    { type: "floor.give", participantId: "x".repeat(64) },
    { type: "floor.end" },
    { type: "floor.setCap", seconds: 30 },
    { type: "floor.setCap", seconds: 3600 },
    { type: "meeting.open" },
    { type: "meeting.close" },
    { type: "agenda.goto", itemId: "a1" },
    { type: "agenda.next" },
    { type: "attendance.arrive", participantIds: ["p1"], via: "qr" },
    { type: "attendance.arrive", participantIds: ["p1", "p2"], via: "online" },
    { type: "attendance.leave", participantIds: ["p1", "p2"] },
    { type: "attendance.excuse", participantId: "p1", excused: false },
    { ...sync },
    { ...sync, roster: [], agenda: [], quorumRule: "twoThirds", speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 3_600_000 } },
  ];
  it.each(valid)("accepts %j unchanged", (command) => {
    expect(parseCommand(command)).toEqual({ ok: true, value: command });
  });

  it("accepts commands decoded from JSON", () => {
    expect(parseCommand(JSON.parse('{"type":"queue.move","participantId":"p1","toIndex":2}'))).toEqual(
      ok({ type: "queue.move", participantId: "p1", toIndex: 2 }),
    );
  });

  const malformed: [string, unknown][] = [
    ["null", null],
    ["undefined", undefined],
    ["a string", "queue.request"],
    ["a number", 42],
    ["a boolean", true],
    ["an empty array", []],
    ["an array holding a command", [{ type: "queue.request" }]],
    ["an empty object", {}],
    ["an unknown type", { type: "queue.jump" }],
    ["an event type instead of a command", { type: "speech.started" }],
    ["a type in the wrong case", { type: "Queue.Request" }],
    ["a numeric type", { type: 1 }],
    ["a null type", { type: null }],
    ["queue.request with an extra field", { type: "queue.request", priority: 1 }],
    ["queue.withdraw with an extra field", { type: "queue.withdraw", participantId: "p1" }],
    ["queue.remove with an extra field", { type: "queue.remove", participantId: "p1", reason: "x" }],
    ["queue.move with an extra field", { type: "queue.move", participantId: "p1", toIndex: 0, fromIndex: 1 }],
    ["floor.give with an extra field", { type: "floor.give", participantId: "p1", capMs: 1 }],
    ["floor.end with an extra field", { type: "floor.end", by: "p1" }],
    ["floor.setCap with an extra field", { type: "floor.setCap", seconds: 60, ms: 1 }],
    ["a __proto__ key from JSON", JSON.parse('{"type":"queue.request","__proto__":{"admin":true}}')],
    ["queue.remove without participantId", { type: "queue.remove" }],
    ["queue.remove with a numeric participantId", { type: "queue.remove", participantId: 12 }],
    ["queue.remove with an empty participantId", { type: "queue.remove", participantId: "" }],
    ["queue.remove with a 65-character participantId", { type: "queue.remove", participantId: "x".repeat(65) }],
    ["queue.remove with a very long participantId", { type: "queue.remove", participantId: "x".repeat(100_000) }],
    ["queue.move with toIndex as a string", { type: "queue.move", participantId: "p1", toIndex: "0" }],
    ["queue.move with a negative toIndex", { type: "queue.move", participantId: "p1", toIndex: -1 }],
    ["queue.move with a fractional toIndex", { type: "queue.move", participantId: "p1", toIndex: 0.5 }],
    ["queue.move with toIndex 10001", { type: "queue.move", participantId: "p1", toIndex: 10_001 }],
    ["queue.move with an infinite toIndex", { type: "queue.move", participantId: "p1", toIndex: Number.POSITIVE_INFINITY }],
    ["queue.move with a NaN toIndex", { type: "queue.move", participantId: "p1", toIndex: Number.NaN }],
    ["queue.move with a 65-character participantId", { type: "queue.move", participantId: "x".repeat(65), toIndex: 0 }],
    ["floor.give with a null participantId", { type: "floor.give", participantId: null }],
    ["floor.give with an object participantId", { type: "floor.give", participantId: { id: "p1" } }],
    ["floor.give with a 65-character participantId", { type: "floor.give", participantId: "x".repeat(65) }],
    ["floor.setCap without seconds", { type: "floor.setCap" }],
    ["floor.setCap with 29 seconds", { type: "floor.setCap", seconds: 29 }],
    ["floor.setCap with 3601 seconds", { type: "floor.setCap", seconds: 3601 }],
    ["floor.setCap with fractional seconds", { type: "floor.setCap", seconds: 90.5 }],
    ["floor.setCap with seconds as a string", { type: "floor.setCap", seconds: "90" }],
    ["meeting.open with an extra field", { type: "meeting.open", at: 1 }],
    ["meeting.close with an extra field", { type: "meeting.close", reason: "x" }],
    ["agenda.goto without itemId", { type: "agenda.goto" }],
    ["agenda.goto with an empty itemId", { type: "agenda.goto", itemId: "" }],
    ["agenda.goto with a 65-character itemId", { type: "agenda.goto", itemId: "x".repeat(65) }],
    ["agenda.next with an itemId", { type: "agenda.next", itemId: "a1" }],
    ["attendance.arrive without anyone", { type: "attendance.arrive", participantIds: [], via: "qr" }],
    ["attendance.arrive with a single id instead of a list", { type: "attendance.arrive", participantIds: "p1", via: "qr" }],
    ["attendance.arrive with an unknown via", { type: "attendance.arrive", participantIds: ["p1"], via: "sms" }],
    ["attendance.arrive without via", { type: "attendance.arrive", participantIds: ["p1"] }],
    ["attendance.arrive with an empty id", { type: "attendance.arrive", participantIds: [""], via: "clerk" }],
    ["attendance.leave with via", { type: "attendance.leave", participantIds: ["p1"], via: "clerk" }],
    ["attendance.excuse without excused", { type: "attendance.excuse", participantId: "p1" }],
    ["attendance.excuse with excused as a string", { type: "attendance.excuse", participantId: "p1", excused: "yes" }],
    ["config.sync with a cap under 30 s", { ...sync, speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 29_999 } }],
    ["config.sync with a cap over an hour", { ...sync, speechCaps: { ...DEFAULT_SPEECH_CAPS, booked: 3_600_001 } }],
    ["config.sync with an unknown quorum rule", { ...sync, quorumRule: "all" }],
    ["config.sync with an extra field", { ...sync, title: "x" }],
    [
      "config.sync without the roster",
      { type: "config.sync", agenda: [], quorumRule: "none", speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 60_000 }, ordering: DEFAULT_ORDERING, plan: [] },
    ],
    ["config.sync with an unknown role", { ...sync, roster: [{ ...entry, role: "admin" }] }],
    ["config.sync with a roster entry missing a field", { ...sync, roster: [{ id: "p1", name: "x", role: "member" }] }],
    ["config.sync with a fractional planned time", { ...sync, agenda: [{ ...agendaItem("a1"), plannedMs: 0.5 }] }],
    ["config.sync with a negative planned time", { ...sync, agenda: [{ ...agendaItem("a1"), plannedMs: -1 }] }],
  ];
  it.each(malformed)("refuses %s with VALIDATION", (_name, input) => {
    const result = parseCommand(input);
    expect(result).toEqual({ ok: false, error: { code: "VALIDATION", message: ERROR_MESSAGES.VALIDATION, details: expect.any(Array) } });
    if (!result.ok) {
      expect(result.error.details?.length).toBeGreaterThan(0);
      expect(result.error.details?.length).toBeLessThanOrEqual(5);
    }
  });

  it.each<[unknown, string]>([
    [null, "(root)"],
    [[], "(root)"],
    [{ type: "queue.jump" }, "type"],
    [{}, "type"],
    [{ type: "queue.remove", participantId: 12 }, "participantId"],
    [{ type: "queue.remove", participantId: "x".repeat(65) }, "participantId"],
    [{ type: "queue.move", participantId: "p1", toIndex: "0" }, "toIndex"],
    [{ type: "queue.move", participantId: "p1" }, "toIndex"],
    [{ type: "floor.give", participantId: null }, "participantId"],
    [{ type: "floor.setCap", seconds: 90.5 }, "seconds"],
    [{ type: "floor.setCap", seconds: "90" }, "seconds"],
    [{ type: "floor.end", by: "p1" }, "by"],
    [{ type: "agenda.goto" }, "itemId"],
    [{ type: "attendance.arrive", participantIds: [], via: "qr" }, "participantIds"],
    [{ type: "attendance.arrive", participantIds: ["p1"], via: "sms" }, "via"],
    [{ type: "attendance.excuse", participantId: "p1", excused: 1 }, "excused"],
    [{ ...sync, speechCaps: { ...DEFAULT_SPEECH_CAPS, pointOfOrder: 1 } }, "speechCaps.pointOfOrder"],
    [{ ...sync, roster: [{ ...entry, role: "admin" }] }, "roster.0.role"],
    [{ ...sync, agenda: [{ ...agendaItem("a1"), plannedMs: -1 }] }, "agenda.0.plannedMs"],
  ])("names the failing field of %j (%s)", (input, field) => {
    const result = parseCommand(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details?.join("\n")).toContain(field);
  });
});

describe("errors", () => {
  it("carries the bilingual message of the code", () => {
    expect(fail("QUEUE_EMPTY")).toEqual({ ok: false, error: { code: "QUEUE_EMPTY", message: { zh: "发言队列为空", en: "The speaking queue is empty" } } });
    expect(coreError("VALIDATION", ["a: b"])).toEqual({ code: "VALIDATION", message: ERROR_MESSAGES.VALIDATION, details: ["a: b"] });
    expect(coreError("FORBIDDEN")).not.toHaveProperty("details");
  });

  it("every code has a Chinese and an English message", () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      expect(message.zh.length, code).toBeGreaterThan(0);
      expect(message.en.length, code).toBeGreaterThan(0);
    }
  });
});

describe("decide, evolve and replay", () => {
  /** A short meeting driven through decide, stamped and applied like the room does. */
  function runMeeting() {
    const config: Command = {
      type: "config.sync",
      roster: [...ROSTER],
      agenda: [agendaItem("a1", 600_000, "Budget"), agendaItem("a2", 1_200_000, "Housing", "Carol")],
      quorumRule: "twoThirds",
      speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 240_000 },
      ordering: DEFAULT_ORDERING,
      plan: [],
    };
    const steps: Step[] = [
      [config, SYSTEM_ACTOR, 0],
      [{ type: "attendance.arrive", participantIds: [A, B, A], via: "online" }, SYSTEM_ACTOR, 50],
      [{ type: "meeting.open" }, chair, 60],
      [{ type: "queue.request" }, alice, 100],
      [{ type: "queue.request" }, bob, 200],
      [{ type: "queue.move", participantId: B, toIndex: 0 }, chair, 300],
      [{ type: "floor.give" }, chair, 1_000],
      [{ type: "floor.setCap", seconds: 60 }, chair, 2_000],
      [{ type: "agenda.next" }, chair, 100_000],
      [{ type: "floor.give" }, chair, 361_000],
      [{ type: "attendance.arrive", participantIds: [C], via: "clerk" }, clerk, 362_000],
      [{ type: "floor.end" }, alice, 400_000],
      [{ type: "attendance.leave", participantIds: [B] }, clerk, 410_000],
      [{ type: "meeting.close" }, chair, 500_000],
    ];
    return play(initialState(), steps, sequentialIds("speech-"));
  }

  it("runs a whole meeting to the expected state", () => {
    const { log, state } = runMeeting();
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(log.map((e) => e.event.type)).toEqual([
      "roster.set",
      "agenda.set",
      "attendance.ruleSet",
      "floor.capSet",
      "attendance.arrived",
      "meeting.opened",
      "agenda.itemStarted",
      "queue.requested",
      "queue.requested",
      "queue.moved",
      "speech.started",
      "floor.capSet",
      "agenda.itemStarted",
      "speech.ended",
      "speech.started",
      "attendance.arrived",
      "speech.ended",
      "attendance.left",
      "meeting.closed",
    ]);
    expect(state).toEqual({
      seq: 19,
      kind: "consultation",
      status: "closed",
      openedAt: 60,
      closedAt: 500_000,
      roster: ROSTER,
      agenda: [
        { id: "a1", title: "Budget", presenter: null, plannedMs: 600_000, actualMs: 100_000 - 60, startedAt: null },
        { id: "a2", title: "Housing", presenter: "Carol", plannedMs: 1_200_000, actualMs: 500_000 - 100_000, startedAt: null },
      ],
      currentItemId: null,
      attendance: {
        [A]: { status: "present", via: "online", since: 50 },
        [B]: { status: "absent", via: null, since: 410_000 },
        [C]: { status: "present", via: "clerk", since: 362_000 },
      },
      quorumRule: "twoThirds",
      speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 60_000 },
      ordering: DEFAULT_ORDERING,
      plan: [],
      queue: [],
      floor: null,
      speeches: [
        {
          ...speech(B, { speechId: "speech-1", startedAt: 1_000, capMs: 240_000, agendaItemId: "a1" }),
          endedAt: 361_000,
          durationMs: 360_000,
          overrunMs: 120_000,
          endedBy: CH,
        },
        {
          ...speech(A, { speechId: "speech-2", startedAt: 361_000, capMs: 60_000, agendaItemId: "a2" }),
          endedAt: 400_000,
          durationMs: 39_000,
          overrunMs: 0,
          endedBy: A,
        },
      ],
      written: [],
      interjectionRules: { capMs: 120_000, membersMay: false, allowed: true },
      interjectionsOff: [],
      interjectionRequests: [],
      interjection: null,
      interjections: [],
      asked: [A, B],
      venueMuted: false,
      interpretation: null,
      polls: [],
      pollRules: { clerkMay: false, allowed: true },
      notes: { summaries: {}, suggestions: [], decisions: [] },
      recordShared: false,
      stenographers: [],
      transcript: [],
      timeZone: "Asia/Shanghai",
      micOpensOnFloor: false,
      // Every coming and going in order, and every start of an item's visit.
      attendanceLog: [
        { participantId: A, status: "present", via: "online", at: 50 },
        { participantId: B, status: "present", via: "online", at: 50 },
        { participantId: C, status: "present", via: "clerk", at: 362_000 },
        { participantId: B, status: "absent", via: null, at: 410_000 },
      ],
      itemVisits: [
        { itemId: "a1", at: 60 },
        { itemId: "a2", at: 100_000 },
      ],
      bargaining: { chairSide: "worker", handovers: [], clauses: [], caucuses: [], suspension: null, suspensions: [] },
      mediation: { talk: null, talks: [], positions: [] },
      groups: { phase: "none", method: null, groups: [], openedAt: null, recallEndsAt: null, closedAt: null, notices: [] },
      groupOf: null,
      groupReport: null,
    });
    expect(attendanceSummary(state)).toEqual({ expected: 3, present: 2, excused: 0, needed: 2, quorate: true });
  });

  it("replaying the log from scratch gives the live state", () => {
    const { log, state } = runMeeting();
    expect(replay(log)).toEqual(state);
  });

  it("replaying a tail onto a snapshot gives the same state", () => {
    const { log, state } = runMeeting();
    for (let cut = 0; cut <= log.length; cut++) {
      expect(replay(log.slice(cut), replay(log.slice(0, cut)))).toEqual(state);
    }
  });

  it("replaying nothing gives the initial state", () => {
    expect(replay([])).toEqual(initialState());
    expect(initialState()).toEqual({
      seq: 0,
      kind: "consultation",
      status: "scheduled",
      openedAt: null,
      closedAt: null,
      roster: [],
      agenda: [],
      currentItemId: null,
      attendance: {},
      quorumRule: "majority",
      speechCaps: { booked: 480_000, impromptu: 300_000, pointOfOrder: 120_000 },
      ordering: { bookedFirst: true, partyFirst: true, sectorBalance: true, notYetSpoken: "item", sectorFirst: false },
      plan: [],
      queue: [],
      floor: null,
      speeches: [],
      written: [],
      interjectionRules: { capMs: 120_000, membersMay: false, allowed: true },
      interjectionsOff: [],
      interjectionRequests: [],
      interjection: null,
      interjections: [],
      asked: [],
      venueMuted: false,
      interpretation: null,
      polls: [],
      pollRules: { clerkMay: false, allowed: true },
      notes: { summaries: {}, suggestions: [], decisions: [] },
      recordShared: false,
      stenographers: [],
      transcript: [],
      timeZone: "Asia/Shanghai",
      micOpensOnFloor: false,
      attendanceLog: [],
      itemVisits: [],
      bargaining: { chairSide: "worker", handovers: [], clauses: [], caucuses: [], suspension: null, suspensions: [] },
      mediation: { talk: null, talks: [], positions: [] },
      groups: { phase: "none", method: null, groups: [], openedAt: null, recallEndsAt: null, closedAt: null, notices: [] },
      groupOf: null,
      groupReport: null,
    });
  });

  it("routes every kind of command to its decider", () => {
    const state = given(ev.requested(A, 1)).state;
    const ctx = { actor: chair, now: 50, newId: () => "id" };
    expect(decide(state, { type: "queue.remove", participantId: A }, ctx)).toEqual(ok([ev.withdrawn(A, CH)]));
    expect(decide(state, { type: "floor.give" }, ctx)).toEqual(ok([ev.started(A, { speechId: "id", at: 50 })]));
    expect(decide(state, { type: "meeting.close" }, ctx)).toEqual(ok([ev.closed(50)]));
    expect(decide(state, { type: "agenda.next" }, ctx)).toEqual(fail("NO_NEXT_ITEM"));
    expect(decide(state, { type: "attendance.excuse", participantId: B, excused: true }, ctx)).toEqual(ok([ev.excused(B, true, 50)]));
    expect(
      decide(
        state,
        {
          type: "config.sync",
          roster: [...ROSTER],
          agenda: [],
          quorumRule: "none",
          speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 300_000 },
          ordering: DEFAULT_ORDERING,
          plan: [],
        },
        ctx,
      ),
    ).toEqual(fail("FORBIDDEN"));
    expect(
      decide(
        state,
        {
          type: "config.sync",
          roster: [...ROSTER],
          agenda: [],
          quorumRule: "none",
          speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 300_000 },
          ordering: DEFAULT_ORDERING,
          plan: [],
        },
        { ...ctx, actor: SYSTEM_ACTOR },
      ),
    ).toEqual(ok([ev.ruleSet("none")]));
  });

  it("evolve sets seq from the stored event and leaves the rest to the capability", () => {
    const before = given().state;
    expect(evolve(before, { seq: 41, at: 7, actorId: null, event: ev.ruleSet("none") })).toEqual({ ...before, seq: 41, quorumRule: "none" });
  });
});
