// What the roster offers the poll form: buildings, households, weights, sides, and the live
// preview of the list the poll would freeze if it opened now (应到 / 实到, per building).
import { eligibleVoters, householdUnit } from "@core/poll/eligibility.ts";
import type { MeetingState } from "@core/state.ts";
import type { RosterEntry } from "@core/config/schema.ts";
import { toDefinition, type PollDraft } from "./pollDraft.ts";

/** A household's building (楼栋): its name up to and including 号楼 / 栋 / 幢; null when it names none. */
export function buildingOf(household: string): string | null {
  const match = /^(.*?(?:号楼|栋|幢))/.exec(household.trim());
  return match ? match[1]!.trim() : null;
}

/** What the roster offers the create form: sides, households, their buildings, weights. */
export function rosterFacts(roster: readonly RosterEntry[]): { sides: boolean; households: boolean; buildings: string[]; weights: boolean } {
  const households = roster.map((e) => e.household).filter((h): h is string => h !== null && h.trim() !== "");
  const buildings = [...new Set(households.map(buildingOf).filter((b): b is string => b !== null))].sort((a, b) =>
    a.localeCompare(b, "zh-CN", { numeric: true }),
  );
  return { sides: roster.some((e) => e.side !== null), households: households.length > 0, buildings, weights: roster.some((e) => e.weight !== undefined) };
}

/** The live preview of the frozen list: voting units now (应到: households and single people; 实到: present), their weight, per building. */
export function eligiblePreview(
  state: MeetingState,
  draft: PollDraft,
): { units: number; present: number; households: number; people: number; weight: number; perBuilding: Record<string, number> } {
  const weighted = draft.weighted && !draft.secret;
  const units = eligibleVoters(state, toDefinition(draft).eligibility, weighted);
  const households = units.filter((u) => u.unitId === householdUnit(u.household ?? "")).length;
  const present = units.filter((u) => u.present).length;
  const perBuilding: Record<string, number> = {};
  for (const b of draft.buildings) {
    const prefix = b.prefix.trim();
    if (prefix !== "") perBuilding[prefix] = units.filter((u) => u.household?.startsWith(prefix) ?? false).length;
  }
  return { units: units.length, present, households, people: units.length - households, weight: units.reduce((sum, u) => sum + u.weight, 0), perBuilding };
}
