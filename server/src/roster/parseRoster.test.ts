import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { cleanName, parseRosterFile, parseWeightCell, type WeightCell } from "./parseRoster.ts";
import type { ParseRosterResult, ParticipantInput } from "./rosterTypes.ts";
import { csv, fixture } from "./testSupport.ts";

async function participantsOf(buf: Buffer, name = "roster.csv"): Promise<ParticipantInput[]> {
  const result = await parseRosterFile(buf, name);
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${JSON.stringify(result.report)}`);
  return result.participants;
}

/** The report reduced to what tests compare: row, field and code. */
async function problemsOf(buf: Buffer, name = "roster.csv"): Promise<Array<[number, string | undefined, string]>> {
  const result = await parseRosterFile(buf, name);
  if (result.ok) throw new Error("expected a report");
  expect(result.code).toBe("IMPORT_INVALID");
  return result.report.map((r) => [r.row, r.field, r.code]);
}

const countRoles = (list: readonly ParticipantInput[]) => list.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.role]: (acc[p.role] ?? 0) + 1 }), {});

describe("the fixtures", () => {
  it("cppcc-roster.csv (UTF-8): 61 people, 王䶮 intact, both 张丽", async () => {
    const list = await participantsOf(fixture("cppcc-roster.csv"));
    expect(list).toHaveLength(61);
    expect(countRoles(list)).toEqual({ chair: 2, member: 51, official: 6, clerk: 2 });
    expect(list[0]).toEqual({ name: "沈国帅", role: "chair", sector: "中共", party: "中共", unit: "区政协 主席", chief: false });
    expect(list.find((p) => p.name === "李帅国")).toMatchObject({ phone: "13900000100", unit: "某能源控股集团 董事长" });
    expect(list.at(-1)).toEqual({ name: "王䶮", role: "member", sector: "科技界", party: "无党派", unit: "某研究院 研究员", chief: false });
    expect(Array.from(list.at(-1)?.name ?? "")).toEqual(["王", "\u4dae"]);
    expect(list.filter((p) => p.name === "张丽").map((p) => p.unit)).toEqual(["区第二中学 副校长", "区人民医院 护士长"]);
    expect(list.filter((p) => p.role === "official").map((p) => p.name)).toEqual(["苏瑞欣", "冯建艳", "戴勇", "杨桂芳", "邹宏萍", "陶艳勇"]);
    expect(list.find((p) => p.name === "苏瑞欣")).toEqual({
      name: "苏瑞欣",
      role: "official",
      party: "中共",
      unit: "区商务和经济技术合作局 局长",
      chief: false,
    });
  });

  it("cppcc-roster-gbk.csv gives the same people as the UTF-8 file minus 王䶮", async () => {
    const utf8 = await participantsOf(fixture("cppcc-roster.csv"));
    const gbk = await participantsOf(fixture("cppcc-roster-gbk.csv"));
    expect(gbk).toHaveLength(60);
    expect(gbk).toEqual(utf8.filter((p) => p.name !== "王䶮"));
  });

  it("community-roster.csv: households from 楼栋/单元/户号, community roles", async () => {
    const list = await participantsOf(fixture("community-roster.csv"));
    expect(list).toHaveLength(17);
    expect(countRoles(list)).toEqual({ member: 12, chair: 1, official: 3, clerk: 1 });
    expect(list[0]).toEqual({ name: "钟玉", role: "member", chief: false, household: "1号楼1单元203" });
    expect(list.find((p) => p.name === "覃伟")?.household).toBe("3号楼2单元204");
    expect(list.filter((p) => p.household).length).toBe(12);
    expect(Object.fromEntries(list.slice(12).map((p) => [p.name, p.role]))).toEqual({
      韦兵: "chair", // 主持人(社区党支部书记)
      吴文海: "official", // 物业公司代表
      陈鹏春: "official", // 网格员
      龙静明: "official", // 街道工作人员
      张平欣: "clerk",
    });
  });

  it("bargaining-roster.csv: sides, one chief per side, the recorder as clerk", async () => {
    const list = await participantsOf(fixture("bargaining-roster.csv"));
    expect(list).toHaveLength(9);
    const worker = list.filter((p) => p.side === "worker");
    const enterprise = list.filter((p) => p.side === "enterprise");
    expect(worker.map((p) => p.name)).toEqual(["蔡霞", "石帆瑞", "戴艳艳", "金娟红"]);
    expect(enterprise.map((p) => p.name)).toEqual(["丁庆瑞", "江宇", "熊红宁", "邵鹏静"]);
    expect(list.filter((p) => p.chief).map((p) => p.name)).toEqual(["蔡霞", "丁庆瑞"]);
    expect([...worker, ...enterprise].every((p) => p.role === "member")).toBe(true);
    expect(list[8]).toEqual({ name: "梁志芳", role: "clerk", unit: "县总工会", chief: false });
  });
});

describe("row validation", () => {
  const bad = [
    "姓名,角色,单位及职务,手机,邮箱", // 1
    "张三,委员,甲单位,13900000000,a@example.cn", // 2 fine
    ",委员,乙单位,,", // 3 no name
    "李四,嘉宾,丙单位,,", // 4 unknown role
    "王五,委员,丁单位,12ab,", // 5 bad phone
    "赵六,委员,戊单位,,not-an-email", // 6 bad email
    "", // 7 blank: skipped
    "张三,委员,甲单位,,", // 8 same name and unit as row 2
    "张三,委员,己单位,,", // 9 same name, other unit: fine
    "钱七,,庚单位,1.39E+10,x@", // 10 no role, Excel-mangled phone, bad email
    ",,,,", // 11 blank (only separators): skipped
    '孙八,委员,"辛单位', // 12–13: a quoted unit over two lines
    '办公室",13900000009,', // (continued)
    "周九,委员,壬单位,+86 139-0000-0000 x,", // 14 bad phone (letter)
  ].join("\r\n");

  it("names every bad row and field, and returns nobody", async () => {
    const result = await parseRosterFile(csv(bad), "bad.csv");
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty("participants");
    expect(await problemsOf(csv(bad))).toEqual([
      [3, "name", "REQUIRED"],
      [4, "role", "UNKNOWN_ROLE"],
      [5, "phone", "INVALID_PHONE"],
      [6, "email", "INVALID_EMAIL"],
      [8, "name", "DUPLICATE"],
      [10, "role", "REQUIRED"],
      [10, "phone", "INVALID_PHONE"],
      [10, "email", "INVALID_EMAIL"],
      [14, "phone", "INVALID_PHONE"],
    ]);
  });

  it("writes messages in Chinese and English with the row, the column and the value", async () => {
    const result = (await parseRosterFile(csv(bad), "bad.csv")) as Extract<ParseRosterResult, { ok: false }>;
    const at = (row: number, field: string) => result.report.find((r) => r.row === row && r.field === field)?.message;
    expect(at(4, "role")?.zh).toMatch(/^第 4 行：.*「嘉宾」/);
    expect(at(4, "role")?.en).toMatch(/^Row 4: unknown role "嘉宾"/);
    expect(at(8, "name")?.zh).toContain("第 2 行");
    expect(at(8, "name")?.en).toContain("row 2");
    expect(at(10, "phone")?.zh).toContain("科学计数法");
    expect(at(5, "phone")?.zh).toContain("「手机」");
  });

  it("accepts the same rows once fixed, with the multi-line unit kept", async () => {
    const fixed = bad
      .replace(",委员,乙单位", "吴一,委员,乙单位")
      .replace("嘉宾", "特邀")
      .replace("12ab", "0951-1234567")
      .replace("not-an-email", "zhao@example.cn")
      .replace("张三,委员,甲单位,,", "张三,委员,癸单位,,")
      .replace("钱七,,庚单位,1.39E+10,x@", "钱七,旁听,庚单位,13900000008,qian@example.cn")
      .replace("+86 139-0000-0000 x", "+86 139-0000-0000");
    const list = await participantsOf(csv(fixed));
    expect(list.map((p) => p.name)).toEqual(["张三", "吴一", "李四", "王五", "赵六", "张三", "张三", "钱七", "孙八", "周九"]);
    expect(list.find((p) => p.name === "孙八")?.unit).toBe("辛单位\n办公室");
    expect(list.find((p) => p.name === "李四")?.role).toBe("official");
    expect(list.find((p) => p.name === "钱七")).toMatchObject({ role: "observer", email: "qian@example.cn" });
  });

  it("same names: refused only when no household, unit or sector tells them apart (core/naming), also against the roster", async () => {
    const rows = [
      "姓名,单位及职务,界别,楼栋,单元,户号", // 1
      "张丽,,居民,3,2,502", // 2
      "张丽,,居民,5,1,301", // 3 other household: fine
      "张丽,区司法所,,,,", // 4 no household, a unit: fine
      "张丽,区司法所,调解员,,,", // 5 the same unit, another sector: fine
      "张丽,,居民,3,2,502", // 6 = row 2
    ].join("\n");
    expect(await problemsOf(csv(rows))).toEqual([[6, "name", "DUPLICATE"]]);
    const onRoster = [{ name: "张丽", household: "5号楼1单元301", unit: null, sector: "居民" }];
    const result = (await parseRosterFile(csv(rows), "r.csv", onRoster)) as Extract<ParseRosterResult, { ok: false }>;
    expect(result.report.map((r) => [r.row, r.code])).toEqual([
      [3, "DUPLICATE"],
      [6, "DUPLICATE"],
    ]);
    expect(result.report[0]!.message).toEqual({
      zh: "第 3 行：「张丽」与名单中已有的同名人员无法区分（姓名相同，住址、单位及职务、界别也都相同；请填写其中不同的一项）",
      en: 'Row 3: "张丽" cannot be told apart from someone already on the roster (same name, household, unit and sector; fill in one that differs)',
    });
    expect(result.report[1]!.message.zh).toContain("与第 2 行无法区分");
    expect(await participantsOf(csv(rows.split("\n").slice(0, 5).join("\n")))).toHaveLength(4);
  });

  it("reports a missing name column on row 1", async () => {
    expect(await problemsOf(csv("名字x,角色\n张三,委员\n"))).toEqual([[1, "name", "MISSING_COLUMN"]]);
    expect(await problemsOf(csv(""))).toEqual([[1, "name", "MISSING_COLUMN"]]);
  });

  it("refuses a header with nobody under it, and duplicated columns", async () => {
    expect(await problemsOf(csv("姓名,角色\r\n\r\n"))).toEqual([[1, undefined, "NO_ROWS"]]);
    expect(await problemsOf(csv("姓名,手机,电话\n张三,1,2\n"))).toEqual([[1, "phone", "DUPLICATE_COLUMN"]]);
  });

  it("reports bad side and chief values in a bargaining roster", async () => {
    const text = "姓名,方,首席代表,角色\n甲,职工方,是,代表\n乙,劳资方,是,代表\n丙,企业方,可能,代表\n";
    expect(await problemsOf(csv(text))).toEqual([
      [3, "side", "UNKNOWN_SIDE"],
      [4, "chief", "INVALID_CHIEF"],
    ]);
  });

  it("reports a name longer than 50 characters", async () => {
    expect(await problemsOf(csv(`姓名\n${"名".repeat(51)}\n`))).toEqual([[2, "name", "TOO_LONG"]]);
  });

  it("reports an unclosed quote", async () => {
    expect(await problemsOf(csv('姓名,单位\n张三,"某单位\n李四,乙\n'))).toEqual([[2, undefined, "CSV_SYNTAX"]]);
    expect(await problemsOf(csv('姓名,单位\n张三,"某""单位"\n李四,"乙\n\n'))).toEqual([[3, undefined, "CSV_SYNTAX"]]);
  });

  it("takes 5,000 people and refuses 5,001", async () => {
    const rows = (n: number) => ["姓名,单位", ...Array.from({ length: n }, (_, i) => `人员${i},单位${i}`)].join("\n");
    expect(await participantsOf(csv(rows(5000)))).toHaveLength(5000);
    expect(await problemsOf(csv(rows(5001)))).toEqual([[5002, undefined, "TOO_MANY_ROWS"]]);
  });
});

describe("headers and cells", () => {
  it("recognises English headers in any case and spacing, and ignores unknown columns", async () => {
    const text = " NAME ,Role,Sector,PARTY,Unit,Phone,E-mail,Gender,Notes\nAnna  Li,Chair,Economy,None,ACME,+86 139 0000 0000,anna@example.com,F,x\n";
    expect(await participantsOf(csv(text))).toEqual([
      { name: "Anna Li", role: "chair", sector: "Economy", party: "None", unit: "ACME", phone: "+86 139 0000 0000", email: "anna@example.com", chief: false },
    ]);
  });

  it("finds the header under a title line, joins 单位 and 职务, reads tab-separated text", async () => {
    const text = "2025年第一次协商会参会名单\n\n序号\t姓名*\t单位\t职务\t联系电话\n1\t张\u3000丽\t区第二中学\t副校长\t１３９０００００００１\n";
    expect(await participantsOf(csv(text))).toEqual([{ name: "张丽", role: "member", unit: "区第二中学 副校长", phone: "13900000001", chief: false }]);
  });

  it("adds 号楼 and 单元 to bare numbers and reads a combined 住址 column", async () => {
    expect(await participantsOf(csv("姓名,楼栋,单元,户号\n甲,3,2,1203\n"))).toMatchObject([{ household: "3号楼2单元1203" }]);
    expect(await participantsOf(csv("姓名,住址\n甲,5号楼2单元101\n"))).toMatchObject([{ household: "5号楼2单元101" }]);
  });

  it("drops the apostrophe its own export puts before a formula character", async () => {
    const list = await participantsOf(csv("姓名,手机,单位\n甲,'+86 139 0000 0000,'=某单位\n"));
    expect(list[0]).toMatchObject({ phone: "+86 139 0000 0000", unit: "=某单位" });
  });

  it("cleanName removes padding between Chinese characters only", () => {
    expect(cleanName(" 张\u3000丽 ")).toBe("张丽");
    expect(cleanName("阿依古丽 · 买买提")).toBe("阿依古丽 · 买买提");
    expect(cleanName("John \t Smith")).toBe("John Smith");
  });
});

describe("file types and encodings", () => {
  it("reads a UTF-16 LE text file with BOM (Excel 'Unicode text')", async () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("姓名\t角色\r\n王䶮\t委员\r\n", "utf16le")]);
    expect(await participantsOf(buf)).toEqual([{ name: "王䶮", role: "member", chief: false }]);
  });

  it("reads a UTF-8 file with BOM", async () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture("bargaining-roster.csv")]);
    expect(await participantsOf(buf)).toEqual(await participantsOf(fixture("bargaining-roster.csv")));
  });

  it("refuses a PDF and a random binary as FILE_TYPE_NOT_ALLOWED", async () => {
    for (const buf of [Buffer.from("%PDF-1.4\n1 0 obj\n", "latin1"), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 151 + 7) % 256))]) {
      const result = await parseRosterFile(buf, "名单.pdf");
      expect(result).toMatchObject({ ok: false, code: "FILE_TYPE_NOT_ALLOWED", report: [{ row: 0, code: "FILE_TYPE_NOT_ALLOWED" }] });
      expect(!result.ok && result.report[0]?.message.zh).toContain("名单.pdf");
    }
  });

  it("refuses a truncated XLSX as FILE_TYPE_NOT_ALLOWED", async () => {
    const whole = await workbookBuffer([["姓名"], ["张三"]]);
    expect(await participantsOf(whole, "a.xlsx")).toEqual([{ name: "张三", role: "member", chief: false }]);
    const result = await parseRosterFile(whole.subarray(0, Math.floor(whole.length / 2)), "a.xlsx");
    expect(result).toMatchObject({ ok: false, code: "FILE_TYPE_NOT_ALLOWED" });
  });

  it("refuses Shift-JIS and undecodable bytes as ENCODING_UNSUPPORTED", async () => {
    const sjis = iconv.encode("姓名,角色\r\n山田太郎,委員\r\n佐藤花子,委員\r\n", "shiftjis");
    const junk = Buffer.concat([Buffer.from("name,role\n"), Buffer.from(Array.from({ length: 200 }, (_, i) => 0x80 + ((i * 37) % 128)))]);
    for (const buf of [sjis, junk]) {
      expect(await parseRosterFile(buf, "x.csv")).toMatchObject({
        ok: false,
        code: "ENCODING_UNSUPPORTED",
        report: [{ row: 0, code: "ENCODING_UNSUPPORTED" }],
      });
    }
  });

  it("decides by content, not by name: a CSV named .xlsx is read as CSV", async () => {
    expect(await participantsOf(csv("姓名\n张三\n"), "roster.xlsx")).toEqual([{ name: "张三", role: "member", chief: false }]);
  });
});

async function workbookBuffer(rows: ExcelJS.CellValue[][], setup?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  for (const row of rows) ws.addRow(row);
  setup?.(ws);
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

describe("XLSX import", () => {
  it("reads numbers, rich text, hyperlinks, formulas and a title row above the header", async () => {
    const buf = await workbookBuffer(
      [
        ["协商会参会人员名单"],
        ["序号", "姓名", "角色", "单位及职务", "手机", "邮箱", "方", "首席代表"],
        [
          1,
          { richText: [{ text: "王" }, { text: "䶮", font: { bold: true } }] },
          "委员",
          "某研究院 研究员",
          13900000100,
          { text: "wang@example.cn", hyperlink: "mailto:wang@example.cn" },
          null,
          null,
        ],
        [2, "蔡霞", { formula: '"代"&"表"', result: "代表" }, "某蔬菜种植基地 职工", "13900000200", null, "职工方", true],
      ],
      (ws) => ws.mergeCells("A1:H1"),
    );
    expect(await participantsOf(buf, "名单.xlsx")).toEqual([
      { name: "王䶮", role: "member", unit: "某研究院 研究员", phone: "13900000100", email: "wang@example.cn", chief: false },
      { name: "蔡霞", role: "member", unit: "某蔬菜种植基地 职工", phone: "13900000200", side: "worker", chief: true },
    ]);
  });

  it("reports bad rows by their sheet row number, skipping empty rows", async () => {
    const buf = await workbookBuffer([["姓名", "角色", "邮箱"], ["甲", "委员", "bad"], [], ["乙", "嘉宾", null]]);
    expect(await problemsOf(buf, "x.xlsx")).toEqual([
      [2, "email", "INVALID_EMAIL"],
      [4, "role", "UNKNOWN_ROLE"],
    ]);
  });
});

describe("表决权重 (vote weight)", () => {
  it.each(["表决权重", "权重", "专有部分面积", "专有部分面积（㎡）", "面积(平方米)", "weight", "Vote Weight", "投票权重"])(
    "recognises the header %j",
    async (header) => {
      const list = await participantsOf(csv(`姓名,${header}\n钟玉,89.5\n`));
      expect(list).toEqual([{ name: "钟玉", role: "member", chief: false, voteWeight: 89.5 }]);
    },
  );

  it("reads plain numbers, up to 4 decimals, full-width digits, separators and area units; blank stays unset (counts as 1)", async () => {
    const list = await participantsOf(
      csv(
        [
          "姓名,楼栋,单元,户号,专有部分面积",
          "钟玉,1,1,203,89.5",
          "袁海霞,1,1,1001,120.1234",
          "孟庆,1,2,903,１０３．２５",
          '廖秀国,1,2,1504,"1,234.5"',
          "韦明勇,2,1,401,95.6㎡",
          "罗辉,2,1,1203,88 平方米",
          "田杰浩,2,2,1101,",
          "覃兵,2,2,1404,1000000",
          "孟秀敏,3,1,902,0.0001",
          "马帅辉,3,1,1103,76.50000",
        ].join("\n"),
      ),
    );
    expect(list.map((p) => [p.name, p.household, p.voteWeight])).toEqual([
      ["钟玉", "1号楼1单元203", 89.5],
      ["袁海霞", "1号楼1单元1001", 120.1234],
      ["孟庆", "1号楼2单元903", 103.25],
      ["廖秀国", "1号楼2单元1504", 1234.5],
      ["韦明勇", "2号楼1单元401", 95.6],
      ["罗辉", "2号楼1单元1203", 88],
      ["田杰浩", "2号楼2单元1101", undefined],
      ["覃兵", "2号楼2单元1404", 1_000_000],
      ["孟秀敏", "3号楼1单元902", 0.0001],
      ["马帅辉", "3号楼1单元1103", 76.5],
    ]);
    expect(list.find((p) => p.name === "田杰浩")).not.toHaveProperty("voteWeight");
  });

  const badWeights = [
    "姓名,角色,权重", // 1
    "甲,委员,0", // 2 not positive
    "乙,委员,-3", // 3 not positive
    "丙,委员,八十", // 4 not a number
    "丁,委员,89.12345", // 5 five decimals
    "戊,委员,1000000.5", // 6 over 1,000,000
    "己,委员,1e3", // 7 not a plain number
    "庚,委员,12.5", // 8 fine
    "辛,委员,12.3.4", // 9 not a number
  ].join("\n");

  it("reports every bad weight by row, all or nothing", async () => {
    const result = await parseRosterFile(csv(badWeights), "bad.csv");
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty("participants");
    expect(await problemsOf(csv(badWeights))).toEqual([2, 3, 4, 5, 6, 7, 9].map((row) => [row, "voteWeight", "INVALID_WEIGHT"]));
  });

  it("says in both languages what is wrong, with the column as written and the value", async () => {
    const result = (await parseRosterFile(csv(badWeights), "bad.csv")) as Extract<ParseRosterResult, { ok: false }>;
    const at = (row: number) => result.report.find((r) => r.row === row)?.message;
    expect(at(2)?.zh).toBe("第 2 行：「权重」应为大于 0 的数（最多 4 位小数，不超过 1000000），而不是「0」；必须大于 0（不设权重请留空，按 1 计）");
    expect(at(3)?.en).toBe(
      'Row 3: the vote weight must be a number above 0 (at most 4 decimals, up to 1000000), not "-3"; it must be above 0 (leave it empty to count as 1)',
    );
    expect(at(4)?.zh).toMatch(/「八十」；不是数字$/);
    expect(at(5)?.zh).toMatch(/「89\.12345」；最多保留 4 位小数$/);
    expect(at(5)?.en).toMatch(/; at most 4 decimals$/);
    expect(at(6)?.zh).toMatch(/「1000000\.5」；不能超过 1000000$/);
  });

  it("a weight problem comes with the row's other problems", async () => {
    expect(await problemsOf(csv("姓名,角色,邮箱,面积\n,委员,x@,-1\n"))).toEqual([
      [2, "name", "REQUIRED"],
      [2, "email", "INVALID_EMAIL"],
      [2, "voteWeight", "INVALID_WEIGHT"],
    ]);
  });

  it("refuses two weight columns (面积 and 权重)", async () => {
    expect(await problemsOf(csv("姓名,面积,权重\n甲,1,2\n"))).toEqual([[1, "voteWeight", "DUPLICATE_COLUMN"]]);
  });

  it("reads XLSX number cells, and reports a computed weight with too many decimals", async () => {
    const buf = await workbookBuffer([
      ["姓名", "专有部分面积"],
      ["甲", 89.5],
      ["乙", 120],
      ["丙", { formula: "1/3", result: 1 / 3 }],
    ]);
    expect(await problemsOf(buf, "x.xlsx")).toEqual([[4, "voteWeight", "INVALID_WEIGHT"]]);
    const fixed = await workbookBuffer([
      ["姓名", "专有部分面积"],
      ["甲", 89.5],
      ["乙", 120],
      ["丙", { formula: "ROUND(1/3,4)", result: 0.3333 }],
    ]);
    expect((await participantsOf(fixed, "x.xlsx")).map((p) => p.voteWeight)).toEqual([89.5, 120, 0.3333]);
  });

  it.each<[string, WeightCell]>([
    ["89.5", { ok: true, value: 89.5 }],
    ["+2", { ok: true, value: 2 }],
    [".5", { ok: true, value: 0.5 }],
    ["0.00", { ok: false, reason: "notPositive" }],
    ["-0.5", { ok: false, reason: "notPositive" }],
    ["abc", { ok: false, reason: "notNumber" }],
    ["1,23", { ok: false, reason: "notNumber" }],
    ["Infinity", { ok: false, reason: "notNumber" }],
    ["0.00001", { ok: false, reason: "decimals" }],
    ["1000001", { ok: false, reason: "tooLarge" }],
  ])("parseWeightCell(%j)", (cell, expected) => {
    expect(parseWeightCell(cell)).toEqual(expected);
  });
});
