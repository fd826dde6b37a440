// Pure helpers shared by the groups' screens (分组讨论): the chair's board, the member's banner
// and the room display read a group's speaker clock and the call back's countdown alike.
import { WARNING_MS, type Countdown } from "@core/clock.ts";
import type { GroupProgress, GroupsState, PlenaryGroup } from "@core/groups/schema.ts";
import type { MeetingState } from "@core/state.ts";

/**
 * The clock of a group's current speaker from what the plenary was told (groups.progressed):
 * the cap (extensions included) less the unpaused time; frozen while paused. Null when nobody
 * holds the group's floor or the speech has no cap.
 */
export function groupSpeakerClock(progress: GroupProgress | null, serverNow: number): (Countdown & { paused: boolean }) | null {
  if (!progress || progress.speechStartedAt === null || progress.capMs === null) return null;
  // Frozen at the pause itself, also where the estimate of the server's time is still before it.
  const spent = Math.max(0, (progress.pausedAt ?? serverNow) - progress.speechStartedAt - progress.pausedMs);
  const remainingMs = progress.capMs - spent;
  return { remainingMs, phase: remainingMs < 0 ? "overrun" : remainingMs <= WARNING_MS ? "warning" : "running", paused: progress.pausedAt !== null };
}

/**
 * Time left of the call back (召回) while the groups are recalling, in whole seconds (floored, so a
 * clock a little behind the server's never shows 5:01 of a 5-minute call back), never below 0; null otherwise.
 */
export function recallRemainingMs(groups: GroupsState, serverNow: number): number | null {
  if (groups.phase !== "recalling" || groups.recallEndsAt === null) return null;
  return Math.max(0, Math.floor((groups.recallEndsAt - serverNow) / 1000) * 1000);
}

/** The number of people in a group (convener and clerk included). */
export const memberCount = (group: Pick<PlenaryGroup, "memberIds">): number => group.memberIds.length;

/**
 * After the groups (phase closed): the conveners who have not yet been called to report (小组汇报) —
 * neither waiting in the plenary's queue, nor holding its floor, nor having spoken since the groups
 * closed — in the groups' order. Empty in any other phase.
 */
export function convenersToCall(state: Pick<MeetingState, "groups" | "queue" | "floor" | "speeches">): string[] {
  const { groups } = state;
  if (groups.phase !== "closed" || groups.closedAt === null) return [];
  const since = groups.closedAt;
  const called = new Set([
    ...state.queue.map((q) => q.participantId),
    ...(state.floor ? [state.floor.participantId] : []),
    ...state.speeches.filter((s) => s.startedAt >= since).map((s) => s.participantId),
  ]);
  return [...new Set(groups.groups.map((g) => g.convenerId))].filter((id) => !called.has(id));
}
