import { describe, expect, it } from "vitest";
import { ConnectionWatch, HEALING, HealBackoff, type Reading, type Trouble } from "./connectionWatch.ts";

const connected = (at: number, audioPackets?: number): Reading => ({ at, connectionState: "connected", iceConnectionState: "connected", audioPackets });

/** Reads the watch once a second from `from` to `to` (ms) with what `reading` gives; the troubles seen, by time. */
function readEverySecond(watch: ConnectionWatch, from: number, to: number, reading: (at: number) => Reading): Map<number, Trouble> {
  const seen = new Map<number, Trouble>();
  for (let at = from; at <= to; at += 1_000) {
    const trouble = watch.read(reading(at));
    if (trouble) seen.set(at, trouble);
  }
  return seen;
}

describe("ConnectionWatch", () => {
  it("sees nothing wrong while audio keeps arriving", () => {
    const watch = new ConnectionWatch(0, true);
    expect(readEverySecond(watch, 1_000, 60_000, (at) => connected(at, at / 20))).toEqual(new Map());
    expect(watch.healthyFor(60_000)).toBe(59_000);
  });

  it("calls a listener silent once no audio arrived for a few seconds while someone audible is subscribed", () => {
    const watch = new ConnectionWatch(0, true);
    const seen = readEverySecond(watch, 1_000, 10_000, (at) => connected(at, Math.min(at, 5_000) / 20));
    // The last packets came at 5 s: silent from 5 s + silentMs on.
    expect(Math.min(...seen.keys())).toBe(5_000 + Math.ceil(HEALING.silentMs / 1_000) * 1_000);
    expect([...seen.values()].every((t) => t === "silent")).toBe(true);
    expect(watch.healthyFor(10_000)).toBe(0);
  });

  it("calls a fresh subscription silent if nothing ever arrives", () => {
    const watch = new ConnectionWatch(0, true);
    expect(watch.read(connected(3_000, 0))).toBeNull();
    expect(watch.read(connected(4_000, 0))).toBe("silent");
  });

  it("never calls silent a subscription to feeds that may not be heard (muted at the media server)", () => {
    const watch = new ConnectionWatch(0, false);
    expect(readEverySecond(watch, 1_000, 60_000, (at) => connected(at, 0))).toEqual(new Map());
    expect(watch.healthyFor(60_000)).toBe(59_000);
  });

  it("calls failed at once, and disconnected only when it lasts", () => {
    const failed = new ConnectionWatch(0, false);
    expect(failed.read({ at: 1_000, connectionState: "connected", iceConnectionState: "failed" })).toBe("failed");
    expect(new ConnectionWatch(0, false).read({ at: 1_000, connectionState: "failed", iceConnectionState: "disconnected" })).toBe("failed");
    // A replacement that did not go through leaves the old, closed connection: it counts as failed.
    expect(new ConnectionWatch(0, false).read({ at: 1_000, connectionState: "closed", iceConnectionState: "closed" })).toBe("failed");

    const flaky = new ConnectionWatch(0, false);
    const disconnected = (at: number): Reading => ({ at, connectionState: "disconnected", iceConnectionState: "disconnected" });
    expect(flaky.read(disconnected(1_000))).toBeNull();
    expect(flaky.read(disconnected(3_000))).toBeNull();
    // It recovered by itself: the count starts over.
    expect(flaky.read(connected(4_000))).toBeNull();
    expect(flaky.read(disconnected(5_000))).toBeNull();
    expect(flaky.read(disconnected(5_000 + HEALING.disconnectedMs - 1))).toBeNull();
    expect(flaky.read(disconnected(5_000 + HEALING.disconnectedMs))).toBe("disconnected");
  });

  it("does not call a listener silent while it is still connecting, until the silence is long", () => {
    const watch = new ConnectionWatch(0, true);
    expect(watch.read({ at: 1_000, connectionState: "connecting", iceConnectionState: "checking" })).toBeNull();
    expect(watch.read({ at: 2_000, connectionState: "connected", iceConnectionState: "connected", audioPackets: 40 })).toBeNull();
    expect(watch.healthyFor(2_000)).toBe(0);
    expect(watch.read(connected(3_000, 90))).toBeNull();
    expect(watch.healthyFor(3_000)).toBe(1_000);
  });
});

describe("HealBackoff", () => {
  /** The times at which a trouble that never goes away is healed, checked once a second up to `until`. */
  function attempts(trouble: Trouble, until: number, backoff = new HealBackoff()): number[] {
    const at: number[] = [];
    for (let now = 0; now <= until; now += 1_000) {
      if (!backoff.allows(trouble, now)) continue;
      backoff.attempted(trouble, now);
      at.push(now);
    }
    return at;
  }

  it("heals a failure at once, then after 3, 6, 12, 24 s and every 30 s from then on", () => {
    expect(attempts("failed", 180_000)).toEqual([0, 3_000, 9_000, 21_000, 45_000, 75_000, 105_000, 135_000, 165_000]);
  });

  it("tries silence only a few times in a row, so a silent sender cannot make listeners loop", () => {
    expect(attempts("silent", 600_000)).toEqual([0, 3_000, 9_000].slice(0, HEALING.silentTries));
  });

  it("starts over once healthy (or when the page listens anew)", () => {
    const backoff = new HealBackoff();
    expect(attempts("silent", 60_000, backoff)).toHaveLength(HEALING.silentTries);
    backoff.reset();
    expect(backoff.allows("silent", 61_000)).toBe(true);
    backoff.attempted("silent", 61_000);
    expect(backoff.allows("failed", 62_000)).toBe(false);
    expect(backoff.allows("failed", 64_000)).toBe(true);
  });
});
