// Personal join links, the room's two links (display, venue terminal) and the check-in link,
// each with its QR code. Re-issuing or revoking bumps the participant's or the room link's
// version, so every earlier token fails the handshake, and drops its connected sockets at once.
// The RoomLink table is this service's; participants' link versions are the ParticipantStore's.
// Refusals come back as results (NOT_FOUND, LINK_REVOKED); the HTTP edge maps them to statuses.
// Each personal and room link also has a join code (入会码, the ShortLink table, this service's):
// its QR code carries the short URL /j/<code>, and the code opens the join only while the link's
// version is current and not revoked, so re-issuing or revoking stops the old code too.
import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import { newJoinCode, shortJoinUrl } from "../../../core/links/joinCode.ts";
import { fail, ok, type Result } from "../../../core/errors.ts";
import type { Role } from "../../../core/roles.ts";
import { roomLinkKind, roomLinkSubject, type RoomLinkKind } from "../../../core/venue/roomLinks.ts";
import type { TokenService } from "../auth/tokens.ts";
import type { ClusterBus } from "../cluster/clusterBus.ts";
import type { Db } from "../db/database.ts";
import { ended, type GatewayServer } from "../gateway/socketGateway.ts";
import type { LinkState } from "../meetings/joinCache.ts";
import type { MeetingStore } from "../meetings/meetingStore.ts";
import { checkinUrl, displayUrl, joinUrl, venueUrl } from "./urls.ts";

export interface Link {
  /** The long link (its token in the fragment); keeps working as long as the short one. */
  url: string;
  /** The QR code (SVG markup): of `shortUrl` when there is one. */
  qrSvg: string;
  /** The join code (10 characters, canonical form) and its short URL; absent for the check-in link. */
  code?: string;
  shortUrl?: string;
}

/** What a join code opens: the long link of the person, the display or the venue terminal. */
export interface ResolvedCode {
  url: string;
  kind: "join" | RoomLinkKind;
}

const qrSvg = (url: string): Promise<string> => QRCode.toString(url, { type: "svg", margin: 2 });
const withQr = async (url: string): Promise<Link> => ({ url, qrSvg: await qrSvg(url) });

type ParticipantVersion = { id: string; meetingId: string; role: string; linkVersion: number };

const isUniqueViolation = (e: unknown): boolean => typeof e === "object" && e !== null && "code" in e && e.code === "P2002";

/** The messages between nodes that keep every node's join cache and sockets in step (joinCluster). */
const LINK_CHANGED = "links.changed";
const STAFF_SESSION_ENDED = "links.staffSessionEnded";

export class LinkService {
  private peers: ClusterBus | undefined;

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

  /** The current links of these participants (same meeting), in order; revoked or unknown ones are left out. */
  async currentMany(baseUrl: string, participantIds: readonly string[]): Promise<Map<string, Link>> {
    const links = new Map<string, Link>();
    for (const id of participantIds) {
      const p = await this.meetings.participants.link(id);
      if (p && !p.linkRevoked) links.set(id, await this.link(baseUrl, p));
    }
    return links;
  }

  /**
   * What a join code opens now: the long link of the current version. NOT_FOUND for an unknown
   * code and for one whose link was re-issued or revoked since (the caller cannot tell which).
   */
  async resolveCode(baseUrl: string, code: string): Promise<Result<ResolvedCode>> {
    const row = await this.db.shortLink.findUnique({ where: { code } });
    if (!row) return fail("NOT_FOUND");
    const kind = roomLinkKind(row.subject);
    if (kind) {
      const state = await this.roomLinkState(row.meetingId, kind);
      if (!state || state.linkRevoked || state.linkVersion !== row.version) return fail("NOT_FOUND");
      return ok({ url: await this.roomLongUrl(baseUrl, row.meetingId, kind, row.version), kind });
    }
    const p = await this.meetings.participants.link(row.subject);
    if (!p || p.meetingId !== row.meetingId || p.linkRevoked || p.linkVersion !== row.version) return fail("NOT_FOUND");
    return ok({ url: await this.longUrl(baseUrl, p), kind: "join" });
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
    const url = await this.roomLongUrl(baseUrl, meetingId, kind, version);
    return this.withCode(baseUrl, url, meetingId, roomLinkSubject(kind, meetingId), version);
  }

  private async roomLongUrl(baseUrl: string, meetingId: string, kind: RoomLinkKind, version: number): Promise<string> {
    const token = await this.tokens.issue({ participantId: roomLinkSubject(kind, meetingId), meetingId, role: "observer", version });
    return (kind === "venue" ? venueUrl : displayUrl)(baseUrl, token);
  }

  private async link(baseUrl: string, p: ParticipantVersion): Promise<Link> {
    return this.withCode(baseUrl, await this.longUrl(baseUrl, p), p.meetingId, p.id, p.linkVersion);
  }

  private async longUrl(baseUrl: string, p: ParticipantVersion): Promise<string> {
    const token = await this.tokens.issue({ participantId: p.id, meetingId: p.meetingId, role: p.role as Role, version: p.linkVersion });
    return joinUrl(baseUrl, token);
  }

  /** The link with the join code of this version (made on first request; older versions' codes are deleted). */
  private async withCode(baseUrl: string, url: string, meetingId: string, subject: string, version: number): Promise<Link> {
    const code = await this.codeFor(meetingId, subject, version);
    const shortUrl = shortJoinUrl(baseUrl, code);
    return { url, qrSvg: await qrSvg(shortUrl), code, shortUrl };
  }

  private async codeFor(meetingId: string, subject: string, version: number): Promise<string> {
    const existing = await this.db.shortLink.findUnique({ where: { subject_version: { subject, version } } });
    if (existing) return existing.code;
    await this.db.shortLink.deleteMany({ where: { subject, version: { not: version } } });
    for (;;) {
      try {
        return (await this.db.shortLink.create({ data: { code: newJoinCode(randomBytes), meetingId, subject, version } })).code;
      } catch (e) {
        // Two requests for the same version at once: the other one's code wins.
        const raced = await this.db.shortLink.findUnique({ where: { subject_version: { subject, version } } });
        if (raced) return raced.code;
        // Otherwise the random code was taken (about 1 in 10^14 per existing code): draw again.
        if (!isUniqueViolation(e)) throw e;
      }
    }
  }

  /** In the same tick as the write's result: handshakes refuse the old link, then its sockets are dropped — here and, with several nodes, on every node. */
  private changed(meetingId: string, subject: string, link: LinkState): void {
    const state = { linkVersion: link.linkVersion, linkRevoked: link.linkRevoked };
    this.linkChangedHere(meetingId, subject, state);
    this.peers?.broadcast(LINK_CHANGED, { meetingId, subject, state });
  }

  private linkChangedHere(meetingId: string, subject: string, state: LinkState): void {
    this.meetings.joins.linkChanged(meetingId, subject, state);
    this.disconnect(subject);
  }

  /**
   * With several nodes: every node keeps its own join cache and holds its own sockets, so a link
   * re-issued or revoked, or a login session ended, on one node is applied on all of them.
   */
  joinCluster(bus: ClusterBus): void {
    this.peers = bus;
    bus.handle(LINK_CHANGED, (body) => {
      const { meetingId, subject, state } = body as { meetingId: string; subject: string; state: LinkState };
      this.linkChangedHere(meetingId, subject, state);
    });
    bus.handle(STAFF_SESSION_ENDED, (body) => this.endStaffSessionHere((body as { sessionId: string }).sessionId));
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

  /**
   * A login session ended (logout): the staff entries opened from it (core/staffEntry.ts) end with
   * it, as a revoked link's sockets do; their tokens are refused from now on (joinCache.staff).
   */
  endStaffSession(sessionId: string): void {
    this.endStaffSessionHere(sessionId);
    this.peers?.broadcast(STAFF_SESSION_ENDED, { sessionId });
  }

  private endStaffSessionHere(sessionId: string): void {
    for (const socket of this.io.sockets.sockets.values()) {
      if (socket.data?.staffSession === sessionId) ended(socket, "LINK_REVOKED");
    }
  }
}
