// Personal join links, the room display's link and the check-in link, each with its QR code.
// Re-issuing or revoking bumps the participant's link version, so every earlier token fails
// the handshake, and drops the person's connected sockets at once.
import QRCode from "qrcode";
import type { TokenService } from "../auth/tokens.ts";
import type { Db } from "../db/database.ts";
import { displaySubject } from "../gateway/handshake.ts";
import { participantRoom, type GatewayServer } from "../gateway/socketGateway.ts";
import { fail } from "../http/apiError.ts";
import type { MeetingStore } from "../meetings/meetingStore.ts";
import type { Role } from "../core/roles.ts";
import { checkinUrl, displayUrl, joinUrl } from "./urls.ts";

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
    private readonly meetings: MeetingStore,
  ) {}

  /** The participant's current link (same version as before); LINK_REVOKED when revoked. */
  async current(baseUrl: string, participantId: string): Promise<Link> {
    const p = (await this.db.participant.findUnique({ where: { id: participantId } })) ?? fail("NOT_FOUND");
    if (p.linkRevoked) fail("LINK_REVOKED");
    return this.link(baseUrl, p);
  }

  /** A new link; earlier links stop working and connected sockets of the person are dropped. */
  async reissue(baseUrl: string, participantId: string): Promise<Link> {
    const p = await this.db.participant.update({
      where: { id: participantId },
      data: { linkVersion: { increment: 1 }, linkRevoked: false },
    });
    this.disconnect(participantId);
    return this.link(baseUrl, p);
  }

  /** No link works any more (until re-issued); connected sockets are dropped. */
  async revoke(participantId: string): Promise<void> {
    await this.db.participant.update({ where: { id: participantId }, data: { linkVersion: { increment: 1 }, linkRevoked: true } });
    this.disconnect(participantId);
  }

  /** The room display (大屏): a read-only connection, not a participant. */
  async display(baseUrl: string, meetingId: string): Promise<Link> {
    const token = await this.tokens.issue({ participantId: displaySubject(meetingId), meetingId, role: "observer" });
    return withQr(displayUrl(baseUrl, token));
  }

  /** The in-room check-in QR code (its code is created on first request). */
  async checkin(baseUrl: string, meetingId: string): Promise<Link> {
    const code = (await this.meetings.checkinSecret(meetingId)) ?? fail("NOT_FOUND");
    return withQr(checkinUrl(baseUrl, meetingId, code));
  }

  private async link(baseUrl: string, p: { id: string; meetingId: string; role: string; linkVersion: number }): Promise<Link> {
    const token = await this.tokens.issue({ participantId: p.id, meetingId: p.meetingId, role: p.role as Role, version: p.linkVersion });
    return withQr(joinUrl(baseUrl, token));
  }

  private disconnect(participantId: string): void {
    this.io.in(participantRoom(participantId)).disconnectSockets(true);
    // Also sockets past the handshake that have not joined their rooms yet (still greeting).
    for (const socket of this.io.sockets.sockets.values()) {
      if (socket.data?.me?.id === participantId) socket.disconnect(true);
    }
  }
}
