import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import type { MeetingState } from "../state.ts";
import type { AgendaEntry } from "./schema.ts";
import { agendaItem, decisionTable, ev, given, givenScheduled, NOW, people, play, type DecisionCase, type Step } from "../../testing/core.ts";

const { chair, alice, olga, clerk, observer } = people;
const nonChairs: Actor[] = [alice, olga, clerk, observer, SYSTEM_ACTOR];
const items = [agendaItem("a1", 600_000, "Budget"), agendaItem("a2", 900_000, "Housing", "Olga"), agendaItem("a3", 300_000, "Any other business")];
const agenda = ev.agendaSet(items);
/** The agenda is set and its first item has been current since t=0. */
const onA1 = [agenda, ev.itemStarted("a1", 0)];
const onA3 = [...onA1, ev.itemStarted("a3", 10)];

describe("agenda.next", () => {
  decisionTable([
    { name: "from the first item to the second", given: onA1, command: { type: "agenda.next" }, actor: chair, now: 5_000, then: [ev.itemStarted("a2", 5_000)] },
    {
      name: "from the second to the third",
      given: [...onA1, ev.itemStarted("a2", 10)],
      command: { type: "agenda.next" },
      actor: chair,
      then: [ev.itemStarted("a3", NOW)],
    },
    {
      name: "after going back, the item after the current one",
      given: [...onA3, ev.itemStarted("a1", 20)],
      command: { type: "agenda.next" },
      actor: chair,
      then: [ev.itemStarted("a2", NOW)],
    },
    { name: "with no current item, the first one", given: [agenda], command: { type: "agenda.next" }, actor: chair, then: [ev.itemStarted("a1", NOW)] },
    { name: "on the last item → NO_NEXT_ITEM", given: onA3, command: { type: "agenda.next" }, actor: chair, then: { error: "NO_NEXT_ITEM" } },
    { name: "without an agenda → NO_NEXT_ITEM", given: [], command: { type: "agenda.next" }, actor: chair, then: { error: "NO_NEXT_ITEM" } },
    ...nonChairs.map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: onA1,
      command: { type: "agenda.next" },
      actor,
      then: { error: "FORBIDDEN" },
    })),
    {
      name: "a clerk on the last item → FORBIDDEN (authorization first)",
      given: onA3,
      command: { type: "agenda.next" },
      actor: clerk,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "a member before the meeting opens → FORBIDDEN (authorization first)",
      meeting: "scheduled",
      given: [agenda],
      command: { type: "agenda.next" },
      actor: alice,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [agenda],
      command: { type: "agenda.next" },
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "after close → MEETING_CLOSED",
      given: [...onA1, ev.closed(50)],
      command: { type: "agenda.next" },
      actor: chair,
      then: { error: "MEETING_CLOSED" },
    },
    { name: "extra field → VALIDATION", given: onA1, command: { type: "agenda.next", itemId: "a3" }, actor: chair, then: { error: "VALIDATION" } },
  ]);
});

describe("agenda.goto", () => {
  decisionTable([
    { name: "forward, skipping an item", given: onA1, command: { type: "agenda.goto", itemId: "a3" }, actor: chair, now: 70, then: [ev.itemStarted("a3", 70)] },
    { name: "back to an earlier item", given: onA3, command: { type: "agenda.goto", itemId: "a1" }, actor: chair, now: 80, then: [ev.itemStarted("a1", 80)] },
    { name: "with no current item", given: [agenda], command: { type: "agenda.goto", itemId: "a2" }, actor: chair, then: [ev.itemStarted("a2", NOW)] },
    { name: "the current item decides nothing", given: onA3, command: { type: "agenda.goto", itemId: "a3" }, actor: chair, then: [] },
    { name: "an unknown item → NOT_FOUND", given: onA1, command: { type: "agenda.goto", itemId: "a9" }, actor: chair, then: { error: "NOT_FOUND" } },
    {
      name: "an item removed from the agenda → NOT_FOUND",
      given: [...onA1, ev.agendaSet([items[0]!])],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      then: { error: "NOT_FOUND" },
    },
    { name: "without an agenda → NOT_FOUND", given: [], command: { type: "agenda.goto", itemId: "a1" }, actor: chair, then: { error: "NOT_FOUND" } },
    ...nonChairs.map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      given: onA1,
      command: { type: "agenda.goto", itemId: "a2" },
      actor,
      then: { error: "FORBIDDEN" },
    })),
    {
      name: "an official to an unknown item → FORBIDDEN (authorization first)",
      given: onA1,
      command: { type: "agenda.goto", itemId: "a9" },
      actor: olga,
      then: { error: "FORBIDDEN" },
    },
    {
      name: "before the meeting opens → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [agenda],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "before the meeting opens, an unknown item → MEETING_NOT_OPEN",
      meeting: "scheduled",
      given: [agenda],
      command: { type: "agenda.goto", itemId: "a9" },
      actor: chair,
      then: { error: "MEETING_NOT_OPEN" },
    },
    {
      name: "after close → MEETING_CLOSED",
      given: [...onA1, ev.closed(50)],
      command: { type: "agenda.goto", itemId: "a2" },
      actor: chair,
      then: { error: "MEETING_CLOSED" },
    },
    { name: "missing itemId → VALIDATION", given: onA1, command: { type: "agenda.goto" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "empty itemId → VALIDATION", given: onA1, command: { type: "agenda.goto", itemId: "" }, actor: chair, then: { error: "VALIDATION" } },
    { name: "numeric itemId → VALIDATION", given: onA1, command: { type: "agenda.goto", itemId: 2 }, actor: chair, then: { error: "VALIDATION" } },
  ]);
});

/** [item id, actualMs, startedAt] for every agenda item, in agenda order. */
const clocks = (s: MeetingState) => s.agenda.map((item): [string, number, number | null] => [item.id, item.actualMs, item.startedAt]);

describe("actual time per item", () => {
  it("accumulates over visits, exactly, with the times the chair moved", () => {
    let state = givenScheduled(agenda).state;
    const go = (step: Step) => (state = play(state, [step]).state);

    go([{ type: "meeting.open" }, chair, 1_000]);
    expect([state.currentItemId, clocks(state)]).toEqual([
      "a1",
      [
        ["a1", 0, 1_000],
        ["a2", 0, null],
        ["a3", 0, null],
      ],
    ]);
    go([{ type: "agenda.next" }, chair, 61_000]);
    expect([state.currentItemId, clocks(state)]).toEqual([
      "a2",
      [
        ["a1", 60_000, null],
        ["a2", 0, 61_000],
        ["a3", 0, null],
      ],
    ]);
    go([{ type: "agenda.goto", itemId: "a1" }, chair, 100_000]);
    expect([state.currentItemId, clocks(state)]).toEqual([
      "a1",
      [
        ["a1", 60_000, 100_000],
        ["a2", 39_000, null],
        ["a3", 0, null],
      ],
    ]);
    go([{ type: "agenda.goto", itemId: "a1" }, chair, 110_000]);
    expect([state.currentItemId, clocks(state)]).toEqual([
      "a1",
      [
        ["a1", 60_000, 100_000],
        ["a2", 39_000, null],
        ["a3", 0, null],
      ],
    ]);
    go([{ type: "agenda.goto", itemId: "a3" }, chair, 130_000]);
    expect([state.currentItemId, clocks(state)]).toEqual([
      "a3",
      [
        ["a1", 90_000, null],
        ["a2", 39_000, null],
        ["a3", 0, 130_000],
      ],
    ]);
    go([{ type: "agenda.goto", itemId: "a2" }, chair, 130_001]);
    go([{ type: "agenda.goto", itemId: "a3" }, chair, 131_000]);
    expect([state.currentItemId, clocks(state)]).toEqual([
      "a3",
      [
        ["a1", 90_000, null],
        ["a2", 39_999, null],
        ["a3", 1, 131_000],
      ],
    ]);
    go([{ type: "meeting.close" }, chair, 200_000]);
    expect([state.currentItemId, clocks(state)]).toEqual([
      null,
      [
        ["a1", 90_000, null],
        ["a2", 39_999, null],
        ["a3", 69_001, null],
      ],
    ]);
  });

  it("a clock that steps back adds nothing rather than a negative time", () => {
    const state = given(...onA1, ev.itemStarted("a2", 5_000), ev.itemStarted("a1", 4_000)).state;
    expect(clocks(state)).toEqual([
      ["a1", 5_000, 4_000],
      ["a2", 0, null],
      ["a3", 0, null],
    ]);
  });
});

describe("agenda.set (from config.sync)", () => {
  /** a1 took 100 ms, a2 is current since t=100. */
  const onA2 = [...onA1, ev.itemStarted("a2", 100)];
  const entry = (item: (typeof items)[number], actualMs: number, startedAt: number | null): AgendaEntry => ({ ...item, actualMs, startedAt });

  it("keeps the actual times of kept items, takes the new order and titles, adds new items at zero", () => {
    const a2renamed = { ...items[1]!, title: "Housing (revised)", plannedMs: 1_200_000 };
    const state = given(...onA2, ev.agendaSet([a2renamed, agendaItem("a4"), items[0]!])).state;
    expect(state.agenda).toEqual([entry(a2renamed, 0, 100), { ...agendaItem("a4"), actualMs: 0, startedAt: null }, entry(items[0]!, 100, null)]);
    expect(state.currentItemId).toBe("a2");
  });

  it("drops the current item if it was removed, and the next item is then the first", () => {
    const { after, before } = given(...onA2, ev.agendaSet([items[0]!, items[2]!])).when({ type: "agenda.next" }, chair, 500);
    expect(before.currentItemId).toBeNull();
    expect(before.agenda).toEqual([entry(items[0]!, 100, null), entry(items[2]!, 0, null)]);
    expect(after.currentItemId).toBe("a1");
    expect(clocks(after)).toEqual([
      ["a1", 100, 500],
      ["a3", 0, null],
    ]);
  });

  it("an item removed and added back starts again from zero", () => {
    const state = given(...onA2, ev.itemStarted("a1", 300), ev.agendaSet([items[0]!]), ev.agendaSet(items)).state;
    expect(clocks(state)).toEqual([
      ["a1", 100, 300],
      ["a2", 0, null],
      ["a3", 0, null],
    ]);
    expect(state.currentItemId).toBe("a1");
  });

  it("before the meeting opens, sets the agenda with no current item", () => {
    const state = givenScheduled(agenda).state;
    expect(state.agenda).toEqual(items.map((item) => entry(item, 0, null)));
    expect(state.currentItemId).toBeNull();
  });

  it("an empty agenda leaves no current item", () => {
    const state = given(...onA2, ev.agendaSet([])).state;
    expect([state.agenda, state.currentItemId]).toEqual([[], null]);
  });
});
