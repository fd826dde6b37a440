import { describe, expect, it } from "vitest";
import { countdown, formatClock, speechClock, WARNING_MS, type ClockPhase } from "./clock.ts";
import type { Speech } from "./floor/schema.ts";

const START = 1_000;
const CAP = 300_000;

describe("countdown", () => {
  it.each<[string, number, number, ClockPhase]>([
    ["at the start", START, 300_000, "running"],
    ["one minute in", START + 60_000, 240_000, "running"],
    ["1 ms before the warning", START + CAP - 60_001, 60_001, "running"],
    ["exactly one minute left", START + CAP - 60_000, 60_000, "warning"],
    ["59 s left", START + CAP - 59_000, 59_000, "warning"],
    ["1 ms left", START + CAP - 1, 1, "warning"],
    ["exactly at the cap", START + CAP, 0, "warning"],
    ["1 ms over the cap", START + CAP + 1, -1, "overrun"],
    ["12 s over the cap", START + CAP + 12_000, -12_000, "overrun"],
    ["an hour over the cap", START + CAP + 3_600_000, -3_600_000, "overrun"],
    // A client clock estimate slightly behind the start never shows more than the cap.
    ["a client clock slightly behind the start", START - 500, 300_000, "running"],
    ["a client clock far behind the start", START - 90_000, 300_000, "running"],
  ])("%s", (_name, now, remainingMs, phase) => {
    expect(countdown(START, CAP, now)).toEqual({ remainingMs, phase });
  });

  it("warns in the last 60 s", () => {
    expect(WARNING_MS).toBe(60_000);
  });

  it("a cap shorter than the warning window warns from the start", () => {
    expect(countdown(0, 30_000, 0)).toEqual({ remainingMs: 30_000, phase: "warning" });
    expect(countdown(0, 30_000, 30_001)).toEqual({ remainingMs: -1, phase: "overrun" });
  });

  it("phases only move forward as time passes", () => {
    const order: ClockPhase[] = ["running", "warning", "overrun"];
    let last = 0;
    for (let now = START - 1_000; now <= START + CAP + 120_000; now += 250) {
      const rank = order.indexOf(countdown(START, CAP, now).phase);
      expect(rank).toBeGreaterThanOrEqual(last);
      last = rank;
    }
    expect(last).toBe(2);
  });
});

describe("formatClock", () => {
  it.each<[number, string]>([
    [300_000, "5:00"],
    [245_000, "4:05"],
    [60_000, "1:00"],
    [59_000, "0:59"],
    [10_000, "0:10"],
    [1_000, "0:01"],
    [0, "0:00"],
    [3_600_000, "60:00"],
    // Counting down, a partial second still shows as a whole one left.
    [299_001, "5:00"],
    [59_001, "1:00"],
    [58_999, "0:59"],
    [1, "0:01"],
    // Over time, a partial second past the cap counts as a whole one: never "+0:00" once over.
    [-1, "+0:01"],
    [-500, "+0:01"],
    [-1_000, "+0:01"],
    [-1_001, "+0:02"],
    [-12_000, "+0:12"],
    [-12_999, "+0:13"],
    [-59_000, "+0:59"],
    [-60_000, "+1:00"],
    [-61_000, "+1:01"],
    [-605_000, "+10:05"],
  ])("%d ms → %s", (remainingMs, text) => {
    expect(formatClock(remainingMs)).toBe(text);
  });

  it("shows a plus sign exactly when over time, never a minus", () => {
    for (let ms = 0; ms <= 3_600_000; ms += 7_777) expect(formatClock(ms)).toMatch(/^\d+:[0-5]\d$/);
    for (let ms = -1; ms >= -3_600_000; ms -= 7_777) expect(formatClock(ms)).toMatch(/^\+\d+:[0-5]\d$/);
  });

  it("shows what countdown computes", () => {
    expect(formatClock(countdown(START, CAP, START + 241_000).remainingMs)).toBe("0:59");
    expect(formatClock(countdown(START, CAP, START + 312_000).remainingMs)).toBe("+0:12");
    expect(formatClock(countdown(START, CAP, START).remainingMs)).toBe("5:00");
  });
});

describe("speechClock", () => {
  const speech: Speech = {
    speechId: "s",
    participantId: "p",
    kind: "impromptu",
    guestName: null,
    bookingId: null,
    startedAt: START,
    capMs: CAP,
    extendedMs: 0,
    pausedAt: null,
    pausedMs: 0,
    agendaItemId: null,
    override: null,
  };

  it("counts down like countdown while never paused or extended", () => {
    expect(speechClock(speech, START + 60_000)).toEqual({ remainingMs: 240_000, phase: "running", paused: false });
  });

  it("freezes while paused: the same remaining time at any later moment", () => {
    const paused = { ...speech, pausedAt: START + 100_000 };
    expect(speechClock(paused, START + 100_000)).toEqual({ remainingMs: 200_000, phase: "running", paused: true });
    expect(speechClock(paused, START + 900_000)).toEqual({ remainingMs: 200_000, phase: "running", paused: true });
  });

  it("stands at the pause on a browser whose estimate of the server's time is still before it (every screen alike)", () => {
    const paused = { ...speech, pausedAt: START + 100_000 };
    expect(speechClock(paused, START + 99_200)).toEqual({ remainingMs: 200_000, phase: "running", paused: true });
    expect(speechClock({ ...paused, pausedMs: 30_000 }, START + 99_200).remainingMs).toBe(230_000);
  });

  it("after a resume, runs on from where it stopped (earlier pauses excluded)", () => {
    const resumed = { ...speech, pausedMs: 30_000 };
    expect(speechClock(resumed, START + 130_000)).toEqual({ remainingMs: 200_000, phase: "running", paused: false });
  });

  it("adds extensions to the cap, which can lift an overrun back to time left", () => {
    expect(speechClock(speech, START + CAP + 10_000).phase).toBe("overrun");
    expect(speechClock({ ...speech, extendedMs: 120_000 }, START + CAP + 10_000)).toEqual({ remainingMs: 110_000, phase: "running", paused: false });
  });
});
