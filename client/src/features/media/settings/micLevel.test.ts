import { describe, expect, it } from "vitest";
import { HEARD_LEVEL, levelFromRms, rmsOf, smoothedLevel } from "./micLevel.ts";

describe("microphone level", () => {
  it("computes the RMS of samples", () => {
    expect(rmsOf([])).toBe(0);
    expect(rmsOf([0, 0, 0])).toBe(0);
    expect(rmsOf([0.5, -0.5, 0.5, -0.5])).toBeCloseTo(0.5);
    // A full-scale sine has an RMS of 1/√2.
    const sine = Array.from({ length: 1000 }, (_, i) => Math.sin((2 * Math.PI * i) / 100));
    expect(rmsOf(sine)).toBeCloseTo(Math.SQRT1_2, 3);
  });

  it("maps RMS to 0–100 on a decibel scale", () => {
    expect(levelFromRms(0)).toBe(0);
    expect(levelFromRms(Number.NaN)).toBe(0);
    expect(levelFromRms(0.0001)).toBe(0); // -80 dBFS: below the floor
    expect(levelFromRms(0.001)).toBe(0); // -60 dBFS
    expect(levelFromRms(0.01)).toBe(33); // -40 dBFS
    expect(levelFromRms(0.1)).toBe(67); // -20 dBFS: normal speech close to the microphone
    expect(levelFromRms(1)).toBe(100);
    expect(levelFromRms(4)).toBe(100);
  });

  it("treats quiet speech as heard and room noise as silence", () => {
    expect(levelFromRms(0.01)).toBeGreaterThanOrEqual(HEARD_LEVEL); // -40 dBFS
    expect(levelFromRms(0.002)).toBeLessThan(HEARD_LEVEL); // -54 dBFS
  });

  it("rises at once and falls back gradually to 0", () => {
    expect(smoothedLevel(0, 70)).toBe(70);
    expect(smoothedLevel(70, 10)).toBe(42);
    let shown = 100;
    for (let i = 0; i < 12; i++) shown = smoothedLevel(shown, 0);
    expect(shown).toBe(0);
  });
});
