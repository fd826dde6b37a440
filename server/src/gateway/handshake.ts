// Who is connecting: a participant by their personal link, or the room by one of its two links
// (core/venue/roomLinks.ts): the room display (大屏) or the venue terminal (会场终端).
import type { TokenService, VerifiedJoin } from "../auth/tokens.ts";
import { coreError, type CoreError } from "../../../core/errors.ts";
import type { RosterEntry } from "../../../core/config/schema.ts";
import { roomLinkKind, roomLinkSubject, type RoomLinkKind } from "../../../core/venue/roomLinks.ts";
import { parseStaffSubject, type StaffEntryRole } from "../../../core/staffEntry.ts";
import type { JoinCache } from "../meetings/joinCache.ts";
import type { LinkState } from "../meetings/joinCache.ts";
import type { RoomRegistry } from "../rooms/roomRegistry.ts";

export interface Connected {
  meetingId: string;
  me: RosterEntry;
  /** The room display or the venue terminal: read-only, not counted in attendance. */
  display: boolean;
  /** The venue terminal: the one display that publishes the room's microphone and camera. */
  venue: boolean;
  /**
   * A staff account entered from the admin app (core/staffEntry.ts): no roster entry, not
   * counted in attendance, never votes.
   */
  staff?: boolean;
  /** A staff entry's login session: logging out ends the connection (LinkService.endStaffSession). */
  staffSession?: string;
  /** The link version the token carried. */
  linkVersion: number;
}

/**
 * Checks a handshake from memory once the meeting is loaded (meetings/joinCache.ts: link
 * states; the room's state: the roster entry), so a whole meeting joining reads no row.
 */
export async function identify(
  token: unknown,
  tokens: TokenService,
  joins: JoinCache,
  rooms: RoomRegistry,
): Promise<{ ok: true; value: Connected } | { ok: false; error: CoreError }> {
  const verified = await tokens.verify(token);
  if (!verified.ok) return verified;
  return identifyJoin(verified.value, joins, rooms);
}

/** The same check for a token already verified (the socket handshake verifies it once, before asking where the meeting runs). */
export async function identifyJoin(
  join: VerifiedJoin,
  joins: JoinCache,
  rooms: RoomRegistry,
): Promise<{ ok: true; value: Connected } | { ok: false; error: CoreError }> {
  const { participantId, meetingId, version, session } = join;

  const staff = parseStaffSubject(participantId);
  if (staff) {
    const name = await joins.staff(meetingId, staff.accountId, staff.role, session);
    if (!name || session === null) return refuse("NOT_FOUND");
    const me = staffEntry(participantId, name, staff.role);
    return { ok: true, value: { meetingId, me, display: false, venue: false, staff: true, staffSession: session, linkVersion: version } };
  }

  const kind = roomLinkKind(participantId);
  // A room link of another meeting is no link of this one.
  const link = kind && participantId !== roomLinkSubject(kind, meetingId) ? null : await joins.link(meetingId, participantId);
  if (!link) return refuse("NOT_FOUND");
  if (kind) {
    if (!linkValid(link, version)) return refuse("LINK_REVOKED");
    return { ok: true, value: { meetingId, me: roomEntry(meetingId, kind), display: true, venue: kind === "venue", linkVersion: version } };
  }
  // The person as the live meeting knows them (the organisers' roster, fed in by config.sync).
  const entry = (await rooms.get(meetingId)).current.roster.find((p) => p.id === participantId);
  if (!entry) return refuse("NOT_FOUND");
  // A re-issued link bumps the version; a revoked one is refused whatever its version.
  if (!linkValid(link, version)) return refuse("LINK_REVOKED");
  return { ok: true, value: { meetingId, me: entry, display: false, venue: false, linkVersion: version } };
}

function linkValid(link: LinkState, version: number): boolean {
  return !link.linkRevoked && link.linkVersion === version;
}

/** Whether the connection's link is still valid (asked again once it is greeted; from memory). */
export async function stillValid(connected: Connected, joins: JoinCache): Promise<boolean> {
  const staff = parseStaffSubject(connected.me.id);
  if (staff) return connected.staff === true && (await joins.staff(connected.meetingId, staff.accountId, staff.role, connected.staffSession ?? null)) !== null;
  const link = await joins.link(connected.meetingId, connected.me.id);
  return link !== null && linkValid(link, connected.linkVersion);
}

const refuse = (code: "NOT_FOUND" | "LINK_REVOKED") => ({ ok: false as const, error: coreError(code) });

const ROOM_NAMES: Record<RoomLinkKind, string> = { display: "会场大屏 Room display", venue: "会场终端 Venue terminal" };

function roomEntry(meetingId: string, kind: RoomLinkKind): RosterEntry {
  return {
    id: roomLinkSubject(kind, meetingId),
    name: ROOM_NAMES[kind],
    role: "observer",
    sector: null,
    party: null,
    unit: null,
    side: null,
    chief: false,
    household: null,
  };
}

const STAFF_ROLE_NAMES: Record<StaffEntryRole, string> = { chair: "主持人 Chair", clerk: "记录员 Clerk", observer: "旁听 Observer" };

/** A staff account's entry in this connection only (not on the roster): named with the role it took. */
function staffEntry(id: string, name: string, role: StaffEntryRole): RosterEntry {
  return { id, name: `${name}（${STAFF_ROLE_NAMES[role]}）`, role, sector: null, party: null, unit: null, side: null, chief: false, household: null };
}
