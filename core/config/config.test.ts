import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../roles.ts";
import { DEFAULT_ORDERING } from "../plan/schema.ts";
import { DEFAULT_SPEECH_CAP_MS, DEFAULT_SPEECH_CAPS } from "../floor/schema.ts";
import {
  agendaItem,
  configSync,
  decisionTable,
  ev,
  given,
  givenExactly,
  givenScheduled,
  people,
  planned,
  ROSTER,
  rosterEntry,
  type DecisionCase,
} from "../../testing/core.ts";
import type { AgendaItemInput } from "../agenda/schema.ts";
import type { MeetingEvent } from "../meeting.ts";

const { chair, alice, olga, clerk, observer } = people;
const A = alice.participantId;
const C_ID = people.carol.participantId;
const items = [agendaItem("a1", 600_000, "Budget"), agendaItem("a2", 900_000, "Housing", "Olga")];
const dave = rosterEntry(
  { participantId: "p-dave", role: "member" },
  { sector: "教育", party: "民盟", unit: "一中", side: "worker", chief: true, household: "A1" },
);

type Config = Parameters<typeof configSync>[0];
/** A config.sync that, unless told otherwise, repeats what `given` and `givenScheduled` start from. */
const sync = (config: Config = {}) => configSync(config);
const withAgenda = ev.agendaSet(items);
const replaced = (i: number, change: Partial<AgendaItemInput>) => items.map((item, j) => (i === j ? { ...item, ...change } : item));

describe("config.sync: who", () => {
  decisionTable([
    ...[chair, alice, olga, clerk, observer].map((actor): DecisionCase => ({
      name: `${actor.role} → FORBIDDEN`,
      meeting: "scheduled",
      given: [],
      command: sync({ quorumRule: "none" }),
      actor,
      then: { error: "FORBIDDEN" },
    })),
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
    {
      name: "someone added to the roster",
      meeting: "scheduled",
      given: [],
      command: sync({ roster: [...ROSTER, dave] }),
      actor: system,
      then: [ev.rosterSet([...ROSTER, dave])],
    },
    { name: "someone removed from the roster", given: [], command: sync({ roster: ROSTER.slice(1) }), actor: system, then: [ev.rosterSet(ROSTER.slice(1))] },
    {
      name: "a role changed",
      given: [],
      command: sync({ roster: ROSTER.map((p) => (p.id === A ? { ...p, role: "official" } : p)) }),
      actor: system,
      then: [ev.rosterSet(ROSTER.map((p) => (p.id === A ? { ...p, role: "official" } : p)))],
    },
    {
      name: "a party changed",
      given: [],
      command: sync({ roster: ROSTER.map((p) => (p.id === A ? { ...p, party: "民进" } : p)) }),
      actor: system,
      then: [ev.rosterSet(ROSTER.map((p) => (p.id === A ? { ...p, party: "民进" } : p)))],
    },
    {
      name: "the roster in another order",
      given: [],
      command: sync({ roster: [...ROSTER].reverse() }),
      actor: system,
      then: [ev.rosterSet([...ROSTER].reverse())],
    },
    {
      name: "an agenda for a meeting without one",
      meeting: "scheduled",
      given: [],
      command: sync({ agenda: items }),
      actor: system,
      then: [ev.agendaSet(items)],
    },
    { name: "the same agenda → nothing", meeting: "scheduled", given: [withAgenda], command: sync({ agenda: items }), actor: system, then: [] },
    {
      name: "the same agenda while an item runs and has actual time → nothing",
      given: [withAgenda, ev.itemStarted("a1", 1), ev.itemStarted("a2", 500)],
      command: sync({ agenda: items }),
      actor: system,
      then: [],
    },
    {
      name: "a retitled item",
      given: [withAgenda],
      command: sync({ agenda: replaced(0, { title: "Budget 2025" }) }),
      actor: system,
      then: [ev.agendaSet(replaced(0, { title: "Budget 2025" }))],
    },
    {
      name: "a new planned time",
      given: [withAgenda],
      command: sync({ agenda: replaced(1, { plannedMs: 60_000 }) }),
      actor: system,
      then: [ev.agendaSet(replaced(1, { plannedMs: 60_000 }))],
    },
    {
      name: "a presenter removed",
      given: [withAgenda],
      command: sync({ agenda: replaced(1, { presenter: null }) }),
      actor: system,
      then: [ev.agendaSet(replaced(1, { presenter: null }))],
    },
    {
      name: "the items in another order",
      given: [withAgenda],
      command: sync({ agenda: [...items].reverse() }),
      actor: system,
      then: [ev.agendaSet([...items].reverse())],
    },
    { name: "the agenda emptied", given: [withAgenda], command: sync({ agenda: [] }), actor: system, then: [ev.agendaSet([])] },
    { name: "a new quorum rule", given: [], command: sync({ quorumRule: "twoThirds" }), actor: system, then: [ev.ruleSet("twoThirds")] },
    {
      name: "back to the rule set before",
      given: [ev.ruleSet("none")],
      command: sync({ quorumRule: "majority" }),
      actor: system,
      then: [ev.ruleSet("majority")],
    },
    {
      name: "a new cap before the meeting",
      meeting: "scheduled",
      given: [],
      command: sync({ speechCaps: { impromptu: 120_000 } }),
      actor: system,
      then: [ev.capSet(120_000)],
    },
    {
      name: "the cap the chair set before the meeting is overridden",
      meeting: "scheduled",
      given: [ev.capSet(60_000)],
      command: sync(),
      actor: system,
      then: [ev.capSet(DEFAULT_SPEECH_CAP_MS)],
    },
    { name: "a new cap while open → nothing (the chair owns it)", given: [], command: sync({ speechCaps: { impromptu: 120_000 } }), actor: system, then: [] },
    { name: "the chair's cap survives a sync while open", given: [ev.capSet(60_000)], command: sync(), actor: system, then: [] },
    { name: "a new cap after close → nothing", given: [ev.closed(5)], command: sync({ speechCaps: { impromptu: 120_000 } }), actor: system, then: [] },
    {
      name: "everything differs: roster, agenda, rule, cap, in that order",
      meeting: "scheduled",
      given: [],
      command: sync({ roster: [dave], agenda: items, quorumRule: "none", speechCaps: { impromptu: 30_000 } }),
      actor: system,
      then: [ev.rosterSet([dave]), ev.agendaSet(items), ev.ruleSet("none"), ev.capSet(30_000)],
    },
    {
      name: "everything differs while open: no cap",
      given: [],
      command: sync({ roster: [dave], agenda: items, quorumRule: "none", speechCaps: { impromptu: 30_000 } }),
      actor: system,
      then: [ev.rosterSet([dave]), ev.agendaSet(items), ev.ruleSet("none")],
    },
    {
      name: "a cap under 30 s → VALIDATION",
      meeting: "scheduled",
      given: [],
      command: sync({ speechCaps: { impromptu: 29_999 } }),
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "a fractional cap → VALIDATION",
      meeting: "scheduled",
      given: [],
      command: sync({ speechCaps: { impromptu: 60_000.5 } }),
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "an unknown side → VALIDATION",
      given: [],
      command: sync({ roster: [{ ...dave, side: "state" as "worker" }] }),
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "a 201-item agenda → VALIDATION",
      given: [],
      command: sync({ agenda: Array.from({ length: 201 }, (_, i) => agendaItem(`a${i}`)) }),
      actor: system,
      then: { error: "VALIDATION" },
    },
    { name: "an extra field → VALIDATION", given: [], command: { ...sync(), title: "x" }, actor: system, then: { error: "VALIDATION" } },
  ]);

  it("the first sync into an empty meeting sets everything that differs from the defaults", () => {
    const outcome = givenExactly().when(sync({ agenda: items, quorumRule: "twoThirds", speechCaps: { impromptu: 90_000 } }), SYSTEM_ACTOR);
    expect(outcome.events).toEqual([ev.rosterSet(ROSTER), ev.agendaSet(items), ev.ruleSet("twoThirds"), ev.capSet(90_000)]);
    expect(outcome.after).toMatchObject({
      roster: ROSTER,
      quorumRule: "twoThirds",
      speechCaps: { ...DEFAULT_SPEECH_CAPS, impromptu: 90_000 },
      status: "scheduled",
    });
    expect(outcome.after.agenda.map(({ id, title, presenter, plannedMs }) => ({ id, title, presenter, plannedMs }))).toEqual(items);
  });

  it.each<[string, Config]>([
    ["a roster", { roster: [dave, ...ROSTER] }],
    ["an agenda", { agenda: items }],
    ["a rule", { quorumRule: "none" }],
    ["a cap", { speechCaps: { impromptu: 45_000 } }],
    ["everything", { roster: [dave], agenda: [...items].reverse(), quorumRule: "twoThirds", speechCaps: { impromptu: 3_600_000 } }],
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

describe("config.sync: caps per kind, ordering rules and the speaking plan", () => {
  const system: Actor = SYSTEM_ACTOR;
  const B = people.bob.participantId;
  const plan = [planned("b1", A, { agendaItemId: "a1" }), planned("w1", B, { kind: "written", agendaItemId: null })];
  const noRules = { bookedFirst: false, partyFirst: false, sectorBalance: false, notYetSpoken: "off" as const };
  decisionTable([
    {
      name: "a booked cap before the meeting",
      meeting: "scheduled",
      given: [],
      command: sync({ speechCaps: { booked: 600_000 } }),
      actor: system,
      then: [ev.capSet(600_000, "booked")],
    },
    {
      name: "a point-of-order cap before the meeting",
      meeting: "scheduled",
      given: [],
      command: sync({ speechCaps: { pointOfOrder: 60_000 } }),
      actor: system,
      then: [ev.capSet(60_000, "pointOfOrder")],
    },
    {
      name: "all three caps differ: one event per kind, booked · impromptu · point of order",
      meeting: "scheduled",
      given: [],
      command: sync({ speechCaps: { booked: 30_000, impromptu: 40_000, pointOfOrder: 50_000 } }),
      actor: system,
      then: [ev.capSet(30_000, "booked"), ev.capSet(40_000, "impromptu"), ev.capSet(50_000, "pointOfOrder")],
    },
    {
      name: "the caps as the chair set them per kind → nothing",
      meeting: "scheduled",
      given: [ev.capSet(600_000, "booked")],
      command: sync({ speechCaps: { booked: 600_000 } }),
      actor: system,
      then: [],
    },
    {
      name: "a booked cap set by the chair before the meeting is overridden",
      meeting: "scheduled",
      given: [ev.capSet(600_000, "booked")],
      command: sync(),
      actor: system,
      then: [ev.capSet(480_000, "booked")],
    },
    {
      name: "a booked cap while open → nothing (the chair owns it)",
      given: [],
      command: sync({ speechCaps: { booked: 600_000, pointOfOrder: 30_000 } }),
      actor: system,
      then: [],
    },
    { name: "new ordering rules", given: [], command: sync({ ordering: { partyFirst: false } }), actor: system, then: [ev.orderingSet({ partyFirst: false })] },
    { name: "every rule switched off", meeting: "scheduled", given: [], command: sync({ ordering: noRules }), actor: system, then: [ev.orderingSet(noRules)] },
    {
      name: "not yet spoken in the whole meeting",
      given: [],
      command: sync({ ordering: { notYetSpoken: "meeting" } }),
      actor: system,
      then: [ev.orderingSet({ notYetSpoken: "meeting" })],
    },
    {
      name: "the same ordering rules → nothing",
      given: [ev.orderingSet({ partyFirst: false })],
      command: sync({ ordering: { partyFirst: false } }),
      actor: system,
      then: [],
    },
    { name: "back to the default rules", given: [ev.orderingSet(noRules)], command: sync(), actor: system, then: [ev.orderingSet()] },
    { name: "a plan before the meeting", meeting: "scheduled", given: [], command: sync({ plan }), actor: system, then: [ev.planSet(plan)] },
    { name: "a plan while open (also after close)", given: [ev.closed(5)], command: sync({ plan }), actor: system, then: [ev.planSet(plan)] },
    { name: "the same plan → nothing", given: [ev.planSet(plan)], command: sync({ plan }), actor: system, then: [] },
    {
      name: "the plan in another order",
      given: [ev.planSet(plan)],
      command: sync({ plan: [...plan].reverse() }),
      actor: system,
      then: [ev.planSet([...plan].reverse())],
    },
    {
      name: "a booking's text changed",
      given: [ev.planSet(plan)],
      command: sync({ plan: [{ ...plan[0]!, text: "修改稿" }, plan[1]!] }),
      actor: system,
      then: [ev.planSet([{ ...plan[0]!, text: "修改稿" }, plan[1]!])],
    },
    { name: "the plan emptied", given: [ev.planSet(plan)], command: sync(), actor: system, then: [ev.planSet([])] },
    {
      name: "everything differs: roster, agenda, rule, caps, ordering, plan, in that order",
      meeting: "scheduled",
      given: [],
      command: sync({ roster: [dave], agenda: items, quorumRule: "none", speechCaps: { booked: 60_000, pointOfOrder: 90_000 }, ordering: noRules, plan }),
      actor: system,
      then: [
        ev.rosterSet([dave]),
        ev.agendaSet(items),
        ev.ruleSet("none"),
        ev.capSet(60_000, "booked"),
        ev.capSet(90_000, "pointOfOrder"),
        ev.orderingSet(noRules),
        ev.planSet(plan),
      ],
    },
    {
      name: "a booked cap under 30 s → VALIDATION",
      meeting: "scheduled",
      given: [],
      command: sync({ speechCaps: { booked: 29_999 } }),
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "a point-of-order cap over an hour → VALIDATION",
      meeting: "scheduled",
      given: [],
      command: sync({ speechCaps: { pointOfOrder: 3_600_001 } }),
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "a cap for an unknown kind → VALIDATION",
      given: [],
      command: { ...sync(), speechCaps: { ...DEFAULT_SPEECH_CAPS, interjection: 60_000 } },
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "a cap missing → VALIDATION",
      given: [],
      command: { ...sync(), speechCaps: { booked: 60_000, impromptu: 60_000 } },
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "an unknown notYetSpoken → VALIDATION",
      given: [],
      command: { ...sync(), ordering: { ...DEFAULT_ORDERING, notYetSpoken: "day" } },
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "an unknown ordering rule → VALIDATION",
      given: [],
      command: { ...sync(), ordering: { ...DEFAULT_ORDERING, alphabetical: true } },
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "a rule missing → VALIDATION",
      given: [],
      command: { ...sync(), ordering: { bookedFirst: true, partyFirst: true, sectorBalance: true } },
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "a planned impromptu speech → VALIDATION",
      given: [],
      command: sync({ plan: [{ ...plan[0]!, kind: "impromptu" as "booked" }] }),
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "a planned speech with an extra field → VALIDATION",
      given: [],
      command: sync({ plan: [{ ...plan[0]!, order: 1 } as never] }),
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "a planned speech with an empty bookingId → VALIDATION",
      given: [],
      command: sync({ plan: [{ ...plan[0]!, bookingId: "" }] }),
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "a planned text over 20000 characters → VALIDATION",
      given: [],
      command: sync({ plan: [{ ...plan[0]!, text: "字".repeat(20_001) }] }),
      actor: system,
      then: { error: "VALIDATION" },
    },
    { name: "a config without the plan → VALIDATION", given: [], command: { ...sync(), plan: undefined }, actor: system, then: { error: "VALIDATION" } },
    { name: "the chair sending a plan → FORBIDDEN", given: [], command: sync({ plan }), actor: chair, then: { error: "FORBIDDEN" } },
  ]);

  it("sets the caps, rules and plan in the state, and a second identical sync decides nothing", () => {
    const config = sync({ speechCaps: { booked: 600_000, impromptu: 240_000, pointOfOrder: 60_000 }, ordering: noRules, plan });
    const first = givenScheduled().when(config, SYSTEM_ACTOR, 10);
    expect(first.after).toMatchObject({ speechCaps: { booked: 600_000, impromptu: 240_000, pointOfOrder: 60_000 }, ordering: noRules, plan });
    expect(givenScheduled(...first.events).when(config, SYSTEM_ACTOR, 20).events).toEqual([]);
  });

  it("a plan synced while open keeps the queue unless a waiting booked speech lost its booking", () => {
    const waiting = [ev.booked(A, "b1"), ev.requested(B, 5), ev.booked(C_ID, "b3")];
    const before = given(ev.planSet([planned("b1", A), planned("b3", C_ID)]), ...waiting);
    // b1 moved to another item and retitled: still booked for alice, she stays.
    const kept = before.when(sync({ plan: [planned("b1", A, { agendaItemId: "a9", title: "新题目" }), planned("b3", C_ID)] }), SYSTEM_ACTOR);
    expect(kept.after.queue.map((e) => e.participantId)).toEqual([A, B, C_ID]);
    // b3 withdrawn, and b1 given to bob: both booked entries leave, bob's own request stays.
    const dropped = before.when(sync({ plan: [planned("b1", B)] }), SYSTEM_ACTOR);
    expect(dropped.after.queue.map((e) => e.participantId)).toEqual([B]);
    // b1 turned into a written speech: it never takes the floor, alice leaves the queue.
    const written = before.when(sync({ plan: [planned("b1", A, { kind: "written" }), planned("b3", C_ID)] }), SYSTEM_ACTOR);
    expect(written.after.queue.map((e) => e.participantId)).toEqual([B, C_ID]);
  });
});

describe("config.sync: poll rules (记录员可发起表决) and vote weights (表决权重)", () => {
  const system: Actor = SYSTEM_ACTOR;
  const pollRulesSet = (clerkMay: boolean, allowed = true): MeetingEvent => ({ type: "poll.rulesSet", clerkMay, allowed });
  const withPollRules = (clerkMay: boolean, config: Config = {}, allowed = true) => ({ ...sync(config), pollRules: { clerkMay, allowed } });
  const weighted = ROSTER.map((p) => (p.id === A ? { ...p, weight: 89.5 } : p));
  decisionTable([
    { name: "the clerk allowed → poll.rulesSet", meeting: "scheduled", given: [], command: withPollRules(true), actor: system, then: [pollRulesSet(true)] },
    { name: "the rules the meeting has (default: chair only) → nothing", given: [], command: withPollRules(false), actor: system, then: [] },
    {
      name: "polls switched off by the organisers (允许表决 unticked) → poll.rulesSet",
      given: [],
      command: withPollRules(false, {}, false),
      actor: system,
      then: [pollRulesSet(false, false)],
    },
    { name: "the clerk allowed already → nothing", given: [pollRulesSet(true)], command: withPollRules(true), actor: system, then: [] },
    {
      name: "allowed, then withdrawn → poll.rulesSet false",
      given: [pollRulesSet(true)],
      command: withPollRules(false),
      actor: system,
      then: [pollRulesSet(false)],
    },
    { name: "absent → the rules stay as they are", given: [pollRulesSet(true)], command: sync(), actor: system, then: [] },
    { name: "while open", given: [], command: withPollRules(true), actor: system, then: [pollRulesSet(true)] },
    { name: "after close", given: [ev.closed(5)], command: withPollRules(true), actor: system, then: [pollRulesSet(true)] },
    {
      name: "after the interjection rules, last",
      meeting: "scheduled",
      given: [],
      command: { ...withPollRules(true, { quorumRule: "none" }), interjectionRules: { capMs: 60_000, membersMay: true, allowed: true } },
      actor: system,
      then: [ev.ruleSet("none"), ev.ijRules({ capMs: 60_000, membersMay: true, allowed: true }), pollRulesSet(true)],
    },
    { name: "the chair sending poll rules → FORBIDDEN", given: [], command: withPollRules(true), actor: chair, then: { error: "FORBIDDEN" } },
    { name: "the clerk sending poll rules → FORBIDDEN", given: [], command: withPollRules(true), actor: clerk, then: { error: "FORBIDDEN" } },
    {
      name: "clerkMay not a boolean → VALIDATION",
      given: [],
      command: { ...sync(), pollRules: { clerkMay: "yes" } },
      actor: system,
      then: { error: "VALIDATION" },
    },
    { name: "clerkMay missing → VALIDATION", given: [], command: { ...sync(), pollRules: {} }, actor: system, then: { error: "VALIDATION" } },
    {
      name: "an extra poll rule → VALIDATION",
      given: [],
      command: { ...sync(), pollRules: { clerkMay: true, chairOnly: false } },
      actor: system,
      then: { error: "VALIDATION" },
    },
    { name: "a weight given → roster.set with it", given: [], command: sync({ roster: weighted }), actor: system, then: [ev.rosterSet(weighted)] },
    { name: "the same weights → nothing", given: [ev.rosterSet(weighted)], command: sync({ roster: weighted }), actor: system, then: [] },
    { name: "a weight removed → roster.set without it", given: [ev.rosterSet(weighted)], command: sync(), actor: system, then: [ev.rosterSet(ROSTER)] },
    {
      name: "a weight of 0 → VALIDATION",
      given: [],
      command: sync({ roster: ROSTER.map((p) => (p.id === A ? { ...p, weight: 0 } : p)) }),
      actor: system,
      then: { error: "VALIDATION" },
    },
    {
      name: "a weight over 1,000,000 → VALIDATION",
      given: [],
      command: sync({ roster: ROSTER.map((p) => (p.id === A ? { ...p, weight: 1_000_001 } : p)) }),
      actor: system,
      then: { error: "VALIDATION" },
    },
  ]);

  it("sets pollRules in the state; the same sync again decides nothing; a roster entry keeps its weight", () => {
    const config = withPollRules(true, { roster: weighted });
    const first = givenScheduled().when(config, SYSTEM_ACTOR, 10);
    expect(first.after.pollRules).toEqual({ clerkMay: true, allowed: true });
    expect(first.after.roster.find((p) => p.id === A)?.weight).toBe(89.5);
    expect(first.after.roster.find((p) => p.id === C_ID)).not.toHaveProperty("weight");
    expect(givenScheduled(...first.events).when(config, SYSTEM_ACTOR, 20).events).toEqual([]);
  });
});

describe("config.sync: sharing the record with members (会议记录向委员公开)", () => {
  const system: Actor = SYSTEM_ACTOR;
  const sharedSet = (shared: boolean): MeetingEvent => ({ type: "record.sharedSet", shared });
  const sharing = (recordShared: unknown) => ({ ...sync(), recordShared });
  decisionTable([
    { name: "shared before the meeting → record.sharedSet", meeting: "scheduled", given: [], command: sharing(true), actor: system, then: [sharedSet(true)] },
    { name: "shared while open", given: [], command: sharing(true), actor: system, then: [sharedSet(true)] },
    { name: "shared after close", given: [ev.closed(5)], command: sharing(true), actor: system, then: [sharedSet(true)] },
    { name: "not shared, as by default → nothing", given: [], command: sharing(false), actor: system, then: [] },
    { name: "shared already → nothing", given: [sharedSet(true)], command: sharing(true), actor: system, then: [] },
    { name: "shared, then withdrawn → record.sharedSet false", given: [sharedSet(true)], command: sharing(false), actor: system, then: [sharedSet(false)] },
    { name: "absent → stays as it is", given: [sharedSet(true)], command: sync(), actor: system, then: [] },
    {
      name: "after the poll rules, last",
      given: [],
      command: { ...sharing(true), pollRules: { clerkMay: true, allowed: true } },
      actor: system,
      then: [ev.pollRules(true), sharedSet(true)],
    },
    { name: "the chair sending it → FORBIDDEN", given: [], command: sharing(true), actor: chair, then: { error: "FORBIDDEN" } },
    { name: "not a boolean → VALIDATION", given: [], command: sharing("yes"), actor: system, then: { error: "VALIDATION" } },
    { name: "null → VALIDATION", given: [], command: sharing(null), actor: system, then: { error: "VALIDATION" } },
  ]);

  it("sets recordShared in the state; the same sync again decides nothing", () => {
    const first = given().when(sharing(true), SYSTEM_ACTOR, 10);
    expect(first.before.recordShared).toBe(false);
    expect(first.after.recordShared).toBe(true);
    expect(given(...first.events).when(sharing(true), SYSTEM_ACTOR, 20).events).toEqual([]);
  });
});

describe("config.sync: the kind of meeting (会议类型)", () => {
  const system: Actor = SYSTEM_ACTOR;
  const kindSet = (kind: string): MeetingEvent => ({ type: "meeting.kindSet", kind }) as MeetingEvent;
  const ofKind = (kind: unknown) => ({ ...sync(), kind });
  decisionTable([
    {
      name: "a bargaining meeting before it opens → meeting.kindSet",
      meeting: "scheduled",
      given: [],
      command: ofKind("bargaining"),
      actor: system,
      then: [kindSet("bargaining")],
    },
    { name: "changed while open", given: [kindSet("community")], command: ofKind("mediation"), actor: system, then: [kindSet("mediation")] },
    { name: "changed after close", given: [ev.closed(5)], command: ofKind("community"), actor: system, then: [kindSet("community")] },
    { name: "a consultation, as a new meeting starts → nothing", meeting: "scheduled", given: [], command: ofKind("consultation"), actor: system, then: [] },
    { name: "the same kind again → nothing", given: [kindSet("community")], command: ofKind("community"), actor: system, then: [] },
    { name: "absent → stays as it is", given: [kindSet("community")], command: sync(), actor: system, then: [] },
    {
      name: "after the poll rules, before sharing the record",
      given: [],
      command: { ...ofKind("community"), pollRules: { clerkMay: true, allowed: true }, recordShared: true },
      actor: system,
      then: [ev.pollRules(true), kindSet("community"), { type: "record.sharedSet", shared: true }],
    },
    { name: "the chair sending it → FORBIDDEN", given: [], command: ofKind("community"), actor: chair, then: { error: "FORBIDDEN" } },
    { name: "an unknown kind → VALIDATION", given: [], command: ofKind("townHall"), actor: system, then: { error: "VALIDATION" } },
  ]);

  it("sets the kind in the state; the same sync again decides nothing", () => {
    const first = given().when(ofKind("mediation"), SYSTEM_ACTOR, 10);
    expect(first.before.kind).toBe("consultation");
    expect(first.after.kind).toBe("mediation");
    expect(given(...first.events).when(ofKind("mediation"), SYSTEM_ACTOR, 20).events).toEqual([]);
  });
});

describe("config.sync: 界别均衡优先 (ordering.sectorFirst)", () => {
  const system: Actor = SYSTEM_ACTOR;
  const { sectorFirst: _off, ...withoutIt } = DEFAULT_ORDERING;
  decisionTable([
    {
      name: "switched on → ordering.set with it",
      meeting: "scheduled",
      given: [],
      command: sync({ ordering: { sectorFirst: true } }),
      actor: system,
      then: [ev.orderingSet({ sectorFirst: true })],
    },
    {
      name: "switched on while open (the next suggestion follows it)",
      given: [],
      command: sync({ ordering: { sectorFirst: true } }),
      actor: system,
      then: [ev.orderingSet({ sectorFirst: true })],
    },
    { name: "absent, as from an older server: off, nothing differs", given: [], command: { ...sync(), ordering: withoutIt }, actor: system, then: [] },
    {
      name: "absent while on → back off",
      given: [ev.orderingSet({ sectorFirst: true })],
      command: { ...sync(), ordering: withoutIt },
      actor: system,
      then: [ev.orderingSet({ sectorFirst: false })],
    },
    {
      name: "not a boolean → VALIDATION",
      given: [],
      command: { ...sync(), ordering: { ...DEFAULT_ORDERING, sectorFirst: "yes" } },
      actor: system,
      then: { error: "VALIDATION" },
    },
  ]);
});
