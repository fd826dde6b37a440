// The ledger's forms over real HTTP on a real SQLite file: an assignment issues a numbered 交办单 and
// a reply a 反馈单, listed with the item; their PDF (text read back with pdfjs-dist) and DOCX
// (word/document.xml) say what was issued even after the item changed; numbers run per kind and
// year and survive re-assignment; who may download them; the database never changes one.
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LedgerFormJson } from "../../../../core/ledger/forms.ts";
import type { Department } from "../../../../core/ledger/json.ts";
import { ApiClient, fileForm, staffClient, type Json } from "../../../../testing/server/api.ts";
import { Harness, type TestServer } from "../../../../testing/server/harness.ts";
import { chinaDay, createDepartment, departmentClient, SECRETARIAT } from "../../../../testing/server/ledger.ts";
import { pdfText } from "../../../../testing/server/minutesMeeting.ts";
import { renderLedgerForm } from "./formFiles.ts";

/** 2026-12-07 10:00 in China. */
const START = Date.parse("2026-12-07T02:00:00Z");
let clock = START;
const ISSUER = "青石街道议事协商办公室";
const CONTACT = "议事办 王秘书 0571-88886666";
const RESIDENT_PHONE = "13800001234";

const h = new Harness();
let t: TestServer;
let admin: ApiClient;
let chair: ApiClient;
let lead: ApiClient;
let partner: ApiClient;
let other: ApiClient;
let A: Department;
let B: Department;
let C: Department;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

beforeAll(async () => {
  t = await h.startServer({ now: () => clock, env: { YST_ORG_NAME: ISSUER, YST_LEDGER_CONTACT: CONTACT } });
  admin = (await staffClient(t.server, t.url, "forms-admin", "admin")).client;
  chair = (await staffClient(t.server, t.url, "forms-chair", "chair")).client;
  A = await createDepartment(t.server, "区住建委");
  B = await createDepartment(t.server, "区民政局");
  C = await createDepartment(t.server, "街道办事处");
  lead = (await departmentClient(t.server, t.url, "zhujian", A.id)).client;
  partner = (await departmentClient(t.server, t.url, "minzheng", B.id)).client;
  other = (await departmentClient(t.server, t.url, "jiedao", C.id)).client;
});
afterAll(() => h.cleanup());

async function newItem(title: string, text = "夜间出行不便，老人摔倒过。"): Promise<{ id: string; version: number }> {
  const res = await admin.post("/api/ledger/items", {
    source: "hotline",
    raisedOn: chinaDay(clock, 0),
    raisedByName: "赵居民",
    contact: RESIDENT_PHONE,
    title,
    text,
  });
  expect(res.status).toBe(201);
  return res.body.item;
}

async function act(client: ApiClient, itemId: string, action: Json): Promise<{ id: string; version: number }> {
  const { version } = (await admin.get(`/api/ledger/items/${itemId}`)).body.item;
  const res = await client.post(`/api/ledger/items/${itemId}/actions`, { baseVersion: version, action });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.item;
}

const assign = (itemId: string, lead: string, partners: string[] = [], instructions = "") =>
  act(admin, itemId, { type: "assign", lead, partners, deadline: chinaDay(clock, 10), instructions });

async function formsOf(itemId: string, client = admin): Promise<LedgerFormJson[]> {
  const res = await client.get(`/api/ledger/items/${itemId}`);
  expect(res.status).toBe(200);
  return res.body.forms;
}

async function download(client: ApiClient, itemId: string, formId: string, format: "pdf" | "docx") {
  return client.get(`/api/ledger/items/${itemId}/forms/${formId}.${format}`);
}

async function pdfOf(client: ApiClient, itemId: string, formId: string): Promise<string> {
  const res = await download(client, itemId, formId, "pdf");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  return pdfText(res.bytes);
}

async function docxOf(client: ApiClient, itemId: string, formId: string): Promise<string> {
  const res = await download(client, itemId, formId, "docx");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("wordprocessingml");
  const xml = await (await JSZip.loadAsync(res.bytes)).file("word/document.xml")!.async("string");
  return xml.replace(/<[^>]+>/g, "");
}

describe("交办单", () => {
  let itemId: string;
  let first: LedgerFormJson;

  it("an assignment issues 〔year〕交办第1号, listed with the item", async () => {
    const item = await newItem("三号楼路灯不亮");
    itemId = item.id;
    expect(await formsOf(itemId)).toEqual([]);
    await assign(itemId, A.id, [B.id], "请三日内现场查看");
    const forms = await formsOf(itemId);
    expect(forms).toEqual([
      { id: expect.any(String), kind: "assignment", number: "〔2026〕交办第1号", date: "2026-12-07", createdAt: new Date(clock).toISOString() },
    ]);
    first = forms[0]!;
  });

  it("as PDF and DOCX in the customary layout: the issuer, number, source, problem, units, deadline, requirements, contact and seal", async () => {
    const res = await download(admin, itemId, first.id, "pdf");
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("交办单-〔2026〕交办第1号.pdf"));
    const expected = [
      `${ISSUER}问题交办单`,
      "〔2026〕交办第1号",
      "交办日期2026年12月7日",
      "问题来源热线",
      "问题描述三号楼路灯不亮",
      "夜间出行不便，老人摔倒过。",
      "承办单位区住建委",
      "协办单位区民政局",
      "办理时限2026年12月17日前",
      "办理要求请三日内现场查看",
      `联系方式${CONTACT.replace(/\s+/g, "")}`,
      `${ISSUER}（盖章）`,
    ];
    const pdf = await pdfOf(admin, itemId, first.id);
    for (const text of expected) expect(pdf).toContain(text);
    const docx = (await docxOf(admin, itemId, first.id)).replace(/\s+/g, "");
    for (const text of expected) expect(docx).toContain(text);
    // The resident's own phone is never on a form, nor who raised a hotline call.
    for (const text of [pdf, docx]) {
      expect(text).not.toContain(RESIDENT_PHONE);
      expect(text).not.toContain("赵居民");
    }
  });

  it("改派 issues the next number and keeps the first form as it was issued, whatever changed since", async () => {
    await admin.patch(`/api/ledger/departments/${A.id}`, { name: "区住房和城乡建设委员会" });
    await assign(itemId, C.id);
    const forms = await formsOf(itemId);
    expect(forms.map((f) => f.number)).toEqual(["〔2026〕交办第1号", "〔2026〕交办第2号"]);
    expect(forms[0]).toEqual(first);
    const old = await pdfOf(admin, itemId, first.id);
    expect(old).toContain("承办单位区住建委");
    expect(old).not.toContain("区住房和城乡建设委员会");
    const second = await pdfOf(admin, itemId, forms[1]!.id);
    expect(second).toContain("承办单位街道办事处");
    expect(second).toContain("协办单位无");
    expect(second).toContain("备注改派：原交办单〔2026〕交办第1号不再办理");
    // No requirements written: the customary line.
    expect(second).toContain("办理要求请在办理时限内办结");
    await admin.patch(`/api/ledger/departments/${A.id}`, { name: "区住建委" });
  });

  it("numbers run on over items and start again in a new year (China time)", async () => {
    const next = await newItem("垃圾清运不及时");
    await assign(next.id, A.id);
    expect((await formsOf(next.id)).map((f) => f.number)).toEqual(["〔2026〕交办第3号"]);
    // 2027-01-01 00:30 in China is still 2026 in UTC. (Through the store: the sessions would have expired.)
    const saved = clock;
    clock = Date.parse("2026-12-31T16:30:00Z");
    const newYear = await t.server.ledger.create({ source: "hotline", raisedOn: "2027-01-01", raisedByName: "钱居民", title: "新年第一件", text: "" }, "test");
    const assigned = await t.server.ledger.act(
      newYear.id,
      newYear.version,
      { type: "assign", lead: A.id, partners: [], deadline: "2027-01-10", instructions: "" },
      SECRETARIAT,
    );
    expect(assigned.ok).toBe(true);
    clock = saved;
    expect(await formsOf(newYear.id)).toEqual([expect.objectContaining({ number: "〔2027〕交办第1号", date: "2027-01-01" })]);
  });

  it("an item of a community is issued in the community's name, with the place it names", async () => {
    const community = await admin.post("/api/communities", { name: "艺术巷社区" });
    expect(community.status).toBe(201);
    const item = await newItem("楼道堆物");
    // Residents' intake sets the community and the place; here the row is given them directly.
    await t.server.db.ledgerItem.update({
      where: { id: item.id },
      data: { communityId: community.body.community.id, location: "5号楼1单元", version: { increment: 1 } },
    });
    await assign(item.id, A.id);
    const [form] = await formsOf(item.id);
    const pdf = await pdfOf(admin, item.id, form!.id);
    expect(pdf).toContain("艺术巷社区问题交办单");
    expect(pdf).toContain("艺术巷社区（盖章）");
    expect(pdf).toContain("问题地点5号楼1单元");
    expect(pdf).not.toContain(ISSUER);
  });
});

describe("反馈单", () => {
  let itemId: string;

  it("the lead's reply issues 〔year〕反馈第n号 with what was done, the result, the handler and both numbers; other steps issue none", async () => {
    const item = await newItem("小区路面破损");
    itemId = item.id;
    await assign(itemId, A.id, [B.id]);
    await act(partner, itemId, { type: "progress", note: "已联系施工单位" });
    await act(admin, itemId, { type: "supervise", note: "请加快" });
    expect((await formsOf(itemId)).map((f) => f.kind)).toEqual(["assignment"]);
    const upload = await lead.request("POST", `/api/ledger/items/${itemId}/attachments`, { form: fileForm(PNG, "现场照片.png") });
    expect(upload.status).toBe(201);
    await act(lead, itemId, {
      type: "reply",
      text: "已于12月6日完成路面修补，共修补约40平方米。",
      outcome: "partly",
      attachments: [{ id: upload.body.attachment.id, name: "x" }],
    });
    const forms = await formsOf(itemId);
    expect(forms.map((f) => f.kind)).toEqual(["assignment", "feedback"]);
    const assignment = forms[0]!.number;
    const feedback = forms[1]!;
    expect(feedback.number).toMatch(/^〔2026〕反馈第\d+号$/);
    const expected = [
      `${ISSUER}问题办理反馈单`,
      feedback.number,
      `交办单编号${assignment}`,
      "问题小区路面破损",
      "承办单位区住建委（协办：区民政局）",
      "办理情况已于12月6日完成路面修补，共修补约40平方米。",
      "办理结果部分采纳",
      "附件现场照片.png",
      "经办人zhujian（区住建委）",
      "反馈日期2026年12月7日",
      "区住建委（盖章）",
    ];
    const pdf = await pdfOf(lead, itemId, feedback.id);
    for (const text of expected) expect(pdf).toContain(text);
    const docx = (await docxOf(partner, itemId, feedback.id)).replace(/\s+/g, "");
    for (const text of expected) expect(docx).toContain(text);
  });

  it("after 退回 a new reply issues a new 反馈单; the resident's receipt gets the latest through feedbackFormFor and renderLedgerForm", async () => {
    await act(admin, itemId, { type: "sendBack", reason: "请补充照片" });
    await act(lead, itemId, { type: "reply", text: "补充修补了北侧路面。", outcome: "adopted", attachments: [] });
    const forms = await formsOf(itemId);
    expect(forms.map((f) => f.kind)).toEqual(["assignment", "feedback", "feedback"]);
    const latest = await t.server.ledger.forms.feedbackFormFor(itemId);
    expect(latest).toEqual(forms[2]);
    const file = await renderLedgerForm(t.server.ledger.forms, latest!.id, "pdf");
    expect(file?.fileName).toBe(`反馈单-${latest!.number}.pdf`);
    expect(file?.mimeType).toBe("application/pdf");
    const text = await pdfText(file!.body);
    expect(text).toContain("办理情况补充修补了北侧路面。");
    expect(text).toContain("办理结果采纳");
    expect(await renderLedgerForm(t.server.ledger.forms, "no-such-form", "docx")).toBeNull();
    expect(await t.server.ledger.forms.feedbackFormFor((await newItem("无反馈")).id)).toBeNull();
  });

  it("a long reply goes on over the next page, nothing lost", async () => {
    const item = await newItem("长答复");
    await assign(item.id, A.id);
    const body = Array.from({ length: 60 }, (_, i) => `第${i + 1}项：已完成排查整改并建立长效管理机制。`).join("");
    await act(lead, item.id, { type: "reply", text: `${body}全文完`, outcome: "explained", attachments: [] });
    const feedback = (await formsOf(item.id)).find((f) => f.kind === "feedback")!;
    const res = await download(admin, item.id, feedback.id, "pdf");
    const pdf = await getDocument({ data: new Uint8Array(res.bytes), useSystemFonts: false }).promise;
    expect(pdf.numPages).toBeGreaterThan(1);
    await pdf.destroy();
    const text = await pdfText(res.bytes);
    expect(text).toContain("办理情况（续）");
    for (const i of [1, 30, 60]) expect(text).toContain(`第${i}项：`);
    // Only the long row goes on; a short one that does not fit the page's end moves whole.
    expect(text).not.toMatch(/(办理结果|经办人|反馈日期)（续）/);
    expect(text).toContain("经办人zhujian（区住建委）");
    expect(text).toContain("全文完");
    expect(text).toContain("区住建委（盖章）");
  });
});

describe("who may download", () => {
  let itemId: string;
  let formId: string;

  beforeAll(async () => {
    itemId = (await newItem("井盖缺失")).id;
    await assign(itemId, A.id, [B.id]);
    formId = (await formsOf(itemId))[0]!.id;
  });

  it("the secretariat and the item's departments; another department 404, as for the item", async () => {
    for (const client of [admin, lead, partner]) {
      for (const format of ["pdf", "docx"] as const) expect((await download(client, itemId, formId, format)).status).toBe(200);
    }
    expect((await formsOf(itemId, partner)).map((f) => f.id)).toEqual([formId]);
    for (const format of ["pdf", "docx"] as const) {
      const res = await download(other, itemId, formId, format);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
    expect((await other.get(`/api/ledger/items/${itemId}`)).status).toBe(404);
  });

  it("chairs 403, no session 401; a form under another item's path, an unknown form or format 404", async () => {
    expect((await download(chair, itemId, formId, "pdf")).status).toBe(403);
    expect((await download(new ApiClient(t.url), itemId, formId, "pdf")).status).toBe(401);
    const another = (await newItem("另一件")).id;
    await assign(another, A.id);
    expect((await download(admin, another, formId, "pdf")).status).toBe(404);
    expect((await download(admin, itemId, "no-such-form", "pdf")).status).toBe(404);
    expect((await admin.get(`/api/ledger/items/${itemId}/forms/${formId}.md`)).status).toBe(404);
  });
});

describe("storage", () => {
  it("the database refuses to change or delete an issued form", async () => {
    const form = await t.server.db.ledgerForm.findFirstOrThrow();
    await expect(t.server.db.$executeRaw`UPDATE "LedgerForm" SET "number" = 'x' WHERE "id" = ${form.id}`).rejects.toThrow(/never changes/);
    await expect(t.server.db.$executeRaw`DELETE FROM "LedgerForm" WHERE "id" = ${form.id}`).rejects.toThrow(/never deleted/);
    expect(await t.server.db.ledgerForm.count({ where: { id: form.id, number: form.number } })).toBe(1);
  });
});
