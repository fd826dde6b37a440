// What the plenary is told of a group's meeting (its status, who has the floor and their clock),
// computed by the server from the group meeting's state after each change there.
import { rosterNames } from "../naming/displayNames.ts";
import type { MeetingState } from "../state.ts";
import type { GroupProgress, GroupSeat } from "./schema.ts";

/** The group meeting's progress; `seats` maps its roster (seat ids) back to the plenary's. */
export function groupProgress(group: MeetingState, seats: readonly GroupSeat[]): GroupProgress {
  const speech = group.floor;
  const plenaryId = speech ? seats.find((s) => s.seatId === speech.participantId)?.participantId : undefined;
  return {
    status: group.status,
    speakerId: plenaryId ?? null,
    speakerName: speech ? (speech.guestName ?? rosterNames(group.roster).get(speech.participantId) ?? null) : null,
    speechStartedAt: speech?.startedAt ?? null,
    capMs: speech ? speech.capMs + speech.extendedMs : null,
    pausedMs: speech?.pausedMs ?? 0,
    pausedAt: speech?.pausedAt ?? null,
    speeches: group.speeches.length,
  };
}

/** Whether two progress reports say the same (the relay sends only changes). */
export const sameProgress = (a: GroupProgress | null, b: GroupProgress): boolean => a !== null && JSON.stringify(a) === JSON.stringify(b);
