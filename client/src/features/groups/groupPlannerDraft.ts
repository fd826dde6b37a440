// The plan the chair (live) or the organisers (before) edit in the group planner (分组讨论):
// a draft of groups made from a proposal (按界别, 按名册列), topics members choose from
// (按议题自选) or by hand (手动), then edited — names, topic, place, convener and clerk, who is in
// which group — and turned into the `groups.define` definition. Pure, so both pages share it.
import { groupable, proposeGroups } from "@core/groups/assign.ts";
import type { GroupDefinition, GroupingColumn, GroupingMethod } from "@core/groups/schema.ts";
import type { RosterEntry } from "@core/config/schema.ts";

/** Who the planner places: a roster entry's fields it reads. */
export type PlannerPerson = Pick<RosterEntry, "id" | "name" | "role" | "sector" | "party" | "unit" | "household">;

export interface DraftGroup {
  groupId: string;
  name: string;
  topic: string;
  place: string;
  convenerId: string | null;
  clerkId: string | null;
  memberIds: string[];
}

export interface PlannerDraft {
  method: GroupingMethod;
  /** The roster column of method "column" (and "sector": sector). */
  column: GroupingColumn;
  groups: DraftGroup[];
}

/** Something to fix before the plan can be sent; `groupId` null: the plan as a whole. */
export type DraftProblem =
  | { kind: "noGroups"; groupId: null }
  | { kind: "nameMissing"; groupId: string }
  | { kind: "nameTwice"; groupId: string }
  | { kind: "convenerMissing"; groupId: string };

const asEntry = (p: PlannerPerson): RosterEntry => ({ side: null, chief: false, ...p });

/** Who can be in a group: everyone but the plenary's chairs, in roster order. */
export const groupablePeople = <P extends PlannerPerson>(roster: readonly P[]): P[] => roster.filter((p) => groupable(p));

const fromDefinition = (g: GroupDefinition): DraftGroup => ({
  groupId: g.groupId,
  name: g.name,
  topic: g.topic ?? "",
  place: g.place ?? "",
  convenerId: g.convenerId,
  clerkId: g.clerkId,
  memberIds: [...g.memberIds],
});

/** A draft of a definition already made (the one in the meeting, or saved by the organisers). */
export const draftOf = (method: GroupingMethod, groups: readonly GroupDefinition[], roster: readonly PlannerPerson[]): PlannerDraft => ({
  method,
  column: method === "column" ? columnOf(groups, roster) : "sector",
  groups: groups.map(fromDefinition),
});

/** The column a "column" plan was made by (not stored): the one whose values name most groups. */
function columnOf(groups: readonly GroupDefinition[], roster: readonly PlannerPerson[]): GroupingColumn {
  const byId = new Map(roster.map((p) => [p.id, p]));
  const columns = ["party", "unit", "household"] as const;
  const score = (column: (typeof columns)[number]) => groups.filter((g) => g.memberIds.some((id) => byId.get(id)?.[column]?.trim() === g.name)).length;
  return columns.reduce((best, c) => (score(c) > score(best) ? c : best), columns[0]);
}

const emptyGroup = (groupId: string, name: string): DraftGroup => ({ groupId, name, topic: "", place: "", convenerId: null, clerkId: null, memberIds: [] });

/**
 * A fresh draft for a method: by 界别 or a column, the core's proposal (one group per value, the
 * first member convening); by topic, `count` topics with nobody yet (conveners are named, members
 * choose); by hand, `count` empty groups. `nameOf(n)` names the n-th new group (第1组 / Group 1).
 */
export function proposeDraft(
  roster: readonly PlannerPerson[],
  method: GroupingMethod,
  column: GroupingColumn,
  nameOf: (n: number) => string,
  count = 2,
): PlannerDraft {
  if (method === "sector" || method === "column") {
    const by = method === "sector" ? "sector" : column;
    return { method, column: by, groups: proposeGroups(roster.map(asEntry), by).map(fromDefinition) };
  }
  return { method, column, groups: Array.from({ length: count }, (_, i) => emptyGroup(`g${i + 1}`, nameOf(i + 1))) };
}

/** A group id not used in the draft (g1, g2, …). */
const freeId = (draft: PlannerDraft): string => {
  const used = new Set(draft.groups.map((g) => g.groupId));
  let n = draft.groups.length + 1;
  while (used.has(`g${n}`)) n += 1;
  return `g${n}`;
};

export const addGroup = (draft: PlannerDraft, name: string): PlannerDraft => ({ ...draft, groups: [...draft.groups, emptyGroup(freeId(draft), name)] });

/** Removes a group; its people are unplaced (they stay in the plenary unless moved). */
export const removeGroup = (draft: PlannerDraft, groupId: string): PlannerDraft => ({ ...draft, groups: draft.groups.filter((g) => g.groupId !== groupId) });

/** Changes a group's name, topic or place. */
export const editGroup = (draft: PlannerDraft, groupId: string, change: Partial<Pick<DraftGroup, "name" | "topic" | "place">>): PlannerDraft => ({
  ...draft,
  groups: draft.groups.map((g) => (g.groupId === groupId ? { ...g, ...change } : g)),
});

/** Takes someone out of a group: a convener leaving hands over to the group's next person in roster order, a clerk leaving leaves none. */
function without(group: DraftGroup, personId: string, rosterOrder: readonly string[]): DraftGroup {
  if (!group.memberIds.includes(personId)) return group;
  const memberIds = group.memberIds.filter((id) => id !== personId);
  const next = rosterOrder.find((id) => memberIds.includes(id)) ?? null;
  return {
    ...group,
    memberIds,
    convenerId: group.convenerId === personId ? next : group.convenerId,
    clerkId: group.clerkId === personId ? null : group.clerkId,
  };
}

/**
 * Moves someone into a group (`toGroupId`), out of the one they were in, or out of every group
 * (null: they stay in the plenary). The group's members stay in roster order; someone moving into a
 * group without a convener convenes it.
 */
export function movePerson(draft: PlannerDraft, personId: string, toGroupId: string | null, roster: readonly PlannerPerson[]): PlannerDraft {
  const order = roster.map((p) => p.id);
  const rank = new Map(order.map((id, i) => [id, i]));
  return {
    ...draft,
    groups: draft.groups.map((g) => {
      if (g.groupId !== toGroupId) return without(g, personId, order);
      if (g.memberIds.includes(personId)) return g;
      const memberIds = [...g.memberIds, personId].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
      return { ...g, memberIds, convenerId: g.convenerId ?? personId };
    }),
  };
}

/**
 * Names a group's convener or clerk (null: no clerk). They join the group if not in it (a topic's
 * convener is named from the whole roster), leaving any other; a clerk named convener stops being clerk and the other way round.
 */
export function setOfficer(
  draft: PlannerDraft,
  groupId: string,
  officer: "convenerId" | "clerkId",
  personId: string | null,
  roster: readonly PlannerPerson[],
): PlannerDraft {
  const moved = personId === null ? draft : movePerson(draft, personId, groupId, roster);
  return {
    ...moved,
    groups: moved.groups.map((g) => {
      if (g.groupId !== groupId) return g;
      const other = officer === "convenerId" ? "clerkId" : "convenerId";
      const named = { ...g, [officer]: personId };
      if (personId !== null && g[other] === personId) named[other] = other === "clerkId" ? null : (g.memberIds.find((id) => id !== personId) ?? null);
      return named;
    }),
  };
}

/** The groupable people in no group, in roster order. */
export const unplaced = <P extends PlannerPerson>(draft: PlannerDraft, roster: readonly P[]): P[] => {
  const placed = new Set(draft.groups.flatMap((g) => g.memberIds));
  return groupablePeople(roster).filter((p) => !placed.has(p.id));
};

/** What keeps the draft from being sent: no group, a group without a name or convener, two groups of one name. */
export function draftProblems(draft: PlannerDraft): DraftProblem[] {
  if (draft.groups.length === 0) return [{ kind: "noGroups", groupId: null }];
  const problems: DraftProblem[] = [];
  const seen = new Set<string>();
  for (const g of draft.groups) {
    const name = g.name.trim();
    if (name === "") problems.push({ kind: "nameMissing", groupId: g.groupId });
    else if (seen.has(name)) problems.push({ kind: "nameTwice", groupId: g.groupId });
    seen.add(name);
    if (g.convenerId === null || !g.memberIds.includes(g.convenerId)) problems.push({ kind: "convenerMissing", groupId: g.groupId });
  }
  return problems;
}

/** The definition `groups.define` (or PUT …/groups) takes; groups without a convener are sent as they are only after draftProblems is empty. */
export function definitionOf(draft: PlannerDraft): { method: GroupingMethod; groups: GroupDefinition[] } {
  return {
    method: draft.method,
    groups: draft.groups.map((g) => ({
      groupId: g.groupId,
      name: g.name.trim(),
      topic: g.topic.trim() === "" ? null : g.topic.trim(),
      place: g.place.trim() === "" ? null : g.place.trim(),
      convenerId: g.convenerId ?? "",
      clerkId: g.clerkId !== null && g.memberIds.includes(g.clerkId) ? g.clerkId : null,
      memberIds: [...g.memberIds],
    })),
  };
}
