// Who is entitled to vote in a poll (应到), frozen at its opening with who was present (实到):
// a pure function of the roster and attendance.
import type { MeetingState } from "../state.ts";
import type { Eligibility, EligibleVoter } from "./schema.ts";

export const householdUnit = (household: string): string => `household:${household}`;

export function eligibleVoters(state: Pick<MeetingState, "roster" | "attendance">, eligibility: Eligibility, weighted: boolean): EligibleVoter[] {
  const units = new Map<string, EligibleVoter>();
  for (const entry of state.roster) {
    if (!eligibility.roles.includes(entry.role)) continue;
    if (eligibility.side !== null && entry.side !== eligibility.side) continue;
    const present = state.attendance[entry.id]?.status === "present";
    // Polls from before the bases were named left the absent off the list (upgrade.ts).
    if (eligibility.presentOnly === true && !present) continue;
    const weight = weighted ? (entry.weight ?? 1) : 1;
    // People without a household vote for themselves even in a per-household poll.
    const unitId = eligibility.perHousehold && entry.household ? householdUnit(entry.household) : entry.id;
    const unit = units.get(unitId);
    if (unit) {
      unit.participantIds.push(entry.id);
      // A household's weight is its share, recorded on each member: the largest one counts.
      unit.weight = Math.max(unit.weight, weight);
      unit.present ||= present;
    } else {
      units.set(unitId, { unitId, participantIds: [entry.id], weight, household: entry.household, present });
    }
  }
  return [...units.values()];
}

/** The voting unit a participant casts for in this poll, or null when they are not entitled. */
export function unitOf(eligible: readonly EligibleVoter[], participantId: string): EligibleVoter | null {
  // The list is frozen at opening, so its index is built once (a vote storm looks up thousands).
  let index = indexes.get(eligible);
  if (!index) {
    index = new Map(eligible.flatMap((unit) => unit.participantIds.map((id) => [id, unit] as const)));
    indexes.set(eligible, index);
  }
  return index.get(participantId) ?? null;
}

const indexes = new WeakMap<readonly EligibleVoter[], Map<string, EligibleVoter>>();
