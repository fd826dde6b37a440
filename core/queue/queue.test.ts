import { describe, expect, it } from "vitest";
import { evolve, replay } from "../meeting.ts";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import { initialState } from "../state.ts";
import { decisionTable, deepFreeze, ev, given, NOW, OPENED, people, queueEntry, stamp, type DecisionCase } from "../../testing/core.ts";

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

type MeetingEventList = Parameters<typeof given>;
const queueIds = (events: Parameters<typeof given>) => given(...events).state.queue.map((e) => e.participantId);

describe("queue.request", () => {
  decisionTable([
    { name: "a member joins an empty queue", given: [], command: { type: "queue.request" }, actor: alice, now: 5_000, then: [ev.requested(A, 5_000)] },
    { name: "an official may ask for the floor", given: [], command: { type: "queue.request" }, actor: olga, now: 7, then: [ev.requested(O, 7)] },
    { name: "a member joins behind others", given: [ev.requested(B, 1)], command: { type: "queue.request" }, actor: alice, then: [ev.requested(A, NOW)] },
    {
      name: "a member may ask again after withdrawing",
      given: [ev.requested(A), ev.withdrawn(A)],
      command: { type: "queue.request" },
      actor: alice,
      then: [ev.requested(A, NOW)],
    },
    {
      name: "a member removed by the chair may ask again",
      given: [ev.requested(A), ev.withdrawn(A, CH)],
      command: { type: "queue.request" },
      actor: alice,
      then: [ev.requested(A, NOW)],
    },
    {
      name: "a member may ask again after speaking",
      given: [ev.requested(A), ev.started(A, { at: 0 }), ev.ended(A, { at: 10, durationMs: 10, overrunMs: 0, endedBy: A })],
      command: { type: "queue.request" },
      actor: alice,
      then: [ev.requested(A, NOW)],
    },
    {
      name: "a member may ask while someone else speaks",
      given: [ev.requested(B), ev.started(B)],
      command: { type: "queue.request" },
      actor: alice,
      then: [ev.requested(A, NOW)],
    },
    { name: "the chair needs no queue → FORBIDDEN", given: [], command: { type: "queue.request" }, actor: chair, then: { error: "FORBIDDEN" } },
    { name: "a clerk → FORBIDDEN", given: [], command: { type: "queue.request" }, actor: clerk, then: { error: "FORBIDDEN" } },
    { name: "an observer → FORBIDDEN", given: [], command: { type: "queue.request" }, actor: observer, then: { error: "FORBIDDEN" } },
    { name: "the system → FORBIDDEN", given: [], command: { type: "queue.request" }, actor: SYSTEM_ACTOR, then: { error: "FORBIDDEN" } },
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.request" },
      actor: alice,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "an official before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.request" },
      actor: olga,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "after the meeting closed → MEETING_CLOSED",
      given: [ev.closed(5)],
      command: { type: "queue.request" },
      actor: alice,
      then: { error: "MEETING_CLOSED" },
    },
    {
      name: "after close, someone who was waiting → MEETING_CLOSED",
      given: closedWithQueue,
      command: { type: "queue.request" },
      actor: bob,
      then: { error: "MEETING_CLOSED" },
    },
    {
      name: "the chair before the meeting opens → FORBIDDEN (authorization first)",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.request" },
      actor: chair,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "an observer after close → FORBIDDEN (authorization first)",
      given: [ev.closed(5)],
      command: { type: "queue.request" },
      actor: observer,
      then: { error: "FORBIDDEN" },
    },
    { name: "twice → ALREADY_IN_QUEUE", given: [ev.requested(A)], command: { type: "queue.request" }, actor: alice, then: { error: "ALREADY_IN_QUEUE" } },
    {
      name: "an official twice → ALREADY_IN_QUEUE",
      given: queueABC.concat(ev.requested(O)),
      command: { type: "queue.request" },
      actor: olga,
      then: { error: "ALREADY_IN_QUEUE" },
    },
    {
      name: "the speaker → HAS_FLOOR",
      given: [ev.requested(A), ev.started(A)],
      command: { type: "queue.request" },
      actor: alice,
      then: { error: "HAS_FLOOR" },
    },
    { name: "extra field → VALIDATION", given: [], command: { type: "queue.request", participantId: A }, actor: alice, then: { error: "VALIDATION" } },
  ]);

  it("appends to the end of the queue with the request time", () => {
    const { after } = given(...queueABC).when({ type: "queue.request" }, olga, 42);
    expect(after.queue).toEqual([queueEntry(A, 10), queueEntry(B, 20), queueEntry(C, 30), queueEntry(O, 42)]);
    expect(after.seq).toBe(OPENED.length + queueABC.length + 1);
  });
});

describe("queue.withdraw", () => {
  decisionTable([
    { name: "a member leaves the queue", given: queueABC, command: { type: "queue.withdraw" }, actor: bob, then: [ev.withdrawn(B, B)] },
    { name: "an official leaves the queue", given: [ev.requested(O)], command: { type: "queue.withdraw" }, actor: olga, then: [ev.withdrawn(O, O)] },
    ...[chair, alice, olga, clerk, observer].map((actor): DecisionCase => ({
      name: `${actor.role} not in the queue → NOT_IN_QUEUE`,
      given: [ev.requested(B)],
      command: { type: "queue.withdraw" },
      actor,
      then: { error: "NOT_IN_QUEUE" },
    })),
    {
      name: "the speaker is not in the queue → NOT_IN_QUEUE",
      given: [ev.requested(A), ev.started(A)],
      command: { type: "queue.withdraw" },
      actor: alice,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "after withdrawing once → NOT_IN_QUEUE",
      given: [ev.requested(A), ev.withdrawn(A)],
      command: { type: "queue.withdraw" },
      actor: alice,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "naming someone else → VALIDATION",
      given: queueABC,
      command: { type: "queue.withdraw", participantId: B },
      actor: alice,
      then: { error: "VALIDATION" },
    },
    {
      name: "before the meeting opens (nobody can be queued) → NOT_IN_QUEUE",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.withdraw" },
      actor: alice,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "after close the queue is empty → NOT_IN_QUEUE",
      given: closedWithQueue,
      command: { type: "queue.withdraw" },
      actor: alice,
      then: { error: "NOT_IN_QUEUE" },
    },
  ]);

  it("removes only the sender and keeps the order of the others", () => {
    expect(
      given(...queueABC)
        .when({ type: "queue.withdraw" }, bob)
        .after.queue.map((e) => e.participantId),
    ).toEqual([A, C]);
  });
});

describe("queue.remove", () => {
  decisionTable([
    { name: "the chair removes someone", given: queueABC, command: { type: "queue.remove", participantId: B }, actor: chair, then: [ev.withdrawn(B, CH)] },
    {
      name: "the chair removes the last one",
      given: [ev.requested(A)],
      command: { type: "queue.remove", participantId: A },
      actor: chair,
      then: [ev.withdrawn(A, CH)],
    },
    ...nonChairs.map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: queueABC,
      command: { type: "queue.remove", participantId: C },
      actor,
      then: { error: "FORBIDDEN" },
    })),
    {
      name: "a member removing themself → FORBIDDEN",
      given: queueABC,
      command: { type: "queue.remove", participantId: A },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "a non-chair on an empty queue → FORBIDDEN",
      given: [],
      command: { type: "queue.remove", participantId: "nobody" },
      actor: clerk,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "someone not in the queue → NOT_IN_QUEUE",
      given: queueABC,
      command: { type: "queue.remove", participantId: O },
      actor: chair,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "an unknown id → NOT_IN_QUEUE",
      given: queueABC,
      command: { type: "queue.remove", participantId: "ghost" },
      actor: chair,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "the speaker → NOT_IN_QUEUE",
      given: [ev.requested(A), ev.started(A)],
      command: { type: "queue.remove", participantId: A },
      actor: chair,
      then: { error: "NOT_IN_QUEUE" },
    },
    { name: "missing participantId → VALIDATION", given: queueABC, command: { type: "queue.remove" }, actor: chair, then: { error: "VALIDATION" } },
    {
      name: "empty participantId → VALIDATION",
      given: queueABC,
      command: { type: "queue.remove", participantId: "" },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "65-character participantId → VALIDATION",
      given: queueABC,
      command: { type: "queue.remove", participantId: "x".repeat(65) },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "64-character participantId is well-formed → NOT_IN_QUEUE",
      given: queueABC,
      command: { type: "queue.remove", participantId: "x".repeat(64) },
      actor: chair,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "numeric participantId → VALIDATION",
      given: queueABC,
      command: { type: "queue.remove", participantId: 7 },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.remove", participantId: A },
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "after close → MEETING_CLOSED (before NOT_IN_QUEUE)",
      given: closedWithQueue,
      command: { type: "queue.remove", participantId: B },
      actor: chair,
      then: { error: "MEETING_CLOSED" },
    },
    {
      name: "a clerk before the meeting opens → FORBIDDEN (authorization first)",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.remove", participantId: A },
      actor: clerk,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "a member after close → FORBIDDEN (authorization first)",
      given: closedWithQueue,
      command: { type: "queue.remove", participantId: A },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
  ]);

  it("removes only that participant", () => {
    expect(
      given(...queueABC)
        .when({ type: "queue.remove", participantId: A }, chair)
        .after.queue.map((e) => e.participantId),
    ).toEqual([B, C]);
  });
});

describe("queue.move", () => {
  decisionTable([
    {
      name: "the chair moves the last to the front",
      given: queueABC,
      command: { type: "queue.move", participantId: C, toIndex: 0 },
      actor: chair,
      then: [ev.moved(C, 0)],
    },
    {
      name: "the chair moves the first to the end",
      given: queueABC,
      command: { type: "queue.move", participantId: A, toIndex: 2 },
      actor: chair,
      then: [ev.moved(A, 2)],
    },
    {
      name: "the chair moves one step down",
      given: queueABC,
      command: { type: "queue.move", participantId: A, toIndex: 1 },
      actor: chair,
      then: [ev.moved(A, 1)],
    },
    {
      name: "moving to the current position decides nothing",
      given: queueABC,
      command: { type: "queue.move", participantId: B, toIndex: 1 },
      actor: chair,
      then: [],
    },
    {
      name: "moving the only entry to 0 decides nothing",
      given: [ev.requested(A)],
      command: { type: "queue.move", participantId: A, toIndex: 0 },
      actor: chair,
      then: [],
    },
    ...nonChairs.map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: queueABC,
      command: { type: "queue.move", participantId: C, toIndex: 0 },
      actor,
      then: { error: "FORBIDDEN" },
    })),
    {
      name: "toIndex = queue length → BAD_POSITION",
      given: queueABC,
      command: { type: "queue.move", participantId: A, toIndex: 3 },
      actor: chair,
      then: { error: "BAD_POSITION" },
    },
    {
      name: "toIndex far past the end → BAD_POSITION",
      given: queueABC,
      command: { type: "queue.move", participantId: A, toIndex: 10_000 },
      actor: chair,
      then: { error: "BAD_POSITION" },
    },
    {
      name: "someone not in the queue → NOT_IN_QUEUE",
      given: queueABC,
      command: { type: "queue.move", participantId: O, toIndex: 0 },
      actor: chair,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "empty queue → NOT_IN_QUEUE before BAD_POSITION",
      given: [],
      command: { type: "queue.move", participantId: A, toIndex: 0 },
      actor: chair,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "the speaker → NOT_IN_QUEUE",
      given: [ev.requested(A), ev.requested(B), ev.started(A)],
      command: { type: "queue.move", participantId: A, toIndex: 0 },
      actor: chair,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "negative toIndex → VALIDATION",
      given: queueABC,
      command: { type: "queue.move", participantId: A, toIndex: -1 },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "fractional toIndex → VALIDATION",
      given: queueABC,
      command: { type: "queue.move", participantId: A, toIndex: 1.5 },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "toIndex above 10000 → VALIDATION",
      given: queueABC,
      command: { type: "queue.move", participantId: A, toIndex: 10_001 },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "string toIndex → VALIDATION",
      given: queueABC,
      command: { type: "queue.move", participantId: A, toIndex: "1" },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    { name: "missing toIndex → VALIDATION", given: queueABC, command: { type: "queue.move", participantId: A }, actor: chair, then: { error: "VALIDATION" } },
    {
      name: "NaN toIndex → VALIDATION",
      given: queueABC,
      command: { type: "queue.move", participantId: A, toIndex: Number.NaN },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.move", participantId: A, toIndex: 0 },
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "after close → MEETING_CLOSED (before NOT_IN_QUEUE)",
      given: closedWithQueue,
      command: { type: "queue.move", participantId: C, toIndex: 0 },
      actor: chair,
      then: { error: "MEETING_CLOSED" },
    },
    {
      name: "an official before the meeting opens → FORBIDDEN (authorization first)",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.move", participantId: A, toIndex: 0 },
      actor: olga,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "the system after close → FORBIDDEN (authorization first)",
      given: closedWithQueue,
      command: { type: "queue.move", participantId: C, toIndex: 0 },
      actor: SYSTEM_ACTOR,
      then: { error: "FORBIDDEN" },
    },
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
    {
      moves: [
        [O, 0],
        [A, 3],
        [C, 1],
      ],
      order: [O, C, B, A],
    },
    {
      moves: [
        [A, 3],
        [A, 0],
      ],
      order: [A, B, C, O],
    },
  ])("moves $moves → $order", ({ moves, order }) => {
    expect(moveAll(...moves)).toEqual(order);
  });

  it("a move is applied to the queue as the chair decided it", () => {
    const out = given(...queueABC).when({ type: "queue.move", participantId: C, toIndex: 1 }, chair);
    expect(out.after.queue).toEqual([queueEntry(A, 10), queueEntry(C, 30), queueEntry(B, 20)]);
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
    expect(s1.queue).toEqual([queueEntry(A, 3)]);
    expect(s0).toEqual(initialState());
  });

  it("replaying the stamped log rebuilds the same queue", () => {
    const events = [...queueABC, ev.moved(C, 0), ev.withdrawn(A), ev.requested(A, 50)];
    const state = replay(stamp(0, events, 0, null));
    expect(state.queue.map((e) => e.participantId)).toEqual([C, B, A]);
    expect(state.seq).toBe(events.length);
  });
});

describe("queue.request with a kind", () => {
  const poo = (id: string, at = 0) => ev.requested(id, at, { kind: "pointOfOrder" });
  decisionTable([
    { name: "impromptu when not named", given: [], command: { type: "queue.request" }, actor: alice, now: 5, then: [ev.requested(A, 5)] },
    { name: "impromptu named", given: [], command: { type: "queue.request", kind: "impromptu" }, actor: alice, now: 5, then: [ev.requested(A, 5)] },
    { name: "a point of order", given: queueABC, command: { type: "queue.request", kind: "pointOfOrder" }, actor: olga, now: 5, then: [poo(O, 5)] },
    {
      name: "a point of order while waiting already → ALREADY_IN_QUEUE",
      given: queueABC,
      command: { type: "queue.request", kind: "pointOfOrder" },
      actor: alice,
      then: { error: "ALREADY_IN_QUEUE" },
    },
    {
      name: "a point of order by the speaker → HAS_FLOOR",
      given: [ev.requested(A), ev.started(A)],
      command: { type: "queue.request", kind: "pointOfOrder" },
      actor: alice,
      then: { error: "HAS_FLOOR" },
    },
    {
      name: "a point of order by the chair → FORBIDDEN",
      given: [],
      command: { type: "queue.request", kind: "pointOfOrder" },
      actor: chair,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "a point of order before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.request", kind: "pointOfOrder" },
      actor: alice,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "asking for a booked speech → VALIDATION (only the plan books)",
      given: [],
      command: { type: "queue.request", kind: "booked" },
      actor: alice,
      then: { error: "VALIDATION" },
    },
    { name: "an unknown kind → VALIDATION", given: [], command: { type: "queue.request", kind: "interjection" }, actor: alice, then: { error: "VALIDATION" } },
  ]);

  it.each<{ name: string; given: MeetingEventList; order: string[] }>([
    { name: "an empty queue", given: [], order: [O] },
    { name: "impromptu requests only: to the top", given: queueABC, order: [O, A, B, C] },
    { name: "after an earlier point of order", given: [...queueABC, poo(CH, 40)], order: [CH, O, A, B, C] },
    { name: "after two earlier points of order", given: [ev.requested(A, 10), poo(B, 20), poo(C, 30)], order: [B, C, O, A] },
    { name: "only points of order: at the end", given: [poo(A), poo(B)], order: [A, B, O] },
    { name: "before booked speeches", given: [ev.booked(A, "b1"), ev.booked(B, "b2")], order: [O, A, B] },
    {
      name: "a point of order the chair moved down stays where it is; the new one goes after the top ones",
      given: [poo(A), ev.requested(B), ev.moved(A, 1)],
      order: [O, B, A],
    },
  ])("a point of order joins $name → $order", ({ given: prior, order }) => {
    const { after } = given(...prior).when({ type: "queue.request", kind: "pointOfOrder" }, olga, 99);
    expect(after.queue.map((e) => e.participantId)).toEqual(order);
    expect(after.queue.find((e) => e.participantId === O)).toEqual(queueEntry(O, 99, { kind: "pointOfOrder" }));
  });

  it("an impromptu request after points of order goes to the end", () => {
    expect(queueIds([poo(A), ev.requested(B), ev.requested(C)])).toEqual([A, B, C]);
  });

  it("asked lists everyone who ever asked, once, first request first", () => {
    const { state } = given(ev.requested(B, 1), ev.requested(A, 2), ev.withdrawn(B), ev.requested(B, 3), poo(O, 4), ev.started(A));
    expect(state.asked).toEqual([B, A, O]);
  });
});

describe("queue.add (people in the room without a device)", () => {
  const poo = (id: string, at = 0, by?: string) => ev.requested(id, at, { kind: "pointOfOrder", by });
  const guest = (id: string, guestName: string, at = NOW, by: string = CH, kind: "impromptu" | "pointOfOrder" = "impromptu") =>
    ev.requested(id, at, { kind, guestName, by });
  decisionTable([
    {
      name: "the chair puts a roster member in line",
      given: [],
      command: { type: "queue.add", participantId: A },
      actor: chair,
      now: 5,
      then: [ev.requested(A, 5, { by: CH })],
    },
    {
      name: "the clerk puts a roster member in line",
      given: queueABC.slice(1),
      command: { type: "queue.add", participantId: A },
      actor: clerk,
      now: 5,
      then: [ev.requested(A, 5, { by: clerk.participantId })],
    },
    {
      name: "an official on the roster",
      given: [],
      command: { type: "queue.add", participantId: O },
      actor: clerk,
      then: [ev.requested(O, NOW, { by: clerk.participantId })],
    },
    {
      name: "with a point of order",
      given: queueABC,
      command: { type: "queue.add", participantId: O, kind: "pointOfOrder" },
      actor: chair,
      now: 5,
      then: [poo(O, 5, CH)],
    },
    {
      name: "a guest by name gets a new guest id",
      given: [],
      command: { type: "queue.add", guestName: "王师傅" },
      actor: chair,
      then: [guest("guest-new-1", "王师傅")],
    },
    {
      name: "the clerk adds a guest",
      given: queueABC,
      command: { type: "queue.add", guestName: "居民代表 李四" },
      actor: clerk,
      then: [guest("guest-new-1", "居民代表 李四", NOW, clerk.participantId)],
    },
    {
      name: "a guest's name is trimmed",
      given: [],
      command: { type: "queue.add", guestName: "  王师傅 " },
      actor: chair,
      then: [guest("guest-new-1", "王师傅")],
    },
    {
      name: "a guest with a point of order",
      given: [],
      command: { type: "queue.add", guestName: "王师傅", kind: "pointOfOrder" },
      actor: chair,
      then: [guest("guest-new-1", "王师傅", NOW, CH, "pointOfOrder")],
    },
    {
      name: "a guest name of 40 characters",
      given: [],
      command: { type: "queue.add", guestName: "名".repeat(40) },
      actor: chair,
      then: [guest("guest-new-1", "名".repeat(40))],
    },
    {
      name: "the same name twice: two guests",
      given: [guest("guest-x", "王师傅")],
      command: { type: "queue.add", guestName: "王师傅" },
      actor: chair,
      then: [guest("guest-new-1", "王师傅")],
    },
    {
      name: "both a participant and a guest name → VALIDATION",
      given: [],
      command: { type: "queue.add", participantId: A, guestName: "王师傅" },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    { name: "neither → VALIDATION", given: [], command: { type: "queue.add" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "a blank guest name → VALIDATION", given: [], command: { type: "queue.add", guestName: "   " }, actor: chair, then: { error: "VALIDATION" } },
    { name: "an empty guest name → VALIDATION", given: [], command: { type: "queue.add", guestName: "" }, actor: chair, then: { error: "VALIDATION" } },
    {
      name: "a guest name of 41 characters → VALIDATION",
      given: [],
      command: { type: "queue.add", guestName: "名".repeat(41) },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "a booked kind → VALIDATION",
      given: [],
      command: { type: "queue.add", participantId: A, kind: "booked" },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    { name: "an empty participantId → VALIDATION", given: [], command: { type: "queue.add", participantId: "" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "an extra field → VALIDATION", given: [], command: { type: "queue.add", participantId: A, at: 5 }, actor: chair, then: { error: "VALIDATION" } },
    {
      name: "someone not on the roster → NOT_FOUND",
      given: [],
      command: { type: "queue.add", participantId: "p-stranger" },
      actor: chair,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "a guest id is not on the roster → NOT_FOUND",
      given: [guest("guest-x", "王师傅")],
      command: { type: "queue.add", participantId: "guest-x" },
      actor: chair,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "already in the queue → ALREADY_IN_QUEUE",
      given: queueABC,
      command: { type: "queue.add", participantId: B },
      actor: clerk,
      then: { error: "ALREADY_IN_QUEUE" },
    },
    {
      name: "already in the queue, with a point of order → ALREADY_IN_QUEUE",
      given: queueABC,
      command: { type: "queue.add", participantId: B, kind: "pointOfOrder" },
      actor: chair,
      then: { error: "ALREADY_IN_QUEUE" },
    },
    {
      name: "holding the floor → HAS_FLOOR",
      given: [ev.requested(A), ev.started(A)],
      command: { type: "queue.add", participantId: A },
      actor: chair,
      then: { error: "HAS_FLOOR" },
    },
    ...[alice, olga, observer, SYSTEM_ACTOR].map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: [],
      command: { type: "queue.add", participantId: B },
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "a member adding a guest → FORBIDDEN", given: [], command: { type: "queue.add", guestName: "王师傅" }, actor: alice, then: { error: "FORBIDDEN" } },
    {
      name: "a member adding a stranger → FORBIDDEN (authorization first)",
      given: [],
      command: { type: "queue.add", participantId: "p-stranger" },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.add", participantId: A },
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "a guest before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.add", guestName: "王师傅" },
      actor: clerk,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "after close → MEETING_CLOSED (before NOT_FOUND)",
      given: [ev.closed(5)],
      command: { type: "queue.add", participantId: "p-stranger" },
      actor: chair,
      then: { error: "MEETING_CLOSED" },
    },
    {
      name: "an observer before the meeting opens → FORBIDDEN (authorization first)",
      meeting: "scheduled",
      given: [],
      command: { type: "queue.add", participantId: A },
      actor: observer,
      then: { error: "FORBIDDEN" },
    },
  ]);

  it("a guest waits like anyone else, with the name, and is listed among those who asked", () => {
    const { after } = given(...queueABC).when({ type: "queue.add", guestName: "王师傅" }, clerk, 77);
    expect(after.queue.at(-1)).toEqual(queueEntry("guest-new-1", 77, { guestName: "王师傅" }));
    expect(after.asked).toEqual([A, B, C, "guest-new-1"]);
  });

  it("a point of order put in by the chair goes to the top, after earlier points of order", () => {
    const { after } = given(...queueABC, poo(O, 35)).when({ type: "queue.add", participantId: CH, kind: "pointOfOrder" }, chair, 40);
    expect(after.queue.map((e) => [e.participantId, e.kind])).toEqual([
      [O, "pointOfOrder"],
      [CH, "pointOfOrder"],
      [A, "impromptu"],
      [B, "impromptu"],
      [C, "impromptu"],
    ]);
  });

  it("a guest can be withdrawn by the chair and given the floor", () => {
    const added = given(guest("guest-7", "王师傅", 5));
    expect(added.when({ type: "queue.remove", participantId: "guest-7" }, chair).events).toEqual([ev.withdrawn("guest-7", CH)]);
    expect(added.when({ type: "floor.give", participantId: "guest-7" }, chair, 9).after.floor).toMatchObject({
      participantId: "guest-7",
      guestName: "王师傅",
      kind: "impromptu",
    });
  });

  it("old logs without kinds replay as impromptu requests of roster people", () => {
    const state = replay(stamp(0, [ev.rosterSet([]), ev.opened(0), { type: "queue.requested", participantId: A, at: 3 }], 0, null));
    expect(state.queue).toEqual([queueEntry(A, 3)]);
  });
});
