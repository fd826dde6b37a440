// Who is connecting: a participant by their personal link, or the room display (大屏).
import type { TokenService } from "../auth/tokens.ts";
import { coreError, type CoreError } from "../core/errors.ts";
import type { RosterEntry } from "../core/state.ts";
import type { MeetingRepository } from "../meetings/meetingRepository.ts";

export interface Connected {
  meetingId: string;
  me: RosterEntry;
  /** The room display: read-only, not counted in attendance. */
  display: boolean;
  /** The link version the token carried (participants only). */
  linkVersion: number | null;
}

const DISPLAY_PREFIX = "display:";
export const displaySubject = (meetingId: string): string => `${DISPLAY_PREFIX}${meetingId}`;

export async function identify(
  token: unknown,
  tokens: TokenService,
  meetings: MeetingRepository,
): Promise<{ ok: true; value: Connected } | { ok: false; error: CoreError }> {
  const verified = await tokens.verify(token);
  if (!verified.ok) return verified;
  const { participantId, meetingId, version } = verified.value;

  if (participantId.startsWith(DISPLAY_PREFIX)) {
    if (participantId !== displaySubject(meetingId) || !(await meetings.find(meetingId))) return refuse("NOT_FOUND");
    return { ok: true, value: { meetingId, me: displayEntry(meetingId), display: true, linkVersion: null } };
  }

  const joining = await meetings.joining(participantId);
  if (!joining || joining.meetingId !== meetingId) return refuse("NOT_FOUND");
  // A re-issued link bumps the version; a revoked one is refused whatever its version.
  if (!linkValid(joining, version)) return refuse("LINK_REVOKED");
  return { ok: true, value: { meetingId, me: joining.entry, display: false, linkVersion: version } };
}

export function linkValid(joining: { linkRevoked: boolean; linkVersion: number }, version: number | null): boolean {
  return !joining.linkRevoked && joining.linkVersion === version;
}

const refuse = (code: "NOT_FOUND" | "LINK_REVOKED") => ({ ok: false as const, error: coreError(code) });

function displayEntry(meetingId: string): RosterEntry {
  return {
    id: displaySubject(meetingId),
    name: "会场大屏 Room display",
    role: "observer",
    sector: null,
    party: null,
    unit: null,
    side: null,
    chief: false,
    household: null,
  };
}
