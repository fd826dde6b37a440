import { describe, expect, it } from "vitest";
import { coreError, ERROR_MESSAGES, fail, ok } from "./errors.ts";
import { decide, evolve, parseCommand, replay, type Command, type StoredEvent } from "./meeting.ts";
import { initialState } from "./state.ts";
import { deepFreeze, ev, people, sequentialIds, stamp } from "./testing.ts";

const { chair, alice, bob } = people;
const A = alice.participantId;
const B = bob.participantId;

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
  ];
  it.each(valid)("accepts %j unchanged", (command) => {
    expect(parseCommand(command)).toEqual({ ok: true, value: command });
  });

  it("accepts commands decoded from JSON", () => {
    expect(parseCommand(JSON.parse('{"type":"queue.move","participantId":"p1","toIndex":2}'))).toEqual(ok({ type: "queue.move", participantId: "p1", toIndex: 2 }));
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
    const steps: [Command, typeof alice | typeof chair | typeof bob, number][] = [
      [{ type: "queue.request" }, alice, 100],
      [{ type: "queue.request" }, bob, 200],
      [{ type: "queue.move", participantId: B, toIndex: 0 }, chair, 300],
      [{ type: "floor.give" }, chair, 1_000],
      [{ type: "floor.setCap", seconds: 60 }, chair, 2_000],
      [{ type: "floor.give" }, chair, 361_000],
      [{ type: "floor.end" }, alice, 400_000],
    ];
    const newId = sequentialIds("speech-");
    const log: StoredEvent[] = [];
    let state = deepFreeze(initialState());
    for (const [command, actor, now] of steps) {
      const result = decide(state, command, { actor, now, newId });
      if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code}`);
      const stored = stamp(state.seq, result.value, now, actor.participantId);
      state = deepFreeze(stored.reduce(evolve, state));
      log.push(...stored);
    }
    return { log, state };
  }

  it("runs a whole meeting to the expected state", () => {
    const { log, state } = runMeeting();
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(log.map((e) => e.event.type)).toEqual([
      "queue.requested",
      "queue.requested",
      "queue.moved",
      "speech.started",
      "floor.capSet",
      "speech.ended",
      "speech.started",
      "speech.ended",
    ]);
    expect(state).toEqual({
      seq: 8,
      speechCapMs: 60_000,
      queue: [],
      floor: null,
      speeches: [
        { speechId: "speech-1", participantId: B, startedAt: 1_000, capMs: 300_000, endedAt: 361_000, durationMs: 360_000, overrunMs: 60_000, endedBy: chair.participantId },
        { speechId: "speech-2", participantId: A, startedAt: 361_000, capMs: 60_000, endedAt: 400_000, durationMs: 39_000, overrunMs: 0, endedBy: A },
      ],
    });
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
    expect(initialState()).toEqual({ seq: 0, speechCapMs: 300_000, queue: [], floor: null, speeches: [] });
  });

  it("routes queue and floor commands to their deciders", () => {
    const state = replay(stamp(0, [ev.requested(A, 1)], 1, A));
    const ctx = { actor: chair, now: 50, newId: () => "id" };
    expect(decide(state, { type: "queue.remove", participantId: A }, ctx)).toEqual(ok([ev.withdrawn(A, chair.participantId)]));
    expect(decide(state, { type: "floor.give" }, ctx)).toEqual(ok([ev.started(A, { speechId: "id", at: 50 })]));
  });
});
