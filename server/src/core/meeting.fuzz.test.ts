// Seeded random walk over the meeting core: thousands of random commands from random actors,
// checking the invariants after every step. A failure names the seed and the step to replay.
import { describe, expect, it } from "vitest";
import type { DecideContext } from "./context.ts";
import type { ErrorCode, Result } from "./errors.ts";
import { decide, evolve, parseCommand, replay, type Command, type MeetingEvent, type StoredEvent } from "./meeting.ts";
import { SPEAKING_ROLES, type Actor } from "./roles.ts";
import { initialState, type MeetingState } from "./state.ts";
import { deepEqual, deepFreeze, ROLES, Rng, stamp } from "./testing.ts";

const SEEDS = [1, 42, 20_240_607, 0xdeadbeef];
const STEPS = 6_000;
const REPLAY_EVERY = 250;

/** The codes decide itself can return (VALIDATION comes from parseCommand). */
const DECIDE_CODES: ErrorCode[] = ["FORBIDDEN", "ALREADY_IN_QUEUE", "NOT_IN_QUEUE", "HAS_FLOOR", "QUEUE_EMPTY", "NO_CURRENT_SPEECH", "BAD_POSITION"];

/** The rules, restated independently of the deciders: the expected error, or null if allowed. */
function expectedError(s: MeetingState, command: Command, actor: Actor): ErrorCode | null {
  const inQueue = (id: string) => s.queue.some((e) => e.participantId === id);
  const isChair = actor.role === "chair";
  switch (command.type) {
    case "queue.request":
      if (actor.role !== "member" && actor.role !== "official") return "FORBIDDEN";
      if (s.floor?.participantId === actor.participantId) return "HAS_FLOOR";
      return inQueue(actor.participantId) ? "ALREADY_IN_QUEUE" : null;
    case "queue.withdraw":
      return inQueue(actor.participantId) ? null : "NOT_IN_QUEUE";
    case "queue.remove":
      if (!isChair) return "FORBIDDEN";
      return inQueue(command.participantId) ? null : "NOT_IN_QUEUE";
    case "queue.move":
      if (!isChair) return "FORBIDDEN";
      if (!inQueue(command.participantId)) return "NOT_IN_QUEUE";
      return command.toIndex < s.queue.length ? null : "BAD_POSITION";
    case "floor.give": {
      if (!isChair) return "FORBIDDEN";
      if (command.participantId === undefined) return s.queue.length > 0 ? null : "QUEUE_EMPTY";
      return inQueue(command.participantId) ? null : "NOT_IN_QUEUE";
    }
    case "floor.end":
      // Authorization comes first: only the chair or the speaker may end a speech.
      if (!isChair && s.floor?.participantId !== actor.participantId) return "FORBIDDEN";
      return s.floor ? null : "NO_CURRENT_SPEECH";
    case "floor.setCap":
      return isChair ? null : "FORBIDDEN";
  }
}

interface World {
  rng: Rng;
  /** The fixed pool of participants (random roles, at least one chair and one speaker). */
  pool: Actor[];
}

function makeWorld(seed: number): World {
  const rng = new Rng(seed);
  const pool: Actor[] = [
    { participantId: "p0", role: "chair" },
    { participantId: "p1", role: "member" },
    { participantId: "p2", role: "official" },
  ];
  for (let i = 3; i < 12; i++) pool.push({ participantId: `p${i}`, role: rng.pick(ROLES) });
  return { rng, pool };
}

const STRANGER_IDS = ["ghost", "p99", "x".repeat(64), "p0 ", "P1", "队列"];

function randomActor({ rng, pool }: World): Actor {
  // Mostly real participants; sometimes an id nobody has, with any role.
  return rng.chance(0.9) ? rng.pick(pool) : { participantId: rng.pick(STRANGER_IDS), role: rng.pick(ROLES) };
}

function randomTarget({ rng, pool }: World, s: MeetingState): string {
  const r = rng.float();
  if (r < 0.5 && s.queue.length > 0) return rng.pick(s.queue).participantId;
  if (r < 0.6 && s.floor) return s.floor.participantId;
  if (r < 0.9) return rng.pick(pool).participantId;
  return rng.pick(STRANGER_IDS);
}

/** Inputs parseCommand must refuse. */
function randomMalformed(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => null,
    () => undefined,
    () => rng.int(-5, 5),
    () => "floor.end",
    () => [],
    () => [{ type: "floor.end" }],
    () => ({}),
    () => ({ type: `queue.${rng.int(0, 99)}` }),
    () => ({ type: "queue.request", extra: rng.int(0, 9) }),
    () => ({ type: "floor.end", participantId: "p1" }),
    () => ({ type: "queue.remove", participantId: "x".repeat(rng.int(65, 300)) }),
    () => ({ type: "queue.remove", participantId: "" }),
    () => ({ type: "queue.move", participantId: "p1", toIndex: -rng.int(1, 10) }),
    () => ({ type: "queue.move", participantId: "p1", toIndex: rng.int(0, 5) + 0.5 }),
    () => ({ type: "queue.move", participantId: "p1", toIndex: String(rng.int(0, 5)) }),
    () => ({ type: "floor.give", participantId: rng.int(0, 9) }),
    () => ({ type: "floor.setCap", seconds: rng.pick([0, 29, 3601, 1e9, -60]) }),
    () => ({ type: "floor.setCap", seconds: `${rng.int(30, 3600)}` }),
  ])();
}

function randomCommand(world: World, s: MeetingState): Command {
  const { rng } = world;
  const r = rng.float();
  if (r < 0.25) return { type: "queue.request" };
  if (r < 0.33) return { type: "queue.withdraw" };
  if (r < 0.4) return { type: "queue.remove", participantId: randomTarget(world, s) };
  if (r < 0.52) return { type: "queue.move", participantId: randomTarget(world, s), toIndex: rng.chance(0.05) ? 10_000 : rng.int(0, s.queue.length + 1) };
  if (r < 0.7) return rng.chance(0.5) ? { type: "floor.give" } : { type: "floor.give", participantId: randomTarget(world, s) };
  if (r < 0.93) return { type: "floor.end" };
  return { type: "floor.setCap", seconds: rng.pick([30, 60, 120, 300, 3600, rng.int(30, 3600)]) };
}

/** The chair is more active than anyone: a meeting where nobody gives the floor tests little. */
function pickActor(world: World, command: Command): Actor {
  const chairish = command.type.startsWith("floor.") || command.type === "queue.move" || command.type === "queue.remove";
  return chairish && world.rng.chance(0.5) ? (world.pool[0] as Actor) : randomActor(world);
}

/** Fingerprint of a state (cheap enough for every step; the frozen state catches mutation). */
const fingerprint = (s: MeetingState) =>
  JSON.stringify([s.seq, s.speechCapMs, s.queue, s.floor, s.speeches.length, s.speeches[s.speeches.length - 1] ?? null]);

function checkInvariants(s: MeetingState, log: readonly StoredEvent[], check: (ok: boolean, what: string) => void) {
  const ids = s.queue.map((e) => e.participantId);
  check(new Set(ids).size === ids.length, `nobody is twice in the queue: ${ids.join(",")}`);
  check(!s.floor || !ids.includes(s.floor.participantId), `the floor holder ${s.floor?.participantId} is not also in the queue`);
  check(s.seq === log.length, `state.seq ${s.seq} matches the log length ${log.length}`);
  check(s.seq === (log[log.length - 1]?.seq ?? 0), "state.seq is the seq of the last event");
  const last = s.speeches[s.speeches.length - 1];
  if (last) {
    check(last.durationMs >= 0, `durationMs ${last.durationMs} >= 0`);
    check(last.durationMs === Math.max(0, last.endedAt - last.startedAt), `durationMs ${last.durationMs} = endedAt - startedAt`);
    check(last.overrunMs === Math.max(0, last.durationMs - last.capMs), `overrunMs ${last.overrunMs} = max(0, ${last.durationMs} - ${last.capMs})`);
    check(Number.isInteger(last.durationMs) && Number.isInteger(last.overrunMs), "durations are whole milliseconds");
  }
}

interface Stats {
  codes: Map<string, number>;
  accepted: Map<string, number>;
  handovers: number;
  overruns: number;
  maxQueue: number;
}

function runSeed(seed: number, steps: number): Stats {
  const world = makeWorld(seed);
  const { rng } = world;
  const stats: Stats = { codes: new Map(), accepted: new Map(), handovers: 0, overruns: 0, maxQueue: 0 };
  const log: StoredEvent[] = [];
  let state = deepFreeze(initialState());
  let now = 1_000;
  let idCounter = 0;

  for (let step = 0; step < steps; step++) {
    let trace = "";
    const check = (ok: boolean, what: string) => {
      if (!ok) throw new Error(`invariant broken: ${what}`);
    };
    try {
      // Time mostly moves forward (sometimes by more than a cap); rarely a clock steps back.
      now += rng.chance(0.03) ? -rng.int(1, 5_000) : rng.chance(0.1) ? rng.int(200_000, 900_000) : rng.int(0, 90_000);
      const before = state;
      const beforePrint = fingerprint(before);

      if (rng.chance(0.06)) {
        const input = randomMalformed(rng);
        trace = `malformed ${JSON.stringify(input) ?? String(input)}`;
        const parsed = parseCommand(input);
        check(!parsed.ok && parsed.error.code === "VALIDATION", `malformed input is refused with VALIDATION, got ${JSON.stringify(parsed)}`);
        stats.codes.set("VALIDATION", (stats.codes.get("VALIDATION") ?? 0) + 1);
        continue;
      }

      const command = randomCommand(world, state);
      const actor = pickActor(world, command);
      trace = `${actor.role} ${actor.participantId} sends ${JSON.stringify(command)} at ${now}`;

      const parsed = parseCommand(JSON.parse(JSON.stringify(command)));
      check(parsed.ok && deepEqual(parsed.value, command), "a well-formed command parses to itself");

      const idBase = idCounter;
      const ctxAt = (): DecideContext => {
        let n = idBase;
        return { actor, now, newId: () => `sp-${++n}` };
      };
      const ctx = ctxAt();
      const result: Result<MeetingEvent[]> = decide(state, command, ctx);
      const again = decide(state, command, ctxAt());
      check(deepEqual(again, result), "decide is deterministic for the same state, command and context");

      const expected = expectedError(state, command, actor);
      if (!result.ok) {
        stats.codes.set(result.error.code, (stats.codes.get(result.error.code) ?? 0) + 1);
        check(result.error.code === expected, `refused with ${result.error.code}, the rules say ${expected ?? "allowed"}`);
        check(fingerprint(state) === beforePrint, "a refused command leaves the state unchanged");
        continue;
      }
      check(expected === null, `accepted, the rules say ${expected}`);
      stats.accepted.set(command.type, (stats.accepted.get(command.type) ?? 0) + 1);

      const events = result.value;
      idCounter += events.filter((e) => e.type === "speech.started").length;
      const stored = stamp(state.seq, events, now, actor.participantId);
      for (const entry of stored) {
        check(entry.seq > (log[log.length - 1]?.seq ?? 0), `seq ${entry.seq} increases strictly`);
        check(entry.seq === (log[log.length - 1]?.seq ?? 0) + 1, `seq ${entry.seq} has no gap`);
        if (entry.event.type === "speech.started") check(state.floor === null, "a speech starts only when nobody holds the floor");
        log.push(entry);
        state = deepFreeze(evolve(state, entry));
        checkInvariants(state, log, check);
      }
      check(fingerprint(before) === beforePrint, "evolve does not change the previous state");

      checkPostconditions(before, state, command, actor, now, events, check);
      if (events.length === 2) stats.handovers++;
      if (events.some((e) => e.type === "speech.ended" && e.overrunMs > 0)) stats.overruns++;
      stats.maxQueue = Math.max(stats.maxQueue, state.queue.length);

      if (step % REPLAY_EVERY === 0 || step === steps - 1) {
        const replayed = replay(log);
        check(deepEqual(replayed, state), "replaying the whole log from scratch gives the live state");
        const cut = rng.int(0, log.length);
        check(deepEqual(replay(log.slice(cut), replay(log.slice(0, cut))), state), `snapshot at ${cut} + tail gives the live state`);
        const speechIds = state.speeches.map((sp) => sp.speechId).concat(state.floor ? [state.floor.speechId] : []);
        check(new Set(speechIds).size === speechIds.length, "speech ids are unique");
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`seed ${seed}, step ${step}: ${trace}\n${message}`, { cause: error });
    }
  }
  expect(replay(log)).toEqual(state);
  return stats;
}

function checkPostconditions(
  before: MeetingState,
  after: MeetingState,
  command: Command,
  actor: Actor,
  now: number,
  events: readonly MeetingEvent[],
  check: (ok: boolean, what: string) => void,
) {
  const ids = (s: MeetingState) => s.queue.map((e) => e.participantId);
  const same = deepEqual;
  const sameFloorAndSpeeches = () => same(after.floor, before.floor) && after.speeches === before.speeches;
  switch (command.type) {
    case "queue.request":
      check(same(after.queue, [...before.queue, { participantId: actor.participantId, requestedAt: now }]), "request appends the sender");
      check(SPEAKING_ROLES.includes(actor.role), "only speaking roles join the queue");
      check(sameFloorAndSpeeches(), "request leaves the floor alone");
      break;
    case "queue.withdraw":
    case "queue.remove": {
      const target = command.type === "queue.remove" ? command.participantId : actor.participantId;
      check(same(ids(after), ids(before).filter((id) => id !== target)), "withdraw/remove takes out exactly that person");
      check(same(events, [{ type: "queue.withdrawn", participantId: target, by: actor.participantId }]), "withdrawn names who did it");
      check(sameFloorAndSpeeches(), "withdraw leaves the floor alone");
      break;
    }
    case "queue.move": {
      check(ids(after)[command.toIndex] === command.participantId, `moved to index ${command.toIndex}`);
      check(same(ids(after).filter((id) => id !== command.participantId), ids(before).filter((id) => id !== command.participantId)), "the others keep their order");
      check((events.length === 0) === (ids(before)[command.toIndex] === command.participantId), "a move to the same place decides nothing");
      check(same([...after.queue].sort(byId), [...before.queue].sort(byId)), "a move keeps the entries");
      break;
    }
    case "floor.give": {
      const target = command.participantId ?? before.queue[0]?.participantId;
      check(same(after.floor, { speechId: after.floor?.speechId, participantId: target, startedAt: now, capMs: before.speechCapMs }), "give starts the target's speech with the current cap");
      check(same(ids(after), ids(before).filter((id) => id !== target)), "give takes the speaker out of the queue");
      if (before.floor) {
        const record = after.speeches[after.speeches.length - 1];
        check(after.speeches.length === before.speeches.length + 1, "give ends the current speech first");
        check(same(record, { ...before.floor, endedAt: now, durationMs: Math.max(0, now - before.floor.startedAt), overrunMs: record?.overrunMs, endedBy: actor.participantId }), "the ended speech is recorded as it was");
      } else {
        check(after.speeches === before.speeches, "give with nobody speaking records nothing");
      }
      break;
    }
    case "floor.end": {
      check(after.floor === null, "end frees the floor");
      check(after.speeches.length === before.speeches.length + 1, "end appends one record");
      check(after.speeches[after.speeches.length - 1]?.endedBy === actor.participantId, "the record says who ended it");
      check(after.speeches[after.speeches.length - 1]?.speechId === before.floor?.speechId, "the record is the current speech");
      check(same(after.queue, before.queue), "end leaves the queue alone");
      break;
    }
    case "floor.setCap":
      check(after.speechCapMs === command.seconds * 1000, "setCap sets the cap in ms");
      check(sameFloorAndSpeeches(), "setCap leaves the current speech's cap alone");
      check(same(after.queue, before.queue), "setCap leaves the queue alone");
      break;
  }
}

const byId = (a: { participantId: string }, b: { participantId: string }) => (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0);

describe("meeting core under random commands", () => {
  it.each(SEEDS)(`keeps its invariants over ${STEPS} random steps (seed %i)`, (seed) => {
    const stats = runSeed(seed, STEPS);
    // The walk must actually reach every refusal and every command, or it proves little.
    for (const code of [...DECIDE_CODES, "VALIDATION"]) expect(stats.codes.get(code) ?? 0, `seed ${seed}: ${code} reached`).toBeGreaterThan(0);
    for (const type of ["queue.request", "queue.withdraw", "queue.remove", "queue.move", "floor.give", "floor.end", "floor.setCap"]) {
      expect(stats.accepted.get(type) ?? 0, `seed ${seed}: ${type} accepted`).toBeGreaterThan(0);
    }
    expect(stats.handovers, `seed ${seed}: handovers`).toBeGreaterThan(0);
    expect(stats.overruns, `seed ${seed}: overrun speeches`).toBeGreaterThan(0);
    expect(stats.maxQueue, `seed ${seed}: queue length reached`).toBeGreaterThanOrEqual(3);
  });

  it("is reproducible: the same seed walks the same way", () => {
    const a = runSeed(7, 500);
    const b = runSeed(7, 500);
    expect([...a.codes]).toEqual([...b.codes]);
    expect([...a.accepted]).toEqual([...b.accepted]);
  });
});
