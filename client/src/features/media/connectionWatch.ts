// Self-healing of the media session's peer connections while the socket stays up (docs/media.md,
// "Self-healing"): what a reading about once a second says about one connection, and when the
// session may replace it again. No timers and no WebRTC here: the decisions are tested with a
// fake clock (connectionWatch.test.ts); MediaSession reads the connections and acts.

/** Why a peer connection should be replaced. */
export type Trouble = "failed" | "disconnected" | "silent";

/** One look at a peer connection. */
export interface Reading {
  at: number;
  connectionState: string;
  iceConnectionState: string;
  /** Audio RTP packets received so far over all its inbound streams (a listener's only). */
  audioPackets?: number;
}

export const HEALING = {
  /** How long "disconnected" may last before it counts (ICE often recovers by itself). */
  disconnectedMs: 4_000,
  /** How long a listener may receive no audio while it is subscribed to someone audible. */
  silentMs: 3_500,
  /** Waits between attempts: none before the first, then 3 s, 6 s, 12 s, 24 s, and 30 s from then on. */
  firstDelayMs: 3_000,
  maxDelayMs: 30_000,
  /**
   * Silence may be the sender's (its uplink died, the media server mutes it for a private room):
   * after this many fresh subscriptions that stayed silent, silence alone no longer counts until
   * audio arrives or the page listens anew (the floor or the feeds change).
   */
  silentTries: 3,
  /** Healthy this long (connected, and hearing audio where audio is expected) forgives past attempts. */
  healthyMs: 5_000,
};

const FAILED = new Set(["failed", "closed"]);

/** One peer connection's health, from successive readings. */
export class ConnectionWatch {
  private packets = 0;
  /** When audio last arrived (or the watch began). */
  private heardAt: number;
  private disconnectedSince: number | null = null;
  private healthySince: number | null = null;

  /**
   * `expectsAudio`: a listener's subscription includes a feed that may be heard now, so audio
   * must keep arriving (a muted feed sends nothing through the media server).
   */
  constructor(
    startedAt: number,
    private readonly expectsAudio: boolean,
  ) {
    this.heardAt = startedAt;
  }

  /** The trouble this reading shows, or null while the connection looks fine or may still recover. */
  read(reading: Reading): Trouble | null {
    const { at, connectionState, iceConnectionState, audioPackets } = reading;
    const heard = audioPackets !== undefined && audioPackets > this.packets;
    if (heard) {
      this.packets = audioPackets;
      this.heardAt = at;
    }
    const states = [connectionState, iceConnectionState];
    if (states.includes("disconnected")) this.disconnectedSince ??= at;
    else this.disconnectedSince = null;
    if (connectionState === "connected" && (!this.expectsAudio || heard)) this.healthySince ??= at;
    else this.healthySince = null;

    // "closed" here means the replacement that was to take over did not go through: try again.
    if (states.some((s) => FAILED.has(s))) return "failed";
    if (this.disconnectedSince !== null && at - this.disconnectedSince >= HEALING.disconnectedMs) return "disconnected";
    if (this.expectsAudio && at - this.heardAt >= HEALING.silentMs) return "silent";
    return null;
  }

  /** How long the connection has been healthy without a break, as of `now` (0 when it is not). */
  healthyFor(now: number): number {
    return this.healthySince === null ? 0 : now - this.healthySince;
  }
}

/**
 * When trouble may be healed: the first time at once, then never sooner than 3, 6, 12, 24, 30,
 * 30… s after the previous attempt, so a connection that cannot be healed costs one new
 * negotiation every 30 s at most; silence only a few times in a row (HEALING.silentTries).
 */
export class HealBackoff {
  private attempts = 0;
  private silentAttempts = 0;
  private lastAt = Number.NEGATIVE_INFINITY;

  allows(trouble: Trouble, now: number): boolean {
    if (trouble === "silent" && this.silentAttempts >= HEALING.silentTries) return false;
    return now - this.lastAt >= this.delay();
  }

  attempted(trouble: Trouble, now: number): void {
    this.attempts++;
    if (trouble === "silent") this.silentAttempts++;
    this.lastAt = now;
  }

  /** Healthy again, or a fresh start asked for by the page: the next trouble is healed at once. */
  reset(): void {
    this.attempts = 0;
    this.silentAttempts = 0;
    this.lastAt = Number.NEGATIVE_INFINITY;
  }

  private delay(): number {
    return this.attempts === 0 ? 0 : Math.min(HEALING.firstDelayMs * 2 ** (this.attempts - 1), HEALING.maxDelayMs);
  }
}
