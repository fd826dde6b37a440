import cnchar from "cnchar";
import { pinyin } from "pinyin-pro";
import { describe, expect, it } from "vitest";
import { parseRosterFile } from "./parseRoster.ts";
import { compareCodePoints, sortParticipants, splitSurname, strokeCount } from "./sortParticipants.ts";
import { fixture } from "./testSupport.ts";

const people = (names: readonly string[]) => names.map((name, ordinal) => ({ name, ordinal }));
const names = (list: ReadonlyArray<{ name: string }>) => list.map((p) => p.name);

/** A seeded shuffle, so that a failing order is reproducible. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function cppcc() {
  const result = await parseRosterFile(fixture("cppcc-roster.csv"), "cppcc-roster.csv");
  if (!result.ok) throw new Error("fixture did not parse");
  return result.participants.map((p, ordinal) => ({ ...p, ordinal }));
}

describe("stroke counts (cnchar)", () => {
  it.each([
    ["王", 4],
    ["白", 5],
    ["李", 7],
    ["张", 7],
    ["沈", 7],
    ["刘", 6],
    ["马", 3],
    ["上", 3],
    ["司", 5],
    ["欧", 8],
    ["诸", 10],
    ["黎", 15],
    ["丽", 7],
    ["三", 3],
  ])("%s has %i strokes", (char, n) => {
    expect(strokeCount(char)).toBe(n);
    expect(cnchar.stroke(char)).toBe(n);
  });

  it.each(["䶮", "𠀀", "A", "·", "", "😀"])("%j is unknown (0) and does not throw", (char) => {
    expect(strokeCount(char)).toBe(0);
  });
});

describe("splitSurname", () => {
  it.each([
    ["欧阳修", ["欧", "阳"], ["修"]],
    ["司马光", ["司", "马"], ["光"]],
    ["诸葛亮", ["诸", "葛"], ["亮"]],
    ["上官婉儿", ["上", "官"], ["婉", "儿"]],
    ["司马", ["司"], ["马"]],
    ["欧丽", ["欧"], ["丽"]],
    ["王䶮", ["王"], ["䶮"]],
    ["𠀀明", ["𠀀"], ["明"]],
  ])("%s → %j + %j", (name, surname, given) => {
    expect(splitSurname(name)).toEqual({ surname, given });
  });
});

describe("sortParticipants: stroke (姓氏笔画)", () => {
  it.each<[string, string[], string[]]>([
    [
      "by surname strokes: 马3 王4 白5 刘6 张7 李7 沈7",
      ["李明", "王芳", "白雪", "刘伟", "马丽", "张三", "沈一"],
      ["马丽", "王芳", "白雪", "刘伟", "张三", "李明", "沈一"],
    ],
    ["same surname: by the given name's strokes, shorter first", ["张丽", "张三丰", "张三"], ["张三", "张三丰", "张丽"]],
    [
      "compound surnames by their first character, after the single surname",
      ["欧阳修", "欧丽", "诸葛亮", "上官婉儿", "马丽"],
      ["上官婉儿", "马丽", "欧丽", "欧阳修", "诸葛亮"],
    ],
    ["a two-character name is never a compound surname", ["司马光", "司文", "司马"], ["司马", "司文", "司马光"]],
    ["unknown characters after known ones, by code point", ["𠀀明", "王䶮", "John Smith", "王一", "王芳"], ["王一", "王芳", "王䶮", "John Smith", "𠀀明"]],
  ])("%s", (_label, input, expected) => {
    expect(names(sortParticipants(people(input), "stroke"))).toEqual(expected);
  });

  it("same name: by ordinal", () => {
    const list = [
      { name: "张丽", ordinal: 9, unit: "医院" },
      { name: "张丽", ordinal: 3, unit: "中学" },
      { name: "马丽", ordinal: 5, unit: "" },
    ];
    expect(sortParticipants(list, "stroke").map((p) => p.unit)).toEqual(["", "中学", "医院"]);
  });

  it("orders the CPPCC roster by non-decreasing surname strokes (as cnchar counts them), surnames kept together", async () => {
    const sorted = sortParticipants(await cppcc(), "stroke");
    const surnameStrokes = sorted.map((p) => cnchar.stroke(Array.from(p.name)[0] ?? "") as number);
    expect(surnameStrokes).toEqual([...surnameStrokes].sort((a, b) => a - b));
    const surnames = sorted.map((p) => Array.from(p.name)[0]);
    const runs = surnames.filter((s, i) => s !== surnames[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(names(sorted).slice(0, 6)).toEqual(["马兰磊", "孔帆伟", "孔宇晨", "孔泽庆", "毛敏", "王䶮"]);
    expect(names(sorted).slice(-2)).toEqual(["戴丽子", "戴勇"]);
  });
});

describe("sortParticipants: pinyin", () => {
  it("the library reads these surnames as surnames", () => {
    expect(pinyin("曾伟", { toneType: "none", type: "array", surname: "head" })).toEqual(["zeng", "wei"]);
    expect(pinyin("单田芳", { toneType: "none", type: "array", surname: "head" })).toEqual(["shan", "tian", "fang"]);
    expect(pinyin("吕一", { toneType: "none", type: "array" })).toEqual(["lü", "yi"]);
  });

  it.each<[string, string[], string[]]>([
    ["li < liu < lu < lü < luo", ["罗一", "吕一", "卢一", "刘一", "李一"], ["李一", "刘一", "卢一", "吕一", "罗一"]],
    ["surname readings: 单 shan, 曾 zeng", ["张三", "曾伟", "邵华", "单田芳", "袁明"], ["单田芳", "邵华", "袁明", "曾伟", "张三"]],
    ["syllable by syllable: 黎安 (li an) < 李明 (li ming)", ["李明", "黎安"], ["黎安", "李明"]],
    ["same pinyin: by name (code point)", ["王岩", "王䶮"], ["王䶮", "王岩"]],
    ["unknown characters last, by code point", ["𠀀明", "John", "阿依古丽·买买提", "张三"], ["阿依古丽·买买提", "张三", "John", "𠀀明"]],
  ])("%s", (_label, input, expected) => {
    expect(names(sortParticipants(people(input), "pinyin"))).toEqual(expected);
  });

  it("same name: by ordinal", () => {
    const list = [
      { name: "张丽", ordinal: 7, unit: "医院" },
      { name: "张丽", ordinal: 2, unit: "中学" },
    ];
    expect(sortParticipants(list, "pinyin").map((p) => p.unit)).toEqual(["中学", "医院"]);
  });

  it("orders the CPPCC roster by the toneless pinyin pinyin-pro gives", async () => {
    const sorted = sortParticipants(await cppcc(), "pinyin");
    const keys = sorted.map((p) => pinyin(p.name, { toneType: "none", type: "array", surname: "head" }).join(" "));
    for (let i = 1; i < keys.length; i++) expect((keys[i - 1] ?? "") <= (keys[i] ?? "")).toBe(true);
    expect(names(sorted).slice(0, 3)).toEqual(["蔡琳晨", "蔡勇庆", "曹琳浩"]);
    expect(names(sorted).slice(-2)).toEqual(["朱艳凤", "邹宏萍"]);
  });
});

describe("sortParticipants: roster and general properties", () => {
  it("roster order is by ordinal", () => {
    const list = [
      { name: "乙", ordinal: 2 },
      { name: "甲", ordinal: 0 },
      { name: "丙", ordinal: 1 },
    ];
    expect(names(sortParticipants(list, "roster"))).toEqual(["甲", "丙", "乙"]);
  });

  it.each(["roster", "pinyin", "stroke"] as const)("%s: same result for any input order; input untouched", async (sort) => {
    const list = await cppcc();
    const before = JSON.stringify(list);
    const expected = sortParticipants(list, sort);
    expect(expected).not.toBe(list);
    for (let seed = 1; seed <= 20; seed++) expect(sortParticipants(shuffled(list, seed), sort)).toEqual(expected);
    expect(JSON.stringify(list)).toBe(before);
  });

  it.each(["pinyin", "stroke"] as const)("%s never throws on odd names", (sort) => {
    const odd = people(["", " ", "😀", "𠀀", "a·b", "王\u0000", "ｶﾀｶﾅ", "이순신", "Ωmega", "张三"]);
    const sorted = names(sortParticipants(odd, sort));
    expect(sorted.slice(0, 2)).toEqual(["王\u0000", "张三"]); // wang < zhang; 4 < 7 strokes
    expect(sorted.slice(2)).toEqual(["a·b", "Ωmega", "이순신", "ｶﾀｶﾅ", "😀", "𠀀", "", " "]); // by code point, blanks last
  });

  it("compareCodePoints orders astral characters after the BMP", () => {
    expect(compareCodePoints("\uffe5", "𠀀")).toBe(-1);
    expect("\uffe5" < "𠀀").toBe(false); // UTF-16 order would get this wrong
  });
});
