import { describe, expect, it } from "vitest";
import {
  LISTEN,
  ListenModeChooser,
  initialDecision,
  listenStatsOf,
  networkVerdict,
  type ListenDecision,
  type ListenStats,
  type NetworkHint,
} from "./listenMode.ts";

/** What one second of listening looks like: packets in and lost, frames decoded, time frozen. */
interface Second {
  audio?: number;
  video?: number;
  lost?: number;
  fps?: number;
  frozen?: number;
  bitrate?: number;
}

const GOOD_VIDEO: Second = { audio: 50, video: 90, fps: 30 };
const GOOD_AUDIO: Second = { audio: 50 };
/** 15 % of the packets lost. */
const LOSSY_VIDEO: Second = { audio: 45, video: 75, lost: 21, fps: 24 };
const LOSSY_AUDIO: Second = { audio: 42, lost: 8 };
/** Everything arrives, but the picture stands still most of the time and decodes at 4 fps. */
const FROZEN_VIDEO: Second = { audio: 50, video: 40, fps: 4, frozen: 0.8 };
const SILENCE: Second = {};

/**
 * A page listening, looked at once a second on a fake clock: the stats accumulate as the seconds
 * given say; `connection` changes when the page subscribes again (as MediaSession does when the
 * decision changes). Returns every decision, by second.
 */
class Listener {
  readonly chooser = new ListenModeChooser();
  at = 0;
  connection = 1;
  private totals: ListenStats = { audioPackets: 0, audioLost: 0, videoPackets: 0, videoLost: 0, framesDecoded: 0, freezeSeconds: 0 };
  network: NetworkHint | undefined = { effectiveType: "4g", downlink: 10, saveData: false };
  decision: ListenDecision = this.chooser.observe({ at: 0, network: this.network });
  /** Seconds (since the start) at which the mode changed, and to what. */
  readonly changes: [second: number, audioOnly: boolean][] = [];

  constructor(mode: "auto" | "full" | "audioOnly" = "auto") {
    this.chooser.setMode(mode);
    this.decision = this.chooser.observe({ at: 0, network: this.network });
  }

  /** Listens for `seconds` seconds; what arrives depends on the mode in effect (no video in audio-only). */
  listen(seconds: number, whenFull: Second, whenAudioOnly: Second = whenFull): this {
    for (let i = 0; i < seconds; i++) {
      this.at += 1_000;
      const s = this.decision.audioOnly ? { ...whenAudioOnly, video: 0, fps: 0, frozen: 0 } : whenFull;
      this.totals = {
        audioPackets: this.totals.audioPackets + (s.audio ?? 0),
        audioLost: this.totals.audioLost + (s.lost ?? 0),
        videoPackets: this.totals.videoPackets + (s.video ?? 0),
        videoLost: this.totals.videoLost,
        framesDecoded: this.totals.framesDecoded + (s.fps ?? 0),
        freezeSeconds: this.totals.freezeSeconds + (s.frozen ?? 0),
        incomingBitrate: s.bitrate,
      };
      const before = this.decision.audioOnly;
      this.decision = this.chooser.observe({ at: this.at, network: this.network, stats: { ...this.totals, connection: this.connection } });
      if (this.decision.audioOnly !== before) {
        this.changes.push([this.at / 1_000, this.decision.audioOnly]);
        // Subscribed again: a new connection, its counters from zero.
        this.connection++;
        this.totals = { audioPackets: 0, audioLost: 0, videoPackets: 0, videoLost: 0, framesDecoded: 0, freezeSeconds: 0 };
      }
    }
    return this;
  }
}

describe("networkVerdict and initialDecision (Network Information API hints)", () => {
  it("reads data saver, slow effective types and a very low downlink; nothing without the API", () => {
    expect(networkVerdict(undefined)).toBeNull();
    expect(networkVerdict({})).toBeNull();
    expect(networkVerdict({ effectiveType: "4g", downlink: 10, saveData: false })).toBeNull();
    // Headless Chromium's own estimate on a fast machine.
    expect(networkVerdict({ effectiveType: "4g", downlink: 1.45 })).toBeNull();
    expect(networkVerdict({ effectiveType: "4g", saveData: true })).toBe("saveData");
    for (const effectiveType of ["slow-2g", "2g", "3g"]) expect(networkVerdict({ effectiveType })).toBe("slowNetwork");
    expect(networkVerdict({ effectiveType: "4g", downlink: 0.3 })).toBe("slowNetwork");
    // 0: the browser does not know (some report 0 before any estimate).
    expect(networkVerdict({ effectiveType: "4g", downlink: 0 })).toBeNull();
  });

  it("starts in audio-only on a slow network in auto, and follows the member's choice otherwise", () => {
    expect(initialDecision("auto", { effectiveType: "2g" })).toEqual({ mode: "auto", audioOnly: true, reason: "slowNetwork" });
    expect(initialDecision("auto", { saveData: true })).toEqual({ mode: "auto", audioOnly: true, reason: "saveData" });
    expect(initialDecision("auto", { effectiveType: "4g" })).toEqual({ mode: "auto", audioOnly: false, reason: "good" });
    expect(initialDecision("auto", undefined)).toEqual({ mode: "auto", audioOnly: false, reason: "good" });
    expect(initialDecision("full", { effectiveType: "2g" })).toEqual({ mode: "full", audioOnly: false, reason: "chosen" });
    expect(initialDecision("audioOnly", { effectiveType: "4g" })).toEqual({ mode: "audioOnly", audioOnly: true, reason: "chosen" });
  });

  it("a slow hint while listening with video switches at once; the hint going away does not switch back before the long good spell", () => {
    const page = new Listener().listen(20, GOOD_VIDEO);
    expect(page.decision).toEqual({ mode: "auto", audioOnly: false, reason: "good" });
    page.network = { effectiveType: "3g", downlink: 0.35 };
    page.listen(1, GOOD_VIDEO, GOOD_AUDIO);
    expect(page.decision).toEqual({ mode: "auto", audioOnly: true, reason: "slowNetwork" });
    // The network recovers: still audio-only until a full upgrade period has passed without a bad sign.
    page.network = { effectiveType: "4g", downlink: 10 };
    page.listen(LISTEN.upgradeAfterMs / 1_000 - 1, GOOD_VIDEO, GOOD_AUDIO);
    expect(page.decision.audioOnly).toBe(true);
    page.listen(1, GOOD_VIDEO, GOOD_AUDIO);
    expect(page.decision).toEqual({ mode: "auto", audioOnly: false, reason: "probe" });
  });

  it("data saver keeps auto on audio only however good the line", () => {
    const page = new Listener();
    page.network = { effectiveType: "4g", downlink: 10, saveData: true };
    page.listen(600, GOOD_VIDEO, GOOD_AUDIO);
    expect(page.changes).toEqual([[1, true]]);
    expect(page.decision).toEqual({ mode: "auto", audioOnly: true, reason: "saveData" });
  });
});

describe("ListenModeChooser (measured quality, fake clock)", () => {
  it("keeps video on a good line for an hour", () => {
    const page = new Listener().listen(3_600, GOOD_VIDEO);
    expect(page.changes).toEqual([]);
    expect(page.decision).toEqual({ mode: "auto", audioOnly: false, reason: "good" });
  });

  it("goes to audio only after a sustained spell of packet loss, not at the first bad second", () => {
    const page = new Listener().listen(10, GOOD_VIDEO);
    page.listen(LISTEN.badMs / 1_000 - 1, LOSSY_VIDEO);
    expect(page.decision.audioOnly).toBe(false);
    page.listen(1, LOSSY_VIDEO);
    expect(page.decision).toEqual({ mode: "auto", audioOnly: true, reason: "weak" });
    expect(page.changes).toEqual([[10 + LISTEN.badMs / 1_000, true]]);
  });

  it("goes to audio only when the picture freezes or decodes far below the sender's rate, without loss", () => {
    const frozen = new Listener().listen(10, GOOD_VIDEO).listen(10, FROZEN_VIDEO, GOOD_AUDIO);
    expect(frozen.changes).toEqual([[18, true]]);
    // Slow decoding alone (no freeze reported): 6 fps after 30.
    const slow = new Listener().listen(10, GOOD_VIDEO).listen(10, { audio: 50, video: 40, fps: 6 }, GOOD_AUDIO);
    expect(slow.changes).toEqual([[18, true]]);
    // A sender that only ever sends 8 fps (a still scene) is not a bad line.
    expect(new Listener().listen(120, { audio: 50, video: 30, fps: 8 }).changes).toEqual([]);
  });

  it("goes to audio only when the browser reports too little incoming bandwidth for video", () => {
    const page = new Listener().listen(5, GOOD_VIDEO).listen(10, { ...GOOD_VIDEO, bitrate: 90_000 }, GOOD_AUDIO);
    expect(page.changes).toEqual([[13, true]]);
  });

  it("does not flap: scattered bad seconds never switch, and silence (nobody audible) is neither good nor bad", () => {
    const page = new Listener();
    // One lossy second in three for ten minutes.
    for (let i = 0; i < 200; i++) page.listen(2, GOOD_VIDEO).listen(1, LOSSY_VIDEO);
    expect(page.changes).toEqual([]);
    // Bad half of the time.
    for (let i = 0; i < 100; i++) page.listen(1, GOOD_VIDEO).listen(1, LOSSY_VIDEO);
    expect(page.changes).toEqual([]);
    page.listen(300, SILENCE);
    expect(page.changes).toEqual([]);
  });

  it("comes back to video only after the long good spell, on trial; a failed trial falls back quickly and waits twice as long", () => {
    const page = new Listener().listen(10, GOOD_VIDEO).listen(8, LOSSY_VIDEO, GOOD_AUDIO);
    expect(page.changes).toEqual([[18, true]]);
    // Good audio: up again after the long good period, not before.
    page.listen(LISTEN.upgradeAfterMs / 1_000, LOSSY_VIDEO, GOOD_AUDIO);
    expect(page.changes).toEqual([
      [18, true],
      [78, false],
    ]);
    expect(page.decision.reason).toBe("probe");
    // The trial: the line is still bad with video, so it falls back after a few bad seconds, not the full window.
    // (The new connection's first second only sets its counters' baseline.)
    const fellBack = 78 + 1 + LISTEN.probeBadMs / 1_000;
    page.listen(10, LOSSY_VIDEO, GOOD_AUDIO);
    expect(page.changes.at(-1)).toEqual([fellBack, true]);
    expect(page.decision).toEqual({ mode: "auto", audioOnly: true, reason: "weak" });
    // Next trial only after twice the wait, then four times.
    page.listen(400, LOSSY_VIDEO, GOOD_AUDIO);
    const trials = page.changes.filter(([, audioOnly]) => !audioOnly).map(([second]) => second);
    expect(trials).toEqual([78, fellBack + 120, fellBack + 120 + (fellBack - 78) + 240]);
    // At most one trial every few minutes on a line that cannot carry video.
    page.listen(3_600, LOSSY_VIDEO, GOOD_AUDIO);
    const later = page.changes.filter(([second, audioOnly]) => !audioOnly && second > 1_000).map(([second]) => second);
    const gaps = later.slice(1).map((second, i) => second - later[i]!);
    expect(later.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(LISTEN.maxUpgradeAfterMs / 1_000);
  });

  it("a trial that holds keeps video, and the wait starts over after a stable spell", () => {
    const page = new Listener().listen(10, GOOD_VIDEO).listen(8, LOSSY_VIDEO, GOOD_AUDIO);
    page.listen(60, GOOD_VIDEO, GOOD_AUDIO);
    expect(page.decision).toEqual({ mode: "auto", audioOnly: false, reason: "probe" });
    page.listen(LISTEN.probeMs / 1_000, GOOD_VIDEO);
    expect(page.decision).toEqual({ mode: "auto", audioOnly: false, reason: "good" });
    page.listen(LISTEN.stableMs / 1_000, GOOD_VIDEO);
    // Bad again much later: down after the sustained window, and up again after the first wait (60 s), not a doubled one.
    page.listen(8, LOSSY_VIDEO, GOOD_AUDIO);
    const down = page.changes.at(-1)![0];
    page.listen(60, GOOD_VIDEO, GOOD_AUDIO);
    expect(page.changes.at(-1)).toEqual([down + 60, false]);
  });

  it("a lossy line in audio-only mode is not a reason to try video", () => {
    const page = new Listener().listen(10, GOOD_VIDEO).listen(8, LOSSY_VIDEO, LOSSY_AUDIO);
    page.listen(600, GOOD_VIDEO, LOSSY_AUDIO);
    expect(page.changes).toEqual([[18, true]]);
  });

  it("the member's choice wins over every measurement and hint, and auto starts afresh when chosen again", () => {
    const full = new Listener("full");
    full.network = { effectiveType: "2g", saveData: true };
    full.listen(600, LOSSY_VIDEO);
    expect(full.changes).toEqual([]);
    expect(full.decision).toEqual({ mode: "full", audioOnly: false, reason: "chosen" });

    const audioOnly = new Listener("audioOnly").listen(600, GOOD_VIDEO, GOOD_AUDIO);
    expect(audioOnly.changes).toEqual([]);
    expect(audioOnly.decision).toEqual({ mode: "audioOnly", audioOnly: true, reason: "chosen" });

    // Auto had gone to audio-only; the member picks video: video at once, whatever auto thought.
    const page = new Listener().listen(10, GOOD_VIDEO).listen(8, LOSSY_VIDEO, GOOD_AUDIO);
    expect(page.decision.audioOnly).toBe(true);
    page.chooser.setMode("full");
    expect(page.chooser.decision()).toEqual({ mode: "full", audioOnly: false, reason: "chosen" });
    // Back to auto: starts with video (nothing known against it) and measures again.
    page.chooser.setMode("auto");
    expect(page.chooser.decision()).toEqual({ mode: "auto", audioOnly: false, reason: "good" });
  });
});

describe("listenStatsOf", () => {
  it("sums a getStats report: inbound audio and video, frames, freezes, the nominated pair's incoming bitrate", () => {
    const report = [
      { type: "inbound-rtp", kind: "audio", packetsReceived: 500, packetsLost: 3 },
      { type: "inbound-rtp", kind: "audio", packetsReceived: 100, packetsLost: 1 },
      { type: "inbound-rtp", kind: "video", packetsReceived: 900, packetsLost: 10, framesDecoded: 300, totalFreezesDuration: 1.5 },
      { type: "outbound-rtp", kind: "audio", packetsSent: 999 },
      { type: "candidate-pair", nominated: false, state: "failed", availableIncomingBitrate: 1 },
      { type: "candidate-pair", nominated: true, state: "succeeded", availableIncomingBitrate: 800_000 },
      { type: "transport" },
    ];
    expect(listenStatsOf(report)).toEqual({
      audioPackets: 600,
      audioLost: 4,
      videoPackets: 900,
      videoLost: 10,
      framesDecoded: 300,
      freezeSeconds: 1.5,
      incomingBitrate: 800_000,
    });
    expect(listenStatsOf([])).toEqual({ audioPackets: 0, audioLost: 0, videoPackets: 0, videoLost: 0, framesDecoded: 0, freezeSeconds: 0 });
  });
});
