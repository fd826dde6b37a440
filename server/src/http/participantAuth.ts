// Participants' bearer tokens (the join token of their personal link), for the few HTTP routes
// they use (materials). The same checks as the socket handshake: signature and expiry, the
// participant exists in the token's meeting, the link version is current and not revoked; a
// staff entry's token where the route serves them too (the account and its session, as at the handshake).
import type { Request } from "express";
import { parseStaffSubject } from "../../../core/staffEntry.ts";
import type { TokenService, VerifiedJoin } from "../auth/tokens.ts";
import type { MeetingStore } from "../meetings/meetingStore.ts";
import { abort } from "./apiError.ts";

export interface ParticipantContext {
  participantId: string;
  meetingId: string;
}

export function bearerToken(req: Request): string | undefined {
  const header = req.get("authorization");
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

type ParticipantDeps = { meetings: MeetingStore; tokens: TokenService };

/** Verifies the request's bearer join token; 401 with the token error or LINK_REVOKED. */
export async function requireParticipant(deps: ParticipantDeps, req: Request): Promise<ParticipantContext> {
  return participantOf(deps, await verifiedJoin(deps, req));
}

/**
 * A roster participant's join token, or a staff entry's (core/staffEntry.ts): staff who entered
 * from the admin app use what a participant of their role may (the meeting's materials), checked
 * as at the handshake — the account may still take the role and its login session is open.
 */
export async function requireParticipantOrStaffEntry(deps: ParticipantDeps, req: Request): Promise<ParticipantContext> {
  const verified = await verifiedJoin(deps, req);
  const staff = parseStaffSubject(verified.participantId);
  if (!staff) return participantOf(deps, verified);
  const { participantId, meetingId, session } = verified;
  if ((await deps.meetings.joins.staff(meetingId, staff.accountId, staff.role, session)) === null) abort("LINK_REVOKED");
  return { participantId, meetingId };
}

async function verifiedJoin(deps: ParticipantDeps, req: Request): Promise<VerifiedJoin> {
  const verified = await deps.tokens.verify(bearerToken(req));
  if (!verified.ok) abort(verified.error.code);
  return verified.value;
}

async function participantOf(deps: ParticipantDeps, { participantId, meetingId, version }: VerifiedJoin): Promise<ParticipantContext> {
  const row = await deps.meetings.participants.link(participantId);
  if (!row || row.meetingId !== meetingId) abort("NOT_FOUND");
  if (row.linkRevoked || row.linkVersion !== version) abort("LINK_REVOKED");
  return { participantId, meetingId };
}
