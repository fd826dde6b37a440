// Who goes to which group: the proposal a roster column makes (按界别 / 按名册列分组), the seats of
// the groups' meetings at opening, and a person's group. Pure: the chair's screen and the core share it.
import type { RosterEntry } from "../config/schema.ts";
import type { Role } from "../roles.ts";
import type { MeetingState } from "../state.ts";
import type { GroupDefinition, GroupingColumn, GroupSeat, GroupsState, PlenaryGroup } from "./schema.ts";

/** The name of the group of those who left the column blank. */
export const BLANK_GROUP_NAME = "其他";

/** Who can be put into a group: everyone but the plenary's chairs (they look into every group). */
export const groupable = (entry: Pick<RosterEntry, "role">): boolean => entry.role !== "chair";

/**
 * One group per distinct value of the column, in order of first appearance on the roster (blank
 * values last, together, as 其他); the convener is the group's first member or official on the
 * roster, no clerk named. The chair edits it before opening.
 */
export function proposeGroups(roster: readonly RosterEntry[], by: GroupingColumn): GroupDefinition[] {
  // Keyed by the group's name (a value cut to 40 characters), so that no two groups share a name;
  // a column value 其他 and the blanks are one group.
  const byName = new Map<string, RosterEntry[]>();
  const blank: RosterEntry[] = [];
  for (const entry of roster) {
    if (!groupable(entry)) continue;
    const name = (entry[by]?.trim() ?? "").slice(0, 40).trim();
    if (name === "") blank.push(entry);
    else byName.set(name, [...(byName.get(name) ?? []), entry]);
  }
  if (blank.length > 0) {
    const other = byName.get(BLANK_GROUP_NAME);
    const ids = new Set(blank.map((m) => m.id));
    byName.set(BLANK_GROUP_NAME, other ? roster.filter((m) => ids.has(m.id) || other.includes(m)) : blank);
  }
  const all = [...byName.entries()].map(([name, members]) => ({ name, members }));
  return all.map(({ name, members }, index) => ({
    groupId: `g${index + 1}`,
    name,
    topic: null,
    place: null,
    convenerId: (members.find((m) => m.role === "member" || m.role === "official") ?? members[0]!).id,
    clerkId: null,
    memberIds: members.map((m) => m.id),
  }));
}

/** The group someone is in (convener and clerk included), if any. */
export const groupOfParticipant = (groups: GroupsState, participantId: string): PlenaryGroup | undefined =>
  groups.groups.find((g) => g.memberIds.includes(participantId));

/**
 * The groups' members at opening: as defined (less those no longer on the roster or now a chair),
 * and in a topic round every member and official who chose nothing joins the smallest group (the
 * first of equal ones), one after another.
 */
export function membersAtOpening(state: MeetingState): GroupDefinition[] {
  // The roster may have changed since the definition: who left it, or became a chair, is in no group.
  const seated = new Set(state.roster.filter(groupable).map((p) => p.id));
  const groups = state.groups.groups.map((g) => ({ ...g, memberIds: g.memberIds.filter((id) => seated.has(id)) }));
  if (state.groups.method !== "topic") return groups;
  const placed = new Set(groups.flatMap((g) => g.memberIds));
  for (const entry of state.roster) {
    if ((entry.role !== "member" && entry.role !== "official") || placed.has(entry.id)) continue;
    const smallest = groups.reduce((a, b) => (b.memberIds.length < a.memberIds.length ? b : a));
    smallest.memberIds.push(entry.id);
  }
  return groups;
}

/** Someone's role in their group's meeting: the convener chairs it, the clerk keeps its record, everyone else keeps their role. */
function seatRole(group: GroupDefinition, entry: RosterEntry): Role {
  if (entry.id === group.convenerId) return "chair";
  if (entry.id === group.clerkId) return "clerk";
  return entry.role;
}

/** The seats of a group's meeting: its members in roster order, then the plenary's chairs as observers (they look in). */
export function groupSeats(roster: readonly RosterEntry[], group: GroupDefinition, newId: () => string): GroupSeat[] {
  const members = new Set(group.memberIds);
  const seats: GroupSeat[] = [];
  for (const entry of roster)
    if (members.has(entry.id) && groupable(entry)) seats.push({ participantId: entry.id, seatId: newId(), role: seatRole(group, entry) });
  for (const entry of roster) if (entry.role === "chair") seats.push({ participantId: entry.id, seatId: newId(), role: "observer" });
  return seats;
}
