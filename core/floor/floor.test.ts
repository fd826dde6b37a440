import { describe, expect, it } from "vitest";
import { countdown, speechClock } from "../clock.ts";
import { evolve } from "../meeting.ts";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import { DEFAULT_SPEECH_CAP_MS } from "./schema.ts";
import { agendaItem, decisionTable, ev, given, NOW, OPENED, people, speech, type DecisionCase } from "../../testing/core.ts";

const { chair, alice, bob, carol, olga, clerk, observer } = people;
const A = alice.participantId;
const B = bob.participantId;
const C = carol.participantId;
const O = olga.participantId;
const CH = chair.participantId;
const CAP = DEFAULT_SPEECH_CAP_MS;

type MeetingEventList = Parameters<typeof given>;
const queueAB = [ev.requested(A, 10), ev.requested(B, 20)];
/** alice speaks since t=1000 (cap 5 min), bob and carol wait. */
const aliceSpeaking = [ev.requested(A, 10), ev.requested(B, 20), ev.requested(C, 30), ev.started(A, { speechId: "s1", at: 1_000 })];
const nonChairs: Actor[] = [alice, olga, clerk, observer, SYSTEM_ACTOR];
/** Two agenda items; the second one is current. */
const onItem2 = [ev.agendaSet([agendaItem("a1"), agendaItem("a2")]), ev.itemStarted("a1", 0), ev.itemStarted("a2", 100)];

describe("floor.give", () => {
  decisionTable([
    {
      name: "without participantId: the head of the queue",
      given: queueAB,
      command: { type: "floor.give" },
      actor: chair,
      now: 500,
      then: [ev.started(A, { speechId: "new-1", at: 500, capMs: CAP })],
    },
    {
      name: "with participantId: anyone in the queue",
      given: queueAB,
      command: { type: "floor.give", participantId: B },
      actor: chair,
      now: 500,
      then: [ev.started(B, { speechId: "new-1", at: 500, capMs: CAP, override: { suggested: A, reason: null } })],
    },
    {
      name: "with participantId: the head of the queue",
      given: queueAB,
      command: { type: "floor.give", participantId: A },
      actor: chair,
      now: 500,
      then: [ev.started(A, { speechId: "new-1", at: 500 })],
    },
    {
      name: "an official from the queue",
      given: [ev.requested(O)],
      command: { type: "floor.give" },
      actor: chair,
      then: [ev.started(O, { speechId: "new-1", at: NOW })],
    },
    {
      name: "the speech gets the cap set before",
      given: [...queueAB, ev.capSet(120_000)],
      command: { type: "floor.give" },
      actor: chair,
      now: 9,
      then: [ev.started(A, { speechId: "new-1", at: 9, capMs: 120_000 })],
    },
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
        ev.started(C, { speechId: "new-1", at: 61_000, capMs: CAP, override: { suggested: B, reason: null } }),
      ],
    },
    ...nonChairs.map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: queueAB,
      command: { type: "floor.give" },
      actor,
      then: { error: "FORBIDDEN" },
    })),
    {
      name: "bob giving himself the floor → FORBIDDEN",
      given: queueAB,
      command: { type: "floor.give", participantId: B },
      actor: bob,
      then: { error: "FORBIDDEN" },
    },
    { name: "a non-chair on an empty queue → FORBIDDEN", given: [], command: { type: "floor.give" }, actor: observer, then: { error: "FORBIDDEN" } },
    { name: "empty queue → QUEUE_EMPTY", given: [], command: { type: "floor.give" }, actor: chair, then: { error: "QUEUE_EMPTY" } },
    {
      name: "queue emptied by withdrawals → QUEUE_EMPTY",
      given: [ev.requested(A), ev.withdrawn(A)],
      command: { type: "floor.give" },
      actor: chair,
      then: { error: "QUEUE_EMPTY" },
    },
    {
      name: "empty queue while someone speaks → QUEUE_EMPTY",
      given: [ev.requested(A), ev.started(A)],
      command: { type: "floor.give" },
      actor: chair,
      then: { error: "QUEUE_EMPTY" },
    },
    {
      name: "participantId not in the queue → NOT_IN_QUEUE",
      given: queueAB,
      command: { type: "floor.give", participantId: C },
      actor: chair,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "participantId on an empty queue → NOT_IN_QUEUE",
      given: [],
      command: { type: "floor.give", participantId: A },
      actor: chair,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "the current speaker again → NOT_IN_QUEUE",
      given: aliceSpeaking,
      command: { type: "floor.give", participantId: A },
      actor: chair,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "the chair themself → NOT_IN_QUEUE",
      given: queueAB,
      command: { type: "floor.give", participantId: CH },
      actor: chair,
      then: { error: "NOT_IN_QUEUE" },
    },
    {
      name: "empty participantId → VALIDATION",
      given: queueAB,
      command: { type: "floor.give", participantId: "" },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "65-character participantId → VALIDATION",
      given: queueAB,
      command: { type: "floor.give", participantId: "y".repeat(65) },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "null participantId → VALIDATION",
      given: queueAB,
      command: { type: "floor.give", participantId: null },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "numeric participantId → VALIDATION",
      given: queueAB,
      command: { type: "floor.give", participantId: 1 },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    { name: "extra field → VALIDATION", given: queueAB, command: { type: "floor.give", capMs: 1 }, actor: chair, then: { error: "VALIDATION" } },
    {
      name: "the speech belongs to the current agenda item",
      given: [...onItem2, ...queueAB],
      command: { type: "floor.give" },
      actor: chair,
      now: 500,
      then: [ev.started(A, { speechId: "new-1", at: 500, agendaItemId: "a2" })],
    },
    {
      name: "the next speech belongs to the item current now, the ended one keeps its own",
      given: [...onItem2, ...queueAB, ev.started(A, { speechId: "s1", at: 200, agendaItemId: "a2" }), ev.itemStarted("a1", 300)],
      command: { type: "floor.give" },
      actor: chair,
      now: 400,
      then: [
        ev.ended(A, { speechId: "s1", at: 400, durationMs: 200, overrunMs: 0, endedBy: CH }),
        ev.started(B, { speechId: "new-1", at: 400, agendaItemId: "a1" }),
      ],
    },
    {
      name: "no agenda item after the current one was removed from the agenda",
      given: [...onItem2, ev.agendaSet([agendaItem("a1")]), ...queueAB],
      command: { type: "floor.give" },
      actor: chair,
      now: 500,
      then: [ev.started(A, { speechId: "new-1", at: 500, agendaItemId: null })],
    },
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: { type: "floor.give" },
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "before the meeting opens, naming someone → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: { type: "floor.give", participantId: A },
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "after close → MEETING_CLOSED (before QUEUE_EMPTY)",
      given: [...queueAB, ev.closed(50)],
      command: { type: "floor.give" },
      actor: chair,
      then: { error: "MEETING_CLOSED" },
    },
    {
      name: "after close, naming someone → MEETING_CLOSED (before NOT_IN_QUEUE)",
      given: [...queueAB, ev.closed(50)],
      command: { type: "floor.give", participantId: B },
      actor: chair,
      then: { error: "MEETING_CLOSED" },
    },
    {
      name: "a member before the meeting opens → FORBIDDEN (authorization first)",
      meeting: "scheduled",
      given: [],
      command: { type: "floor.give" },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "a clerk after close → FORBIDDEN (authorization first)",
      given: [...queueAB, ev.closed(50)],
      command: { type: "floor.give" },
      actor: clerk,
      then: { error: "FORBIDDEN" },
    },
  ]);

  it("takes the speaker out of the queue and keeps the others in order", () => {
    const { after } = given(ev.requested(A), ev.requested(B), ev.requested(C)).when({ type: "floor.give", participantId: B }, chair, 700);
    expect(after.queue.map((e) => e.participantId)).toEqual([A, C]);
    expect(after.floor).toEqual(speech(B, { speechId: "new-1", startedAt: 700, override: { suggested: A, reason: null } }));
  });

  it("calling the next speaker records the finished speech, then gives the floor", () => {
    const { after } = given(...aliceSpeaking).when({ type: "floor.give" }, chair, 361_000);
    expect(after.seq).toBe(OPENED.length + aliceSpeaking.length + 2);
    expect(after.speeches).toEqual([
      { ...speech(A, { speechId: "s1", startedAt: 1_000 }), endedAt: 361_000, durationMs: 360_000, overrunMs: 60_000, endedBy: CH },
    ]);
    expect(after.floor).toEqual(speech(B, { speechId: "new-1", startedAt: 361_000 }));
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
    ...[bob, carol, olga, clerk, observer].map((actor): DecisionCase => ({
      name: `someone else (${actor.role} ${actor.participantId}) → FORBIDDEN`,
      given: aliceSpeaking,
      command: { type: "floor.end" },
      actor,
      then: { error: "FORBIDDEN" },
    })),
    {
      name: "a previous speaker → FORBIDDEN",
      given: [
        ...aliceSpeaking,
        ev.ended(A, { speechId: "s1", at: 2_000, durationMs: 1_000, overrunMs: 0, endedBy: A }),
        ev.started(B, { speechId: "s2", at: 2_000 }),
      ],
      command: { type: "floor.end" },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
    { name: "nobody speaking, chair → NO_CURRENT_SPEECH", given: queueAB, command: { type: "floor.end" }, actor: chair, then: { error: "NO_CURRENT_SPEECH" } },
    {
      name: "nobody speaking, member → FORBIDDEN (authorization first)",
      given: [],
      command: { type: "floor.end" },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
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
    {
      name: "before the meeting opens, chair → NO_CURRENT_SPEECH",
      meeting: "scheduled",
      given: [],
      command: { type: "floor.end" },
      actor: chair,
      then: { error: "NO_CURRENT_SPEECH" },
    },
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
    expect(after.speeches).toEqual([{ ...speech(A, { speechId: "s1", startedAt: 1_000 }), endedAt: 121_000, durationMs: 120_000, overrunMs: 0, endedBy: A }]);
  });

  it("the speech record keeps the agenda item it started under", () => {
    const { after } = given(...onItem2, ...queueAB, ev.started(A, { speechId: "s1", at: 200, agendaItemId: "a2" }), ev.itemStarted("a1", 300)).when(
      { type: "floor.end" },
      chair,
      900,
    );
    expect(after.speeches).toEqual([
      { ...speech(A, { speechId: "s1", startedAt: 200, agendaItemId: "a2" }), endedAt: 900, durationMs: 700, overrunMs: 0, endedBy: CH },
    ]);
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
    ...nonChairs.map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: [],
      command: { type: "floor.setCap", seconds: 120 },
      actor,
      then: { error: "FORBIDDEN" },
    })),
    { name: "the speaker → FORBIDDEN", given: aliceSpeaking, command: { type: "floor.setCap", seconds: 3600 }, actor: alice, then: { error: "FORBIDDEN" } },
    { name: "29 s → VALIDATION", given: [], command: { type: "floor.setCap", seconds: 29 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "3601 s → VALIDATION", given: [], command: { type: "floor.setCap", seconds: 3601 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "fractional seconds → VALIDATION", given: [], command: { type: "floor.setCap", seconds: 60.5 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "string seconds → VALIDATION", given: [], command: { type: "floor.setCap", seconds: "60" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "missing seconds → VALIDATION", given: [], command: { type: "floor.setCap" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "capMs instead of seconds → VALIDATION", given: [], command: { type: "floor.setCap", capMs: 60_000 }, actor: chair, then: { error: "VALIDATION" } },
    // floor.setCap is not gated on the meeting's status (config.sync also sets the cap before opening).
    {
      name: "before the meeting opens",
      meeting: "scheduled",
      given: [],
      command: { type: "floor.setCap", seconds: 90 },
      actor: chair,
      then: [ev.capSet(90_000)],
    },
    { name: "after close", given: [ev.closed(5)], command: { type: "floor.setCap", seconds: 90 }, actor: chair, then: [ev.capSet(90_000)] },
    {
      name: "a clerk before the meeting opens → FORBIDDEN",
      meeting: "scheduled",
      given: [],
      command: { type: "floor.setCap", seconds: 90 },
      actor: clerk,
      then: { error: "FORBIDDEN" },
    },
  ]);

  it("applies only to speeches that start later", () => {
    const { after } = given(...aliceSpeaking).when({ type: "floor.setCap", seconds: 60 }, chair);
    expect(after.speechCaps.impromptu).toBe(60_000);
    expect(after.floor).toEqual(speech(A, { speechId: "s1", startedAt: 1_000 }));

    const next = given(...aliceSpeaking, ev.capSet(60_000)).when({ type: "floor.give" }, chair, 200_000);
    expect(next.events).toEqual([
      ev.ended(A, { speechId: "s1", at: 200_000, durationMs: 199_000, overrunMs: 0, endedBy: CH }),
      ev.started(B, { speechId: "new-1", at: 200_000, capMs: 60_000 }),
    ]);
    expect(next.after.speeches[0]?.capMs).toBe(CAP);
    expect(next.after.floor?.capMs).toBe(60_000);
  });

  it("starts from the default of 5 minutes", () => {
    expect(given().state.speechCaps.impromptu).toBe(300_000);
  });
});

describe("floor evolve", () => {
  it("speech.started sets the floor and takes the speaker out of the queue", () => {
    const before = given(ev.requested(A), ev.requested(B), ev.requested(C)).state;
    const after = evolve(before, {
      seq: before.seq + 1,
      at: 5,
      actorId: CH,
      event: ev.started(B, { speechId: "x", at: 5, capMs: 90_000, agendaItemId: "a7" }),
    });
    expect(after).toEqual({
      ...before,
      seq: before.seq + 1,
      queue: before.queue.filter((e) => e.participantId !== B),
      floor: speech(B, { speechId: "x", startedAt: 5, capMs: 90_000, agendaItemId: "a7" }),
    });
  });

  it("speech.ended with nobody on the floor changes nothing but seq", () => {
    const before = given(...queueAB).state;
    const after = evolve(before, { seq: before.seq + 1, at: 5, actorId: CH, event: ev.ended(A, { at: 5, durationMs: 5, overrunMs: 0, endedBy: CH }) });
    expect(after).toEqual({ ...before, seq: before.seq + 1 });
  });

  it("floor.capSet changes the cap only", () => {
    const before = given(...aliceSpeaking).state;
    expect(evolve(before, { seq: before.seq + 1, at: 0, actorId: CH, event: ev.capSet(45_000) })).toEqual({
      ...before,
      seq: before.seq + 1,
      speechCaps: { ...before.speechCaps, impromptu: 45_000 },
    });
  });
});

describe("floor.give: kinds, guests and the suggestion", () => {
  const poo = (id: string, at = 0) => ev.requested(id, at, { kind: "pointOfOrder" });
  const guest = ev.requested("guest-1", 5, { guestName: "王师傅", by: CH });
  /** alice spoke on this item already; bob and carol have not. */
  const aliceSpoke = [ev.requested(A, 1), ev.started(A, { at: 2 }), ev.ended(A, { at: 3, durationMs: 1, overrunMs: 0, endedBy: A })];
  decisionTable([
    {
      name: "a booked speech gets the booked cap and keeps its booking",
      given: [ev.booked(A, "b1")],
      command: { type: "floor.give" },
      actor: chair,
      now: 9,
      then: [ev.started(A, { speechId: "new-1", at: 9, capMs: 480_000, kind: "booked", bookingId: "b1" })],
    },
    {
      name: "a point of order gets the point-of-order cap",
      given: [poo(B)],
      command: { type: "floor.give" },
      actor: chair,
      now: 9,
      then: [ev.started(B, { speechId: "new-1", at: 9, capMs: 120_000, kind: "pointOfOrder" })],
    },
    {
      name: "an impromptu speech gets the impromptu cap",
      given: [ev.requested(B)],
      command: { type: "floor.give" },
      actor: chair,
      now: 9,
      then: [ev.started(B, { speechId: "new-1", at: 9, capMs: CAP })],
    },
    {
      name: "the cap the chair set for the kind",
      given: [ev.capSet(600_000, "booked"), ev.capSet(45_000), ev.booked(A, "b1")],
      command: { type: "floor.give" },
      actor: chair,
      now: 9,
      then: [ev.started(A, { speechId: "new-1", at: 9, capMs: 600_000, kind: "booked", bookingId: "b1" })],
    },
    {
      name: "another kind's cap does not apply",
      given: [ev.capSet(600_000, "booked"), ev.capSet(45_000, "pointOfOrder"), ev.requested(B)],
      command: { type: "floor.give" },
      actor: chair,
      now: 9,
      then: [ev.started(B, { speechId: "new-1", at: 9, capMs: CAP })],
    },
    {
      name: "a guest takes the floor with the name",
      given: [guest],
      command: { type: "floor.give" },
      actor: chair,
      now: 9,
      then: [ev.started("guest-1", { speechId: "new-1", at: 9, guestName: "王师傅" })],
    },
    {
      name: "without a name: the point of order, even behind others",
      given: [ev.requested(A), poo(B), ev.moved(B, 1)],
      command: { type: "floor.give" },
      actor: chair,
      now: 9,
      then: [ev.started(B, { speechId: "new-1", at: 9, capMs: 120_000, kind: "pointOfOrder" })],
    },
    {
      name: "without a name: someone who has not spoken on the item before alice",
      given: [...aliceSpoke, ev.requested(A, 4), ev.requested(B, 5)],
      command: { type: "floor.give" },
      actor: chair,
      now: 9,
      then: [ev.started(B, { speechId: "new-1", at: 9 })],
    },
    {
      name: "without a name: booked before impromptu",
      given: [ev.requested(B), ev.booked(A, "b1")],
      command: { type: "floor.give" },
      actor: chair,
      now: 9,
      then: [ev.started(A, { speechId: "new-1", at: 9, capMs: 480_000, kind: "booked", bookingId: "b1" })],
    },
    {
      name: "naming the suggestion: no override",
      given: [...aliceSpoke, ev.requested(A, 4), ev.requested(B, 5)],
      command: { type: "floor.give", participantId: B },
      actor: chair,
      now: 9,
      then: [ev.started(B, { speechId: "new-1", at: 9 })],
    },
    {
      name: "naming the suggestion with a reason: still no override",
      given: [ev.requested(A), ev.requested(B)],
      command: { type: "floor.give", participantId: A, reason: "按顺序" },
      actor: chair,
      now: 9,
      then: [ev.started(A, { speechId: "new-1", at: 9 })],
    },
    {
      name: "without a name and with a reason: the suggestion, no override",
      given: [ev.requested(A), ev.requested(B)],
      command: { type: "floor.give", reason: "按顺序" },
      actor: chair,
      now: 9,
      then: [ev.started(A, { speechId: "new-1", at: 9 })],
    },
    {
      name: "someone else than the suggestion: the override with the reason",
      given: [...aliceSpoke, ev.requested(A, 4), ev.requested(B, 5)],
      command: { type: "floor.give", participantId: A, reason: "回应上一位发言" },
      actor: chair,
      now: 9,
      then: [ev.started(A, { speechId: "new-1", at: 9, override: { suggested: B, reason: "回应上一位发言" } })],
    },
    {
      name: "an override without a reason",
      given: [poo(B), ev.requested(A)],
      command: { type: "floor.give", participantId: A },
      actor: chair,
      now: 9,
      then: [ev.started(A, { speechId: "new-1", at: 9, override: { suggested: B, reason: null } })],
    },
    {
      name: "an override with a blank reason: no reason",
      given: [poo(B), ev.requested(A)],
      command: { type: "floor.give", participantId: A, reason: "   " },
      actor: chair,
      now: 9,
      then: [ev.started(A, { speechId: "new-1", at: 9, override: { suggested: B, reason: null } })],
    },
    {
      name: "an override's reason is trimmed",
      given: [poo(B), ev.requested(A)],
      command: { type: "floor.give", participantId: A, reason: " 时间紧 " },
      actor: chair,
      now: 9,
      then: [ev.started(A, { speechId: "new-1", at: 9, override: { suggested: B, reason: "时间紧" } })],
    },
    {
      name: "a reason of 200 characters",
      given: [poo(B), ev.requested(A)],
      command: { type: "floor.give", participantId: A, reason: "理".repeat(200) },
      actor: chair,
      now: 9,
      then: [ev.started(A, { speechId: "new-1", at: 9, override: { suggested: B, reason: "理".repeat(200) } })],
    },
    {
      name: "a reason of 201 characters → VALIDATION",
      given: [poo(B), ev.requested(A)],
      command: { type: "floor.give", participantId: A, reason: "理".repeat(201) },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "a numeric reason → VALIDATION",
      given: [poo(B), ev.requested(A)],
      command: { type: "floor.give", participantId: A, reason: 1 },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "a reason but nobody waiting → QUEUE_EMPTY",
      given: [],
      command: { type: "floor.give", reason: "x" },
      actor: chair,
      then: { error: "QUEUE_EMPTY" },
    },
    {
      name: "an override by a member → FORBIDDEN",
      given: [poo(B), ev.requested(A)],
      command: { type: "floor.give", participantId: A, reason: "x" },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
  ]);

  it("the speech carries the kind, guest, booking and override into the record", () => {
    const { after } = given(ev.booked(A, "b1"), guest).when({ type: "floor.give", participantId: "guest-1", reason: "先请群众代表" }, chair, 100);
    expect(after.floor).toEqual(
      speech("guest-1", { speechId: "new-1", startedAt: 100, guestName: "王师傅", override: { suggested: A, reason: "先请群众代表" } }),
    );
    const ended = given(ev.booked(A, "b1"), guest, ev.started("guest-1", { speechId: "g", at: 100, guestName: "王师傅" })).when(
      { type: "floor.give" },
      chair,
      200,
    );
    expect(ended.after.speeches).toEqual([
      { ...speech("guest-1", { speechId: "g", startedAt: 100, guestName: "王师傅" }), endedAt: 200, durationMs: 100, overrunMs: 0, endedBy: CH },
    ]);
    expect(ended.after.floor).toEqual(speech(A, { speechId: "new-1", startedAt: 200, capMs: 480_000, kind: "booked", bookingId: "b1" }));
  });

  it("old logs without kinds replay as impromptu speeches without override", () => {
    const { state } = given(ev.requested(A), { type: "speech.started", speechId: "s", participantId: A, at: 5, capMs: 60_000, agendaItemId: null });
    expect(state.floor).toEqual(speech(A, { speechId: "s", startedAt: 5, capMs: 60_000 }));
  });
});

describe("floor.extend, floor.pause, floor.resume", () => {
  const paused = [...aliceSpeaking, ev.paused("s1", 61_000)];
  const resumed = [...paused, ev.resumed("s1", 121_000)];
  decisionTable([
    {
      name: "the chair gives a minute more",
      given: aliceSpeaking,
      command: { type: "floor.extend", seconds: 60 },
      actor: chair,
      then: [ev.extended("s1", 60_000)],
    },
    { name: "two minutes more", given: aliceSpeaking, command: { type: "floor.extend", seconds: 120 }, actor: chair, then: [ev.extended("s1", 120_000)] },
    {
      name: "a custom amount (the minimum 10 s)",
      given: aliceSpeaking,
      command: { type: "floor.extend", seconds: 10 },
      actor: chair,
      then: [ev.extended("s1", 10_000)],
    },
    { name: "the maximum 3600 s", given: aliceSpeaking, command: { type: "floor.extend", seconds: 3600 }, actor: chair, then: [ev.extended("s1", 3_600_000)] },
    {
      name: "again after an extension",
      given: [...aliceSpeaking, ev.extended("s1", 60_000)],
      command: { type: "floor.extend", seconds: 60 },
      actor: chair,
      then: [ev.extended("s1", 60_000)],
    },
    { name: "while paused", given: paused, command: { type: "floor.extend", seconds: 60 }, actor: chair, then: [ev.extended("s1", 60_000)] },
    { name: "9 s → VALIDATION", given: aliceSpeaking, command: { type: "floor.extend", seconds: 9 }, actor: chair, then: { error: "VALIDATION" } },
    { name: "3601 s → VALIDATION", given: aliceSpeaking, command: { type: "floor.extend", seconds: 3601 }, actor: chair, then: { error: "VALIDATION" } },
    {
      name: "fractional seconds → VALIDATION",
      given: aliceSpeaking,
      command: { type: "floor.extend", seconds: 60.5 },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "negative seconds → VALIDATION",
      given: aliceSpeaking,
      command: { type: "floor.extend", seconds: -60 },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    { name: "extend without seconds → VALIDATION", given: aliceSpeaking, command: { type: "floor.extend" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "the chair pauses the clock", given: aliceSpeaking, command: { type: "floor.pause" }, actor: chair, now: 61_000, then: [ev.paused("s1", 61_000)] },
    { name: "pause again after a resume", given: resumed, command: { type: "floor.pause" }, actor: chair, now: 200_000, then: [ev.paused("s1", 200_000)] },
    { name: "pause twice → SPEECH_PAUSED", given: paused, command: { type: "floor.pause" }, actor: chair, then: { error: "SPEECH_PAUSED" } },
    {
      name: "a clock behind the start pauses at the start",
      given: aliceSpeaking,
      command: { type: "floor.pause" },
      actor: chair,
      now: 400,
      then: [ev.paused("s1", 1_000)],
    },
    { name: "the chair resumes the clock", given: paused, command: { type: "floor.resume" }, actor: chair, now: 121_000, then: [ev.resumed("s1", 121_000)] },
    {
      name: "resume when running → SPEECH_NOT_PAUSED",
      given: aliceSpeaking,
      command: { type: "floor.resume" },
      actor: chair,
      then: { error: "SPEECH_NOT_PAUSED" },
    },
    { name: "resume twice → SPEECH_NOT_PAUSED", given: resumed, command: { type: "floor.resume" }, actor: chair, then: { error: "SPEECH_NOT_PAUSED" } },
    {
      name: "pause with an extra field → VALIDATION",
      given: aliceSpeaking,
      command: { type: "floor.pause", at: 5 },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "resume with an extra field → VALIDATION",
      given: paused,
      command: { type: "floor.resume", speechId: "s1" },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    ...(["floor.extend", "floor.pause", "floor.resume"] as const).flatMap((type): DecisionCase[] => {
      const command = type === "floor.extend" ? { type, seconds: 60 } : { type };
      const state = type === "floor.resume" ? paused : aliceSpeaking;
      return [
        ...[alice, bob, olga, clerk, observer, SYSTEM_ACTOR].map((actor): DecisionCase => ({
          name: `${type} by ${actor.role} ${actor.participantId} → FORBIDDEN`,
          given: state,
          command,
          actor,
          then: { error: "FORBIDDEN" },
        })),
        { name: `${type} with nobody speaking → NO_CURRENT_SPEECH`, given: queueAB, command, actor: chair, then: { error: "NO_CURRENT_SPEECH" } },
        {
          name: `${type} after the speech ended → NO_CURRENT_SPEECH`,
          given: [...state, ev.ended(A, { speechId: "s1", at: 2_000, durationMs: 1_000, overrunMs: 0, endedBy: A })],
          command,
          actor: chair,
          then: { error: "NO_CURRENT_SPEECH" },
        },
        {
          name: `${type} before the meeting opens → NO_CURRENT_SPEECH`,
          meeting: "scheduled",
          given: [],
          command,
          actor: chair,
          then: { error: "NO_CURRENT_SPEECH" },
        },
        { name: `${type} after close → NO_CURRENT_SPEECH`, given: [ev.closed(5)], command, actor: chair, then: { error: "NO_CURRENT_SPEECH" } },
        { name: `${type} by a member with nobody speaking → FORBIDDEN (authorization first)`, given: [], command, actor: alice, then: { error: "FORBIDDEN" } },
      ];
    }),
  ]);

  // alice starts at 1 000 with the 5-minute cap (300 000 ms).
  it.each<{ name: string; events: MeetingEventList; end: number; durationMs: number; overrunMs: number }>([
    { name: "no pause, ended at 421 000", events: [], end: 421_000, durationMs: 420_000, overrunMs: 120_000 },
    {
      name: "paused 61 000 → 121 000, ended at 421 000",
      events: [ev.paused("s1", 61_000), ev.resumed("s1", 121_000)],
      end: 421_000,
      durationMs: 360_000,
      overrunMs: 60_000,
    },
    {
      name: "the same with a minute more",
      events: [ev.paused("s1", 61_000), ev.resumed("s1", 121_000), ev.extended("s1", 60_000)],
      end: 421_000,
      durationMs: 360_000,
      overrunMs: 0,
    },
    {
      name: "the same with 30 s more",
      events: [ev.paused("s1", 61_000), ev.extended("s1", 30_000), ev.resumed("s1", 121_000)],
      end: 421_000,
      durationMs: 360_000,
      overrunMs: 30_000,
    },
    { name: "two extensions add up", events: [ev.extended("s1", 60_000), ev.extended("s1", 45_000)], end: 421_000, durationMs: 420_000, overrunMs: 15_000 },
    {
      name: "two pauses (10 s and 60 s)",
      events: [ev.paused("s1", 11_000), ev.resumed("s1", 21_000), ev.paused("s1", 31_000), ev.resumed("s1", 91_000)],
      end: 401_000,
      durationMs: 330_000,
      overrunMs: 30_000,
    },
    { name: "ended while paused: the running pause does not count", events: [ev.paused("s1", 61_000)], end: 500_000, durationMs: 60_000, overrunMs: 0 },
    {
      name: "paused, resumed, paused again and ended while paused",
      events: [ev.paused("s1", 61_000), ev.resumed("s1", 121_000), ev.paused("s1", 361_000)],
      end: 900_000,
      durationMs: 300_000,
      overrunMs: 0,
    },
    {
      name: "the same, 1 ms later into the second stretch",
      events: [ev.paused("s1", 61_000), ev.resumed("s1", 121_000), ev.paused("s1", 361_001)],
      end: 900_000,
      durationMs: 300_001,
      overrunMs: 1,
    },
    {
      name: "paused at the start, resumed a minute later",
      events: [ev.paused("s1", 1_000), ev.resumed("s1", 61_000)],
      end: 361_000,
      durationMs: 300_000,
      overrunMs: 0,
    },
    {
      name: "a resume with a clock behind the pause adds no pause",
      events: [ev.paused("s1", 61_000), ev.resumed("s1", 50_000)],
      end: 421_000,
      durationMs: 420_000,
      overrunMs: 120_000,
    },
    { name: "ended with a clock behind the pause", events: [ev.paused("s1", 61_000)], end: 31_000, durationMs: 30_000, overrunMs: 0 },
  ])("$name → duration $durationMs, overrun $overrunMs", ({ events, end, durationMs, overrunMs }) => {
    for (const [command, actor] of [
      [{ type: "floor.end" }, chair],
      [{ type: "floor.end" }, alice],
      [{ type: "floor.give" }, chair],
      [{ type: "meeting.close" }, chair],
    ] as const) {
      const outcome = given(...aliceSpeaking, ...events).when(command, actor, end);
      expect(outcome.events[0]).toEqual(ev.ended(A, { speechId: "s1", at: end, durationMs, overrunMs, endedBy: actor.participantId }));
      const record = outcome.after.speeches.at(-1)!;
      expect(record.pausedAt).toBeNull();
      expect(record.durationMs).toBe(Math.max(0, record.endedAt - record.startedAt - record.pausedMs));
      expect(record.overrunMs).toBe(Math.max(0, record.durationMs - record.capMs - record.extendedMs));
    }
  });

  it("pause and resume move the clock state of the running speech only", () => {
    const onPause = given(...aliceSpeaking).when({ type: "floor.pause" }, chair, 61_000);
    expect(onPause.after).toEqual({ ...onPause.before, seq: onPause.before.seq + 1, floor: speech(A, { speechId: "s1", startedAt: 1_000, pausedAt: 61_000 }) });
    const onResume = given(...paused).when({ type: "floor.resume" }, chair, 121_000);
    expect(onResume.after.floor).toEqual(speech(A, { speechId: "s1", startedAt: 1_000, pausedMs: 60_000 }));
    const twice = given(...resumed, ev.paused("s1", 200_000)).when({ type: "floor.resume" }, chair, 215_000);
    expect(twice.after.floor).toEqual(speech(A, { speechId: "s1", startedAt: 1_000, pausedMs: 75_000 }));
    const more = given(...paused).when({ type: "floor.extend", seconds: 90 }, chair, 70_000);
    expect(more.after.floor).toEqual(speech(A, { speechId: "s1", startedAt: 1_000, pausedAt: 61_000, extendedMs: 90_000 }));
  });

  it("the countdown freezes while paused and shows the extension", () => {
    const at = (events: MeetingEventList, now: number) => speechClock(given(...aliceSpeaking, ...events).state.floor!, now);
    expect(at([], 61_000)).toEqual({ remainingMs: 240_000, phase: "running", paused: false });
    expect(at([ev.paused("s1", 61_000)], 61_000)).toEqual({ remainingMs: 240_000, phase: "running", paused: true });
    expect(at([ev.paused("s1", 61_000)], 999_000)).toEqual({ remainingMs: 240_000, phase: "running", paused: true });
    expect(at([ev.paused("s1", 61_000), ev.resumed("s1", 121_000)], 121_000)).toEqual({ remainingMs: 240_000, phase: "running", paused: false });
    expect(at([ev.paused("s1", 61_000), ev.resumed("s1", 121_000)], 421_000)).toEqual({ remainingMs: -60_000, phase: "overrun", paused: false });
    expect(at([ev.paused("s1", 61_000), ev.resumed("s1", 121_000), ev.extended("s1", 120_000)], 421_000)).toEqual({
      remainingMs: 60_000,
      phase: "warning",
      paused: false,
    });
  });

  it("events for another speech change nothing but seq", () => {
    const before = given(...aliceSpeaking).state;
    for (const event of [ev.extended("other", 60_000), ev.paused("other", 5), ev.resumed("other", 5)]) {
      expect(evolve(before, { seq: before.seq + 1, at: 0, actorId: CH, event })).toEqual({ ...before, seq: before.seq + 1 });
    }
  });
});

describe("floor.setCap per kind", () => {
  decisionTable([
    {
      name: "impromptu when no kind is named",
      given: [],
      command: { type: "floor.setCap", seconds: 240 },
      actor: chair,
      then: [ev.capSet(240_000, "impromptu")],
    },
    {
      name: "impromptu named",
      given: [],
      command: { type: "floor.setCap", seconds: 240, kind: "impromptu" },
      actor: chair,
      then: [ev.capSet(240_000, "impromptu")],
    },
    { name: "booked", given: [], command: { type: "floor.setCap", seconds: 600, kind: "booked" }, actor: chair, then: [ev.capSet(600_000, "booked")] },
    {
      name: "point of order",
      given: [],
      command: { type: "floor.setCap", seconds: 60, kind: "pointOfOrder" },
      actor: chair,
      then: [ev.capSet(60_000, "pointOfOrder")],
    },
    {
      name: "an unknown kind → VALIDATION",
      given: [],
      command: { type: "floor.setCap", seconds: 60, kind: "written" },
      actor: chair,
      then: { error: "VALIDATION" },
    },
    {
      name: "a clerk setting the booked cap → FORBIDDEN",
      given: [],
      command: { type: "floor.setCap", seconds: 600, kind: "booked" },
      actor: clerk,
      then: { error: "FORBIDDEN" },
    },
  ]);

  it("sets only that kind's cap", () => {
    const { after, before } = given().when({ type: "floor.setCap", seconds: 600, kind: "booked" }, chair);
    expect(before.speechCaps).toEqual({ booked: 480_000, impromptu: 300_000, pointOfOrder: 120_000 });
    expect(after.speechCaps).toEqual({ booked: 600_000, impromptu: 300_000, pointOfOrder: 120_000 });
    expect(given(ev.capSet(30_000, "pointOfOrder")).state.speechCaps).toEqual({ booked: 480_000, impromptu: 300_000, pointOfOrder: 30_000 });
  });

  it("old logs' capSet without a kind set the impromptu cap", () => {
    expect(given({ type: "floor.capSet", capMs: 90_000 }).state.speechCaps).toEqual({ booked: 480_000, impromptu: 90_000, pointOfOrder: 120_000 });
  });
});
