// The ordering policy: tables of queues and histories for each rule, alone and combined, and a
// seeded random test of its guarantees against an independent restatement of the rules.
import { describe, expect, it } from "vitest";
import type { RosterEntry } from "../config/schema.ts";
import { DEFAULT_ORDERING, type OrderingRules } from "../plan/schema.ts";
import type { QueueEntry, SpeechKind } from "../queue/schema.ts";
import type { Speech, SpeechRecord } from "../floor/schema.ts";
import { queueEntry, rosterEntry, Rng, speech } from "../../testing/core.ts";
import { rulePriority, suggestNext, type DecidingRule, type SuggestionReason } from "./suggest.ts";
import { decidedByText, priorityText, rankedRule } from "./words.ts";

type Context = Parameters<typeof suggestNext>[0];

// Sectors (界别) and parties (党派) of a small roster.
const person = (id: string, sector: string | null, party: string | null) => rosterEntry({ participantId: id, role: "member" }, { sector, party });
const ROSTER: RosterEntry[] = [
  person("econ1", "经济", "民盟"),
  person("econ2", "经济", null),
  person("econ3", "经济", "民盟"),
  person("edu1", "教育", "民进"),
  person("edu2", "教育", null),
  person("none", null, null),
];
const OFF: OrderingRules = { bookedFirst: false, partyFirst: false, sectorBalance: false, notYetSpoken: "off", sectorFirst: false };

/** A queue entry: impromptu unless a kind is given (booked ones get a booking id). */
const q = (id: string, kind: SpeechKind = "impromptu"): QueueEntry => queueEntry(id, 0, { kind, bookingId: kind === "booked" ? `b-${id}` : null });
/** A finished speech on an item (the current one, i1, unless told). */
const spoke = (id: string, agendaItemId: string | null = "i1"): SpeechRecord => ({
  ...speech(id, { speechId: `s-${id}-${agendaItemId}`, agendaItemId }),
  endedAt: 1,
  durationMs: 1,
  overrunMs: 0,
  endedBy: id,
});

interface Case {
  name: string;
  queue: QueueEntry[];
  /** Finished speeches, oldest first. */
  history?: SpeechRecord[];
  floor?: Speech | null;
  rules?: Partial<OrderingRules>;
  /** Rules replaced wholesale (for switching everything off). */
  only?: OrderingRules;
  item?: string | null;
  then: { participantId: string; reasons: SuggestionReason[] } | null;
}

const ctx = (c: Omit<Case, "name" | "then">): Context => ({
  queue: c.queue,
  roster: ROSTER,
  speeches: c.history ?? [],
  floor: c.floor ?? null,
  ordering: c.only ?? { ...DEFAULT_ORDERING, ...c.rules },
  currentItemId: c.item === undefined ? "i1" : c.item,
});

/** Who and why (the rules that decided are checked in their own tables below). */
const table = (cases: Case[]) =>
  it.each(cases)("$name", (c) => {
    const got = suggestNext(ctx(c));
    expect(got && { participantId: got.participantId, reasons: got.reasons }).toEqual(c.then);
  });

describe("suggestNext: each rule", () => {
  table([
    { name: "nobody waiting → null", queue: [], then: null },
    { name: "nobody waiting, someone speaking → null", queue: [], floor: speech("econ1"), then: null },
    { name: "every rule off: queue order", queue: [q("edu2"), q("econ1")], only: OFF, then: { participantId: "edu2", reasons: ["queueOrder"] } },
    {
      name: "every rule off: a booked speech waits its turn",
      queue: [q("edu2"), q("econ1", "booked")],
      only: OFF,
      then: { participantId: "edu2", reasons: ["queueOrder"] },
    },
    // 程序性发言: always first, whatever the rules.
    {
      name: "a point of order first, even behind others",
      queue: [q("edu2"), q("econ2", "pointOfOrder")],
      only: OFF,
      then: { participantId: "econ2", reasons: ["pointOfOrder"] },
    },
    {
      name: "two points of order: queue order between them",
      queue: [q("edu2"), q("econ2", "pointOfOrder"), q("none", "pointOfOrder")],
      only: OFF,
      then: { participantId: "econ2", reasons: ["pointOfOrder"] },
    },
    {
      name: "a point of order before a booked speech",
      queue: [q("edu2", "booked"), q("econ2", "pointOfOrder")],
      then: { participantId: "econ2", reasons: ["pointOfOrder", "notYetSpoken"] },
    },
    {
      name: "a point of order by someone of the last speaker's sector who has spoken",
      queue: [q("edu2"), q("econ2", "pointOfOrder")],
      history: [spoke("econ2")],
      then: { participantId: "econ2", reasons: ["pointOfOrder"] },
    },
    // 预约发言 before 即席发言.
    {
      name: "booked first",
      queue: [q("edu2"), q("none", "booked")],
      rules: { partyFirst: false, sectorBalance: false, notYetSpoken: "off" },
      then: { participantId: "none", reasons: ["booked"] },
    },
    {
      name: "booked speeches in queue order (the planned order)",
      queue: [q("edu2", "booked"), q("econ2", "booked")],
      only: { ...OFF, bookedFirst: true },
      then: { participantId: "edu2", reasons: ["booked"] },
    },
    { name: "booked first off: queue order", queue: [q("edu2"), q("none", "booked")], only: OFF, then: { participantId: "edu2", reasons: ["queueOrder"] } },
    {
      name: "nobody booked: the rule is skipped",
      queue: [q("edu2"), q("none")],
      only: { ...OFF, bookedFirst: true },
      then: { participantId: "edu2", reasons: ["queueOrder"] },
    },
    // 党派优先: one speech per party early.
    {
      name: "party slot: a party member before others",
      queue: [q("econ2"), q("edu1")],
      only: { ...OFF, partyFirst: true },
      then: { participantId: "edu1", reasons: ["partySlot"] },
    },
    {
      name: "party slot taken by an earlier speech: skipped",
      queue: [q("econ2"), q("econ1")],
      history: [spoke("econ3", "i0")],
      only: { ...OFF, partyFirst: true },
      then: { participantId: "econ2", reasons: ["queueOrder"] },
    },
    {
      name: "party slot taken by the speech in progress",
      queue: [q("econ2"), q("econ1")],
      floor: speech("econ3"),
      only: { ...OFF, partyFirst: true },
      then: { participantId: "econ2", reasons: ["queueOrder"] },
    },
    {
      name: "one party spoke, another has its slot",
      queue: [q("econ2"), q("econ1"), q("edu1")],
      history: [spoke("econ3")],
      only: { ...OFF, partyFirst: true },
      then: { participantId: "edu1", reasons: ["partySlot"] },
    },
    {
      name: "two parties waiting: queue order",
      queue: [q("edu2"), q("edu1"), q("econ1")],
      only: { ...OFF, partyFirst: true },
      then: { participantId: "edu1", reasons: ["partySlot"] },
    },
    { name: "party first off", queue: [q("econ2"), q("edu1")], only: OFF, then: { participantId: "econ2", reasons: ["queueOrder"] } },
    {
      name: "a guest has no party",
      queue: [q("guest-1"), q("econ2")],
      only: { ...OFF, partyFirst: true },
      then: { participantId: "guest-1", reasons: ["queueOrder"] },
    },
    // 界别均衡: no two consecutive speakers of one sector when another is waiting.
    {
      name: "sector balance: someone of another sector than the last speaker",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("econ1")],
      only: { ...OFF, sectorBalance: true },
      then: { participantId: "edu2", reasons: ["sectorBalance"] },
    },
    {
      name: "sector balance counts the speaker holding the floor as the last",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("edu1")],
      floor: speech("econ1"),
      only: { ...OFF, sectorBalance: true },
      then: { participantId: "edu2", reasons: ["sectorBalance"] },
    },
    {
      name: "sector balance: only the last speech counts",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("econ1"), spoke("edu1")],
      only: { ...OFF, sectorBalance: true },
      then: { participantId: "econ2", reasons: ["sectorBalance"] },
    },
    {
      name: "sector balance: everyone of the same sector → skipped, queue order",
      queue: [q("econ2"), q("econ3")],
      history: [spoke("econ1")],
      only: { ...OFF, sectorBalance: true },
      then: { participantId: "econ2", reasons: ["queueOrder"] },
    },
    {
      name: "sector balance: nobody spoke yet → not named",
      queue: [q("econ2"), q("edu2")],
      only: { ...OFF, sectorBalance: true },
      then: { participantId: "econ2", reasons: ["queueOrder"] },
    },
    {
      name: "sector balance: the last speaker had no sector",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("none")],
      only: { ...OFF, sectorBalance: true },
      then: { participantId: "econ2", reasons: ["queueOrder"] },
    },
    {
      name: "sector balance: the last speaker was a guest",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("guest-9")],
      only: { ...OFF, sectorBalance: true },
      then: { participantId: "econ2", reasons: ["queueOrder"] },
    },
    {
      name: "sector balance: someone without a sector is of another sector",
      queue: [q("econ2"), q("none")],
      history: [spoke("econ1")],
      only: { ...OFF, sectorBalance: true },
      then: { participantId: "none", reasons: ["sectorBalance"] },
    },
    {
      name: "sector balance off",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("econ1")],
      only: OFF,
      then: { participantId: "econ2", reasons: ["queueOrder"] },
    },
    // 未发言优先: on this item, or in the whole meeting.
    {
      name: "not yet spoken on this item",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("econ2")],
      only: { ...OFF, notYetSpoken: "item" },
      then: { participantId: "edu2", reasons: ["notYetSpoken"] },
    },
    {
      name: "spoken on another item only: still first on this one",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("econ2", "i0")],
      only: { ...OFF, notYetSpoken: "item" },
      then: { participantId: "econ2", reasons: ["notYetSpoken"] },
    },
    {
      name: "spoken on another item, in meeting mode: after those who have not",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("econ2", "i0")],
      only: { ...OFF, notYetSpoken: "meeting" },
      then: { participantId: "edu2", reasons: ["notYetSpoken"] },
    },
    {
      name: "spoken before the agenda started (no item), with no current item",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("econ2", null)],
      item: null,
      only: { ...OFF, notYetSpoken: "item" },
      then: { participantId: "edu2", reasons: ["notYetSpoken"] },
    },
    {
      name: "everyone waiting has spoken: skipped",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("edu2"), spoke("econ2")],
      only: { ...OFF, notYetSpoken: "meeting" },
      then: { participantId: "econ2", reasons: ["queueOrder"] },
    },
    {
      name: "not yet spoken off",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("econ2")],
      only: OFF,
      then: { participantId: "econ2", reasons: ["queueOrder"] },
    },
  ]);
});

describe("suggestNext: rules together, in priority order", () => {
  table([
    {
      name: "the defaults with nobody spoken yet: queue order, named as not yet spoken",
      queue: [q("econ2"), q("edu2")],
      then: { participantId: "econ2", reasons: ["notYetSpoken"] },
    },
    { name: "booked beats the party slot", queue: [q("edu1"), q("econ2", "booked")], then: { participantId: "econ2", reasons: ["booked", "notYetSpoken"] } },
    {
      name: "among booked speeches the party slot decides",
      queue: [q("econ2", "booked"), q("edu1", "booked"), q("econ1")],
      then: { participantId: "edu1", reasons: ["booked", "partySlot", "notYetSpoken"] },
    },
    {
      name: "the party slot beats sector balance",
      queue: [q("edu2"), q("econ1")],
      history: [spoke("econ2")],
      then: { participantId: "econ1", reasons: ["partySlot", "notYetSpoken"] },
    },
    {
      name: "without party first, sector balance decides",
      queue: [q("edu2"), q("econ1")],
      history: [spoke("econ2")],
      rules: { partyFirst: false },
      then: { participantId: "edu2", reasons: ["sectorBalance", "notYetSpoken"] },
    },
    {
      name: "sector balance beats not yet spoken",
      queue: [q("econ3"), q("edu2")],
      history: [spoke("edu2"), spoke("econ2")],
      rules: { partyFirst: false },
      then: { participantId: "edu2", reasons: ["sectorBalance"] },
    },
    {
      name: "without sector balance, not yet spoken decides",
      queue: [q("econ3"), q("edu2")],
      history: [spoke("edu2"), spoke("econ2")],
      rules: { partyFirst: false, sectorBalance: false },
      then: { participantId: "econ3", reasons: ["notYetSpoken"] },
    },
    {
      name: "all rules narrow in turn",
      queue: [q("econ2"), q("edu2", "booked"), q("econ1", "booked"), q("edu1", "booked"), q("none", "booked")],
      history: [spoke("edu1", "i0"), spoke("econ3", "i0"), spoke("econ1"), spoke("edu2")],
      then: { participantId: "none", reasons: ["booked", "sectorBalance", "notYetSpoken"] },
    },
    {
      name: "a rule nobody satisfies is skipped, the later ones still apply",
      queue: [q("econ2"), q("econ3"), q("edu2")],
      history: [spoke("econ1"), spoke("edu2")],
      then: { participantId: "econ2", reasons: ["sectorBalance", "notYetSpoken"] },
    },
    {
      name: "a point of order beats every other rule",
      queue: [q("edu1", "booked"), q("econ2", "pointOfOrder")],
      history: [spoke("econ2")],
      then: { participantId: "econ2", reasons: ["pointOfOrder"] },
    },
    {
      name: "between points of order the other rules still apply",
      queue: [q("econ2", "pointOfOrder"), q("edu1", "pointOfOrder")],
      then: { participantId: "edu1", reasons: ["pointOfOrder", "partySlot", "notYetSpoken"] },
    },
    {
      name: "guests compete like anyone (no party, no sector)",
      queue: [q("guest-1"), q("econ2")],
      history: [spoke("econ1")],
      then: { participantId: "guest-1", reasons: ["sectorBalance", "notYetSpoken"] },
    },
  ]);

  it("is deterministic and independent of object identity and roster order", () => {
    const c = ctx({ queue: [q("econ2"), q("edu2", "booked"), q("econ1", "booked")], history: [spoke("edu1"), spoke("econ3")] });
    const first = suggestNext(c);
    expect(suggestNext(c)).toEqual(first);
    expect(suggestNext(structuredClone(c))).toEqual(first);
    expect(suggestNext({ ...c, roster: [...c.roster].reverse() })).toEqual(first);
  });
});

// ---------------------------------------------------------------------------------------------
// Seeded random test: the guarantees of the policy, checked against the rules restated here.

type RuleName = Exclude<SuggestionReason, "queueOrder">;
const ORDER: RuleName[] = ["pointOfOrder", "booked", "partySlot", "sectorBalance", "notYetSpoken"];
/** 界别均衡优先: sector balance moves ahead of the booked order and the party slot. */
const SECTOR_ORDER: RuleName[] = ["pointOfOrder", "sectorBalance", "booked", "partySlot", "notYetSpoken"];

/** The rules restated independently: is the rule enabled, and does this entry satisfy it? */
function oracle(c: Context) {
  const who = (id: string) => c.roster.find((p) => p.id === id);
  const history = c.floor ? [...c.speeches, c.floor] : [...c.speeches];
  const last = history[history.length - 1];
  const lastSector = last ? (who(last.participantId)?.sector ?? null) : null;
  const enabled = (rule: RuleName): boolean =>
    rule === "pointOfOrder" ||
    (rule === "booked" && c.ordering.bookedFirst) ||
    (rule === "partySlot" && c.ordering.partyFirst) ||
    (rule === "sectorBalance" && c.ordering.sectorBalance) ||
    (rule === "notYetSpoken" && c.ordering.notYetSpoken !== "off");
  const satisfies = (rule: RuleName, e: QueueEntry): boolean => {
    const p = who(e.participantId);
    switch (rule) {
      case "pointOfOrder":
        return e.kind === "pointOfOrder";
      case "booked":
        return e.kind === "booked";
      case "partySlot":
        return !!p?.party && history.every((sp) => who(sp.participantId)?.party !== p.party);
      case "sectorBalance":
        return lastSector === null || (p?.sector ?? null) !== lastSector;
      case "notYetSpoken":
        return history.every((sp) => sp.participantId !== e.participantId || (c.ordering.notYetSpoken === "item" && sp.agendaItemId !== c.currentItemId));
    }
  };
  const rules = (c.ordering.sectorFirst ? SECTOR_ORDER : ORDER).filter(enabled);
  return { rules, satisfies, allOf: (e: QueueEntry) => rules.every((r) => satisfies(r, e)) };
}

const SECTORS = ["经济", "教育", "医卫", "农业", null];
const PARTIES = ["民革", "民盟", "民建", "民进", "农工", null];

function randomContext(rng: Rng): Context {
  const size = rng.int(1, 12);
  const roster = Array.from({ length: size }, (_, i) =>
    rosterEntry(
      { participantId: `p${i}`, role: rng.pick(["member", "official"] as const) },
      { sector: rng.pick(SECTORS), party: rng.chance(0.5) ? rng.pick(PARTIES) : null },
    ),
  );
  const ids = [...roster.map((p) => p.id), "guest-1", "guest-2"];
  const items = ["i1", "i2", "i3", null];
  const speeches: SpeechRecord[] = Array.from({ length: rng.int(0, 10) }, (_, i) => ({
    ...speech(rng.pick(ids), { speechId: `s${i}`, agendaItemId: rng.pick(items) }),
    endedAt: i,
    durationMs: 1,
    overrunMs: 0,
    endedBy: "x",
  }));
  const floor = rng.chance(0.4) ? speech(rng.pick(ids), { speechId: "live", agendaItemId: rng.pick(items) }) : null;
  const waiting = ids.filter((id) => id !== floor?.participantId && rng.chance(0.5));
  // Shuffle the waiting people (the chair may have rearranged the queue).
  for (let i = waiting.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [waiting[i], waiting[j]] = [waiting[j]!, waiting[i]!];
  }
  const queue = waiting.map((id) => {
    const r = rng.float();
    const kind: SpeechKind = r < 0.1 ? "pointOfOrder" : r < 0.4 ? "booked" : "impromptu";
    return queueEntry(id, rng.int(0, 1000), { kind, bookingId: kind === "booked" ? `b-${id}` : null, guestName: id.startsWith("guest") ? id : null });
  });
  const ordering: OrderingRules = {
    bookedFirst: rng.chance(0.5),
    partyFirst: rng.chance(0.5),
    sectorBalance: rng.chance(0.5),
    notYetSpoken: rng.pick(["off", "item", "meeting"] as const),
    sectorFirst: rng.chance(0.5),
  };
  return { queue, roster, speeches, floor, ordering, currentItemId: rng.pick(items) };
}

describe("suggestNext under random queues, histories, rosters and rules", () => {
  const SEEDS = [1, 7, 42, 2024, 0xc0ffee];
  const RUNS = 2_000;

  it.each(SEEDS)(
    `keeps its guarantees over ${RUNS} random situations (seed %i)`,
    (seed) => {
      const rng = new Rng(seed);
      let allSatisfiable = 0;
      let pointsOfOrder = 0;
      let narrowed = 0;
      for (let run = 0; run < RUNS; run++) {
        const c = randomContext(rng);
        const where = `seed ${seed}, run ${run}: ${JSON.stringify({ queue: c.queue.map((e) => [e.participantId, e.kind]), ordering: c.ordering, item: c.currentItemId })}`;
        const got = suggestNext(c);
        if (c.queue.length === 0) {
          expect(got, where).toBeNull();
          continue;
        }
        expect(got, where).not.toBeNull();
        const chosen = c.queue.find((e) => e.participantId === got!.participantId);
        // Never someone not waiting.
        expect(chosen, where).toBeDefined();

        // Deterministic: same input, a deep copy, and the roster in another order give the same answer.
        expect(suggestNext(c), where).toEqual(got);
        expect(suggestNext(structuredClone(c)), where).toEqual(got);
        expect(suggestNext({ ...c, roster: [...c.roster].reverse() }), where).toEqual(got);

        const { rules, satisfies, allOf } = oracle(c);
        // A point of order waiting is always suggested first.
        if (c.queue.some((e) => e.kind === "pointOfOrder")) {
          pointsOfOrder++;
          expect(chosen!.kind, where).toBe("pointOfOrder");
        }
        // When someone waiting satisfies every enabled rule, so does the suggestion.
        if (c.queue.some(allOf)) {
          allSatisfiable++;
          expect(allOf(chosen!), where).toBe(true);
        }
        // The first enabled rule that anyone waiting satisfies is respected.
        const first = rules.find((r) => c.queue.some((e) => satisfies(r, e)));
        if (first) expect(satisfies(first, chosen!), `${where} (${first})`).toBe(true);

        // Exactly: the lexicographically best by the rules in priority order, earliest in the queue;
        // the rules that decided are those that set someone aside, with their place in the priority.
        let best = c.queue;
        const decided: DecidingRule[] = [];
        for (const [priority, r] of rules.entries()) {
          const keep = best.filter((e) => satisfies(r, e));
          if (keep.length > 0 && keep.length < best.length) decided.push({ rule: r, priority });
          if (keep.length > 0) best = keep;
        }
        expect(got!.decidedBy, where).toEqual(decided);
        if (best.length < c.queue.length) narrowed++;
        expect(got!.participantId, where).toBe(best[0]!.participantId);

        // The reasons: enabled rules the suggestion satisfies, in priority order, or just queue order.
        expect(got!.reasons.length, where).toBeGreaterThan(0);
        if (got!.reasons.includes("queueOrder")) expect(got!.reasons, where).toEqual(["queueOrder"]);
        else {
          const named = got!.reasons as RuleName[];
          expect(named, where).toEqual(rules.filter((r) => named.includes(r)));
          for (const r of named) expect(satisfies(r, chosen!), `${where} (${r})`).toBe(true);
        }
      }
      // The walk must reach the interesting cases, or it proves little.
      expect(allSatisfiable).toBeGreaterThan(RUNS / 20);
      expect(pointsOfOrder).toBeGreaterThan(RUNS / 20);
      expect(narrowed).toBeGreaterThan(RUNS / 5);
    },
    60_000,
  );
});

describe("suggestNext: which rule decided, in what priority (依据)", () => {
  interface RuleCase extends Omit<Case, "then"> {
    who: string;
    decidedBy: DecidingRule[];
    text: string;
  }
  it.each<RuleCase>([
    { name: "nobody set aside: queue order", queue: [q("econ2"), q("edu2")], who: "econ2", decidedBy: [], text: "依据：排队顺序" },
    {
      name: "a booked speech before an impromptu one: the booked order, first priority",
      queue: [q("edu2"), q("none", "booked")],
      who: "none",
      decidedBy: [{ rule: "booked", priority: 1 }],
      text: "依据：预约顺序（第1优先）",
    },
    {
      name: "booked speeches already at the top still go by the booked order",
      queue: [q("edu2", "booked"), q("econ2")],
      who: "edu2",
      decidedBy: [{ rule: "booked", priority: 1 }],
      text: "依据：预约顺序（第1优先）",
    },
    {
      name: "a point of order: always first",
      queue: [q("edu2", "booked"), q("econ2", "pointOfOrder")],
      who: "econ2",
      decidedBy: [{ rule: "pointOfOrder", priority: 0 }],
      text: "依据：程序性发言（始终最先）",
    },
    {
      name: "the party slot, second",
      queue: [q("econ2"), q("edu1")],
      who: "edu1",
      decidedBy: [{ rule: "partySlot", priority: 2 }],
      text: "依据：党派优先（第2优先）",
    },
    {
      name: "sector balance, third by default",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("econ1")],
      rules: { partyFirst: false },
      who: "edu2",
      decidedBy: [{ rule: "sectorBalance", priority: 2 }],
      text: "依据：界别均衡（第2优先）",
    },
    {
      name: "booked order then sector balance among the booked",
      queue: [q("econ2"), q("econ3", "booked"), q("edu2", "booked")],
      history: [spoke("econ1")],
      rules: { partyFirst: false },
      who: "edu2",
      decidedBy: [
        { rule: "booked", priority: 1 },
        { rule: "sectorBalance", priority: 2 },
      ],
      text: "依据：预约顺序（第1优先）、界别均衡（第2优先）",
    },
    {
      name: "not yet spoken, last of four",
      queue: [q("none"), q("econ2")],
      history: [spoke("none")],
      who: "econ2",
      decidedBy: [{ rule: "notYetSpoken", priority: 4 }],
      text: "依据：未发言优先（第4优先）",
    },
    {
      name: "rules switched off take no place: not yet spoken is first when alone",
      queue: [q("econ2"), q("edu2")],
      history: [spoke("econ2")],
      only: { ...OFF, notYetSpoken: "item" },
      who: "edu2",
      decidedBy: [{ rule: "notYetSpoken", priority: 1 }],
      text: "依据：未发言优先（第1优先）",
    },
  ])("$name", (c) => {
    const got = suggestNext(ctx(c))!;
    expect(got.participantId).toBe(c.who);
    expect(got.decidedBy).toEqual(c.decidedBy);
    expect(decidedByText(got.decidedBy, "zh")).toBe(c.text);
  });

  it("says it in English too", () => {
    expect(decidedByText([], "en")).toBe("Decided by: queue order");
    expect(
      decidedByText(
        [
          { rule: "booked", priority: 1 },
          { rule: "sectorBalance", priority: 3 },
        ],
        "en",
      ),
    ).toBe("Decided by: booked order (priority 1), sector balance (priority 3)");
    expect(rankedRule({ rule: "pointOfOrder", priority: 0 }, "en")).toBe("point of order (always first)");
  });
});

describe("suggestNext: sector balance before the booked order (界别均衡优先, sectorFirst)", () => {
  const sectorFirst = { sectorFirst: true };
  // 经济 spoke last; 孟 (经济) is booked, 李 (教育) asked impromptu.
  const queue = [q("econ2", "booked"), q("edu2")];
  const history = [spoke("econ1")];

  it("by default the booked speech comes first, even of the last speaker's sector", () => {
    const got = suggestNext(ctx({ queue, history }))!;
    expect(got.participantId).toBe("econ2");
    expect(decidedByText(got.decidedBy, "zh")).toBe("依据：预约顺序（第1优先）");
  });

  it("with sector balance first, someone of another sector comes before the booked speech", () => {
    const got = suggestNext(ctx({ queue, history, rules: sectorFirst }))!;
    expect(got).toEqual({ participantId: "edu2", reasons: ["sectorBalance", "notYetSpoken"], decidedBy: [{ rule: "sectorBalance", priority: 1 }] });
    expect(decidedByText(got.decidedBy, "zh")).toBe("依据：界别均衡（第1优先）");
  });

  it("among those of another sector, the booked order still decides, second", () => {
    const got = suggestNext(ctx({ queue: [q("econ2", "booked"), q("edu2"), q("none", "booked")], history, rules: sectorFirst }))!;
    expect(got.participantId).toBe("none");
    expect(decidedByText(got.decidedBy, "zh")).toBe("依据：界别均衡（第1优先）、预约顺序（第2优先）");
  });

  it("sector balance before the party slot too", () => {
    // 民盟 (econ3, 经济) has its party slot, but 经济 (econ2, no party) spoke last.
    const got = suggestNext(ctx({ queue: [q("econ3"), q("edu2")], history: [spoke("econ2")], rules: sectorFirst }))!;
    expect(got.participantId).toBe("edu2");
    expect(suggestNext(ctx({ queue: [q("econ3"), q("edu2")], history: [spoke("econ2")] }))!.participantId).toBe("econ3");
  });

  it("a point of order still comes first", () => {
    expect(suggestNext(ctx({ queue: [q("edu2"), q("econ2", "pointOfOrder")], history, rules: sectorFirst }))!.participantId).toBe("econ2");
  });

  it("nobody of another sector waiting: skipped, the booked order decides", () => {
    const got = suggestNext(ctx({ queue: [q("econ3"), q("econ2", "booked")], history, rules: sectorFirst }))!;
    expect(got.participantId).toBe("econ2");
    expect(got.decidedBy).toEqual([{ rule: "booked", priority: 2 }]);
  });

  it("has no effect while sector balance is off", () => {
    expect(rulePriority({ ...DEFAULT_ORDERING, sectorBalance: false, sectorFirst: true })).toEqual(["pointOfOrder", "booked", "partySlot", "notYetSpoken"]);
  });

  it("the priority in words, as the organisers and the chair read it", () => {
    expect(priorityText(DEFAULT_ORDERING, "zh")).toBe("程序性发言 → 预约顺序 → 党派优先 → 界别均衡 → 未发言优先 → 排队顺序");
    expect(priorityText({ ...DEFAULT_ORDERING, ...sectorFirst }, "zh")).toBe("程序性发言 → 界别均衡 → 预约顺序 → 党派优先 → 未发言优先 → 排队顺序");
    expect(priorityText({ ...OFF, sectorFirst: true }, "en")).toBe("point of order → queue order");
  });
});
