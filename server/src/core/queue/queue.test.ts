import { describe, expect, it } from "vitest";
import { evolve, replay } from "../meeting.ts";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import { initialState } from "../state.ts";
import { decisionTable, deepFreeze, ev, given, NOW, OPENED, people, stamp, type DecisionCase } from "../testing.ts";

const { chair, alice, bob, carol, olga, clerk, observer } = people;
const A = alice.participantId;
const B = bob.participantId;
const C = carol.participantId;
const O = olga.participantId;
const CH = chair.participantId;

/** alice, bob, carol in the queue, in that order. */
const queueABC = [ev.requested(A, 10), ev.requested(B, 20), ev.requested(C, 30)];
const nonChairs: Actor[] = [alice, olga, clerk, observer, SYSTEM_ACTOR];
/** alice, bob, carol were waiting when the chair closed the meeting. */
const closedWithQueue = [...queueABC, ev.closed(40)];

const queueIds = (events: Parameters<typeof given>) => given(...events).state.queue.map((e) => e.participantId);

describe("queue.request", () => {
  decisionTable([
    { name: "a member joins an empty queue", given: [], command: { type: "queue.request" }, actor: alice, now: 5_000, then: [ev.requested(A, 5_000)] },
    { name: "an official may ask for the floor", given: [], command: { type: "queue.request" }, actor: olga, now: 7, then: [ev.requested(O, 7)] },
    { name: "a member joins behind others", given: [ev.requested(B, 1)], command: { type: "queue.request" }, actor: alice, then: [ev.requested(A, NOW)] },
    { name: "a member may ask again after withdrawing", given: [ev.requested(A), ev.withdrawn(A)], command: { type: "queue.request" }, actor: alice, then: [ev.requested(A, NOW)] },
    { name: "a member removed by the chair may ask again", given: [ev.requested(A), ev.withdrawn(A, CH)], command: { type: "queue.request" }, actor: alice, then: [ev.requested(A, NOW)] },
    {
      name: "a member may ask again after speaking",
      given: [ev.requested(A), ev.started(A, { at: 0 }), ev.ended(A, { at: 10, durationMs: 10, overrunMs: 0, endedBy: A })],
      command: { type: "queue.request" },
      actor: alice,
      then: [ev.requested(A, NOW)],
    },
    { name: "a member may ask while someone else speaks", given: [ev.requested(B), ev.started(B)], command: { type: "queue.request" }, actor: alice, then: [ev.requested(A, NOW)] },
    { name: "the chair needs no queue → FORBIDDEN", given: [], command: { type: "queue.request" }, actor: chair, then: { error: "FORBIDDEN" } },
    { name: "a clerk → FORBIDDEN", given: [], command: { type: "queue.request" }, actor: clerk, then: { error: "FORBIDDEN" } },
    { name: "an observer → FORBIDDEN", given: [], command: { type: "queue.request" }, actor: observer, then: { error: "FORBIDDEN" } },
    { name: "the system → FORBIDDEN", given: [], command: { type: "queue.request" }, actor: SYSTEM_ACTOR, then: { error: "FORBIDDEN" } },
    { name: "before the meeting opens → MEETING_NOT_OPEN", meeting: "scheduled", given: [], command: { type: "queue.request" }, actor: alice, then: { error: "MEETING_NOT_OPEN" } },
    { name: "an official before the meeting opens → MEETING_NOT_OPEN", meeting: "scheduled", given: [], command: { type: "queue.request" }, actor: olga, then: { error: "MEETING_NOT_OPEN" } },
    { name: "after the meeting closed → MEETING_CLOSED", given: [ev.closed(5)], command: { type: "queue.request" }, actor: alice, then: { error: "MEETING_CLOSED" } },
    { name: "after close, someone who was waiting → MEETING_CLOSED", given: closedWithQueue, command: { type: "queue.request" }, actor: bob, then: { error: "MEETING_CLOSED" } },
    { name: "the chair before the meeting opens → FORBIDDEN (authorization first)", meeting: "scheduled", given: [], command: { type: "queue.request" }, actor: chair, then: { error: "FORBIDDEN" } },
    { name: "an observer after close → FORBIDDEN (authorization first)", given: [ev.closed(5)], command: { type: "queue.request" }, actor: observer, then: { error: "FORBIDDEN" } },
    { name: "twice → ALREADY_IN_QUEUE", given: [ev.requested(A)], command: { type: "queue.request" }, actor: alice, then: { error: "ALREADY_IN_QUEUE" } },
    { name: "an official twice → ALREADY_IN_QUEUE", given: queueABC.concat(ev.requested(O)), command: { type: "queue.request" }, actor: olga, then: { error: "ALREADY_IN_QUEUE" } },
    { name: "the speaker → HAS_FLOOR", given: [ev.requested(A), ev.started(A)], command: { type: "queue.request" }, actor: alice, then: { error: "HAS_FLOOR" } },
    { name: "extra field → VALIDATION", given: [], command: { type: "queue.request", participantId: A }, actor: alice, then: { error: "VALIDATION" } },
  ]);

  it("appends to the end of the queue with the request time", () => {
    const { after } = given(...queueABC).when({ type: "queue.request" }, olga, 42);
    expect(after.queue).toEqual([
      { participantId: A, requestedAt: 10 },
      { participantId: B, requestedAt: 20 },
      { participantId: C, requestedAt: 30 },
      { participantId: O, requestedAt: 42 },
    ]);
    expect(after.seq).toBe(OPENED.length + queueABC.length + 1);
  });
});

describe("queue.withdraw", () => {
  decisionTable([
    { name: "a member leaves the queue", given: queueABC, command: { type: "queue.withdraw" }, actor: bob, then: [ev.withdrawn(B, B)] },
    { name: "an official leaves the queue", given: [ev.requested(O)], command: { type: "queue.withdraw" }, actor: olga, then: [ev.withdrawn(O, O)] },
    ...[chair, alice, olga, clerk, observer].map(
      (actor): DecisionCase => ({ name: `${actor.role} not in the queue → NOT_IN_QUEUE`, given: [ev.requested(B)], command: { type: "queue.withdraw" }, actor, then: { error: "NOT_IN_QUEUE" } }),
    ),
    { name: "the speaker is not in the queue → NOT_IN_QUEUE", given: [ev.requested(A), ev.started(A)], command: { type: "queue.withdraw" }, actor: alice, then: { error: "NOT_IN_QUEUE" } },
    { name: "after withdrawing once → NOT_IN_QUEUE", given: [ev.requested(A), ev.withdrawn(A)], command: { type: "queue.withdraw" }, actor: alice, then: { error: "NOT_IN_QUEUE" } },
    { name: "naming someone else → VALIDATION", given: queueABC, command: { type: "queue.withdraw", participantId: B }, actor: alice, then: { error: "VALIDATION" } },
    { name: "before the meeting opens (nobody can be queued) → NOT_IN_QUEUE", meeting: "scheduled", given: [], command: { type: "queue.withdraw" }, actor: alice, then: { error: "NOT_IN_QUEUE" } },
    { name: "after close the queue is empty → NOT_IN_QUEUE", given: closedWithQueue, command: { type: "queue.withdraw" }, actor: alice, then: { error: "NOT_IN_QUEUE" } },
  ]);

  it("removes only the sender and keeps the order of the others", () => {
    expect(given(...queueABC).when({ type: "queue.withdraw" }, bob).after.queue.map((e) => e.participantId)).toEqual([A, C]);
  });
});

describe("queue.remove", () => {
  decisionTable([
    { name: "the chair removes someone", given: queueABC, command: { type: "queue.remove", participantId: B }, actor: chair, then: [ev.withdrawn(B, CH)] },
    { name: "the chair removes the last one", given: [ev.requested(A)], command: { type: "queue.remove", participantId: A }, actor: chair, then: [ev.withdrawn(A, CH)] },
    ...nonChairs.map(
      (actor): DecisionCase => ({ name: `${actor.role} → FORBIDDEN`, given: queueABC, command: { type: "queue.remove", participantId: C }, actor, then: { error: "FORBIDDEN" } }),
    ),
    { name: "a member removing themself → FORBIDDEN", given: queueABC, command: { type: "queue.remove", participantId: A }, actor: alice, then: { error: "FORBIDDEN" } },
    { name: "a non-chair on an empty queue → FORBIDDEN", given: [], command: { type: "queue.remove", participantId: "nobody" }, actor: clerk, then: { error: "FORBIDDEN" } },
    { name: "someone not in the queue → NOT_IN_QUEUE", given: queueABC, command: { type: "queue.remove", participantId: O }, actor: chair, then: { error: "NOT_IN_QUEUE" } },
    { name: "an unknown id → NOT_IN_QUEUE", given: queueABC, command: { type: "queue.remove", participantId: "ghost" }, actor: chair, then: { error: "NOT_IN_QUEUE" } },
    { name: "the speaker → NOT_IN_QUEUE", given: [ev.requested(A), ev.started(A)], command: { type: "queue.remove", participantId: A }, actor: chair, then: { error: "NOT_IN_QUEUE" } },
    { name: "missing participantId → VALIDATION", given: queueABC, command: { type: "queue.remove" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "empty participantId → VALIDATION", given: queueABC, command: { type: "queue.remove", participantId: "" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "65-character participantId → VALIDATION", given: queueABC, command: { type: "queue.remove", participantId: "x".repeat(65) }, actor: chair, then: { error: "VALIDATION" } },
    { name: "64-character participantId is well-formed → NOT_IN_QUEUE", given: queueABC, command: { type: "queue.remove", participantId: "x".repeat(64) }, actor: chair, then: { error: "NOT_IN_QUEUE" } },
    { name: "numeric participantId → VALIDATION", given: queueABC, command: { type: "queue.remove", participantId: 7 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "before the meeting opens → MEETING_NOT_OPEN", meeting: "scheduled", given: [], command: { type: "queue.remove", participantId: A }, actor: chair, then: { error: "MEETING_NOT_OPEN" } },
    { name: "after close → MEETING_CLOSED (before NOT_IN_QUEUE)", given: closedWithQueue, command: { type: "queue.remove", participantId: B }, actor: chair, then: { error: "MEETING_CLOSED" } },
    { name: "a clerk before the meeting opens → FORBIDDEN (authorization first)", meeting: "scheduled", given: [], command: { type: "queue.remove", participantId: A }, actor: clerk, then: { error: "FORBIDDEN" } },
    { name: "a member after close → FORBIDDEN (authorization first)", given: closedWithQueue, command: { type: "queue.remove", participantId: A }, actor: alice, then: { error: "FORBIDDEN" } },
  ]);

  it("removes only that participant", () => {
    expect(given(...queueABC).when({ type: "queue.remove", participantId: A }, chair).after.queue.map((e) => e.participantId)).toEqual([B, C]);
  });
});

describe("queue.move", () => {
  decisionTable([
    { name: "the chair moves the last to the front", given: queueABC, command: { type: "queue.move", participantId: C, toIndex: 0 }, actor: chair, then: [ev.moved(C, 0)] },
    { name: "the chair moves the first to the end", given: queueABC, command: { type: "queue.move", participantId: A, toIndex: 2 }, actor: chair, then: [ev.moved(A, 2)] },
    { name: "the chair moves one step down", given: queueABC, command: { type: "queue.move", participantId: A, toIndex: 1 }, actor: chair, then: [ev.moved(A, 1)] },
    { name: "moving to the current position decides nothing", given: queueABC, command: { type: "queue.move", participantId: B, toIndex: 1 }, actor: chair, then: [] },
    { name: "moving the only entry to 0 decides nothing", given: [ev.requested(A)], command: { type: "queue.move", participantId: A, toIndex: 0 }, actor: chair, then: [] },
    ...nonChairs.map(
      (actor): DecisionCase => ({ name: `${actor.role} → FORBIDDEN`, given: queueABC, command: { type: "queue.move", participantId: C, toIndex: 0 }, actor, then: { error: "FORBIDDEN" } }),
    ),
    { name: "toIndex = queue length → BAD_POSITION", given: queueABC, command: { type: "queue.move", participantId: A, toIndex: 3 }, actor: chair, then: { error: "BAD_POSITION" } },
    { name: "toIndex far past the end → BAD_POSITION", given: queueABC, command: { type: "queue.move", participantId: A, toIndex: 10_000 }, actor: chair, then: { error: "BAD_POSITION" } },
    { name: "someone not in the queue → NOT_IN_QUEUE", given: queueABC, command: { type: "queue.move", participantId: O, toIndex: 0 }, actor: chair, then: { error: "NOT_IN_QUEUE" } },
    { name: "empty queue → NOT_IN_QUEUE before BAD_POSITION", given: [], command: { type: "queue.move", participantId: A, toIndex: 0 }, actor: chair, then: { error: "NOT_IN_QUEUE" } },
    { name: "the speaker → NOT_IN_QUEUE", given: [ev.requested(A), ev.requested(B), ev.started(A)], command: { type: "queue.move", participantId: A, toIndex: 0 }, actor: chair, then: { error: "NOT_IN_QUEUE" } },
    { name: "negative toIndex → VALIDATION", given: queueABC, command: { type: "queue.move", participantId: A, toIndex: -1 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "fractional toIndex → VALIDATION", given: queueABC, command: { type: "queue.move", participantId: A, toIndex: 1.5 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "toIndex above 10000 → VALIDATION", given: queueABC, command: { type: "queue.move", participantId: A, toIndex: 10_001 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "string toIndex → VALIDATION", given: queueABC, command: { type: "queue.move", participantId: A, toIndex: "1" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "missing toIndex → VALIDATION", given: queueABC, command: { type: "queue.move", participantId: A }, actor: chair, then: { error: "VALIDATION" } },
    { name: "NaN toIndex → VALIDATION", given: queueABC, command: { type: "queue.move", participantId: A, toIndex: Number.NaN }, actor: chair, then: { error: "VALIDATION" } },
    { name: "before the meeting opens → MEETING_NOT_OPEN", meeting: "scheduled", given: [], command: { type: "queue.move", participantId: A, toIndex: 0 }, actor: chair, then: { error: "MEETING_NOT_OPEN" } },
    { name: "after close → MEETING_CLOSED (before NOT_IN_QUEUE)", given: closedWithQueue, command: { type: "queue.move", participantId: C, toIndex: 0 }, actor: chair, then: { error: "MEETING_CLOSED" } },
    { name: "an official before the meeting opens → FORBIDDEN (authorization first)", meeting: "scheduled", given: [], command: { type: "queue.move", participantId: A, toIndex: 0 }, actor: olga, then: { error: "FORBIDDEN" } },
    { name: "the system after close → FORBIDDEN (authorization first)", given: closedWithQueue, command: { type: "queue.move", participantId: C, toIndex: 0 }, actor: SYSTEM_ACTOR, then: { error: "FORBIDDEN" } },
  ]);
});

describe("queue evolve", () => {
  const moveAll = (...moves: [string, number][]) => queueIds([...queueABC, ev.requested(O, 40), ...moves.map(([id, to]) => ev.moved(id, to))]);

  it.each<{ moves: [string, number][]; order: string[] }>([
    { moves: [[O, 0]], order: [O, A, B, C] },
    { moves: [[A, 3]], order: [B, C, O, A] },
    { moves: [[A, 1]], order: [B, A, C, O] },
    { moves: [[C, 1]], order: [A, C, B, O] },
    { moves: [[B, 2]], order: [A, C, B, O] },
    { moves: [[O, 0], [A, 3], [C, 1]], order: [O, C, B, A] },
    { moves: [[A, 3], [A, 0]], order: [A, B, C, O] },
  ])("moves $moves → $order", ({ moves, order }) => {
    expect(moveAll(...moves)).toEqual(order);
  });

  it("a move is applied to the queue as the chair decided it", () => {
    const out = given(...queueABC).when({ type: "queue.move", participantId: C, toIndex: 1 }, chair);
    expect(out.after.queue).toEqual([
      { participantId: A, requestedAt: 10 },
      { participantId: C, requestedAt: 30 },
      { participantId: B, requestedAt: 20 },
    ]);
  });

  it("a move of someone no longer in the queue changes nothing but the sequence number", () => {
    const before = given(...queueABC).state;
    const after = evolve(before, { seq: before.seq + 1, at: 0, actorId: CH, event: ev.moved("ghost", 0) });
    expect(after).toEqual({ ...before, seq: before.seq + 1 });
  });

  it("withdrawing someone not in the queue changes nothing but the sequence number", () => {
    const before = given(...queueABC).state;
    expect(evolve(before, { seq: before.seq + 1, at: 0, actorId: CH, event: ev.withdrawn("ghost") })).toEqual({ ...before, seq: before.seq + 1 });
  });

  it("sets seq from the stored event and never mutates the previous state", () => {
    const s0 = deepFreeze(initialState());
    const s1 = evolve(s0, { seq: 7, at: 3, actorId: A, event: ev.requested(A, 3) });
    expect(s1.seq).toBe(7);
    expect(s1.queue).toEqual([{ participantId: A, requestedAt: 3 }]);
    expect(s0).toEqual(initialState());
  });

  it("replaying the stamped log rebuilds the same queue", () => {
    const events = [...queueABC, ev.moved(C, 0), ev.withdrawn(A), ev.requested(A, 50)];
    const state = replay(stamp(0, events, 0, null));
    expect(state.queue.map((e) => e.participantId)).toEqual([C, B, A]);
    expect(state.seq).toBe(events.length);
  });
});
