// "The staff of this meeting" for REST routes that serve the chair's and clerk's tools
// (recordings, statistics, minutes): organiser and admin accounts, chair and clerk accounts linked to the
// meeting (session cookie), or the meeting's own chair and clerk with their join token (Bearer).
// Members, officials, observers, displays and other meetings' people get FORBIDDEN.
import type { Request } from "express";
import type { TokenService } from "../auth/tokens.ts";
import type { MeetingStore } from "../meetings/meetingStore.ts";
import { abort } from "./apiError.ts";
import { parseStaffSubject } from "../../../core/staffEntry.ts";
import { bearerToken, requireParticipant } from "./participantAuth.ts";
import { requireMeetingStaff, requireStaff } from "./staffAuth.ts";

/** Participant roles that act as the meeting's staff with their join token. */
const STAFF_ROLES: readonly string[] = ["chair", "clerk"];

type StaffAccessDeps = { meetings: MeetingStore; tokens: TokenService };

/** Who passed: the participant (join token) or the staff account (session), and the name to record. */
export interface StaffAccess {
  name: string;
  participantId: string | null;
  accountId: string | null;
}

/**
 * A Bearer token is checked as a join token (401 when invalid, 403 unless it is this meeting's
 * chair or clerk); without one, the staff session (401 none, 403 not theirs, 404 no meeting).
 */
export async function requireMeetingStaffAccess(deps: StaffAccessDeps, req: Request, meetingId: string): Promise<StaffAccess> {
  if (bearerToken(req) === undefined || (await staffEntryToken(deps, req))) {
    const { account } = await requireMeetingStaff(deps.meetings, req, meetingId);
    return { name: account.displayName, participantId: null, accountId: account.id };
  }
  const participant = await participantOf(deps, req, meetingId);
  if (!STAFF_ROLES.includes(participant.role)) abort("FORBIDDEN");
  return { name: participant.name, participantId: participant.id, accountId: null };
}

/**
 * The meeting's chair only (approving the minutes): the chair's join token of this meeting, or
 * a chair account linked to this meeting's chair; everyone else, organisers included, 403.
 */
export async function requireMeetingChair(deps: StaffAccessDeps, req: Request, meetingId: string): Promise<StaffAccess> {
  if (bearerToken(req) !== undefined && !(await staffEntryToken(deps, req))) {
    const participant = await participantOf(deps, req, meetingId);
    if (participant.role !== "chair") abort("FORBIDDEN");
    return { name: participant.name, participantId: participant.id, accountId: null };
  }
  const { account } = requireStaff(req, ["chair"]);
  const chair = await deps.meetings.participants.linkedTo(meetingId, account.id, "chair");
  if (!chair) abort("FORBIDDEN");
  return { name: chair.name, participantId: chair.id, accountId: account.id };
}

/**
 * A staff entry's token (core/staffEntry.ts) names no participant: such a page is judged by the
 * staff session it was opened from (the cookie), as the admin app is.
 */
async function staffEntryToken(deps: StaffAccessDeps, req: Request): Promise<boolean> {
  const verified = await deps.tokens.verify(bearerToken(req));
  return verified.ok && parseStaffSubject(verified.value.participantId) !== null;
}

/** The join token's participant, who must belong to this meeting (403 otherwise). */
async function participantOf(deps: StaffAccessDeps, req: Request, meetingId: string) {
  const participant = await requireParticipant(deps, req);
  if (participant.meetingId !== meetingId) abort("FORBIDDEN");
  return (await deps.meetings.participants.person(meetingId, participant.participantId)) ?? abort("FORBIDDEN");
}
