import { describe, expect, it } from "vitest";
import { countdown } from "../clock.ts";
import { evolve } from "../meeting.ts";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import { DEFAULT_SPEECH_CAP_MS } from "../state.ts";
import { agendaItem, decisionTable, ev, given, NOW, OPENED, people, type DecisionCase } from "../testing.ts";

const { chair, alice, bob, carol, olga, clerk, observer } = people;
const A = alice.participantId;
const B = bob.participantId;
const C = carol.participantId;
const O = olga.participantId;
const CH = chair.participantId;
const CAP = DEFAULT_SPEECH_CAP_MS;

const queueAB = [ev.requested(A, 10), ev.requested(B, 20)];
/** alice speaks since t=1000 (cap 5 min), bob and carol wait. */
const aliceSpeaking = [ev.requested(A, 10), ev.requested(B, 20), ev.requested(C, 30), ev.started(A, { speechId: "s1", at: 1_000 })];
const nonChairs: Actor[] = [alice, olga, clerk, observer, SYSTEM_ACTOR];
/** Two agenda items; the second one is current. */
const onItem2 = [ev.agendaSet([agendaItem("a1"), agendaItem("a2")]), ev.itemStarted("a1", 0), ev.itemStarted("a2", 100)];

describe("floor.give", () => {
  decisionTable([
    { name: "without participantId: the head of the queue", given: queueAB, command: { type: "floor.give" }, actor: chair, now: 500, then: [ev.started(A, { speechId: "new-1", at: 500, capMs: CAP })] },
    { name: "with participantId: anyone in the queue", given: queueAB, command: { type: "floor.give", participantId: B }, actor: chair, now: 500, then: [ev.started(B, { speechId: "new-1", at: 500, capMs: CAP })] },
    { name: "with participantId: the head of the queue", given: queueAB, command: { type: "floor.give", participantId: A }, actor: chair, now: 500, then: [ev.started(A, { speechId: "new-1", at: 500 })] },
    { name: "an official from the queue", given: [ev.requested(O)], command: { type: "floor.give" }, actor: chair, then: [ev.started(O, { speechId: "new-1", at: NOW })] },
    { name: "the speech gets the cap set before", given: [...queueAB, ev.capSet(120_000)], command: { type: "floor.give" }, actor: chair, now: 9, then: [ev.started(A, { speechId: "new-1", at: 9, capMs: 120_000 })] },
    {
      name: "with a current speaker: ends that speech first (下一位)",
      given: aliceSpeaking,
      command: { type: "floor.give" },
      actor: chair,
      now: 361_000,
      then: [
        ev.ended(A, { speechId: "s1", at: 361_000, durationMs: 360_000, overrunMs: 60_000, endedBy: CH }),
        ev.started(B, { speechId: "new-1", at: 361_000, capMs: CAP }),
      ],
    },
    {
      name: "with a current speaker and a participantId: ends that speech first",
      given: aliceSpeaking,
      command: { type: "floor.give", participantId: C },
      actor: chair,
      now: 61_000,
      then: [
        ev.ended(A, { speechId: "s1", at: 61_000, durationMs: 60_000, overrunMs: 0, endedBy: CH }),
        ev.started(C, { speechId: "new-1", at: 61_000, capMs: CAP }),
      ],
    },
    ...nonChairs.map(
      (actor): DecisionCase => ({ name: `${actor.role} → FORBIDDEN`, given: queueAB, command: { type: "floor.give" }, actor, then: { error: "FORBIDDEN" } }),
    ),
    { name: "bob giving himself the floor → FORBIDDEN", given: queueAB, command: { type: "floor.give", participantId: B }, actor: bob, then: { error: "FORBIDDEN" } },
    { name: "a non-chair on an empty queue → FORBIDDEN", given: [], command: { type: "floor.give" }, actor: observer, then: { error: "FORBIDDEN" } },
    { name: "empty queue → QUEUE_EMPTY", given: [], command: { type: "floor.give" }, actor: chair, then: { error: "QUEUE_EMPTY" } },
    { name: "queue emptied by withdrawals → QUEUE_EMPTY", given: [ev.requested(A), ev.withdrawn(A)], command: { type: "floor.give" }, actor: chair, then: { error: "QUEUE_EMPTY" } },
    { name: "empty queue while someone speaks → QUEUE_EMPTY", given: [ev.requested(A), ev.started(A)], command: { type: "floor.give" }, actor: chair, then: { error: "QUEUE_EMPTY" } },
    { name: "participantId not in the queue → NOT_IN_QUEUE", given: queueAB, command: { type: "floor.give", participantId: C }, actor: chair, then: { error: "NOT_IN_QUEUE" } },
    { name: "participantId on an empty queue → NOT_IN_QUEUE", given: [], command: { type: "floor.give", participantId: A }, actor: chair, then: { error: "NOT_IN_QUEUE" } },
    { name: "the current speaker again → NOT_IN_QUEUE", given: aliceSpeaking, command: { type: "floor.give", participantId: A }, actor: chair, then: { error: "NOT_IN_QUEUE" } },
    { name: "the chair themself → NOT_IN_QUEUE", given: queueAB, command: { type: "floor.give", participantId: CH }, actor: chair, then: { error: "NOT_IN_QUEUE" } },
    { name: "empty participantId → VALIDATION", given: queueAB, command: { type: "floor.give", participantId: "" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "65-character participantId → VALIDATION", given: queueAB, command: { type: "floor.give", participantId: "y".repeat(65) }, actor: chair, then: { error: "VALIDATION" } },
    { name: "null participantId → VALIDATION", given: queueAB, command: { type: "floor.give", participantId: null }, actor: chair, then: { error: "VALIDATION" } },
    { name: "numeric participantId → VALIDATION", given: queueAB, command: { type: "floor.give", participantId: 1 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "extra field → VALIDATION", given: queueAB, command: { type: "floor.give", capMs: 1 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "the speech belongs to the current agenda item", given: [...onItem2, ...queueAB], command: { type: "floor.give" }, actor: chair, now: 500, then: [ev.started(A, { speechId: "new-1", at: 500, agendaItemId: "a2" })] },
    {
      name: "the next speech belongs to the item current now, the ended one keeps its own",
      given: [...onItem2, ...queueAB, ev.started(A, { speechId: "s1", at: 200, agendaItemId: "a2" }), ev.itemStarted("a1", 300)],
      command: { type: "floor.give" },
      actor: chair,
      now: 400,
      then: [ev.ended(A, { speechId: "s1", at: 400, durationMs: 200, overrunMs: 0, endedBy: CH }), ev.started(B, { speechId: "new-1", at: 400, agendaItemId: "a1" })],
    },
    {
      name: "no agenda item after the current one was removed from the agenda",
      given: [...onItem2, ev.agendaSet([agendaItem("a1")]), ...queueAB],
      command: { type: "floor.give" },
      actor: chair,
      now: 500,
      then: [ev.started(A, { speechId: "new-1", at: 500, agendaItemId: null })],
    },
    { name: "before the meeting opens → MEETING_NOT_OPEN", meeting: "scheduled", given: [], command: { type: "floor.give" }, actor: chair, then: { error: "MEETING_NOT_OPEN" } },
    { name: "before the meeting opens, naming someone → MEETING_NOT_OPEN", meeting: "scheduled", given: [], command: { type: "floor.give", participantId: A }, actor: chair, then: { error: "MEETING_NOT_OPEN" } },
    { name: "after close → MEETING_CLOSED (before QUEUE_EMPTY)", given: [...queueAB, ev.closed(50)], command: { type: "floor.give" }, actor: chair, then: { error: "MEETING_CLOSED" } },
    { name: "after close, naming someone → MEETING_CLOSED (before NOT_IN_QUEUE)", given: [...queueAB, ev.closed(50)], command: { type: "floor.give", participantId: B }, actor: chair, then: { error: "MEETING_CLOSED" } },
    { name: "a member before the meeting opens → FORBIDDEN (authorization first)", meeting: "scheduled", given: [], command: { type: "floor.give" }, actor: alice, then: { error: "FORBIDDEN" } },
    { name: "a clerk after close → FORBIDDEN (authorization first)", given: [...queueAB, ev.closed(50)], command: { type: "floor.give" }, actor: clerk, then: { error: "FORBIDDEN" } },
  ]);

  it("takes the speaker out of the queue and keeps the others in order", () => {
    const { after } = given(ev.requested(A), ev.requested(B), ev.requested(C)).when({ type: "floor.give", participantId: B }, chair, 700);
    expect(after.queue.map((e) => e.participantId)).toEqual([A, C]);
    expect(after.floor).toEqual({ speechId: "new-1", participantId: B, startedAt: 700, capMs: CAP, agendaItemId: null });
  });

  it("calling the next speaker records the finished speech, then gives the floor", () => {
    const { after } = given(...aliceSpeaking).when({ type: "floor.give" }, chair, 361_000);
    expect(after.seq).toBe(OPENED.length + aliceSpeaking.length + 2);
    expect(after.speeches).toEqual([
      { speechId: "s1", participantId: A, startedAt: 1_000, capMs: CAP, agendaItemId: null, endedAt: 361_000, durationMs: 360_000, overrunMs: 60_000, endedBy: CH },
    ]);
    expect(after.floor).toEqual({ speechId: "new-1", participantId: B, startedAt: 361_000, capMs: CAP, agendaItemId: null });
    expect(after.queue.map((e) => e.participantId)).toEqual([C]);
  });
});

describe("floor.end", () => {
  decisionTable([
    {
      name: "the chair ends an overrun speech (1000 + cap 300000, ended at 361000)",
      given: aliceSpeaking,
      command: { type: "floor.end" },
      actor: chair,
      now: 361_000,
      then: [ev.ended(A, { speechId: "s1", at: 361_000, durationMs: 360_000, overrunMs: 60_000, endedBy: CH })],
    },
    {
      name: "the speaker finishes early",
      given: aliceSpeaking,
      command: { type: "floor.end" },
      actor: alice,
      now: 121_000,
      then: [ev.ended(A, { speechId: "s1", at: 121_000, durationMs: 120_000, overrunMs: 0, endedBy: A })],
    },
    {
      name: "an official speaker finishes",
      given: [ev.requested(O), ev.started(O, { speechId: "so", at: 0, capMs: 60_000 })],
      command: { type: "floor.end" },
      actor: olga,
      now: 45_500,
      then: [ev.ended(O, { speechId: "so", at: 45_500, durationMs: 45_500, overrunMs: 0, endedBy: O })],
    },
    {
      name: "exactly at the cap: no overrun",
      given: aliceSpeaking,
      command: { type: "floor.end" },
      actor: alice,
      now: 301_000,
      then: [ev.ended(A, { speechId: "s1", at: 301_000, durationMs: 300_000, overrunMs: 0, endedBy: A })],
    },
    {
      name: "one millisecond over the cap",
      given: aliceSpeaking,
      command: { type: "floor.end" },
      actor: chair,
      now: 301_001,
      then: [ev.ended(A, { speechId: "s1", at: 301_001, durationMs: 300_001, overrunMs: 1, endedBy: CH })],
    },
    {
      name: "ended at the instant it started",
      given: aliceSpeaking,
      command: { type: "floor.end" },
      actor: chair,
      now: 1_000,
      then: [ev.ended(A, { speechId: "s1", at: 1_000, durationMs: 0, overrunMs: 0, endedBy: CH })],
    },
    {
      name: "a clock behind the start never gives a negative duration",
      given: aliceSpeaking,
      command: { type: "floor.end" },
      actor: chair,
      now: 400,
      then: [ev.ended(A, { speechId: "s1", at: 400, durationMs: 0, overrunMs: 0, endedBy: CH })],
    },
    {
      name: "the overrun is measured against the speech's own cap, not a cap set later",
      given: [...aliceSpeaking, ev.capSet(60_000)],
      command: { type: "floor.end" },
      actor: chair,
      now: 121_000,
      then: [ev.ended(A, { speechId: "s1", at: 121_000, durationMs: 120_000, overrunMs: 0, endedBy: CH })],
    },
    {
      name: "a speech started under a short cap overruns it",
      given: [ev.capSet(30_000), ev.requested(B), ev.started(B, { speechId: "sb", at: 10_000, capMs: 30_000 }), ev.capSet(600_000)],
      command: { type: "floor.end" },
      actor: chair,
      now: 55_000,
      then: [ev.ended(B, { speechId: "sb", at: 55_000, durationMs: 45_000, overrunMs: 15_000, endedBy: CH })],
    },
    ...[bob, carol, olga, clerk, observer].map(
      (actor): DecisionCase => ({ name: `someone else (${actor.role} ${actor.participantId}) → FORBIDDEN`, given: aliceSpeaking, command: { type: "floor.end" }, actor, then: { error: "FORBIDDEN" } }),
    ),
    {
      name: "a previous speaker → FORBIDDEN",
      given: [...aliceSpeaking, ev.ended(A, { speechId: "s1", at: 2_000, durationMs: 1_000, overrunMs: 0, endedBy: A }), ev.started(B, { speechId: "s2", at: 2_000 })],
      command: { type: "floor.end" },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
    { name: "nobody speaking, chair → NO_CURRENT_SPEECH", given: queueAB, command: { type: "floor.end" }, actor: chair, then: { error: "NO_CURRENT_SPEECH" } },
    { name: "nobody speaking, member → FORBIDDEN (authorization first)", given: [], command: { type: "floor.end" }, actor: alice, then: { error: "FORBIDDEN" } },
    {
      name: "speech already ended → NO_CURRENT_SPEECH",
      given: [...aliceSpeaking, ev.ended(A, { speechId: "s1", at: 2_000, durationMs: 1_000, overrunMs: 0, endedBy: A })],
      command: { type: "floor.end" },
      actor: chair,
      then: { error: "NO_CURRENT_SPEECH" },
    },
    { name: "extra field → VALIDATION", given: aliceSpeaking, command: { type: "floor.end", speechId: "s1" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "the system → FORBIDDEN", given: aliceSpeaking, command: { type: "floor.end" }, actor: SYSTEM_ACTOR, then: { error: "FORBIDDEN" } },
    // floor.end is not gated on the meeting's status: nobody can hold the floor unless it is open.
    { name: "before the meeting opens, chair → NO_CURRENT_SPEECH", meeting: "scheduled", given: [], command: { type: "floor.end" }, actor: chair, then: { error: "NO_CURRENT_SPEECH" } },
    {
      name: "after close (which ended the speech), chair → NO_CURRENT_SPEECH",
      given: [...aliceSpeaking, ev.ended(A, { speechId: "s1", at: 2_000, durationMs: 1_000, overrunMs: 0, endedBy: CH }), ev.closed(2_000)],
      command: { type: "floor.end" },
      actor: chair,
      then: { error: "NO_CURRENT_SPEECH" },
    },
    {
      name: "after close, the last speaker → FORBIDDEN",
      given: [...aliceSpeaking, ev.ended(A, { speechId: "s1", at: 2_000, durationMs: 1_000, overrunMs: 0, endedBy: CH }), ev.closed(2_000)],
      command: { type: "floor.end" },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
  ]);

  it("appends the speech record and frees the floor", () => {
    const { after, before } = given(...aliceSpeaking).when({ type: "floor.end" }, alice, 121_000);
    expect(after.floor).toBeNull();
    expect(after.queue).toEqual(before.queue);
    expect(after.speeches).toEqual([
      { speechId: "s1", participantId: A, startedAt: 1_000, capMs: CAP, agendaItemId: null, endedAt: 121_000, durationMs: 120_000, overrunMs: 0, endedBy: A },
    ]);
  });

  it("the speech record keeps the agenda item it started under", () => {
    const { after } = given(...onItem2, ...queueAB, ev.started(A, { speechId: "s1", at: 200, agendaItemId: "a2" }), ev.itemStarted("a1", 300)).when({ type: "floor.end" }, chair, 900);
    expect(after.speeches).toEqual([{ speechId: "s1", participantId: A, startedAt: 200, capMs: CAP, agendaItemId: "a2", endedAt: 900, durationMs: 700, overrunMs: 0, endedBy: CH }]);
    expect(after.currentItemId).toBe("a1");
  });

  it("appends records in the order the speeches ended", () => {
    const { after } = given(
      ...aliceSpeaking,
      ev.ended(A, { speechId: "s1", at: 2_000, durationMs: 1_000, overrunMs: 0, endedBy: A }),
      ev.started(B, { speechId: "s2", at: 2_000 }),
    ).when({ type: "floor.end" }, chair, 5_000);
    expect(after.speeches.map((s) => [s.speechId, s.participantId, s.durationMs, s.endedBy])).toEqual([
      ["s1", A, 1_000, A],
      ["s2", B, 3_000, CH],
    ]);
  });

  it("agrees with the countdown the screens show", () => {
    for (const end of [1_000, 241_000, 301_000, 301_001, 361_000, 999_999]) {
      const [ended] = given(...aliceSpeaking).when({ type: "floor.end" }, chair, end).events;
      const clock = countdown(1_000, CAP, end);
      expect(ended).toMatchObject({ overrunMs: Math.max(0, -clock.remainingMs) });
      expect(clock.phase === "overrun").toBe(ended !== undefined && "overrunMs" in ended && ended.overrunMs > 0);
    }
  });
});

describe("floor.setCap", () => {
  decisionTable([
    { name: "the chair sets 2 minutes", given: [], command: { type: "floor.setCap", seconds: 120 }, actor: chair, then: [ev.capSet(120_000)] },
    { name: "the minimum 30 s", given: [], command: { type: "floor.setCap", seconds: 30 }, actor: chair, then: [ev.capSet(30_000)] },
    { name: "the maximum 3600 s", given: [], command: { type: "floor.setCap", seconds: 3600 }, actor: chair, then: [ev.capSet(3_600_000)] },
    { name: "while someone speaks", given: aliceSpeaking, command: { type: "floor.setCap", seconds: 60 }, actor: chair, then: [ev.capSet(60_000)] },
    { name: "the same cap again is still recorded", given: [], command: { type: "floor.setCap", seconds: 300 }, actor: chair, then: [ev.capSet(300_000)] },
    ...nonChairs.map(
      (actor): DecisionCase => ({ name: `${actor.role} → FORBIDDEN`, given: [], command: { type: "floor.setCap", seconds: 120 }, actor, then: { error: "FORBIDDEN" } }),
    ),
    { name: "the speaker → FORBIDDEN", given: aliceSpeaking, command: { type: "floor.setCap", seconds: 3600 }, actor: alice, then: { error: "FORBIDDEN" } },
    { name: "29 s → VALIDATION", given: [], command: { type: "floor.setCap", seconds: 29 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "3601 s → VALIDATION", given: [], command: { type: "floor.setCap", seconds: 3601 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "fractional seconds → VALIDATION", given: [], command: { type: "floor.setCap", seconds: 60.5 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "string seconds → VALIDATION", given: [], command: { type: "floor.setCap", seconds: "60" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "missing seconds → VALIDATION", given: [], command: { type: "floor.setCap" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "capMs instead of seconds → VALIDATION", given: [], command: { type: "floor.setCap", capMs: 60_000 }, actor: chair, then: { error: "VALIDATION" } },
    // floor.setCap is not gated on the meeting's status (config.sync also sets the cap before opening).
    { name: "before the meeting opens", meeting: "scheduled", given: [], command: { type: "floor.setCap", seconds: 90 }, actor: chair, then: [ev.capSet(90_000)] },
    { name: "after close", given: [ev.closed(5)], command: { type: "floor.setCap", seconds: 90 }, actor: chair, then: [ev.capSet(90_000)] },
    { name: "a clerk before the meeting opens → FORBIDDEN", meeting: "scheduled", given: [], command: { type: "floor.setCap", seconds: 90 }, actor: clerk, then: { error: "FORBIDDEN" } },
  ]);

  it("applies only to speeches that start later", () => {
    const { after } = given(...aliceSpeaking).when({ type: "floor.setCap", seconds: 60 }, chair);
    expect(after.speechCapMs).toBe(60_000);
    expect(after.floor).toEqual({ speechId: "s1", participantId: A, startedAt: 1_000, capMs: CAP, agendaItemId: null });

    const next = given(...aliceSpeaking, ev.capSet(60_000)).when({ type: "floor.give" }, chair, 200_000);
    expect(next.events).toEqual([
      ev.ended(A, { speechId: "s1", at: 200_000, durationMs: 199_000, overrunMs: 0, endedBy: CH }),
      ev.started(B, { speechId: "new-1", at: 200_000, capMs: 60_000 }),
    ]);
    expect(next.after.speeches[0]?.capMs).toBe(CAP);
    expect(next.after.floor?.capMs).toBe(60_000);
  });

  it("starts from the default of 5 minutes", () => {
    expect(given().state.speechCapMs).toBe(300_000);
  });
});

describe("floor evolve", () => {
  it("speech.started sets the floor and takes the speaker out of the queue", () => {
    const before = given(ev.requested(A), ev.requested(B), ev.requested(C)).state;
    const after = evolve(before, { seq: before.seq + 1, at: 5, actorId: CH, event: ev.started(B, { speechId: "x", at: 5, capMs: 90_000, agendaItemId: "a7" }) });
    expect(after).toEqual({
      ...before,
      seq: before.seq + 1,
      queue: before.queue.filter((e) => e.participantId !== B),
      floor: { speechId: "x", participantId: B, startedAt: 5, capMs: 90_000, agendaItemId: "a7" },
    });
  });

  it("speech.ended with nobody on the floor changes nothing but seq", () => {
    const before = given(...queueAB).state;
    const after = evolve(before, { seq: before.seq + 1, at: 5, actorId: CH, event: ev.ended(A, { at: 5, durationMs: 5, overrunMs: 0, endedBy: CH }) });
    expect(after).toEqual({ ...before, seq: before.seq + 1 });
  });

  it("floor.capSet changes the cap only", () => {
    const before = given(...aliceSpeaking).state;
    expect(evolve(before, { seq: before.seq + 1, at: 0, actorId: CH, event: ev.capSet(45_000) })).toEqual({ ...before, seq: before.seq + 1, speechCapMs: 45_000 });
  });
});
