import { describe, expect, it } from "vitest";
import {
  addGroup,
  definitionOf,
  draftOf,
  draftProblems,
  editGroup,
  movePerson,
  proposeDraft,
  removeGroup,
  setOfficer,
  unplaced,
  type PlannerPerson,
} from "./groupPlannerDraft.ts";

const person = (id: string, over: Partial<PlannerPerson> = {}): PlannerPerson => ({
  id,
  name: id,
  role: "member",
  sector: null,
  party: null,
  unit: null,
  household: null,
  ...over,
});

const roster: PlannerPerson[] = [
  person("chair", { role: "chair", sector: "经济界" }),
  person("a", { sector: "经济界", party: "民建" }),
  person("b", { sector: "教育界", party: "民进" }),
  person("c", { sector: "经济界", party: "民进" }),
  person("d", { sector: "教育界" }),
  person("e", { role: "clerk" }),
];
const nth = (n: number) => `第${n}组`;

describe("proposeDraft", () => {
  it("by 界别: one group per sector, the chair left out, blanks as 其他, the first member convening", () => {
    const draft = proposeDraft(roster, "sector", "sector", nth);
    expect(draft.groups.map((g) => [g.name, g.memberIds, g.convenerId, g.clerkId])).toEqual([
      ["经济界", ["a", "c"], "a", null],
      ["教育界", ["b", "d"], "b", null],
      ["其他", ["e"], "e", null],
    ]);
    expect(draft.method).toBe("sector");
  });
  it("by a column (党派)", () => {
    const draft = proposeDraft(roster, "column", "party", nth);
    expect(draft.groups.map((g) => g.name)).toEqual(["民建", "民进", "其他"]);
    expect(draft.column).toBe("party");
  });
  it("by topic or by hand: empty groups named in order, everyone unplaced", () => {
    const draft = proposeDraft(roster, "topic", "sector", nth, 3);
    expect(draft.groups.map((g) => [g.groupId, g.name, g.memberIds.length, g.convenerId])).toEqual([
      ["g1", "第1组", 0, null],
      ["g2", "第2组", 0, null],
      ["g3", "第3组", 0, null],
    ]);
    expect(unplaced(draft, roster).map((p) => p.id)).toEqual(["a", "b", "c", "d", "e"]);
  });
});

describe("editing the draft", () => {
  const base = proposeDraft(roster, "sector", "sector", nth);

  it("moves someone between groups, in roster order, out of the plenary's unplaced", () => {
    const moved = movePerson(base, "d", "g1", roster);
    expect(moved.groups[0]!.memberIds).toEqual(["a", "c", "d"]);
    expect(moved.groups[1]!.memberIds).toEqual(["b"]);
    expect(unplaced(moved, roster)).toEqual([]);
  });
  it("a convener moved away hands over to the group's next person; a clerk moved away leaves none", () => {
    const withClerk = setOfficer(base, "g1", "clerkId", "c", roster);
    expect(withClerk.groups[0]!.clerkId).toBe("c");
    const moved = movePerson(movePerson(withClerk, "a", "g2", roster), "c", "g2", roster);
    expect(moved.groups[0]).toMatchObject({ memberIds: [], convenerId: null, clerkId: null });
    expect(moved.groups[1]).toMatchObject({ memberIds: ["a", "b", "c", "d"], convenerId: "b" });
  });
  it("moving out of every group leaves the person in the plenary", () => {
    const moved = movePerson(base, "e", null, roster);
    expect(moved.groups[2]).toMatchObject({ memberIds: [], convenerId: null });
    expect(unplaced(moved, roster).map((p) => p.id)).toEqual(["e"]);
  });
  it("the first person moved into an empty group convenes it", () => {
    const withNew = addGroup(base, "第4组");
    expect(withNew.groups[3]!.groupId).toBe("g4");
    const moved = movePerson(withNew, "e", "g4", roster);
    expect(moved.groups[3]).toMatchObject({ memberIds: ["e"], convenerId: "e" });
  });
  it("naming a convener from elsewhere (a topic's) brings them in; the clerk named convener is no longer clerk", () => {
    const topics = proposeDraft(roster, "topic", "sector", nth);
    const named = setOfficer(setOfficer(topics, "g1", "convenerId", "a", roster), "g1", "clerkId", "b", roster);
    expect(named.groups[0]).toMatchObject({ memberIds: ["a", "b"], convenerId: "a", clerkId: "b" });
    const swapped = setOfficer(named, "g1", "convenerId", "b", roster);
    expect(swapped.groups[0]).toMatchObject({ convenerId: "b", clerkId: null });
    const elsewhere = setOfficer(swapped, "g2", "convenerId", "a", roster);
    expect(elsewhere.groups[0]).toMatchObject({ memberIds: ["b"], convenerId: "b" });
    expect(elsewhere.groups[1]).toMatchObject({ memberIds: ["a"], convenerId: "a" });
  });
  it("removing a group unplaces its people", () => {
    expect(unplaced(removeGroup(base, "g2"), roster).map((p) => p.id)).toEqual(["b", "d"]);
  });
});

describe("problems and the definition", () => {
  it("flags no groups, missing names, names twice and missing conveners", () => {
    const draft = proposeDraft(roster, "sector", "sector", nth);
    expect(draftProblems(draft)).toEqual([]);
    expect(draftProblems({ ...draft, groups: [] })).toEqual([{ kind: "noGroups", groupId: null }]);
    const bad = editGroup(editGroup(movePerson(draft, "e", null, roster), "g1", { name: "  " }), "g3", { name: "教育界" });
    expect(draftProblems(bad)).toEqual([
      { kind: "nameMissing", groupId: "g1" },
      { kind: "nameTwice", groupId: "g3" },
      { kind: "convenerMissing", groupId: "g3" },
    ]);
  });
  it("sends trimmed names, blank topic and place as null, and reads back what it sent", () => {
    const draft = editGroup(proposeDraft(roster, "sector", "sector", nth), "g1", { name: " 经济一组 ", topic: " 营商环境 ", place: " " });
    const definition = definitionOf(draft);
    expect(definition.method).toBe("sector");
    expect(definition.groups[0]).toEqual({
      groupId: "g1",
      name: "经济一组",
      topic: "营商环境",
      place: null,
      convenerId: "a",
      clerkId: null,
      memberIds: ["a", "c"],
    });
    expect(draftOf(definition.method, definition.groups, roster).groups[0]).toMatchObject({ name: "经济一组", topic: "营商环境", place: "" });
    const byParty = definitionOf(proposeDraft(roster, "column", "party", nth));
    expect(draftOf("column", byParty.groups, roster).column).toBe("party");
  });
});
