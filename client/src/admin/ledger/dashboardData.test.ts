import { describe, expect, it } from "vitest";
import { departmentRows, ratingRows, stateRows, topRows, type LedgerDashboard } from "./dashboardData.ts";

const dashboard: LedgerDashboard = {
  total: 6,
  byState: { new: 1, assigned: 2, in_progress: 0, answered: 1, closed: 2 },
  overdue: 1,
  dueSoon: 1,
  byDepartment: [
    { id: "", name: "未交办", total: 1, open: 1, overdue: 0, answered: 0 },
    { id: "a", name: "区水务局", total: 2, open: 1, overdue: 1, answered: 0 },
    { id: "b", name: "区住房城乡建设委", total: 3, open: 2, overdue: 0, answered: 1 },
  ],
  bySector: [],
  byMeeting: [],
  byMonth: [
    { month: "2027-02", raised: 1, closed: 0 },
    { month: "2026-11", raised: 3, closed: 1 },
  ],
  ratings: { satisfied: 1, basically: 0, unsatisfied: 0 },
};

describe("dashboard rows", () => {
  it("every state and rating in their order, labelled", () => {
    expect(stateRows(dashboard, (s) => s.toUpperCase()).map((r) => [r.label, r.count])).toEqual([
      ["NEW", 1],
      ["ASSIGNED", 2],
      ["IN_PROGRESS", 0],
      ["ANSWERED", 1],
      ["CLOSED", 2],
    ]);
    expect(ratingRows(dashboard, (r) => r).map((r) => r.count)).toEqual([1, 0, 0]);
  });

  it("departments with the most open items first", () => {
    expect(departmentRows(dashboard).map((d) => d.name)).toEqual(["区住房城乡建设委", "区水务局", "未交办"]);
  });

  it("the largest rows first and the rest summed", () => {
    const rows = [
      { label: "甲", count: 1 },
      { label: "乙", count: 5 },
      { label: "丙", count: 3 },
      { label: "丁", count: 2 },
    ];
    expect(topRows(rows, 2, "其他").map((r) => [r.label, r.count])).toEqual([
      ["乙", 5],
      ["丙", 3],
      ["其他", 3],
    ]);
    expect(topRows(rows, 10, "其他")).toHaveLength(4);
  });
});
