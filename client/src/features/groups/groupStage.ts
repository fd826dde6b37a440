// Pure helpers of the member's side of 分组讨论: whose group this page enters while the groups are
// open, the latest notice and each group's speaker as the plenary's display names them (the clocks:
// groupsView.ts).
import type { RosterEntry } from "@core/config/schema.ts";
import { groupOfParticipant } from "@core/groups/assign.ts";
import type { GroupNotice, GroupProgress, GroupsPhase, GroupsState, PlenaryGroup } from "@core/groups/schema.ts";

/** The groups are meeting (opened, or being called back): members are in their groups. */
export const groupsRunning = (phase: GroupsPhase): boolean => phase === "open" || phase === "recalling";

/**
 * The group this person sits in while the groups meet, once its meeting exists; null for the
 * room display, the plenary's chairs (they stay in the plenary and look in from there) and
 * whoever is in no group. The live roster's role counts (the organisers may change it).
 */
export function myGroup(
  groups: GroupsState,
  roster: readonly Pick<RosterEntry, "id" | "role">[],
  me: Pick<RosterEntry, "id" | "role">,
  display: boolean,
): PlenaryGroup | null {
  if (display || !groupsRunning(groups.phase)) return null;
  const role = roster.find((p) => p.id === me.id)?.role ?? me.role;
  if (role === "chair") return null;
  const group = groupOfParticipant(groups, me.id);
  return group && group.meetingId !== null ? group : null;
}

/** The latest notice to the groups (通知), or null. */
export const latestNotice = (groups: GroupsState): GroupNotice | null => groups.notices.at(-1) ?? null;

/** Who speaks in a group now, named as the plenary names them (同名区分), else as the group's meeting named them; null: nobody. */
export function progressSpeaker(progress: GroupProgress | null, nameOf: (id: string) => string | undefined): string | null {
  if (!progress || (progress.speakerId === null && progress.speakerName === null)) return null;
  return (progress.speakerId !== null ? nameOf(progress.speakerId) : undefined) ?? progress.speakerName;
}

/** Columns of the display's group board: every group on one 1920×1080 screen (20 groups: 5 × 4). */
export function boardColumns(groups: number): number {
  if (groups <= 2) return Math.max(1, groups);
  if (groups <= 4) return 2;
  if (groups <= 9) return 3;
  if (groups <= 16) return 4;
  return 5;
}
