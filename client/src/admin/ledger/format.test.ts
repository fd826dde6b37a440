import { describe, expect, it } from "vitest";
import { daysLeft, formatAt, today } from "./format.ts";

describe("ledger dates in China time", () => {
  it("formats an instant as the China wall clock", () => {
    expect(formatAt("2026-12-03T16:30:00.000Z", "Asia/Shanghai")).toBe("2026-12-04 00:30");
    // A browser elsewhere reads the same China wall clock, the zone named.
    expect(formatAt("2026-12-03T16:30:00.000Z", "Europe/Paris")).toBe("2026-12-04 00:30（北京时间）");
    expect(formatAt(null)).toBe("");
    expect(formatAt("nonsense")).toBe("");
  });
  it("counts days to a deadline from China's today", () => {
    const now = Date.parse("2026-12-03T17:00:00Z"); // 2026-12-04 01:00 in China
    expect(today(now)).toBe("2026-12-04");
    expect(daysLeft("2026-12-04", now)).toBe(0);
    expect(daysLeft("2026-12-01", now)).toBe(-3);
    expect(daysLeft("2026-12-07", now)).toBe(3);
  });
});
