// "The staff of this meeting" for REST routes that serve the chair's and clerk's tools
// (recordings, statistics): organiser and admin accounts, chair and clerk accounts linked to the
// meeting (session cookie), or the meeting's own chair and clerk with their join token (Bearer).
// Members, officials, observers, displays and other meetings' people get FORBIDDEN.
import type { Request } from "express";
import type { TokenService } from "../auth/tokens.ts";
import type { Db } from "../db/database.ts";
import { fail } from "./apiError.ts";
import { bearerToken, requireParticipant } from "./participantAuth.ts";
import { requireMeetingStaff } from "./staffAuth.ts";

/** Participant roles that act as the meeting's staff with their join token. */
const STAFF_ROLES: readonly string[] = ["chair", "clerk"];

/**
 * A Bearer token is checked as a join token (401 when invalid, 403 unless it is this meeting's
 * chair or clerk); without one, the staff session (401 none, 403 not theirs, 404 no meeting).
 */
export async function requireMeetingStaffAccess(deps: { db: Db; tokens: TokenService }, req: Request, meetingId: string): Promise<void> {
  const { db } = deps;
  if (bearerToken(req) === undefined) {
    await requireMeetingStaff(db, req, meetingId);
    return;
  }
  const participant = await requireParticipant(db, deps.tokens, req);
  if (participant.meetingId !== meetingId) fail("FORBIDDEN");
  const row = await db.participant.findUnique({ where: { id: participant.participantId }, select: { role: true } });
  if (!row || !STAFF_ROLES.includes(row.role)) fail("FORBIDDEN");
}
