import { describe, expect, it } from "vitest";
import type { MeetingEvent } from "../meeting.ts";
import { SYSTEM_ACTOR } from "../roles.ts";
import { agendaItem, decisionTable, ev, given, givenScheduled, NOW, people, planned, queueEntry } from "../../testing/core.ts";

const { chair, alice, bob, carol, olga, clerk, observer } = people;
const A = alice.participantId;
const B = bob.participantId;
const C = carol.participantId;
const O = olga.participantId;
const CH = chair.participantId;
const CL = clerk.participantId;
const agenda = ev.agendaSet([agendaItem("a1"), agendaItem("a2"), agendaItem("a3")]);

describe("speech.submitWritten (书面发言)", () => {
  const written = (participantId: string, f: Parameters<typeof ev.written>[1] = {}) => ev.written(participantId, { at: NOW, ...f });
  /** Three written speeches by one person on one agenda item (the most there may be). */
  const threeBy = (participantId: string, agendaItemId: string | null) =>
    ["w0", "w1", "w2"].map((writtenId) => ev.written(participantId, { writtenId, agendaItemId }));
  decisionTable([
    {
      name: "a member submits their own",
      given: [],
      command: { type: "speech.submitWritten", text: "关于停车难的建议" },
      actor: alice,
      then: [written(A, { text: "关于停车难的建议" })],
    },
    {
      name: "an official submits their own",
      given: [],
      command: { type: "speech.submitWritten", text: "答复" },
      actor: olga,
      then: [written(O, { text: "答复" })],
    },
    {
      name: "naming themself is the same",
      given: [],
      command: { type: "speech.submitWritten", text: "x", participantId: A },
      actor: alice,
      then: [written(A, { text: "x" })],
    },
    {
      name: "on the current agenda item",
      given: [agenda, ev.itemStarted("a2", 5)],
      command: { type: "speech.submitWritten", text: "x" },
      actor: alice,
      then: [written(A, { text: "x", agendaItemId: "a2" })],
    },
    {
      name: "the text is trimmed",
      given: [],
      command: { type: "speech.submitWritten", text: "  书面意见 \n" },
      actor: alice,
      then: [written(A, { text: "书面意见" })],
    },
    {
      name: "the clerk enters one handed in on paper",
      given: [],
      command: { type: "speech.submitWritten", text: "纸质稿", participantId: B },
      actor: clerk,
      then: [written(B, { text: "纸质稿", submittedBy: CL })],
    },
    {
      name: "the chair enters one for an official",
      given: [],
      command: { type: "speech.submitWritten", text: "纸质稿", participantId: O },
      actor: chair,
      then: [written(O, { text: "纸质稿", submittedBy: CH })],
    },
    {
      name: "while someone speaks",
      given: [ev.requested(B), ev.started(B)],
      command: { type: "speech.submitWritten", text: "x" },
      actor: alice,
      then: [written(A, { text: "x" })],
    },
    {
      name: "while waiting in the queue",
      given: [ev.requested(A)],
      command: { type: "speech.submitWritten", text: "x" },
      actor: alice,
      then: [written(A, { text: "x" })],
    },
    {
      name: "a second one by the same member",
      given: [written(A, { writtenId: "w0" })],
      command: { type: "speech.submitWritten", text: "又一篇" },
      actor: alice,
      then: [written(A, { text: "又一篇" })],
    },
    {
      name: "a text of 5000 characters",
      given: [],
      command: { type: "speech.submitWritten", text: "字".repeat(5_000) },
      actor: alice,
      then: [written(A, { text: "字".repeat(5_000) })],
    },
    {
      name: "a third one on the same item",
      given: [written(A, { writtenId: "w0" }), written(A, { writtenId: "w1" })],
      command: { type: "speech.submitWritten", text: "x" },
      actor: alice,
      then: [written(A, { text: "x" })],
    },
    {
      name: "a fourth one on the same item → WRITTEN_SPEECH_LIMIT",
      given: threeBy(A, null),
      command: { type: "speech.submitWritten", text: "x" },
      actor: alice,
      then: { error: "WRITTEN_SPEECH_LIMIT" },
    },
    {
      name: "a fourth one handed in on paper counts for the author → WRITTEN_SPEECH_LIMIT",
      given: threeBy(A, null),
      command: { type: "speech.submitWritten", text: "x", participantId: A },
      actor: clerk,
      then: { error: "WRITTEN_SPEECH_LIMIT" },
    },
    {
      name: "three on an earlier item do not count on the next",
      given: [agenda, ev.itemStarted("a1"), ...threeBy(A, "a1"), ev.itemStarted("a2")],
      command: { type: "speech.submitWritten", text: "x" },
      actor: alice,
      then: [written(A, { text: "x", agendaItemId: "a2" })],
    },
    {
      name: "someone else's three do not count",
      given: threeBy(B, null),
      command: { type: "speech.submitWritten", text: "x" },
      actor: alice,
      then: [written(A, { text: "x" })],
    },
    {
      name: "a member on behalf of someone else → FORBIDDEN",
      given: [],
      command: { type: "speech.submitWritten", text: "x", participantId: B },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "an official on behalf of a member → FORBIDDEN",
      given: [],
      command: { type: "speech.submitWritten", text: "x", participantId: A },
      actor: olga,
      then: { error: "FORBIDDEN" },
    },
    { name: "the chair for themself → FORBIDDEN", given: [], command: { type: "speech.submitWritten", text: "x" }, actor: chair, then: { error: "FORBIDDEN" } },
    {
      name: "the clerk for themself → FORBIDDEN",
      given: [],
      command: { type: "speech.submitWritten", text: "x", participantId: CL },
      actor: clerk,
      then: { error: "FORBIDDEN" },
    },
    { name: "an observer → FORBIDDEN", given: [], command: { type: "speech.submitWritten", text: "x" }, actor: observer, then: { error: "FORBIDDEN" } },
    {
      name: "an observer on behalf of a member → FORBIDDEN",
      given: [],
      command: { type: "speech.submitWritten", text: "x", participantId: A },
      actor: observer,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "the system → FORBIDDEN",
      given: [],
      command: { type: "speech.submitWritten", text: "x", participantId: A },
      actor: SYSTEM_ACTOR,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "for someone not on the roster → NOT_FOUND",
      given: [],
      command: { type: "speech.submitWritten", text: "x", participantId: "p-stranger" },
      actor: clerk,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "for a guest → NOT_FOUND",
      given: [ev.requested("guest-1", 0, { guestName: "王师傅", by: CH })],
      command: { type: "speech.submitWritten", text: "x", participantId: "guest-1" },
      actor: chair,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "a member no longer on the roster → NOT_FOUND",
      given: [ev.rosterSet([])],
      command: { type: "speech.submitWritten", text: "x" },
      actor: alice,
      then: { error: "NOT_FOUND" },
    },
    {
      name: "a member of another meeting (not on the roster) → NOT_FOUND",
      given: [],
      command: { type: "speech.submitWritten", text: "x" },
      actor: { participantId: "p-elsewhere", role: "member" },
      then: { error: "NOT_FOUND" },
    },
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: { type: "speech.submitWritten", text: "x" },
      actor: alice,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "on behalf before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [],
      command: { type: "speech.submitWritten", text: "x", participantId: A },
      actor: clerk,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "after close → MEETING_CLOSED (before NOT_FOUND)",
      given: [ev.closed(5)],
      command: { type: "speech.submitWritten", text: "x", participantId: "p-stranger" },
      actor: clerk,
      then: { error: "MEETING_CLOSED" },
    },
    {
      name: "an observer after close → FORBIDDEN (authorization first)",
      given: [ev.closed(5)],
      command: { type: "speech.submitWritten", text: "x" },
      actor: observer,
      then: { error: "FORBIDDEN" },
    },
    { name: "a blank text → VALIDATION", given: [], command: { type: "speech.submitWritten", text: "  \n " }, actor: alice, then: { error: "VALIDATION" } },
    { name: "an empty text → VALIDATION", given: [], command: { type: "speech.submitWritten", text: "" }, actor: alice, then: { error: "VALIDATION" } },
    { name: "no text → VALIDATION", given: [], command: { type: "speech.submitWritten" }, actor: alice, then: { error: "VALIDATION" } },
    {
      name: "a text over 5000 characters → VALIDATION",
      given: [],
      command: { type: "speech.submitWritten", text: "字".repeat(5_001) },
      actor: alice,
      then: { error: "VALIDATION" },
    },
    {
      name: "a text over 5000 characters for someone else → VALIDATION",
      given: [],
      command: { type: "speech.submitWritten", text: "字".repeat(5_001), participantId: A },
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "an empty participantId → VALIDATION",
      given: [],
      command: { type: "speech.submitWritten", text: "x", participantId: "" },
      actor: clerk,
      then: { error: "VALIDATION" },
    },
    {
      name: "an extra field → VALIDATION",
      given: [],
      command: { type: "speech.submitWritten", text: "x", title: "t" },
      actor: alice,
      then: { error: "VALIDATION" },
    },
  ]);

  it("adds the written speech to the record, and nothing else", () => {
    const { before, after } = given(agenda, ev.itemStarted("a1", 5), ev.requested(B)).when(
      { type: "speech.submitWritten", text: "纸质稿", participantId: A },
      clerk,
      77,
    );
    expect(after).toEqual({
      ...before,
      seq: before.seq + 1,
      written: [{ writtenId: "new-1", participantId: A, text: "纸质稿", at: 77, agendaItemId: "a1", submittedBy: CL }],
    });
  });

  it("never joins the queue or takes the floor", () => {
    const { after } = given(ev.written(A, { writtenId: "w1" })).when({ type: "floor.give" }, chair);
    expect(after.queue).toEqual([]);
    expect(after.floor).toBeNull();
  });
});

describe("booked speeches join the queue (bookedArrivals)", () => {
  const plan = [
    planned("b-a2-carol", C, { agendaItemId: "a2" }),
    planned("b-a1-bob", B, { agendaItemId: "a1" }),
    planned("w-a1-olga", O, { kind: "written", agendaItemId: "a1" }),
    planned("b-none-olga", O, { agendaItemId: null }),
    planned("b-a1-alice", A, { agendaItemId: "a1" }),
    planned("b-a3-bob", B, { agendaItemId: "a3" }),
    planned("b-a2-alice", A, { agendaItemId: "a2" }),
  ];
  const withPlan = [agenda, ev.planSet(plan)];
  const opened = (at: number) => [ev.opened(at), ev.itemStarted("a1", at)];
  decisionTable([
    {
      name: "at the opening: those without an item, then the first item's, in planned order; written ones never",
      meeting: "scheduled",
      given: withPlan,
      command: { type: "meeting.open" },
      actor: chair,
      now: 50,
      then: [...opened(50), ev.booked(O, "b-none-olga", 50), ev.booked(B, "b-a1-bob", 50), ev.booked(A, "b-a1-alice", 50)],
    },
    {
      name: "at the opening without an agenda: only those without an item",
      meeting: "scheduled",
      given: [ev.planSet(plan)],
      command: { type: "meeting.open" },
      actor: chair,
      now: 50,
      then: [ev.opened(50), ev.booked(O, "b-none-olga", 50)],
    },
    {
      name: "at the opening without a plan: nothing booked",
      meeting: "scheduled",
      given: [agenda],
      command: { type: "meeting.open" },
      actor: chair,
      now: 50,
      then: opened(50),
    },
    {
      name: "when an item starts: its booked speeches in planned order",
      given: withPlan,
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      now: 70,
      then: [ev.itemStarted("a2", 70), ev.booked(C, "b-a2-carol", 70), ev.booked(A, "b-a2-alice", 70)],
    },
    {
      name: "agenda.next does the same",
      given: [...withPlan, ev.itemStarted("a2", 5)],
      command: { type: "agenda.next" },
      actor: chair,
      now: 70,
      then: [ev.itemStarted("a3", 70), ev.booked(B, "b-a3-bob", 70)],
    },
    {
      name: "an item with only written speeches: nothing queued",
      given: [agenda, ev.planSet([planned("w1", A, { kind: "written", agendaItemId: "a3" })])],
      command: { type: "agenda.goto", itemId: "a3" },
      actor: chair,
      now: 70,
      then: [ev.itemStarted("a3", 70)],
    },
    {
      name: "the current item again: nothing (not re-queued)",
      given: [...withPlan, ev.itemStarted("a2", 5)],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      then: [],
    },
    {
      name: "a delivered booking is not queued again when the item comes back",
      given: [
        ...withPlan,
        ev.itemStarted("a2", 5),
        ev.booked(C, "b-a2-carol"),
        ev.started(C, { kind: "booked", bookingId: "b-a2-carol" }),
        ev.ended(C, { at: 9, durationMs: 9, overrunMs: 0, endedBy: C }),
        ev.itemStarted("a1", 10),
      ],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      now: 70,
      then: [ev.itemStarted("a2", 70), ev.booked(A, "b-a2-alice", 70)],
    },
    {
      name: "a booking being delivered right now is not queued again",
      given: [
        ...withPlan,
        ev.itemStarted("a2", 5),
        ev.booked(C, "b-a2-carol"),
        ev.started(C, { kind: "booked", bookingId: "b-a2-carol" }),
        ev.itemStarted("a1", 10),
      ],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      now: 70,
      then: [ev.itemStarted("a2", 70), ev.booked(A, "b-a2-alice", 70)],
    },
    {
      name: "a booking not delivered on an earlier visit (withdrawn) is queued again",
      given: [...withPlan, ev.itemStarted("a2", 5), ev.booked(C, "b-a2-carol"), ev.withdrawn(C, CH), ev.itemStarted("a1", 10)],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      now: 70,
      then: [ev.itemStarted("a2", 70), ev.booked(C, "b-a2-carol", 70), ev.booked(A, "b-a2-alice", 70)],
    },
    {
      name: "a speaker already waiting is skipped",
      given: [...withPlan, ev.requested(C, 3)],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      now: 70,
      then: [ev.itemStarted("a2", 70), ev.booked(A, "b-a2-alice", 70)],
    },
    {
      name: "a speaker holding the floor is skipped",
      given: [...withPlan, ev.requested(A, 3), ev.started(A)],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      now: 70,
      then: [ev.itemStarted("a2", 70), ev.booked(C, "b-a2-carol", 70)],
    },
    {
      name: "two bookings of one speaker on one item: only the first joins",
      given: [
        agenda,
        ev.planSet([planned("x1", A, { agendaItemId: "a2" }), planned("x2", B, { agendaItemId: "a2" }), planned("x3", A, { agendaItemId: "a2" })]),
      ],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      now: 70,
      then: [ev.itemStarted("a2", 70), ev.booked(A, "x1", 70), ev.booked(B, "x2", 70)],
    },
    {
      name: "bookings for an item not on the agenda never join",
      meeting: "scheduled",
      given: [agenda, ev.planSet([planned("x1", A, { agendaItemId: "a9" })])],
      command: { type: "meeting.open" },
      actor: chair,
      now: 50,
      then: opened(50),
    },
    {
      name: "a member cannot move the agenda to pull bookings → FORBIDDEN",
      given: withPlan,
      command: { type: "agenda.goto", itemId: "a2" },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
  ]);

  it("booked entries wait behind earlier requests, keep their booking, and count as asked", () => {
    const { after } = given(...withPlan, ev.requested(O, 3)).when({ type: "agenda.goto", itemId: "a2" }, chair, 70);
    expect(after.queue).toEqual([
      queueEntry(O, 3),
      queueEntry(C, 70, { kind: "booked", bookingId: "b-a2-carol" }),
      queueEntry(A, 70, { kind: "booked", bookingId: "b-a2-alice" }),
    ]);
    expect(after.asked).toEqual([O, C, A]);
  });

  it("a point of order still goes before booked speeches", () => {
    const { after } = given(...withPlan, ev.itemStarted("a2", 5), ev.booked(C, "b-a2-carol", 5), ev.booked(A, "b-a2-alice", 5)).when(
      { type: "queue.request", kind: "pointOfOrder" },
      bob,
      70,
    );
    expect(after.queue.map((e) => [e.participantId, e.kind])).toEqual([
      [B, "pointOfOrder"],
      [C, "booked"],
      [A, "booked"],
    ]);
  });

  it("the opening queues the bookings of the first item of the agenda as synced last", () => {
    const { events } = givenScheduled(...withPlan, ev.agendaSet([agendaItem("a3"), agendaItem("a1")])).when({ type: "meeting.open" }, chair, 50);
    expect(events).toEqual([ev.opened(50), ev.itemStarted("a3", 50), ev.booked(O, "b-none-olga", 50), ev.booked(B, "b-a3-bob", 50)]);
  });
});

describe("plan evolve", () => {
  it("plan.set and ordering.set replace the plan and the rules", () => {
    const plan = [planned("b1", A)];
    const { state } = given(ev.planSet(plan), ev.orderingSet({ sectorBalance: false, notYetSpoken: "meeting" }));
    expect(state.plan).toEqual(plan);
    expect(state.ordering).toEqual({ bookedFirst: true, partyFirst: true, sectorBalance: false, notYetSpoken: "meeting", sectorFirst: false });
  });

  it("an ordering.set from before 界别均衡优先 existed (no sectorFirst) replays as off, in the usual key order", () => {
    const old = { type: "ordering.set", ordering: { bookedFirst: false, partyFirst: true, sectorBalance: true, notYetSpoken: "item" } } as MeetingEvent;
    const { state } = given(ev.orderingSet({ sectorFirst: true }), old);
    expect(JSON.stringify(state.ordering)).toBe(
      JSON.stringify({ bookedFirst: false, partyFirst: true, sectorBalance: true, notYetSpoken: "item", sectorFirst: false }),
    );
  });

  it("a plan.set keeps booked entries whose booking stays, and impromptu entries always", () => {
    const { state } = given(
      ev.planSet([planned("b1", A), planned("b2", B)]),
      ev.booked(A, "b1"),
      ev.booked(B, "b2"),
      ev.requested(C),
      ev.planSet([planned("b2", B)]),
    );
    expect(state.queue.map((e) => e.participantId)).toEqual([B, C]);
  });
});
