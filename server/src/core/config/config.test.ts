import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import { DEFAULT_SPEECH_CAP_MS, type QuorumRule, type RosterEntry } from "../state.ts";
import { agendaItem, decisionTable, ev, given, givenExactly, givenScheduled, people, ROSTER, rosterEntry, type DecisionCase } from "../testing.ts";
import type { AgendaItemInput } from "../agenda/schema.ts";

const { chair, alice, olga, clerk, observer } = people;
const A = alice.participantId;
const items = [agendaItem("a1", 600_000, "Budget"), agendaItem("a2", 900_000, "Housing", "Olga")];
const dave = rosterEntry({ participantId: "p-dave", role: "member" }, { sector: "教育", party: "民盟", unit: "一中", side: "worker", chief: true, household: "A1" });

interface Config {
  roster?: RosterEntry[];
  agenda?: AgendaItemInput[];
  quorumRule?: QuorumRule;
  speechCapMs?: number;
}
/** A config.sync that, unless told otherwise, repeats what `given` and `givenScheduled` start from. */
const sync = ({ roster = [...ROSTER], agenda = [], quorumRule = "majority", speechCapMs = DEFAULT_SPEECH_CAP_MS }: Config = {}) => ({
  type: "config.sync",
  roster,
  agenda,
  quorumRule,
  speechCapMs,
});
const withAgenda = ev.agendaSet(items);
const replaced = (i: number, change: Partial<AgendaItemInput>) => items.map((item, j) => (i === j ? { ...item, ...change } : item));

describe("config.sync: who", () => {
  decisionTable([
    ...[chair, alice, olga, clerk, observer].map(
      (actor): DecisionCase => ({ name: `${actor.role} → FORBIDDEN`, meeting: "scheduled", given: [], command: sync({ quorumRule: "none" }), actor, then: { error: "FORBIDDEN" } }),
    ),
    { name: "the chair, even when nothing differs → FORBIDDEN", given: [], command: sync(), actor: chair, then: { error: "FORBIDDEN" } },
    { name: "the system", meeting: "scheduled", given: [], command: sync({ quorumRule: "none" }), actor: SYSTEM_ACTOR, then: [ev.ruleSet("none")] },
  ]);
});

describe("config.sync: only what differs", () => {
  const system: Actor = SYSTEM_ACTOR;
  decisionTable([
    { name: "nothing differs before the meeting → nothing", meeting: "scheduled", given: [], command: sync(), actor: system, then: [] },
    { name: "nothing differs while open → nothing", given: [], command: sync(), actor: system, then: [] },
    { name: "nothing differs after close → nothing", given: [ev.closed(5)], command: sync(), actor: system, then: [] },
    { name: "someone added to the roster", meeting: "scheduled", given: [], command: sync({ roster: [...ROSTER, dave] }), actor: system, then: [ev.rosterSet([...ROSTER, dave])] },
    { name: "someone removed from the roster", given: [], command: sync({ roster: ROSTER.slice(1) }), actor: system, then: [ev.rosterSet(ROSTER.slice(1))] },
    { name: "a role changed", given: [], command: sync({ roster: ROSTER.map((p) => (p.id === A ? { ...p, role: "official" } : p)) }), actor: system, then: [ev.rosterSet(ROSTER.map((p) => (p.id === A ? { ...p, role: "official" } : p)))] },
    { name: "a party changed", given: [], command: sync({ roster: ROSTER.map((p) => (p.id === A ? { ...p, party: "民进" } : p)) }), actor: system, then: [ev.rosterSet(ROSTER.map((p) => (p.id === A ? { ...p, party: "民进" } : p)))] },
    { name: "the roster in another order", given: [], command: sync({ roster: [...ROSTER].reverse() }), actor: system, then: [ev.rosterSet([...ROSTER].reverse())] },
    { name: "an agenda for a meeting without one", meeting: "scheduled", given: [], command: sync({ agenda: items }), actor: system, then: [ev.agendaSet(items)] },
    { name: "the same agenda → nothing", meeting: "scheduled", given: [withAgenda], command: sync({ agenda: items }), actor: system, then: [] },
    { name: "the same agenda while an item runs and has actual time → nothing", given: [withAgenda, ev.itemStarted("a1", 1), ev.itemStarted("a2", 500)], command: sync({ agenda: items }), actor: system, then: [] },
    { name: "a retitled item", given: [withAgenda], command: sync({ agenda: replaced(0, { title: "Budget 2025" }) }), actor: system, then: [ev.agendaSet(replaced(0, { title: "Budget 2025" }))] },
    { name: "a new planned time", given: [withAgenda], command: sync({ agenda: replaced(1, { plannedMs: 60_000 }) }), actor: system, then: [ev.agendaSet(replaced(1, { plannedMs: 60_000 }))] },
    { name: "a presenter removed", given: [withAgenda], command: sync({ agenda: replaced(1, { presenter: null }) }), actor: system, then: [ev.agendaSet(replaced(1, { presenter: null }))] },
    { name: "the items in another order", given: [withAgenda], command: sync({ agenda: [...items].reverse() }), actor: system, then: [ev.agendaSet([...items].reverse())] },
    { name: "the agenda emptied", given: [withAgenda], command: sync({ agenda: [] }), actor: system, then: [ev.agendaSet([])] },
    { name: "a new quorum rule", given: [], command: sync({ quorumRule: "twoThirds" }), actor: system, then: [ev.ruleSet("twoThirds")] },
    { name: "back to the rule set before", given: [ev.ruleSet("none")], command: sync({ quorumRule: "majority" }), actor: system, then: [ev.ruleSet("majority")] },
    { name: "a new cap before the meeting", meeting: "scheduled", given: [], command: sync({ speechCapMs: 120_000 }), actor: system, then: [ev.capSet(120_000)] },
    { name: "the cap the chair set before the meeting is overridden", meeting: "scheduled", given: [ev.capSet(60_000)], command: sync(), actor: system, then: [ev.capSet(DEFAULT_SPEECH_CAP_MS)] },
    { name: "a new cap while open → nothing (the chair owns it)", given: [], command: sync({ speechCapMs: 120_000 }), actor: system, then: [] },
    { name: "the chair's cap survives a sync while open", given: [ev.capSet(60_000)], command: sync(), actor: system, then: [] },
    { name: "a new cap after close → nothing", given: [ev.closed(5)], command: sync({ speechCapMs: 120_000 }), actor: system, then: [] },
    {
      name: "everything differs: roster, agenda, rule, cap, in that order",
      meeting: "scheduled",
      given: [],
      command: sync({ roster: [dave], agenda: items, quorumRule: "none", speechCapMs: 30_000 }),
      actor: system,
      then: [ev.rosterSet([dave]), ev.agendaSet(items), ev.ruleSet("none"), ev.capSet(30_000)],
    },
    {
      name: "everything differs while open: no cap",
      given: [],
      command: sync({ roster: [dave], agenda: items, quorumRule: "none", speechCapMs: 30_000 }),
      actor: system,
      then: [ev.rosterSet([dave]), ev.agendaSet(items), ev.ruleSet("none")],
    },
    { name: "a cap under 30 s → VALIDATION", meeting: "scheduled", given: [], command: sync({ speechCapMs: 29_999 }), actor: system, then: { error: "VALIDATION" } },
    { name: "a fractional cap → VALIDATION", meeting: "scheduled", given: [], command: sync({ speechCapMs: 60_000.5 }), actor: system, then: { error: "VALIDATION" } },
    { name: "an unknown side → VALIDATION", given: [], command: sync({ roster: [{ ...dave, side: "state" as "worker" }] }), actor: system, then: { error: "VALIDATION" } },
    { name: "a 201-item agenda → VALIDATION", given: [], command: sync({ agenda: Array.from({ length: 201 }, (_, i) => agendaItem(`a${i}`)) }), actor: system, then: { error: "VALIDATION" } },
    { name: "an extra field → VALIDATION", given: [], command: { ...sync(), title: "x" }, actor: system, then: { error: "VALIDATION" } },
  ]);

  it("the first sync into an empty meeting sets everything that differs from the defaults", () => {
    const outcome = givenExactly().when(sync({ agenda: items, quorumRule: "twoThirds", speechCapMs: 90_000 }), SYSTEM_ACTOR);
    expect(outcome.events).toEqual([ev.rosterSet(ROSTER), ev.agendaSet(items), ev.ruleSet("twoThirds"), ev.capSet(90_000)]);
    expect(outcome.after).toMatchObject({ roster: ROSTER, quorumRule: "twoThirds", speechCapMs: 90_000, status: "scheduled" });
    expect(outcome.after.agenda.map(({ id, title, presenter, plannedMs }) => ({ id, title, presenter, plannedMs }))).toEqual(items);
  });

  it.each<[string, Config]>([
    ["a roster", { roster: [dave, ...ROSTER] }],
    ["an agenda", { agenda: items }],
    ["a rule", { quorumRule: "none" }],
    ["a cap", { speechCapMs: 45_000 }],
    ["everything", { roster: [dave], agenda: [...items].reverse(), quorumRule: "twoThirds", speechCapMs: 3_600_000 }],
  ])("syncing %s twice decides nothing the second time", (_name, config) => {
    const first = givenScheduled().when(sync(config), SYSTEM_ACTOR, 10);
    expect(first.events.length).toBeGreaterThan(0);
    const second = givenScheduled(...first.events).when(sync(config), SYSTEM_ACTOR, 20);
    expect(second.before).toEqual(first.after);
    expect(second.events).toEqual([]);
  });
});

describe("roster.set", () => {
  it("replaces the roster and keeps attendance, queue and floor", () => {
    const before = given(ev.arrived([A], "qr"), ev.requested(A), ev.requested(olga.participantId), ev.started(olga.participantId)).state;
    const after = given(ev.arrived([A], "qr"), ev.requested(A), ev.requested(olga.participantId), ev.started(olga.participantId), ev.rosterSet([dave])).state;
    expect(after).toEqual({ ...before, seq: before.seq + 1, roster: [dave] });
  });
});
