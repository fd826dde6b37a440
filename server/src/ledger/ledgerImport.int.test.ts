// Moving a paper ledger in, over real HTTP on a real SQLite file: a dry run reports every row
// (taken, refused and why) and writes nothing; the import enters the taken rows in file order in
// their states with one 导入 step each, past deadlines flagged 逾期 and in the reminders; the same
// rows again (the GBK file) are refused as duplicates and change nothing; an XLSX with a name that
// lost a character waits for confirmation; bad files are refused; only the secretariat may import.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LedgerItemJson } from "../../../core/ledger/json.ts";
import { ApiClient, fileForm, staffClient, type Json } from "../../../testing/server/api.ts";
import { Harness, type TestServer } from "../../../testing/server/harness.ts";
import { createDepartment, departmentClient } from "../../../testing/server/ledger.ts";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

const h = new Harness();
let t: TestServer;
let admin: ApiClient;
// 2026-03-10 10:00 in China.
const NOW = Date.parse("2026-03-10T02:00:00Z");

beforeAll(async () => {
  t = await h.startServer({ now: () => NOW });
  admin = (await staffClient(t.server, t.url, "secretary", "admin")).client;
  for (const name of ["区住建委", "区城管委", "区水务局", "街道办事处", "区生态环境局"]) await createDepartment(t.server, name);
});
afterAll(() => h.cleanup());

const importFile = (client: ApiClient, content: Buffer, name: string, query = "") =>
  client.request("POST", `/api/ledger/import${query}`, { form: fileForm(content, name) });
const items = async (query = ""): Promise<LedgerItemJson[]> => (await admin.get(`/api/ledger/items${query}`)).body.items;
const count = () => t.server.db.ledgerItem.count();

describe("importing a paper ledger (导入台账)", () => {
  it("only the secretariat may import: a chair and a department account 403, nobody 401", async () => {
    const chair = (await staffClient(t.server, t.url, "chair1", "chair")).client;
    const department = (await departmentClient(t.server, t.url, "housing", (await t.server.ledger.departments.list())[0]!.id)).client;
    for (const [client, status] of [
      [chair, 403],
      [department, 403],
      [new ApiClient(t.url), 401],
    ] as const) {
      const res = await importFile(client, fixture("paper-ledger.csv"), "台账.csv", "?dryRun=true");
      expect(res.status).toBe(status);
    }
    expect(await count()).toBe(0);
  });

  it("a dry run reports every row, taken or refused and why, and writes nothing", async () => {
    const res = await importFile(admin, fixture("paper-ledger.csv"), "2025年台账.csv", "?dryRun=true");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, imported: 5, refused: 2 });
    expect(res.body.rows.map((r: Json) => [r.row, r.status, r.state, r.number])).toEqual([
      [2, "taken", "in_progress", null],
      [4, "taken", "closed", null],
      [5, "taken", "assigned", null],
      [6, "taken", "new", null],
      [7, "taken", "answered", null],
      [8, "refused", null, null],
      [9, "refused", null, null],
    ]);
    expect(res.body.rows[0].title).toBe("老旧小区加装电梯审批时间过长");
    expect(res.body.report.map((r: Json) => [r.row, r.field, r.code])).toEqual([
      [8, "department", "DEPARTMENT_UNKNOWN"],
      [9, "question", "REQUIRED"],
    ]);
    expect(res.body.report[0].message.zh).toContain("第 8 行：承办单位「区市场监管局」不存在或已停用");
    expect(res.body.report[1].message.en).toBe("Row 9: the issue / suggestion is empty");
    expect(await count()).toBe(0);
  });

  it("imports the taken rows in file order in their states, with one 导入 step by the importer; past deadlines are 逾期", async () => {
    const res = await importFile(admin, fixture("paper-ledger.csv"), "2025年台账.csv");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, imported: 5, refused: 2 });
    expect(res.body.rows.map((r: Json) => r.number)).toEqual([1, 2, 3, 4, 5, null, null]);
    const byNumber = new Map((await items()).map((i) => [i.number, i]));
    expect(byNumber.size).toBe(5);
    expect(byNumber.get(1)).toMatchObject({
      source: "other",
      sourceNote: "2025年第三次双周协商座谈会",
      origin: "suggestion",
      raisedByName: "张丽华",
      sector: "经济界",
      raisedOn: "2026-03-10",
      title: "老旧小区加装电梯审批时间过长",
      text: "老旧小区加装电梯审批时间过长\n建议推行并联审批，压缩审批时限",
      state: "in_progress",
      lead: { name: "区住建委" },
      deadline: "2025-10-31",
      assignedAt: "2025-09-09T16:00:00.000Z",
      flag: "overdue",
    });
    expect(byNumber.get(2)).toMatchObject({
      source: "listeningDay",
      state: "closed",
      flag: null,
      replies: [{ outcome: "adopted", byName: "区城管委", rating: { rating: "satisfied" } }],
    });
    expect(byNumber.get(2)!.closedAt).toBe(new Date(NOW).toISOString());
    expect(byNumber.get(3)).toMatchObject({
      source: "hotline",
      sourceNote: "12345热线",
      state: "assigned",
      lead: { name: "区水务局" },
      partners: [{ name: "街道办事处" }],
      flag: "overdue",
    });
    expect(byNumber.get(4)).toMatchObject({ state: "new", lead: null, deadline: null, flag: null });
    expect(byNumber.get(5)).toMatchObject({ state: "answered", replies: [{ outcome: "explained", rating: null }], flag: null });

    const { steps } = (await admin.get(`/api/ledger/items/${byNumber.get(3)!.id}`)).body;
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      seq: 1,
      byRole: "secretariat",
      byName: "secretary",
      from: "new",
      to: "assigned",
      action: { type: "import", file: "2025年台账.csv", row: 5, deadline: "2026-01-15" },
    });

    // 督办 applies at once: overdue in the reminders per department, 逾期 in the export and the filter.
    const reminders = (await admin.get("/api/ledger/reminders")).body.departments;
    expect(reminders.map((r: Json) => [r.department.name, r.overdue.map((i: Json) => i.number)])).toEqual([
      ["区水务局", [3]],
      ["区住建委", [1]],
    ]);
    expect((await items("?flag=overdue")).map((i) => i.number).sort()).toEqual([1, 3]);
    const csv = (await admin.get("/api/ledger/export.csv")).bytes.toString("utf8");
    expect(csv).toContain("办理中（逾期）");
    expect(csv).toContain("2025年第三次双周协商座谈会,意见建议,张丽华");

    // The imported items go on like any other: the department replies to one.
    const department = (await departmentClient(t.server, t.url, "water", byNumber.get(3)!.lead!.id)).client;
    const replied = await department.post(`/api/ledger/items/${byNumber.get(3)!.id}/actions`, {
      baseVersion: 1,
      action: { type: "reply", text: "已疏通管网。", outcome: "adopted", attachments: [] },
    });
    expect(replied.status).toBe(200);
    expect(replied.body.item).toMatchObject({ state: "answered", version: 2 });
  });

  it("the same ledger again (GBK, as Excel saves CSV) is refused row by row as duplicates and changes nothing", async () => {
    const before = await t.server.db.ledgerItem.findMany({ orderBy: { number: "asc" } });
    const res = await importFile(admin, fixture("paper-ledger-gbk.csv"), "台账gbk.csv");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 0, refused: 7 });
    expect(res.body.report.filter((r: Json) => r.code === "DUPLICATE").map((r: Json) => r.message.zh)).toEqual(
      [1, 2, 3, 4, 5].map((n, i) => `第 ${[2, 4, 5, 6, 7][i]} 行：与台账中第 ${n} 号事项相同（问题/建议、标题和提出人都相同），不重复导入`),
    );
    expect(await t.server.db.ledgerItem.findMany({ orderBy: { number: "asc" } })).toEqual(before);
  });

  it("an XLSX with a name that lost a character (王?) waits for confirmation; then it is imported", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("台账");
    sheet.addRow(["区政协问题台账（2026年第一季度）"]);
    sheet.addRow(["序号", "来源", "提出人", "问题/建议", "承办单位", "办理时限", "办理状态"]);
    sheet.addRow([1, "接待日", "王?", "小区健身器材损坏", "区城管委", new Date(Date.UTC(2026, 1, 28)), "已交办"]);
    sheet.addRow([2, "热线", "陈先生", "公交站台缺少遮雨棚", "某公交公司", null, "待交办"]);
    const xlsx = Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);

    const preview = await importFile(admin, xlsx, "2026一季度.xlsx", "?dryRun=true");
    expect(preview.body).toMatchObject({ imported: 2, refused: 0 });
    expect(preview.body.report.map((r: Json) => [r.row, r.field, r.code, r.warning])).toEqual([
      [3, "raisedBy", "LOSSY_TEXT", true],
      [4, "department", "DEPARTMENT_NOT_MATCHED", true],
    ]);
    const refused = await importFile(admin, xlsx, "2026一季度.xlsx");
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("IMPORT_NEEDS_CONFIRMATION");
    expect(refused.body.error.details).toEqual(preview.body.report);
    expect(await count()).toBe(5);

    const confirmed = await importFile(admin, xlsx, "2026一季度.xlsx", "?acceptWarnings=true");
    expect(confirmed.body).toMatchObject({ imported: 2 });
    const [fitness, shelter] = confirmed.body.rows.map((r: Json) => r.number);
    const byNumber = new Map((await items()).map((i) => [i.number, i]));
    // 2026-02-28 has passed at the server's clock (2026-03-10): accepted, and 逾期.
    expect(byNumber.get(fitness)).toMatchObject({ raisedByName: "王?", state: "assigned", deadline: "2026-02-28", flag: "overdue" });
    expect(byNumber.get(shelter)).toMatchObject({ state: "new", suggestedDepartment: "某公交公司", lead: null });
  });

  it("refuses other files whole: no issue column, a picture, too large", async () => {
    const noColumn = await importFile(admin, Buffer.from("姓名,单位\n张三,甲\n"), "名单.csv", "?dryRun=true");
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.error.code).toBe("LEDGER_IMPORT_INVALID");
    expect(noColumn.body.error.details[0]).toMatchObject({ row: 1, code: "MISSING_COLUMN" });
    const png = await importFile(admin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "台账.csv");
    expect(png.status).toBe(415);
    const big = await importFile(admin, Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), "台账.csv");
    expect(big.status).toBe(413);
    expect(await count()).toBe(7);
  });
});
