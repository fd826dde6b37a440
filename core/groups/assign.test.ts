// Who goes to which group: the proposal by a roster column (按界别 / 按名册列分组), a person's
// group, and the members at opening of a topic round (自选议题).
import { describe, expect, it } from "vitest";
import type { RosterEntry } from "../config/schema.ts";
import type { Role } from "../roles.ts";
import { ev, given, rosterEntry } from "../../testing/core.ts";
import { BLANK_GROUP_NAME, groupOfParticipant, membersAtOpening, proposeGroups } from "./assign.ts";
import type { GroupDefinition, GroupingColumn } from "./schema.ts";

const person = (id: string, role: Role, fields: Partial<Omit<RosterEntry, "id">> = {}) => rosterEntry({ participantId: id, role }, fields);

/** A plenary: the chair of 经济界 is left out; a clerk and an observer are grouped like anyone. */
const ROSTER: RosterEntry[] = [
  person("chair", "chair", { sector: "经济界", party: "民盟", unit: "区政协", household: "1号楼101" }),
  person("clerk", "clerk", { sector: "教育界", party: null, unit: "区政协", household: null }),
  person("m1", "member", { sector: "教育界", party: "民进", unit: "实验中学", household: "1号楼101" }),
  person("m2", "member", { sector: "经济界", party: "民盟", unit: "  ", household: "2号楼" }),
  person("obs", "observer", { sector: null, party: "民进", unit: "实验中学", household: "1号楼101" }),
  person("o1", "official", { sector: " 经济界 ", party: null, unit: "区教育局", household: "" }),
  person("m3", "member", { sector: "", party: "九三", unit: null, household: "2号楼" }),
];

const proposal = (name: string, memberIds: string[], convenerId = memberIds[0]!) => ({ name, memberIds, convenerId });
const summary = (groups: GroupDefinition[]) => groups.map((g) => proposal(g.name, g.memberIds, g.convenerId));

describe("proposeGroups: one group per value of the column, in order of first appearance, blanks last as 其他", () => {
  it.each<[GroupingColumn, ReturnType<typeof proposal>[]]>([
    // The clerk comes first on the roster, but the convener is the first member or official.
    ["sector", [proposal("教育界", ["clerk", "m1"], "m1"), proposal("经济界", ["m2", "o1"]), proposal(BLANK_GROUP_NAME, ["obs", "m3"], "m3")]],
    ["party", [proposal("民进", ["m1", "obs"]), proposal("民盟", ["m2"]), proposal("九三", ["m3"]), proposal(BLANK_GROUP_NAME, ["clerk", "o1"], "o1")]],
    ["unit", [proposal("区政协", ["clerk"]), proposal("实验中学", ["m1", "obs"]), proposal("区教育局", ["o1"]), proposal(BLANK_GROUP_NAME, ["m2", "m3"])]],
    ["household", [proposal("1号楼101", ["m1", "obs"]), proposal("2号楼", ["m2", "m3"]), proposal(BLANK_GROUP_NAME, ["clerk", "o1"], "o1")]],
  ])("by %s", (by, expected) => {
    const groups = proposeGroups(ROSTER, by);
    expect(summary(groups)).toEqual(expected);
    expect(groups.map((g) => g.groupId)).toEqual(expected.map((_, i) => `g${i + 1}`));
    expect(groups.every((g) => g.clerkId === null && g.topic === null && g.place === null)).toBe(true);
    expect(groups.flatMap((g) => g.memberIds)).not.toContain("chair");
  });

  it("a group of staff only: its first person convenes", () => {
    const roster = [person("c1", "clerk", { sector: "秘书处" }), person("v1", "observer", { sector: "秘书处" })];
    expect(summary(proposeGroups(roster, "sector"))).toEqual([proposal("秘书处", ["c1", "v1"])]);
  });

  it("no blank values: no 其他 group; nobody to group: no groups", () => {
    expect(proposeGroups(ROSTER.slice(0, 4), "sector").map((g) => g.name)).toEqual(["教育界", "经济界"]);
    expect(proposeGroups([person("chair", "chair", { sector: "经济界" })], "sector")).toEqual([]);
  });

  it("a column value 其他 and the blanks are one group, where 其他 first appears", () => {
    const roster = [person("a", "member", { sector: "其他" }), person("b", "member", { sector: null }), person("c", "member", { sector: "医卫界" })];
    expect(summary(proposeGroups(roster, "sector"))).toEqual([proposal("其他", ["a", "b"]), proposal("医卫界", ["c"])]);
  });

  it("names are cut to 40 characters: values alike in their first 40 are one group", () => {
    const long = "街".repeat(40);
    const roster = [person("a", "member", { unit: `${long}一` }), person("b", "member", { unit: `${long}二` }), person("c", "member", { unit: "短" })];
    expect(summary(proposeGroups(roster, "unit"))).toEqual([proposal(long, ["a", "b"]), proposal("短", ["c"])]);
  });

  it.each<GroupingColumn>(["sector", "party", "unit", "household"])("a proposal by %s is a definition the chair can use as it is", (by) => {
    const scenario = given(ev.rosterSet(ROSTER));
    expect(scenario.when({ type: "groups.define", method: "column", groups: proposeGroups(ROSTER, by) }, { participantId: "chair", role: "chair" }).error).toBe(
      undefined,
    );
  });
});

describe("groupOfParticipant", () => {
  const state = given(ev.rosterSet(ROSTER), {
    type: "groups.defined",
    method: "sector",
    groups: proposeGroups(ROSTER, "sector"),
    by: "chair",
  }).state;
  it.each([
    ["m1", "g1"],
    ["clerk", "g1"],
    ["o1", "g2"],
    ["m3", "g3"],
    ["chair", undefined],
    ["nobody", undefined],
  ])("%s is in %s", (id, groupId) => {
    expect(groupOfParticipant(state.groups, id)?.groupId).toBe(groupId);
  });
});

describe("membersAtOpening", () => {
  const roster = [
    person("chair", "chair"),
    person("a", "member"),
    person("b", "member"),
    person("c", "member"),
    person("d", "official"),
    person("e", "member"),
    person("k", "clerk"),
    person("v", "observer"),
    person("f", "member"),
  ];
  const group = (groupId: string, memberIds: string[]): GroupDefinition => ({
    groupId,
    name: groupId,
    topic: groupId,
    place: null,
    convenerId: memberIds[0]!,
    clerkId: null,
    memberIds,
  });
  const at = (method: "topic" | "hand", groups: GroupDefinition[], rosterNow = roster) =>
    membersAtOpening(given(ev.rosterSet(roster), { type: "groups.defined", method, groups, by: "chair" }, ev.rosterSet(rosterNow)).state).map(
      (g) => g.memberIds,
    );

  it("a topic round: each member or official who chose nothing joins the smallest group, the first of equal ones", () => {
    // t1 has a, b, c; t2 has d; t3 has its convener e. Only f chose nothing: t2 and t3 have one each, f joins the first.
    expect(at("topic", [group("t1", ["a", "b", "c"]), group("t2", ["d"]), group("t3", ["e"])])).toEqual([["a", "b", "c"], ["d", "f"], ["e"]]);
    // Three left, one after another, each to the smallest at the time: b → t1 (1 < 2), c → t1 (2 = 2: the first), d → t2.
    expect(at("topic", [group("t1", ["a"]), group("t2", ["e", "f"])])).toEqual([
      ["a", "b", "c"],
      ["e", "f", "d"],
    ]);
  });

  it("the clerk and observers who chose nothing stay in the plenary", () => {
    expect(at("topic", [group("t1", ["a", "b"]), group("t2", ["c"])])).toEqual([
      ["a", "b", "e"],
      ["c", "d", "f"],
    ]);
  });

  it("by hand: nobody is added", () => {
    expect(at("hand", [group("g1", ["a"]), group("g2", ["b"])])).toEqual([["a"], ["b"]]);
  });

  it("who left the roster or became a chair since the definition is left out", () => {
    const rosterNow = roster.filter((p) => p.id !== "b").map((p) => (p.id === "c" ? { ...p, role: "chair" as const } : p));
    expect(at("hand", [group("g1", ["a", "b", "c"])], rosterNow)).toEqual([["a"]]);
  });
});
