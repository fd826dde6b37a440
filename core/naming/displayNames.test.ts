import { describe, expect, it } from "vitest";
import { displayName, displayNames, flatOf, identityKey, rosterNames, type NamedPerson } from "./displayNames.ts";

const person = (id: string, name: string, data: Partial<Omit<NamedPerson, "id" | "name">> = {}): NamedPerson => ({
  id,
  name,
  household: null,
  unit: null,
  sector: null,
  ...data,
});
const labels = (roster: NamedPerson[]) => roster.map((p) => displayNames(roster).get(p.id));

describe("displayNames (同名区分)", () => {
  it("leaves unique names untouched", () => {
    const roster = [person("a", "张丽", { household: "3号楼2单元502" }), person("b", "王强", { unit: "区司法所" }), person("c", " 李梅 ")];
    expect(labels(roster)).toEqual(["张丽", "王强", "李梅"]);
  });

  it("tells two same names apart by the flat of their households", () => {
    const roster = [
      person("a", "张丽", { household: "3号楼2单元502", sector: "居民" }),
      person("b", "王强"),
      person("c", "张丽", { household: "5号楼1单元301", sector: "居民" }),
    ];
    expect(labels(roster)).toEqual(["张丽（502室）", "王强", "张丽（301室）"]);
  });

  it("tells three same names apart, falling back to the whole household when the flats repeat", () => {
    const roster = [
      person("a", "张丽", { household: "3号楼2单元502" }),
      person("b", "张丽", { household: "5号楼1单元502" }),
      person("c", "张丽", { household: "5号楼1单元301" }),
    ];
    expect(labels(roster)).toEqual(["张丽（3号楼2单元502）", "张丽（5号楼1单元502）", "张丽（5号楼1单元301）"]);
  });

  it("three same names with distinct flats each get their flat", () => {
    const roster = ["3号楼2单元502", "5号楼1单元301", "1-1-101"].map((household, i) => person(`p${i}`, "张丽", { household }));
    expect(labels(roster)).toEqual(["张丽（502室）", "张丽（301室）", "张丽（101室）"]);
  });

  it("the organisation decides when the households are the same or missing", () => {
    const sameHousehold = [
      person("a", "张丽", { household: "3号楼2单元502", unit: "第一小学" }),
      person("b", "张丽", { household: "3号楼2单元502", unit: "区医院" }),
    ];
    expect(labels(sameHousehold)).toEqual(["张丽（第一小学）", "张丽（区医院）"]);
    // One of them has no household: the household does not tell them apart, the unit does.
    const oneWithout = [person("a", "张丽", { household: "3号楼2单元502", unit: "第一小学" }), person("b", "张丽", { unit: "区司法所" })];
    expect(labels(oneWithout)).toEqual(["张丽（第一小学）", "张丽（区司法所）"]);
  });

  it("then the sector", () => {
    const roster = [
      person("a", "张丽", { unit: "区政协", sector: "经济界" }),
      person("b", "张丽", { unit: "区政协", sector: "教育界" }),
      person("c", "张丽", { unit: "区政协", sector: "医卫界" }),
    ];
    expect(labels(roster)).toEqual(["张丽（经济界）", "张丽（教育界）", "张丽（医卫界）"]);
  });

  it("when no one field tells them all apart, the fields that differ together", () => {
    // Households: a = b; units: b = c. Only household and unit together tell all three apart.
    const roster = [
      person("a", "张丽", { household: "3号楼2单元502", unit: "第一小学" }),
      person("b", "张丽", { household: "3号楼2单元502", unit: "区医院" }),
      person("c", "张丽", { household: "5号楼1单元301", unit: "区医院" }),
    ];
    expect(labels(roster)).toEqual(["张丽（3号楼2单元502，第一小学）", "张丽（3号楼2单元502，区医院）", "张丽（5号楼1单元301，区医院）"]);
  });

  it("people nothing tells apart are numbered in roster order (the import refuses them: same identityKey)", () => {
    const roster = [person("a", "张丽"), person("x", "王强"), person("b", "张丽")];
    expect(labels(roster)).toEqual(["张丽（1）", "王强", "张丽（2）"]);
    expect(identityKey(roster[0]!)).toBe(identityKey(roster[2]!));

    const partly = [
      person("a", "张丽", { household: "3号楼2单元502" }),
      person("b", "张丽", { household: "3号楼2单元502" }),
      person("c", "张丽", { household: "5号楼1单元301" }),
    ];
    expect(labels(partly)).toEqual(["张丽（3号楼2单元502，1）", "张丽（3号楼2单元502，2）", "张丽（5号楼1单元301）"]);
    expect(identityKey(partly[0]!)).toBe(identityKey(partly[1]!));
    expect(identityKey(partly[0]!)).not.toBe(identityKey(partly[2]!));
  });

  it("every label is distinct whenever the identity keys are (so the import's refusal and the names agree)", () => {
    const values = [null, "甲", "3号楼2单元502", "5号楼1单元502"];
    const roster: NamedPerson[] = [];
    for (const household of values)
      for (const unit of values) for (const sector of values) roster.push(person(`p${roster.length}`, "张丽", { household, unit, sector }));
    const names = [...displayNames(roster).values()];
    expect(new Set(names).size).toBe(roster.length);
    expect(new Set(roster.map(identityKey)).size).toBe(roster.length);
  });

  it("identityKey ignores surrounding spaces and treats missing and empty alike", () => {
    expect(identityKey({ name: "张丽 ", household: " 502" })).toBe(identityKey({ name: "张丽", household: "502", unit: null, sector: "" }));
    expect(identityKey({ name: "张丽", household: "502" })).not.toBe(identityKey({ name: "张丽", unit: "502" }));
  });

  it("flatOf reads the flat at the end of a household", () => {
    expect(["3号楼2单元502", "3-2-502", "1幢301室", "502", "A座1203", "3栋2单元502户", "３号楼２单元５０２"].map(flatOf)).toEqual([
      "502室",
      "502室",
      "301室",
      "502室",
      "1203室",
      "502室",
      "502室",
    ]);
    expect(["幸福路12号", "12号楼", "", null, "东区"].map(flatOf)).toEqual([null, null, null, null, null]);
  });

  it("rosterNames is computed once per roster array; displayName names one person", () => {
    const roster = [person("a", "张丽", { household: "502" }), person("b", "张丽", { household: "301" })];
    expect(rosterNames(roster)).toBe(rosterNames(roster));
    expect(displayName(roster, "b")).toBe("张丽（301室）");
    expect(displayName(roster, "nobody")).toBeUndefined();
  });
});
