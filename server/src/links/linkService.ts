// Personal join links, the room's two links (display, venue terminal) and the check-in link,
// each with its QR code. Re-issuing or revoking bumps the participant's or the room link's
// version, so every earlier token fails the handshake, and drops its connected sockets at once.
// The RoomLink table is this service's; participants' link versions are the ParticipantStore's.
// Refusals come back as results (NOT_FOUND, LINK_REVOKED); the HTTP edge maps them to statuses.
import QRCode from "qrcode";
import { fail, ok, type Result } from "../../../core/errors.ts";
import type { Role } from "../../../core/roles.ts";
import { roomLinkSubject, type RoomLinkKind } from "../../../core/venue/roomLinks.ts";
import type { TokenService } from "../auth/tokens.ts";
import type { Db } from "../db/database.ts";
import { ended, type GatewayServer } from "../gateway/socketGateway.ts";
import type { LinkState } from "../meetings/joinCache.ts";
import type { MeetingStore } from "../meetings/meetingStore.ts";
import { checkinUrl, displayUrl, joinUrl, venueUrl } from "./urls.ts";

export interface Link {
  url: string;
  qrSvg: string;
}

const withQr = async (url: string): Promise<Link> => ({ url, qrSvg: await QRCode.toString(url, { type: "svg", margin: 2 }) });

export class LinkService {
  constructor(
    private readonly db: Db,
    private readonly tokens: TokenService,
    private readonly io: GatewayServer,
    /** Participants' links, the check-in code and the join path's link states (told of every change right after it is written). */
    private readonly meetings: MeetingStore,
  ) {}

  /** The participant's current link (same version as before); NOT_FOUND, or LINK_REVOKED when revoked. */
  async current(baseUrl: string, participantId: string): Promise<Result<Link>> {
    const p = await this.meetings.participants.link(participantId);
    if (!p) return fail("NOT_FOUND");
    if (p.linkRevoked) return fail("LINK_REVOKED");
    return ok(await this.link(baseUrl, p));
  }

  /** A new link (the participant must exist); earlier links stop working and connected sockets of the person are dropped. */
  async reissue(baseUrl: string, participantId: string): Promise<Link> {
    const p = await this.meetings.participants.bumpLink(participantId, false);
    this.changed(p.meetingId, participantId, p);
    return this.link(baseUrl, p);
  }

  /** No link works any more (until re-issued); connected sockets are dropped. */
  async revoke(participantId: string): Promise<void> {
    const p = await this.meetings.participants.bumpLink(participantId, true);
    this.changed(p.meetingId, participantId, p);
  }

  /**
   * A room link's current token (the display 大屏 or the venue terminal 会场终端, neither a
   * participant); NOT_FOUND without the meeting, LINK_REVOKED when revoked.
   */
  async room(baseUrl: string, meetingId: string, kind: RoomLinkKind): Promise<Result<Link>> {
    const link = await this.roomLinkState(meetingId, kind);
    if (!link) return fail("NOT_FOUND");
    if (link.linkRevoked) return fail("LINK_REVOKED");
    return ok(await this.roomUrl(baseUrl, meetingId, kind, link.linkVersion));
  }

  /** A room link's state (no row yet: version 1, not revoked); null when the meeting does not exist. */
  private async roomLinkState(meetingId: string, kind: RoomLinkKind): Promise<LinkState | null> {
    const meeting = await this.db.meeting.findUnique({ where: { id: meetingId }, select: { roomLinks: { where: { kind } } } });
    if (!meeting) return null;
    const link = meeting.roomLinks[0];
    return { linkVersion: link?.version ?? 1, linkRevoked: link?.revoked ?? false };
  }

  /** A new room link; earlier ones stop working and the screens using them are dropped. */
  async reissueRoom(baseUrl: string, meetingId: string, kind: RoomLinkKind): Promise<Link> {
    const row = await this.db.roomLink.upsert({
      where: { meetingId_kind: { meetingId, kind } },
      create: { meetingId, kind, version: 2 },
      update: { version: { increment: 1 }, revoked: false },
    });
    this.changed(meetingId, roomLinkSubject(kind, meetingId), { linkVersion: row.version, linkRevoked: row.revoked });
    return this.roomUrl(baseUrl, meetingId, kind, row.version);
  }

  /** The room link works no more (until re-issued); the screens using it are dropped. */
  async revokeRoom(meetingId: string, kind: RoomLinkKind): Promise<void> {
    const row = await this.db.roomLink.upsert({
      where: { meetingId_kind: { meetingId, kind } },
      create: { meetingId, kind, version: 2, revoked: true },
      update: { version: { increment: 1 }, revoked: true },
    });
    this.changed(meetingId, roomLinkSubject(kind, meetingId), { linkVersion: row.version, linkRevoked: row.revoked });
  }

  /** The in-room check-in QR code (its code is created on first request). */
  async checkin(baseUrl: string, meetingId: string): Promise<Result<Link>> {
    const code = await this.meetings.checkinSecret(meetingId);
    if (code === null) return fail("NOT_FOUND");
    return ok(await withQr(checkinUrl(baseUrl, meetingId, code)));
  }

  private async roomUrl(baseUrl: string, meetingId: string, kind: RoomLinkKind, version: number): Promise<Link> {
    const token = await this.tokens.issue({ participantId: roomLinkSubject(kind, meetingId), meetingId, role: "observer", version });
    return withQr((kind === "venue" ? venueUrl : displayUrl)(baseUrl, token));
  }

  private async link(baseUrl: string, p: { id: string; meetingId: string; role: string; linkVersion: number }): Promise<Link> {
    const token = await this.tokens.issue({ participantId: p.id, meetingId: p.meetingId, role: p.role as Role, version: p.linkVersion });
    return withQr(joinUrl(baseUrl, token));
  }

  /** In the same tick as the write's result: handshakes refuse the old link, then its sockets are dropped. */
  private changed(meetingId: string, subject: string, link: LinkState): void {
    this.meetings.joins.linkChanged(meetingId, subject, { linkVersion: link.linkVersion, linkRevoked: link.linkRevoked });
    this.disconnect(subject);
  }

  /**
   * Ends every socket of a participant or a room link (its subject), telling the page why
   * (`connection.ended` LINK_REVOKED): socket.io never reconnects after the server disconnects,
   * so without a reason the page would wait for a reconnection for ever. Sockets still greeting
   * (not yet in their rooms) are included.
   */
  private disconnect(subject: string): void {
    for (const socket of this.io.sockets.sockets.values()) {
      if (socket.data?.me?.id === subject) ended(socket, "LINK_REVOKED");
    }
  }
}
