// Deadlines in China time: the calendar date at a moment, real dates, day differences, and the
// 逾期/临期 flags at the day boundaries (23:59 and 00:01 Asia/Shanghai).
import { describe, expect, it } from "vitest";
import { chinaDate, daysBetween, deadlineFlag, DUE_SOON_DAYS, isCalendarDate } from "./deadline.ts";
import { LEDGER_STATES } from "./item.ts";

/** A moment given as China wall time (UTC+8, no daylight saving). */
const china = (wall: string): number => Date.parse(`${wall}+08:00`);

describe("chinaDate", () => {
  it("is the date in Asia/Shanghai, not UTC", () => {
    expect(chinaDate(china("2026-12-07T23:59:00"))).toBe("2026-12-07");
    expect(chinaDate(china("2026-12-08T00:01:00"))).toBe("2026-12-08");
    // 16:30 UTC is already the next day in China.
    expect(chinaDate(Date.parse("2026-12-31T16:30:00Z"))).toBe("2027-01-01");
  });
});

describe("isCalendarDate", () => {
  it("accepts real YYYY-MM-DD dates only", () => {
    expect(isCalendarDate("2026-12-07")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-30", "2027-02-29", "2026-13-01", "2026-1-7", "20261207", "2026-12-07T00:00", ""]) expect(isCalendarDate(bad), bad).toBe(false);
  });
});

describe("daysBetween", () => {
  it("counts whole days, negative backwards, across months and years", () => {
    expect(daysBetween("2026-12-07", "2026-12-07")).toBe(0);
    expect(daysBetween("2026-12-07", "2026-12-10")).toBe(3);
    expect(daysBetween("2026-12-10", "2026-12-07")).toBe(-3);
    expect(daysBetween("2026-12-30", "2027-01-02")).toBe(3);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
  });
});

describe("deadlineFlag", () => {
  const open = (deadline: string | null) => ({ state: "in_progress" as const, deadline });

  it("is due soon from DUE_SOON_DAYS before the deadline through its last minute, overdue from the next midnight in China", () => {
    expect(DUE_SOON_DAYS).toBe(3);
    const deadline = "2026-12-10";
    expect(deadlineFlag(open(deadline), china("2026-12-06T23:59:00"))).toBe(null);
    expect(deadlineFlag(open(deadline), china("2026-12-07T00:01:00"))).toBe("dueSoon");
    expect(deadlineFlag(open(deadline), china("2026-12-10T23:59:00"))).toBe("dueSoon");
    expect(deadlineFlag(open(deadline), china("2026-12-11T00:01:00"))).toBe("overdue");
    // In UTC terms the deadline day ends at 16:00.
    expect(deadlineFlag(open(deadline), Date.parse("2026-12-10T15:59:00Z"))).toBe("dueSoon");
    expect(deadlineFlag(open(deadline), Date.parse("2026-12-10T16:01:00Z"))).toBe("overdue");
  });

  it("flags only open items that have a deadline: with a department (已交办, 办理中), or new with a decision's deadline", () => {
    const late = china("2027-01-31T12:00:00");
    for (const state of LEDGER_STATES)
      expect(deadlineFlag({ state, deadline: "2026-12-10" }, late), state).toBe(
        state === "new" || state === "assigned" || state === "in_progress" ? "overdue" : null,
      );
    expect(deadlineFlag({ state: "new", deadline: null }, late)).toBe(null);
    expect(deadlineFlag(open(null), late)).toBe(null);
  });
});
