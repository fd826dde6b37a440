// Lost characters: "?" in short fields (Excel's GBK replacement for 䶮 and the like) and U+FFFD
// anywhere; the roster import reports them as warnings, with the row, the field and why.
import { describe, expect, it } from "vitest";
import { lossyMessage, lossyText } from "./lossyText.ts";
import { parseRosterFile } from "./parseRoster.ts";
import { csv, fixture } from "./testSupport.ts";

describe("lossyText", () => {
  it.each([
    ["王?", "short", "questionMark"],
    ["?明", "short", "questionMark"],
    ["王\ufffd", "short", "replacement"],
    ["王䶮", "short", null],
    ["某研究院 研究员", "short", null],
    ["张丽（502室）", "short", null],
    ["能否加快审批?", "long", null],
    ["是否可以加装电梯？", "long", null],
    ["路\ufffd不亮", "long", "replacement"],
    ["", "short", null],
  ] as const)("%j (%s) → %s", (value, kind, reason) => {
    expect(lossyText(value, kind)).toBe(reason);
  });

  it("says which field and value, and why, in both languages", () => {
    const m = lossyMessage({ zh: "姓名", en: "name" }, "王?", "questionMark");
    expect(m.zh).toMatch(/^「姓名」“王\?”中的“\?”可能是丢失的字/);
    expect(m.en).toMatch(/^the "\?" in the name "王\?" may be a lost character/);
    expect(lossyMessage({ zh: "单位", en: "unit" }, "某\ufffd", "replacement").en).toContain("replacement character");
  });
});

describe("the roster import's lossy-text warnings", () => {
  it("the GBK roster with 王? (王䶮 saved by Excel): every person, and a warning for that row's name", async () => {
    const result = await parseRosterFile(fixture("cppcc-roster-gbk-lossy.csv"), "名单.csv");
    if (!result.ok) throw new Error(JSON.stringify(result.report));
    expect(result.participants).toHaveLength(61);
    expect(result.warnings.map((w) => [w.row, w.field, w.code, w.warning])).toEqual([[62, "name", "LOSSY_TEXT", true]]);
    expect(result.warnings[0]?.message.zh).toMatch(/^第 62 行：「姓名」“王\?”中的“\?”可能是丢失的字/);
    expect(result.warnings[0]?.message.en).toMatch(/^Row 62: the "\?" in the name "王\?" may be a lost character/);
  });

  it("the clean files have no warnings; other text fields are checked too; errors come with the warnings", async () => {
    for (const name of ["cppcc-roster.csv", "cppcc-roster-gbk.csv", "community-roster.csv", "bargaining-roster.csv"] as const) {
      const result = await parseRosterFile(fixture(name), name);
      expect(result.ok && result.warnings, name).toEqual([]);
    }
    const fields = await parseRosterFile(csv("姓名,单位及职务,界别,党派,住址\n李明,某?公司,\ufffd界,,3号楼?单元\n"), "名单.csv");
    expect(fields.ok && fields.warnings.map((w) => [w.row, w.field])).toEqual([
      [2, "sector"],
      [2, "unit"],
      [2, "household"],
    ]);
    const withError = await parseRosterFile(csv("姓名,角色\n王?,委员\n李四,嘉宾\n"), "名单.csv");
    expect(!withError.ok && withError.report.map((r) => [r.row, r.code, r.warning ?? false])).toEqual([
      [2, "LOSSY_TEXT", true],
      [3, "UNKNOWN_ROLE", false],
    ]);
  });
});
