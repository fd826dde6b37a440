// Who speaks next: a pure policy over the queue and the history of the meeting, configurable per
// meeting (OrderingRules). The rules narrow the waiting people one after another, in a fixed
// priority; a rule that nobody waiting could satisfy is skipped rather than broken for nothing.
// So if anyone satisfies every rule, the suggestion does; and the first rule that mattered is
// always respected. The chair can always choose someone else (floor.give records the override).
//
// The priority (docs/glossary.md, 建议下一位): a point of order always first; then 预约顺序
// (booked), 党派优先 (party slot), 界别均衡 (sector balance), 未发言优先 (not yet spoken) — or, when
// the organisers put sector balance first (`sectorFirst`), 界别均衡 before 预约顺序 and 党派优先.
// Rules switched off take no place; among those left, queue order (the chair's arrangement,
// booked speeches in their planned order).
import type { MeetingState } from "../state.ts";
import type { RosterEntry } from "../config/schema.ts";
import type { OrderingRules } from "../plan/schema.ts";
import type { QueueEntry } from "../queue/schema.ts";

/** Why this person: shown to the chair (未发言 · 界别均衡 …). */
export type SuggestionReason = "pointOfOrder" | "booked" | "partySlot" | "sectorBalance" | "notYetSpoken" | "queueOrder";
export type RuleName = Exclude<SuggestionReason, "queueOrder">;

/** A rule that set people aside for this suggestion, and its place in the meeting's priority. */
export interface DecidingRule {
  rule: RuleName;
  /** 1 for the first configurable rule in force, 2 for the next …; 0 for a point of order (always first). */
  priority: number;
}

export interface Suggestion {
  participantId: string;
  /** What the person suggested satisfies (describes them): 程序性 / 预约 / 党派 / 界别均衡 / 未发言, or queue order. */
  reasons: SuggestionReason[];
  /**
   * The rules that decided: each one set aside somebody still in the running, in priority
   * order. Empty when nobody was set aside: queue order decided (排队顺序).
   */
  decidedBy: DecidingRule[];
}

type Context = Pick<MeetingState, "queue" | "roster" | "speeches" | "ordering" | "currentItemId" | "floor">;

interface Rule {
  enabled: (o: OrderingRules) => boolean;
  /** Whether this waiting entry satisfies the rule. */
  holds: (entry: QueueEntry, s: Context, person: (id: string) => RosterEntry | undefined) => boolean;
}

/** Spoken so far: finished speeches plus the one in progress. */
const spoken = (s: Context) => (s.floor ? [...s.speeches, s.floor] : s.speeches);

const RULES: Record<RuleName, Rule> = {
  // Procedure comes before substance, always.
  pointOfOrder: { enabled: () => true, holds: (e) => e.kind === "pointOfOrder" },
  booked: { enabled: (o) => o.bookedFirst, holds: (e) => e.kind === "booked" },
  partySlot: {
    enabled: (o) => o.partyFirst,
    holds: (e, s, person) => {
      const party = person(e.participantId)?.party;
      return Boolean(party) && !spoken(s).some((sp) => person(sp.participantId)?.party === party);
    },
  },
  sectorBalance: {
    enabled: (o) => o.sectorBalance,
    holds: (e, s, person) => {
      const last = spoken(s).at(-1);
      const lastSector = last ? person(last.participantId)?.sector : null;
      return !lastSector || person(e.participantId)?.sector !== lastSector;
    },
  },
  notYetSpoken: {
    enabled: (o) => o.notYetSpoken !== "off",
    holds: (e, s) =>
      !spoken(s).some((sp) => sp.participantId === e.participantId && (s.ordering.notYetSpoken === "meeting" || sp.agendaItemId === s.currentItemId)),
  },
};

const BOOKED_FIRST: readonly RuleName[] = ["pointOfOrder", "booked", "partySlot", "sectorBalance", "notYetSpoken"];
const SECTOR_FIRST: readonly RuleName[] = ["pointOfOrder", "sectorBalance", "booked", "partySlot", "notYetSpoken"];

/** The rules in force for these ordering rules, highest priority first (a point of order always leads). */
export function rulePriority(ordering: OrderingRules): RuleName[] {
  return (ordering.sectorFirst ? SECTOR_FIRST : BOOKED_FIRST).filter((rule) => RULES[rule].enabled(ordering));
}

/** The suggested next speaker, why, and which rules decided; null when nobody waits. Deterministic. */
export function suggestNext(s: Context): Suggestion | null {
  const byId = new Map(s.roster.map((p) => [p.id, p]));
  const person = (id: string) => byId.get(id);
  let candidates: readonly QueueEntry[] = s.queue;
  if (candidates.length === 0) return null;
  const reasons: SuggestionReason[] = [];
  const decidedBy: DecidingRule[] = [];
  rulePriority(s.ordering).forEach((name, priority) => {
    const keep = candidates.filter((e) => RULES[name].holds(e, s, person));
    // Skipped when nobody satisfies it. Balance is named only when it set someone aside; the
    // others describe the person suggested (程序性 / 预约 / 党派 / 未发言).
    if (keep.length === 0) return;
    if (keep.length < candidates.length) decidedBy.push({ rule: name, priority });
    if (keep.length < candidates.length || name !== "sectorBalance") reasons.push(name);
    candidates = keep;
  });
  // Among equals, queue order (the chair's arrangement; booked speeches in their planned order).
  return { participantId: candidates[0]!.participantId, reasons: reasons.length > 0 ? reasons : ["queueOrder"], decidedBy };
}
