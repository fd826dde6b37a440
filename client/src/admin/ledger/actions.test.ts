import { describe, expect, it } from "vitest";
import { LEDGER_STATES, type LedgerState } from "@core/ledger/item.ts";
import { actionsFor, assignVerb, closeVerb, suggestedDepartment, viewerOf, type Viewer } from "./actions.ts";

const SECRETARIAT: Viewer = { role: "secretariat" };
const LEAD: Viewer = { role: "department", departmentId: "housing" };
const PARTNER: Viewer = { role: "department", departmentId: "planning" };
const OTHER: Viewer = { role: "department", departmentId: "water" };
const item = (state: LedgerState) => ({
  state,
  lead: state === "new" ? null : { id: "housing" },
  partners: state === "new" ? [] : [{ id: "planning" }],
});

describe("actions offered per role and state", () => {
  it("the secretariat: 交办 while new, 改派/督办 while with a department, 退回/办结 once answered, 不予交办 of a new item", () => {
    const offered = Object.fromEntries(LEDGER_STATES.map((s) => [s, actionsFor(item(s), SECRETARIAT)]));
    expect(offered).toEqual({
      new: ["assign", "close"],
      assigned: ["assign", "supervise"],
      in_progress: ["assign", "supervise"],
      answered: ["sendBack", "close"],
      closed: [],
    });
  });

  it("a community's item also offers 就地解决 and 提交议事会 while new, to the secretariat only", () => {
    const community = (state: LedgerState) => ({ ...item(state), communityId: "c-1" });
    expect(actionsFor(community("new"), SECRETARIAT)).toEqual(["assign", "resolveLocally", "toCouncil", "close"]);
    expect(actionsFor(community("assigned"), SECRETARIAT)).toEqual(["assign", "supervise"]);
    expect(actionsFor(community("assigned"), LEAD)).toEqual(["progress", "reply"]);
  });

  it("the lead department posts progress and replies; a partner only progress; another department nothing", () => {
    expect(actionsFor(item("assigned"), LEAD)).toEqual(["progress", "reply"]);
    expect(actionsFor(item("in_progress"), LEAD)).toEqual(["progress", "reply"]);
    expect(actionsFor(item("in_progress"), PARTNER)).toEqual(["progress"]);
    expect(actionsFor(item("in_progress"), OTHER)).toEqual([]);
    for (const state of ["new", "answered", "closed"] as const) expect(actionsFor(item(state), LEAD)).toEqual([]);
  });

  it("chairs and clerks get no actions; roles map to viewers", () => {
    expect(viewerOf({ role: "admin" })).toEqual(SECRETARIAT);
    expect(viewerOf({ role: "organiser" })).toEqual(SECRETARIAT);
    expect(viewerOf({ role: "department", departmentId: "housing" })).toEqual(LEAD);
    expect(viewerOf({ role: "department", departmentId: null })).toEqual({ role: "other" });
    expect(viewerOf({ role: "clerk" })).toEqual({ role: "other" });
    expect(actionsFor(item("answered"), { role: "other" })).toEqual([]);
  });

  it("names 交办/改派 and 办结/不予交办 by state", () => {
    expect(assignVerb("new")).toBe("assign");
    expect(assignVerb("in_progress")).toBe("reassign");
    expect(closeVerb("new")).toBe("decline");
    expect(closeVerb("answered")).toBe("close");
  });
});

describe("the department preselected for 交办", () => {
  const departments = [
    { id: "a", name: "区住房城乡建设委", disabled: false },
    { id: "b", name: "区住房城乡建设委物业科", disabled: false },
    { id: "c", name: "区规划分局", disabled: true },
    { id: "d", name: "区水务局", disabled: false },
  ];
  it("the exact name first, else the longest name containing or contained in the suggestion; never a disabled one", () => {
    expect(suggestedDepartment(departments, " 区住房城乡建设委 ")?.id).toBe("a");
    expect(suggestedDepartment(departments, "住房城乡建设委")?.id).toBe("b");
    expect(suggestedDepartment(departments, "区水务局排水所")?.id).toBe("d");
    expect(suggestedDepartment(departments, "区规划分局")).toBeNull();
    expect(suggestedDepartment(departments, "")).toBeNull();
    expect(suggestedDepartment(departments, "区教委")).toBeNull();
  });
});
