// The RTCConfiguration of every peer connection the page makes (docs/media.md#turn): the
// deployment's TURN server with short-lived credentials the server minted for me (media.iceServers).
// Kept until a minute before they expire, then asked for again; without an answer (offline, an
// older server) the connection goes without TURN, as it always did.
import type { Ack, IceServersResult } from "@core/protocol.ts";

export type IceServersRequest = (event: "media.iceServers", payload: unknown) => Promise<Ack<IceServersResult> | null>;

/** Credentials with less than this left are asked for again (a connection's ICE takes seconds). */
const RENEW_BEFORE_MS = 60_000;
/** An answer without TURN is asked for again after this long (the server may have been configured meanwhile). */
const NO_TURN_KEPT_MS = 10 * 60_000;

export class IceServers {
  private held: { servers: RTCIceServer[]; renewAt: number } | null = null;

  constructor(
    private readonly request: IceServersRequest,
    private readonly now: () => number = Date.now,
  ) {}

  /** The configuration for a new RTCPeerConnection. */
  async configuration(): Promise<RTCConfiguration> {
    if (!this.held || this.now() >= this.held.renewAt) {
      const ack = await this.request("media.iceServers", {});
      this.held = ack?.ok ? { servers: ack.iceServers, renewAt: renewAt(ack, this.now()) } : null;
    }
    return this.held && this.held.servers.length > 0 ? { iceServers: this.held.servers } : {};
  }
}

const renewAt = (answer: IceServersResult, now: number): number => (answer.expiresAt === null ? now + NO_TURN_KEPT_MS : answer.expiresAt - RENEW_BEFORE_MS);
