// What the retention policy deletes and when: a meeting's recordings (or materials) are due the
// policy's number of days after the approval (定稿) of its newest minutes version. Pure: the
// sweep, the organisers' page and the preview of a policy not yet saved all count the same way.
import type { FileCount, RetentionPolicyInput, RetentionTotals, RetentionUpcoming } from "../../../core/api/retention.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const UPCOMING_LIMIT = 50;

/** A meeting whose newest minutes version is approved, with the files it still has. */
export interface ApprovedMeeting {
  meetingId: string;
  meetingTitle: string;
  approvedAt: Date;
  recordings: FileCount;
  materials: FileCount;
}

/** When files approved at `approvedAt` are due under a period of `days` (null: never). */
export const dueAt = (approvedAt: Date, days: number | null): Date | null => (days === null ? null : new Date(approvedAt.getTime() + days * DAY_MS));

const isDue = (approvedAt: Date, days: number | null, now: Date): boolean => {
  const at = dueAt(approvedAt, days);
  return at !== null && at.getTime() <= now.getTime();
};

/** Whether each kind of the meeting's files is due at `now`. */
export function dueKinds(meeting: Pick<ApprovedMeeting, "approvedAt">, policy: RetentionPolicyInput, now: Date): { recordings: boolean; materials: boolean } {
  return { recordings: isDue(meeting.approvedAt, policy.recordingsDays, now), materials: isDue(meeting.approvedAt, policy.materialsDays, now) };
}

const add = (a: FileCount, b: FileCount): FileCount => ({ count: a.count + b.count, bytes: a.bytes + b.bytes });
const NONE: FileCount = { count: 0, bytes: 0 };

/** The files due at `now`: what the next sweep deletes. */
export function dueTotals(meetings: readonly ApprovedMeeting[], policy: RetentionPolicyInput, now: Date): RetentionTotals {
  const totals: RetentionTotals = { meetings: 0, recordings: NONE, materials: NONE };
  for (const meeting of meetings) {
    const due = dueKinds(meeting, policy, now);
    const recordings = due.recordings ? meeting.recordings : NONE;
    const materials = due.materials ? meeting.materials : NONE;
    if (recordings.count + materials.count === 0) continue;
    totals.meetings += 1;
    totals.recordings = add(totals.recordings, recordings);
    totals.materials = add(totals.materials, materials);
  }
  return totals;
}

/** The meetings with files the policy deletes later, soonest first. */
export function upcoming(meetings: readonly ApprovedMeeting[], policy: RetentionPolicyInput, now: Date): RetentionUpcoming[] {
  const later = (files: FileCount, days: number | null, approvedAt: Date): Date | null => {
    const at = dueAt(approvedAt, days);
    return files.count > 0 && at !== null && at.getTime() > now.getTime() ? at : null;
  };
  const rows = meetings.flatMap((meeting) => {
    const recordingsAt = later(meeting.recordings, policy.recordingsDays, meeting.approvedAt);
    const materialsAt = later(meeting.materials, policy.materialsDays, meeting.approvedAt);
    if (!recordingsAt && !materialsAt) return [];
    const soonest = Math.min(...[recordingsAt, materialsAt].flatMap((at) => (at ? [at.getTime()] : [])));
    const row: RetentionUpcoming = {
      meetingId: meeting.meetingId,
      meetingTitle: meeting.meetingTitle,
      approvedAt: meeting.approvedAt.toISOString(),
      recordingsAt: recordingsAt?.toISOString() ?? null,
      materialsAt: materialsAt?.toISOString() ?? null,
      // Only the files that go later: those already due are the next sweep's (`dueTotals`).
      recordings: recordingsAt ? meeting.recordings : NONE,
      materials: materialsAt ? meeting.materials : NONE,
    };
    return [{ soonest, row }];
  });
  return rows
    .sort((a, b) => a.soonest - b.soonest || a.row.meetingTitle.localeCompare(b.row.meetingTitle))
    .slice(0, UPCOMING_LIMIT)
    .map(({ row }) => row);
}
