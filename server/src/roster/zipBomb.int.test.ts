// A ZIP bomb uploaded as a spreadsheet, over real HTTP on a real SQLite file: 300 MiB of zeros
// deflated to ≈ 300 KB (under both upload limits), with an honest directory and with one that
// claims 1 KB. The roster import and the ledger import refuse it with 413 TABLE_TOO_LARGE in well
// under a second and import nothing; ordinary XLSX files are still imported.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, fileForm, staffClient } from "../../../testing/server/api.ts";
import { Harness, type TestMeeting, type TestServer } from "../../../testing/server/harness.ts";
import { zipBomb } from "./testSupport.ts";

const h = new Harness();
let t: TestServer;
let admin: ApiClient;
let m: TestMeeting;

beforeAll(async () => {
  t = await h.startServer();
  admin = (await staffClient(t.server, t.url, "secretary", "admin")).client;
  m = await h.createMeeting(t.server);
});
afterAll(() => h.cleanup());

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Sheet1").addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const BOMBS = [
  ["honest", zipBomb(300)],
  ["lying", zipBomb(300, 1024)],
] as const;

describe("a ZIP bomb as a spreadsheet", () => {
  it("the roster import: 413 TABLE_TOO_LARGE quickly, nobody added; a real XLSX still imports", async () => {
    const before = await t.server.db.participant.count({ where: { meetingId: m.meetingId } });
    for (const [kind, bomb] of BOMBS) {
      const start = performance.now();
      const res = await admin.request("POST", `/api/meetings/${m.meetingId}/roster/import`, { form: fileForm(bomb, "名单.xlsx") });
      expect([kind, performance.now() - start < 1000]).toEqual([kind, true]);
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({
        code: "TABLE_TOO_LARGE",
        message: {
          zh: "表格解压后过大，请拆分成几个文件分别导入",
          en: "The spreadsheet is too large once unpacked: split it into several files and import them one by one",
        },
        details: [{ row: 0, code: "TABLE_TOO_LARGE", message: { zh: expect.stringContaining("名单.xlsx") } }],
      });
    }
    expect(await t.server.db.participant.count({ where: { meetingId: m.meetingId } })).toBe(before);
    const ok = await admin.request("POST", `/api/meetings/${m.meetingId}/roster/import`, {
      form: fileForm(
        await xlsx([
          ["姓名", "界别"],
          ["欧阳明", "经济界"],
        ]),
        "名单.xlsx",
      ),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.imported).toBe(1);
  });

  it("the ledger import: 413 TABLE_TOO_LARGE quickly, nothing entered; a real XLSX still reads", async () => {
    for (const [kind, bomb] of BOMBS) {
      const start = performance.now();
      const res = await admin.request("POST", "/api/ledger/import?dryRun=true", { form: fileForm(bomb, "台账.xlsx") });
      expect([kind, performance.now() - start < 1000]).toEqual([kind, true]);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe("TABLE_TOO_LARGE");
      expect(res.body.error.details).toMatchObject([{ row: 0, code: "TABLE_TOO_LARGE" }]);
    }
    expect(await t.server.db.ledgerItem.count()).toBe(0);
    const ok = await admin.request("POST", "/api/ledger/import?dryRun=true", {
      form: fileForm(
        await xlsx([
          ["序号", "提出人", "问题/建议"],
          [1, "陈先生", "公交站台缺少遮雨棚"],
        ]),
        "台账.xlsx",
      ),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ dryRun: true, imported: 1, refused: 0 });
  });
});
