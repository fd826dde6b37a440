// Participants' bearer tokens (the join token of their personal link), for the few HTTP routes
// they use (materials). The same checks as the socket handshake: signature and expiry, the
// participant exists in the token's meeting, the link version is current and not revoked.
import type { Request } from "express";
import type { TokenService } from "../auth/tokens.ts";
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

/** Verifies the request's bearer join token; 401 with the token error or LINK_REVOKED. */
export async function requireParticipant(deps: { meetings: MeetingStore; tokens: TokenService }, req: Request): Promise<ParticipantContext> {
  const verified = await deps.tokens.verify(bearerToken(req));
  if (!verified.ok) abort(verified.error.code);
  const { participantId, meetingId, version } = verified.value;
  const row = await deps.meetings.participants.link(participantId);
  if (!row || row.meetingId !== meetingId) abort("NOT_FOUND");
  if (row.linkRevoked || row.linkVersion !== version) abort("LINK_REVOKED");
  return { participantId, meetingId };
}
