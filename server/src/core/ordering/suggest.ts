// Who speaks next: a pure policy over the queue and the history of the meeting, configurable per
// meeting (OrderingRules). The rules narrow the waiting people one after another, in a fixed
// priority; a rule that nobody waiting could satisfy is skipped rather than broken for nothing.
// So if anyone satisfies every rule, the suggestion does; and the first rule that mattered is
// always respected. The chair can always choose someone else (floor.give records the override).
import type { MeetingState, QueueEntry, RosterEntry } from "../state.ts";

/** Why this person: shown to the chair (未发言 · 界别均衡 …). */
export type SuggestionReason = "pointOfOrder" | "booked" | "partySlot" | "sectorBalance" | "notYetSpoken" | "queueOrder";

export interface Suggestion {
  participantId: string;
  reasons: SuggestionReason[];
}

type Context = Pick<MeetingState, "queue" | "roster" | "speeches" | "ordering" | "currentItemId" | "floor">;

interface Rule {
  reason: SuggestionReason;
  enabled: (s: Context) => boolean;
  /** Whether this waiting entry satisfies the rule. */
  holds: (entry: QueueEntry, s: Context, person: (id: string) => RosterEntry | undefined) => boolean;
}

/** Spoken so far: finished speeches plus the one in progress. */
const spoken = (s: Context) => (s.floor ? [...s.speeches, s.floor] : s.speeches);

export const RULES: readonly Rule[] = [
  // Procedure comes before substance, always.
  { reason: "pointOfOrder", enabled: () => true, holds: (e) => e.kind === "pointOfOrder" },
  { reason: "booked", enabled: (s) => s.ordering.bookedFirst, holds: (e) => e.kind === "booked" },
  {
    reason: "partySlot",
    enabled: (s) => s.ordering.partyFirst,
    holds: (e, s, person) => {
      const party = person(e.participantId)?.party;
      return Boolean(party) && !spoken(s).some((sp) => person(sp.participantId)?.party === party);
    },
  },
  {
    reason: "sectorBalance",
    enabled: (s) => s.ordering.sectorBalance,
    holds: (e, s, person) => {
      const last = spoken(s).at(-1);
      const lastSector = last ? person(last.participantId)?.sector : null;
      return !lastSector || person(e.participantId)?.sector !== lastSector;
    },
  },
  {
    reason: "notYetSpoken",
    enabled: (s) => s.ordering.notYetSpoken !== "off",
    holds: (e, s) =>
      !spoken(s).some((sp) => sp.participantId === e.participantId && (s.ordering.notYetSpoken === "meeting" || sp.agendaItemId === s.currentItemId)),
  },
];

/** The suggested next speaker and why, or null when nobody waits. Deterministic. */
export function suggestNext(s: Context): Suggestion | null {
  const byId = new Map(s.roster.map((p) => [p.id, p]));
  const person = (id: string) => byId.get(id);
  let candidates: readonly QueueEntry[] = s.queue;
  if (candidates.length === 0) return null;
  const reasons: SuggestionReason[] = [];
  for (const rule of RULES) {
    if (!rule.enabled(s)) continue;
    const keep = candidates.filter((e) => rule.holds(e, s, person));
    // Skipped when nobody satisfies it. Balance is named only when it set someone aside; the
    // others describe the person suggested (程序性 / 预约 / 党派 / 未发言).
    if (keep.length === 0) continue;
    if (keep.length < candidates.length || rule.reason !== "sectorBalance") reasons.push(rule.reason);
    candidates = keep;
  }
  // Among equals, queue order (the chair's arrangement; booked speeches in their planned order).
  return { participantId: candidates[0]!.participantId, reasons: reasons.length > 0 ? reasons : ["queueOrder"] };
}
