// Listener modes (docs/media.md, "Listener modes"): whether this page listens with video (full)
// or audio only. The member chooses 自动 (the default), or one of the two; in auto the choice
// follows the connection — the browser's Network Information hints and what the listening peer
// connection measures (getStats) — with hysteresis: down after a sustained bad spell, up again
// only after a long good one, on trial (a probe) that falls back quickly. No timers and no WebRTC
// here: the decisions are tested with a fake clock and sample stats (listenMode.test.ts);
// MediaSession reads the connection about once a second and subscribes again when the choice changes.

/** The member's choice on this device. */
export type ListenMode = "auto" | "full" | "audioOnly";

export const LISTEN_MODES: readonly ListenMode[] = ["auto", "full", "audioOnly"];

/**
 * Why the mode in effect is what it is: `chosen` by the member; in auto, `good` (nothing says
 * otherwise), `probe` (video again on trial after a good spell), `weak` (measured: loss, frozen or
 * slow video, little bandwidth), `slowNetwork` (the browser reports a slow network), `saveData`
 * (the browser's data saver is on).
 */
export type ListenReason = "chosen" | "good" | "probe" | "weak" | "slowNetwork" | "saveData";

export interface ListenDecision {
  mode: ListenMode;
  audioOnly: boolean;
  reason: ListenReason;
}

/** What the Network Information API (navigator.connection) tells, where the browser has it. */
export interface NetworkHint {
  saveData?: boolean;
  effectiveType?: string;
  /** Estimated downlink, Mbit/s. */
  downlink?: number;
}

/** Cumulative counters of the listening connection at one moment (from one getStats). */
export interface ListenStats {
  audioPackets: number;
  audioLost: number;
  videoPackets: number;
  videoLost: number;
  framesDecoded: number;
  /** Total time the received video was frozen, seconds (inbound-rtp totalFreezesDuration). */
  freezeSeconds: number;
  /** The selected candidate pair's availableIncomingBitrate, bit/s, where the browser reports it. */
  incomingBitrate?: number;
}

/** One look: the time, the hints, and (while listening) the connection's counters and which connection it is. */
export interface ListenReading {
  at: number;
  network?: NetworkHint;
  stats?: ListenStats & { connection: number };
}

export const LISTEN = {
  /** Down when at least `badMs` of the last `badWindowMs` looked bad. */
  badWindowMs: 10_000,
  badMs: 8_000,
  /** A look is bad with this share of inbound packets lost (audio and video together)… */
  maxLoss: 0.08,
  /** …or the video frozen this share of the time… */
  maxFreezeShare: 0.3,
  /** …or decoded at less than this share of the best rate seen on this connection (the sender's rate)… */
  minFrameShare: 1 / 3,
  /** (the best rate counts from this many frames per second, and at most 30) */
  minReferenceFps: 10,
  /** …or the browser reports less incoming bandwidth than this, bit/s, while video arrives. */
  minIncomingBitrate: 150_000,
  /** Fewer packets than this in a look (nobody audible, connecting): nothing to judge. */
  minPackets: 10,
  /** A look counts for at most this long (a throttled background tab looks seldom). */
  maxLookMs: 2_000,
  /** Back up after this long without a bad look or a bad hint… */
  upgradeAfterMs: 60_000,
  /** …doubled after each fall back within `stableMs` of going up, up to this. */
  maxUpgradeAfterMs: 600_000,
  stableMs: 300_000,
  /** Going up is a trial: this much bad within `probeMs` falls back at once. */
  probeMs: 15_000,
  probeBadMs: 4_000,
  /** Network Information: these effective types, or a downlink below this (Mbit/s), are too slow for video. */
  slowTypes: ["slow-2g", "2g", "3g"] as readonly string[],
  slowDownlinkMbps: 0.4,
};

/** What the browser's hints alone say: data saver on, a slow network, or nothing against video. */
export function networkVerdict(hint: NetworkHint | undefined): "saveData" | "slowNetwork" | null {
  if (!hint) return null;
  if (hint.saveData === true) return "saveData";
  if (hint.effectiveType !== undefined && LISTEN.slowTypes.includes(hint.effectiveType)) return "slowNetwork";
  if (typeof hint.downlink === "number" && hint.downlink > 0 && hint.downlink < LISTEN.slowDownlinkMbps) return "slowNetwork";
  return null;
}

/** The mode a page would use before it has measured anything: the member's choice, or in auto the hints. */
export function initialDecision(mode: ListenMode, hint: NetworkHint | undefined): ListenDecision {
  if (mode !== "auto") return { mode, audioOnly: mode === "audioOnly", reason: "chosen" };
  const verdict = networkVerdict(hint);
  return verdict ? { mode, audioOnly: true, reason: verdict } : { mode, audioOnly: false, reason: "good" };
}

interface StatLike {
  type: string;
  kind?: string;
  mediaType?: string;
  packetsReceived?: number;
  packetsLost?: number;
  framesDecoded?: number;
  totalFreezesDuration?: number;
  nominated?: boolean;
  state?: string;
  availableIncomingBitrate?: number;
}

/** Sums a getStats report into the counters the decisions use. */
export function listenStatsOf(report: Iterable<StatLike>): ListenStats {
  const stats: ListenStats = { audioPackets: 0, audioLost: 0, videoPackets: 0, videoLost: 0, framesDecoded: 0, freezeSeconds: 0 };
  for (const s of report) {
    if (s.type === "inbound-rtp") {
      const kind = s.kind ?? s.mediaType;
      if (kind === "audio") {
        stats.audioPackets += s.packetsReceived ?? 0;
        stats.audioLost += s.packetsLost ?? 0;
      } else if (kind === "video") {
        stats.videoPackets += s.packetsReceived ?? 0;
        stats.videoLost += s.packetsLost ?? 0;
        stats.framesDecoded += s.framesDecoded ?? 0;
        stats.freezeSeconds += s.totalFreezesDuration ?? 0;
      }
    } else if (s.type === "candidate-pair" && s.nominated === true && s.state === "succeeded" && typeof s.availableIncomingBitrate === "number") {
      stats.incomingBitrate = s.availableIncomingBitrate;
    }
  }
  return stats;
}

type Look = "bad" | "good" | "idle";

/**
 * Auto's choice for one page, from successive readings. `observe` returns the decision in effect
 * (the member's own choice wins); the caller subscribes again when `audioOnly` changes.
 */
export class ListenModeChooser {
  private mode: ListenMode = "auto";
  private audioOnly = false;
  private reason: ListenReason = "good";
  /** Bad looks within the window: when each ended and how long it counted. */
  private bad: { at: number; ms: number }[] = [];
  private lastBadAt = Number.NEGATIVE_INFINITY;
  private lastObservedAt: number | null = null;
  private upgradeAfterMs = LISTEN.upgradeAfterMs;
  private upgradedAt: number | null = null;
  private probeSince: number | null = null;
  private last: (ListenStats & { connection: number; at: number }) | null = null;
  /** The best video frame rate seen on the current connection (the sender's rate, as far as we know). */
  private referenceFps = 0;

  /** The member's choice; choosing auto starts it afresh. */
  setMode(mode: ListenMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    if (mode !== "auto") return;
    this.audioOnly = false;
    this.reason = "good";
    this.bad = [];
    this.lastBadAt = Number.NEGATIVE_INFINITY;
    this.upgradeAfterMs = LISTEN.upgradeAfterMs;
    this.upgradedAt = null;
    this.probeSince = null;
  }

  decision(): ListenDecision {
    if (this.mode !== "auto") return { mode: this.mode, audioOnly: this.mode === "audioOnly", reason: "chosen" };
    return { mode: "auto", audioOnly: this.audioOnly, reason: this.reason };
  }

  observe(reading: ListenReading): ListenDecision {
    const { at } = reading;
    const look = reading.stats ? this.look(at, reading.stats) : "idle";
    if (this.mode !== "auto") return this.decision();
    const hinted = networkVerdict(reading.network);
    const since = this.lastObservedAt;
    this.lastObservedAt = at;
    if (look === "bad") {
      this.lastBadAt = at;
      this.bad.push({ at, ms: Math.min(since === null ? 1_000 : at - since, LISTEN.maxLookMs) });
    }
    if (hinted) this.lastBadAt = at;
    this.bad = this.bad.filter((b) => at - b.at < LISTEN.badWindowMs);

    if (this.audioOnly) {
      if (hinted) this.reason = hinted;
      if (at - this.lastBadAt >= this.upgradeAfterMs) this.upgrade(at);
    } else if (hinted) {
      this.downgrade(at, hinted);
    } else if (this.probeSince !== null) {
      if (this.badSince(this.probeSince) >= LISTEN.probeBadMs) this.downgrade(at, "weak");
      else if (at - this.probeSince >= LISTEN.probeMs) {
        this.probeSince = null;
        this.reason = "good";
      }
    } else if (this.badSince(at - LISTEN.badWindowMs) >= LISTEN.badMs) {
      this.downgrade(at, "weak");
    }
    return this.decision();
  }

  /** How long looked bad since `from` (within the window kept). */
  private badSince(from: number): number {
    return this.bad.filter((b) => b.at > from).reduce((sum, b) => sum + b.ms, 0);
  }

  private downgrade(at: number, reason: ListenReason): void {
    this.audioOnly = true;
    this.reason = reason;
    this.probeSince = null;
    this.lastBadAt = at;
    // Fell back soon after going up: wait longer before the next try, so a marginal line does not flap.
    const soon = this.upgradedAt !== null && at - this.upgradedAt < LISTEN.stableMs;
    this.upgradeAfterMs = soon ? Math.min(this.upgradeAfterMs * 2, LISTEN.maxUpgradeAfterMs) : LISTEN.upgradeAfterMs;
  }

  private upgrade(at: number): void {
    this.audioOnly = false;
    this.reason = "probe";
    this.probeSince = at;
    this.upgradedAt = at;
    this.bad = [];
  }

  /** One look at the listening connection, against the previous look at the same connection. */
  private look(at: number, stats: ListenStats & { connection: number }): Look {
    const previous = this.last;
    this.last = { ...stats, at };
    if (!previous || previous.connection !== stats.connection) {
      this.referenceFps = 0;
      return "idle";
    }
    const ms = at - previous.at;
    if (ms <= 0) return "idle";
    const received = stats.audioPackets - previous.audioPackets + (stats.videoPackets - previous.videoPackets);
    const lost = Math.max(0, stats.audioLost - previous.audioLost + (stats.videoLost - previous.videoLost));
    if (received + lost < LISTEN.minPackets) return "idle";
    if (lost / (received + lost) >= LISTEN.maxLoss) return "bad";
    if (stats.videoPackets > previous.videoPackets) {
      if (stats.incomingBitrate !== undefined && stats.incomingBitrate < LISTEN.minIncomingBitrate) return "bad";
      if (((stats.freezeSeconds - previous.freezeSeconds) * 1000) / ms >= LISTEN.maxFreezeShare) return "bad";
      const fps = ((stats.framesDecoded - previous.framesDecoded) * 1000) / ms;
      this.referenceFps = Math.min(Math.max(this.referenceFps, fps), 30);
      if (this.referenceFps >= LISTEN.minReferenceFps && fps < this.referenceFps * LISTEN.minFrameShare) return "bad";
    }
    return "good";
  }
}
