// The registry of connections per person (gateway/devices.ts): who is ended beyond the limit,
// one bucket per person, and nothing kept once a person is gone and their bucket has refilled.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Devices, RATE } from "./devices.ts";

describe("Devices", () => {
  let clock: number;
  let ended: string[];
  let devices: Devices<string>;

  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
    ended = [];
    devices = new Devices<string>(
      () => clock,
      (socket) => ended.push(socket),
    );
  });
  afterEach(() => vi.useRealTimers());

  const drain = (allow: () => boolean) => Array.from({ length: RATE.burst + 1 }, () => allow());

  it("ends the oldest connections beyond the limit, in order, each once", () => {
    for (const s of ["a1", "a2", "a3"]) devices.connected("a", s, 3);
    expect(ended).toEqual([]);
    devices.connected("a", "a4", 3);
    expect(ended).toEqual(["a1"]);
    // The ended one's disconnect arrives later: it changes nothing.
    devices.disconnected("a", "a1");
    devices.connected("a", "a5", 3);
    expect(ended).toEqual(["a1", "a2"]);
    // A gone connection frees its place.
    devices.disconnected("a", "a4");
    devices.connected("a", "a6", 3);
    expect(ended).toEqual(["a1", "a2"]);
    // A lower limit for another key, and keys do not count against each other.
    devices.connected("b", "b1", 1);
    devices.connected("b", "b2", 1);
    expect(ended).toEqual(["a1", "a2", "b1"]);
  });

  it("an end that disconnects at once (as socket.io does) is not counted twice", () => {
    const reentrant = new Devices<string>(
      () => clock,
      (socket) => {
        ended.push(socket);
        reentrant.disconnected("a", socket);
      },
    );
    for (const s of ["a1", "a2", "a3"]) reentrant.connected("a", s, 2);
    reentrant.connected("a", "a4", 2);
    expect(ended).toEqual(["a1", "a2"]);
  });

  it("gives all of a person's connections one bucket, and each person their own", () => {
    const first = devices.connected("a", "a1", 3);
    const second = devices.connected("a", "a2", 3);
    expect(second).toBe(first);
    expect(drain(first)).toEqual([...Array(RATE.burst).fill(true), false]);
    expect(second()).toBe(false);
    expect(devices.connected("b", "b1", 3)()).toBe(true);
    clock += 1000 / RATE.perSecond;
    expect(second()).toBe(true);
  });

  it("keeps a gone person's bucket until it has refilled, then forgets them", () => {
    const allow = devices.connected("a", "a1", 3);
    drain(allow);
    devices.disconnected("a", "a1");
    expect(devices.size).toBe(1);
    vi.advanceTimersByTime(((RATE.burst / RATE.perSecond) * 1000) / 2);
    // Back within the time: the same, still empty bucket; the pending removal is called off.
    expect(devices.connected("a", "a2", 3)).toBe(allow);
    expect(allow()).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(devices.size).toBe(1);

    devices.disconnected("a", "a2");
    devices.disconnected("a", "a2"); // twice: one pending removal only
    vi.advanceTimersByTime((RATE.burst / RATE.perSecond) * 1000);
    expect(devices.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    // Someone never seen, or already forgotten, disconnecting: nothing happens.
    devices.disconnected("z", "z1");
    expect(devices.size).toBe(0);
  });
});
