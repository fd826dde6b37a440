import { describe, expect, it } from "vitest";
import { sessionRoster } from "./caseSession.ts";

const parties = [
  { id: "p1", name: "张丽", household: "3栋201", phone: "13800000001" },
  { id: "p2", name: "张丽", household: "3栋301", phone: "--- ---" },
];

describe("the roster of a session made from a case", () => {
  it("parties are members with household (and phone when it is one); the 主持调解员 chairs, the others are officials", () => {
    const roster = sessionRoster({
      parties,
      mediators: [
        { id: "m1", name: "杨警官", affiliation: "派出所民警", chief: false },
        { id: "m2", name: "马秀兰", affiliation: "司法所调解员", chief: true },
      ],
    });
    expect(roster).toEqual([
      { of: { kind: "party", id: "p1" }, person: { name: "张丽", role: "member", household: "3栋201", phone: "13800000001" } },
      { of: { kind: "party", id: "p2" }, person: { name: "张丽", role: "member", household: "3栋301" } },
      { of: { kind: "mediator", id: "m2" }, person: { name: "马秀兰", role: "chair", unit: "司法所调解员" } },
      { of: { kind: "mediator", id: "m1" }, person: { name: "杨警官", role: "official", unit: "派出所民警" } },
    ]);
  });

  it("without a 主持调解员 the first mediator chairs", () => {
    const roster = sessionRoster({
      parties,
      mediators: [
        { id: "m1", name: "杨警官", affiliation: "派出所民警", chief: false },
        { id: "m2", name: "马秀兰", affiliation: "司法所调解员", chief: false },
      ],
    });
    expect(roster.filter((r) => r.of.kind === "mediator").map((r) => [r.person.name, r.person.role])).toEqual([
      ["杨警官", "chair"],
      ["马秀兰", "official"],
    ]);
  });
});
