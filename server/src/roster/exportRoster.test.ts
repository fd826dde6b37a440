import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EXPORT_HEADERS, exportRoster, neutraliseFormula } from "./exportRoster.ts";
import { parseRosterFile } from "./parseRoster.ts";
import type { ParticipantInput } from "./rosterTypes.ts";
import { fixture, type FixtureName } from "./testSupport.ts";

async function parsed(buf: Buffer, name = "x"): Promise<ParticipantInput[]> {
  const result = await parseRosterFile(buf, name);
  if (!result.ok) throw new Error(JSON.stringify(result.report));
  return result.participants;
}

async function readSheet(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("no worksheet");
  return ws;
}

const FIXTURES: FixtureName[] = ["cppcc-roster.csv", "cppcc-roster-gbk.csv", "community-roster.csv", "bargaining-roster.csv"];

const tricky: ParticipantInput[] = [
  { name: '=HYPERLINK("http://x","点我")', role: "member", unit: "+cmd|' /C calc'!A0", chief: false },
  { name: "@SUM(1)", role: "observer", unit: "-2+3", phone: "+86 139 0000 0000", chief: false },
  { name: "欧阳明", role: "official", unit: '某局, "办公室"\n副主任', sector: " 经济界 ", chief: false },
  { name: "王䶮", role: "clerk", email: "wang@example.cn", chief: false },
];

describe("CSV export", () => {
  it("is UTF-8 with a BOM, CRLF lines and the customary headers", async () => {
    const out = await exportRoster([], "csv");
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.subarray(3).toString("utf8")).toBe("序号,姓名,角色,界别,党派,单位及职务,手机,邮箱,方,首席代表,住址,表决权重\r\n");
  });

  it("writes one line per person in the given order, roles in Chinese", async () => {
    const list = await parsed(fixture("bargaining-roster.csv"));
    const lines = (await exportRoster(list, "csv"))
      .toString("utf8")
      .replace(/^\ufeff/, "")
      .split("\r\n");
    expect(lines[1]).toBe("1,蔡霞,代表,,,某蔬菜种植基地 职工,,,职工方,是,,");
    expect(lines[6]).toBe("6,江宇,代表,,,某蔬菜种植基地 管理人员,,,企业方,否,,");
    expect(lines[9]).toBe("9,梁志芳,记录员,,,县总工会,,,,,,");
    expect(lines).toHaveLength(11); // header, 9 people, "" after the last CRLF
  });

  it("quotes commas, quotes and newlines, and neutralises formulas with an apostrophe", async () => {
    const text = (await exportRoster(tricky, "csv")).toString("utf8");
    expect(text).toContain(`\r\n1,"'=HYPERLINK(""http://x"",""点我"")",委员,,,'+cmd|' /C calc'!A0,,,,,,\r\n`);
    expect(text).toContain("\r\n2,'@SUM(1),旁听,,,'-2+3,'+86 139 0000 0000,,,,,\r\n");
    expect(text).toContain(`\r\n3,欧阳明,列席," 经济界 ",,"某局, ""办公室""\n副主任",,,,,,\r\n`);
    expect(text).toContain("\r\n4,王䶮,记录员,,,,,wang@example.cn,,,,\r\n");
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@A1", "'@A1"],
    ["\t=1", "'\t=1"],
    ["a=1", "a=1"],
    ["张三", "张三"],
    ["", ""],
  ])("neutraliseFormula(%j) = %j", (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });

  it.each(FIXTURES)("round trip: %s → export → import gives the same people", async (name) => {
    const list = await parsed(fixture(name));
    expect(await parsed(await exportRoster(list, "csv"), "export.csv")).toEqual(list);
  });

  it("round trip keeps formula-like values, quotes, newlines and rare characters", async () => {
    const back = await parsed(await exportRoster(tricky, "csv"), "export.csv");
    expect(back).toEqual(tricky.map((p) => (p.sector ? { ...p, sector: p.sector.trim() } : p)));
  });
});

describe("表决权重 (vote weight) in exports", () => {
  const weighted: ParticipantInput[] = [
    { name: "钟玉", role: "member", household: "1号楼1单元203", voteWeight: 89.5, chief: false },
    { name: "袁海霞", role: "member", household: "1号楼1单元1001", voteWeight: 120.1234, chief: false },
    { name: "孟庆", role: "member", household: "1号楼2单元903", voteWeight: 1_000_000, chief: false },
    { name: "韦兵", role: "chair", chief: false },
  ];

  it("writes the weight as typed (blank when not set) in the last column", async () => {
    const lines = (await exportRoster(weighted, "csv"))
      .toString("utf8")
      .replace(/^\ufeff/, "")
      .split("\r\n");
    expect(lines[0]?.split(",").at(-1)).toBe("表决权重");
    expect(lines.slice(1, 5)).toEqual([
      "1,钟玉,居民代表,,,,,,,,1号楼1单元203,89.5",
      "2,袁海霞,居民代表,,,,,,,,1号楼1单元1001,120.1234",
      "3,孟庆,居民代表,,,,,,,,1号楼2单元903,1000000",
      "4,韦兵,主持人,,,,,,,,,",
    ]);
    const ws = await readSheet(await exportRoster(weighted, "xlsx"));
    expect(ws.getRow(1).getCell(12).value).toBe("表决权重");
    expect(ws.getRow(3).getCell(12).value).toBe("120.1234");
  });

  it.each(["csv", "xlsx"] as const)("round trip through %s keeps the weights", async (format) => {
    expect(await parsed(await exportRoster(weighted, format), `export.${format}`)).toEqual(weighted);
  });
});

describe("XLSX export", () => {
  it("has a bold header row, the customary headers, text columns and sensible widths", async () => {
    const list = await parsed(fixture("community-roster.csv"));
    const ws = await readSheet(await exportRoster(list, "xlsx"));
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_HEADERS]);
    expect(ws.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(ws.getRow(2).getCell(2).font?.bold).not.toBe(true);
    expect(ws.getColumn(6).width).toBeGreaterThanOrEqual(30); // 单位及职务
    expect(ws.getColumn(1).width).toBeLessThanOrEqual(8); // 序号
    expect(ws.getRow(2).getCell(7).numFmt).toBe("@"); // 手机 as text
    expect(ws.actualRowCount).toBe(18);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(["1", "钟玉", "居民代表", "", "", "", "", "", "", "", "1号楼1单元203", ""]);
    expect(ws.getRow(14).getCell(2).value).toBe("韦兵");
    expect(ws.getRow(14).getCell(3).value).toBe("主持人");
  });

  it("writes formula-like values as plain text cells, without an apostrophe", async () => {
    const ws = await readSheet(await exportRoster(tricky, "xlsx"));
    const cell = ws.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x","点我")');
    expect(cell.formula).toBeUndefined();
    expect(ws.getRow(3).getCell(7).value).toBe("+86 139 0000 0000");
    expect(ws.getRow(5).getCell(2).value).toBe("王䶮");
  });

  it.each(FIXTURES)("round trip: %s → XLSX → import gives the same people", async (name) => {
    const list = await parsed(fixture(name));
    expect(await parsed(await exportRoster(list, "xlsx"), "export.xlsx")).toEqual(list);
  });

  it("round trip keeps tricky values", async () => {
    const back = await parsed(await exportRoster(tricky, "xlsx"), "export.xlsx");
    expect(back).toEqual(tricky.map((p) => (p.sector ? { ...p, sector: p.sector.trim() } : p)));
  });
});
