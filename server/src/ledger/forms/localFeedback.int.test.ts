// The 反馈单 of 就地解决 over real HTTP and SQLite: a resident's report the community closes itself
// issues a numbered 反馈单 (what was done, 已就地解决, the secretary who closed it, the date), stored
// with the step and listed with the item; the secretariat downloads it from the item, the resident
// through the receipt link (PDF text read back with pdfjs-dist, DOCX from word/document.xml); another
// resident's receipt and a department never reach it.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LedgerFormJson } from "../../../../core/ledger/forms.ts";
import { AccountRepository } from "../../accounts/accountRepository.ts";
import { ApiClient, STAFF_PASSWORD, type ApiResponse } from "../../../../testing/server/api.ts";
import { Harness, type TestServer } from "../../../../testing/server/harness.ts";
import { createDepartment, departmentClient } from "../../../../testing/server/ledger.ts";
import { pdfText } from "../../../../testing/server/minutesMeeting.ts";

/** 2026-12-07 10:00 in China. */
const NOW = Date.parse("2026-12-07T02:00:00Z");
const COMMUNITY = "阅海湾社区";
const SECRETARY = "马书记";
const DONE = "社区已联系物业清理3号楼1单元楼道杂物，当天清理完毕";

const h = new Harness();
let t: TestServer;
let org: ApiClient;
let resident: ApiClient;
let neighbour: ApiClient;
let intake: string;

beforeAll(async () => {
  t = await h.startServer({ now: () => NOW });
  await new AccountRepository(t.server.db).create({ username: "mashuji", displayName: SECRETARY, role: "organiser", password: STAFF_PASSWORD });
  org = new ApiClient(t.url);
  expect((await org.login("mashuji")).status).toBe(200);
  const community = (await org.post("/api/communities", { name: COMMUNITY })).body.community;
  intake = `/api/public/communities/${community.publicCode}/reports`;
  resident = new ApiClient(t.url);
  neighbour = new ApiClient(t.url);
});
afterAll(() => h.cleanup());

/** A resident's report through the public link: its item id and receipt code. */
async function report(client: ApiClient, text: string): Promise<{ id: string; receipt: string }> {
  const form = new FormData();
  form.append("category", "sanitation");
  form.append("text", text);
  form.append("name", "王大爷");
  form.append("phone", "13900000001");
  const res = await client.request("POST", intake, { form });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.report.id, receipt: res.body.receipt };
}

const docxText = async (res: ApiResponse): Promise<string> =>
  (await (await JSZip.loadAsync(res.bytes)).file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");

describe("反馈单 of 就地解决", () => {
  let item: { id: string; receipt: string };
  let other: { id: string; receipt: string };
  let form: LedgerFormJson;

  it("就地解决 issues a numbered 反馈单 with the step, listed with the item", async () => {
    item = await report(resident, "3号楼1单元楼道堆放杂物，影响通行");
    other = await report(neighbour, "5号楼电梯经常停运");
    const solved = await org.post(`/api/ledger/items/${item.id}/actions`, { baseVersion: 1, action: { type: "resolveLocally", text: DONE } });
    expect(solved.status, JSON.stringify(solved.body)).toBe(200);
    const { forms, steps } = (await org.get(`/api/ledger/items/${item.id}`)).body;
    expect(forms).toEqual([
      { id: expect.any(String), kind: "feedback", number: "〔2026〕反馈第1号", date: "2026-12-07", createdAt: new Date(NOW).toISOString() },
    ]);
    expect(steps.at(-1)).toMatchObject({ action: { type: "resolveLocally" }, to: "closed" });
    form = forms[0];
    expect((await org.get(`/api/ledger/items/${other.id}`)).body.forms).toEqual([]);
  });

  it("the secretariat downloads it: what was done, 已就地解决, the secretary and the community, the date; no 交办单 and no resident's name", async () => {
    const pdf = await org.get(`/api/ledger/items/${item.id}/forms/${form.id}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-disposition")).toContain(encodeURIComponent("反馈单-〔2026〕反馈第1号.pdf"));
    const docx = await org.get(`/api/ledger/items/${item.id}/forms/${form.id}.docx`);
    expect(docx.status).toBe(200);
    for (const text of [await pdfText(pdf.bytes), await docxText(docx)]) {
      for (const words of [
        `${COMMUNITY}问题办理反馈单`,
        "〔2026〕反馈第1号",
        DONE,
        "办理结果已就地解决",
        `经办人${SECRETARY}（${COMMUNITY}）`,
        "2026年12月7日",
        `${COMMUNITY}（盖章）`,
      ]) {
        expect(text.replace(/\s+/g, "")).toContain(words.replace(/\s+/g, ""));
      }
      expect(text).not.toContain("交办单编号");
      expect(text).not.toContain("王大爷");
      expect(text).not.toContain("13900000001");
    }
  });

  it("the resident finds it on the receipt and downloads it as PDF and DOCX; another resident's receipt and a department cannot", async () => {
    const view = (await resident.get(`/api/public/receipts/${item.receipt}`)).body.report;
    expect(view).toMatchObject({ state: "closed", replies: [{ text: DONE, by: COMMUNITY }], feedbackForm: { id: form.id, number: "〔2026〕反馈第1号" } });
    const pdf = await resident.get(`/api/public/receipts/${item.receipt}/feedback.pdf`);
    expect([pdf.status, pdf.headers.get("content-type"), pdf.headers.get("cache-control")]).toEqual([200, "application/pdf", "private, no-store"]);
    expect((await pdfText(pdf.bytes)).replace(/\s+/g, "")).toContain(DONE);
    const docx = await resident.get(`/api/public/receipts/${item.receipt}/feedback.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    expect(await docxText(docx)).toContain(DONE);

    // The neighbour's receipt shows and sends only their own item, which has no 反馈单.
    expect((await neighbour.get(`/api/public/receipts/${other.receipt}`)).body.report.feedbackForm).toBeNull();
    for (const format of ["pdf", "docx"]) {
      const refused = await neighbour.get(`/api/public/receipts/${other.receipt}/feedback.${format}`);
      expect([refused.status, refused.body.error.code]).toEqual([404, "NOT_FOUND"]);
    }
    // A department sees neither the item nor its form.
    const department = await createDepartment(t.server, "区住建委");
    const { client: dept } = await departmentClient(t.server, t.url, "zjw", department.id);
    expect((await dept.get(`/api/ledger/items/${item.id}/forms/${form.id}.pdf`)).status).toBe(404);
  });
});
