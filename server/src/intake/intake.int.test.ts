// 居民点单 over real HTTP and SQLite: a resident without an account raises a problem through the
// community's public link (photos checked by content, re-encoded without EXIF; limits per device
// and per address; nothing stored on any refusal), follows it by the receipt (state and replies,
// never another item or staff-only data) and rates the reply; 网格悄悄话 hides who sent it from
// departments and grid workers; grid workers enter reports and rate for residents; the
// secretariat's 就地解决 and 提交议事会.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, gridWorkerClient, staffClient, type Json } from "../../../testing/server/api.ts";
import { Harness } from "../../../testing/server/harness.ts";
import { chinaDay, createDepartment, departmentClient } from "../../../testing/server/ledger.ts";
import { MAX_REPORTS_PER_ADDRESS, MAX_REPORTS_PER_DEVICE } from "./intakeLimiter.ts";

const h = new Harness();
afterEach(() => h.cleanup());

async function setup() {
  const t = await h.startServer();
  const { client: org } = await staffClient(t.server, t.url, "secretary", "organiser");
  const community = (await org.post("/api/communities", { name: "阅海湾社区" })).body.community;
  await org.post(`/api/communities/${community.id}/households`, {
    households: [
      { building: "3号楼", unit: "1单元", room: "101", representative: "钟玉" },
      { building: "5号楼", room: "202", representative: "孟庆" },
    ],
  });
  const resident = new ApiClient(t.url);
  return { ...t, org, community, resident, intake: `/api/public/communities/${community.publicCode}` };
}

interface ReportFields {
  category?: string;
  text?: string;
  location?: string;
  name?: string;
  phone?: string;
  anonymous?: string;
}

/** The multipart form of a report with its photos. */
function reportForm(fields: ReportFields = {}, photos: { content: Buffer; name: string; type?: string }[] = []): FormData {
  const form = new FormData();
  const all = { category: "sanitation", text: "3号楼1单元楼道堆放杂物，影响通行", ...fields };
  for (const [key, value] of Object.entries(all)) form.append(key, value);
  for (const photo of photos) form.append("photos", new Blob([new Uint8Array(photo.content)], { type: photo.type ?? "image/jpeg" }), photo.name);
  return form;
}

const deviceCookie = (n: number) => ({ Cookie: `yst_device=${n.toString(16).padStart(32, "0")}` });

/** A 64×48 JPEG turned by EXIF orientation 6 (so upright it is 48×64), with a camera make and a GPS position. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#c33" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "38/1 28/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "106/1 13/1 0/1" } })
    .toBuffer();
}

/** Every stored ledger file under the data folder. */
function ledgerFiles(dataDir: string): string[] {
  const root = path.join(dataDir, "ledger");
  return fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];
}

describe("residents' reports (居民点单)", () => {
  it("a resident raises a problem with a photo: stored as a 待交办 item of the community, the photo re-encoded without EXIF (no GPS), upright", async () => {
    const { server, org, resident, intake, community } = await setup();
    const link = (await org.get(`/api/communities/${community.id}/intake-link`)).body;
    expect(link.url).toMatch(new RegExp(`/c/${community.publicCode}$`));
    expect(link.qrSvg).toContain("<svg");
    expect((await resident.get(`/api/communities/${community.id}/intake-link`)).status).toBe(401);
    const info = await resident.get(intake);
    expect(info.body.community).toEqual({ name: "阅海湾社区", buildings: ["3号楼", "5号楼"] });
    expect(info.headers.getSetCookie().some((c) => /^yst_device=[a-f0-9]{32}/.test(c) && /HttpOnly/i.test(c))).toBe(true);

    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    expect(before.exif?.includes("TestCam")).toBe(true);
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer (tag 0x8825, little-endian)

    const sent = await resident.request("POST", `${intake}/reports`, {
      form: reportForm({ location: "3号楼1单元", name: "王大爷", phone: "13900000001" }, [{ content: photo, name: "IMG_0001.jpg" }]),
    });
    expect(sent.status).toBe(201);
    expect(sent.body.receipt).toMatch(/^[a-z2-9]{24}$/);
    expect(sent.body.report).toMatchObject({ state: "new", category: "环境卫生", location: "3号楼1单元", communityName: "阅海湾社区", photos: 1, replies: [] });
    expect(JSON.stringify(sent.body)).not.toContain("王大爷");
    expect(JSON.stringify(sent.body)).not.toContain("13900000001");
    // Only the receipt's hash is stored.
    const row = await server.db.ledgerItem.findFirstOrThrow();
    expect(row.receiptHash).toMatch(/^[a-f0-9]{64}$/);
    expect(row.receiptHash).not.toContain(sent.body.receipt);

    const { items } = (await org.get("/api/ledger/items?source=residents")).body;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      source: "residents",
      communityId: community.id,
      state: "new",
      topic: "环境卫生",
      raisedByName: "王大爷",
      contact: "13900000001",
      anonymous: false,
      title: "3号楼1单元楼道堆放杂物，影响通行",
    });
    const download = await org.get(`/api/ledger/attachments/${items[0].photos[0].id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toContain("image/jpeg");
    const after = await sharp(download.bytes).metadata();
    expect(after).toMatchObject({ format: "jpeg", width: 48, height: 64 });
    expect(after.exif).toBeUndefined();
    expect(download.bytes.includes("TestCam")).toBe(false);
  });

  it("refuses bad input with stable codes and stores nothing: a text file named .jpg, 4 photos, a photo over 5 MB, no text, an unknown category, an unknown link", async () => {
    const { server, dataDir, resident, intake } = await setup();
    const photo = await phonePhoto();
    const post = (form: FormData, n: number) => resident.request("POST", `${intake}/reports`, { form, headers: deviceCookie(n) });
    const fake = await post(reportForm({}, [{ content: Buffer.from("not an image at all"), name: "photo.jpg" }]), 1);
    expect([fake.status, fake.body.error.code]).toEqual([415, "FILE_TYPE_NOT_ALLOWED"]);
    expect(fake.body.error.message.zh).toBeTruthy();
    const four = await post(
      reportForm(
        {},
        [1, 2, 3, 4].map((i) => ({ content: photo, name: `${i}.jpg` })),
      ),
      2,
    );
    expect([four.status, four.body.error.code]).toEqual([400, "INTAKE_TOO_MANY_PHOTOS"]);
    const big = await post(reportForm({}, [{ content: Buffer.alloc(5 * 1024 * 1024 + 1, 0xff), name: "big.jpg" }]), 3);
    expect([big.status, big.body.error.code]).toEqual([413, "FILE_TOO_LARGE"]);
    const empty = await post(reportForm({ text: "   " }), 4);
    expect([empty.status, empty.body.error.code]).toEqual([400, "VALIDATION"]);
    const category = await post(reportForm({ category: "politics" }), 5);
    expect(category.body.error.code).toBe("VALIDATION");
    const unknown = await resident.request("POST", "/api/public/communities/nosuchcode/reports", { form: reportForm(), headers: deviceCookie(6) });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "INTAKE_LINK_UNKNOWN"]);
    expect((await resident.get("/api/public/communities/nosuchcode")).body.error.code).toBe("INTAKE_LINK_UNKNOWN");
    expect(await server.db.ledgerItem.count()).toBe(0);
    expect(await server.db.ledgerAttachment.count()).toBe(0);
    expect(ledgerFiles(dataDir)).toEqual([]);
  });

  it("rate limits per device and per network address: 429 RATE_LIMITED and nothing stored", async () => {
    const { server, resident, intake } = await setup();
    const post = (n: number) => resident.request("POST", `${intake}/reports`, { form: reportForm(), headers: deviceCookie(n) });
    for (let i = 0; i < MAX_REPORTS_PER_DEVICE; i++) expect((await post(1)).status).toBe(201);
    const device = await post(1);
    expect([device.status, device.body.error.code]).toEqual([429, "RATE_LIMITED"]);
    expect(await server.db.ledgerItem.count()).toBe(MAX_REPORTS_PER_DEVICE);
    // Other devices from the same address, until the address has used its share.
    for (let i = MAX_REPORTS_PER_DEVICE; i < MAX_REPORTS_PER_ADDRESS; i++) expect((await post(100 + i)).status).toBe(201);
    const address = await post(999);
    expect([address.status, address.body.error.code]).toEqual([429, "RATE_LIMITED"]);
    // A browser without the cookie gets a new device id, but the address is still over its limit.
    expect((await resident.request("POST", `${intake}/reports`, { form: reportForm() })).status).toBe(429);
    expect(await server.db.ledgerItem.count()).toBe(MAX_REPORTS_PER_ADDRESS);
  });

  it("the receipt shows its own item's state and replies, never another item nor staff-only data; the resident rates the reply once", async () => {
    const { server, url, org, resident, intake } = await setup();
    const first = (await resident.request("POST", `${intake}/reports`, { form: reportForm({ name: "王大爷", phone: "13900000001" }) })).body;
    const second = (await resident.request("POST", `${intake}/reports`, { form: reportForm({ text: "5号楼电梯经常停运", category: "repair" }) })).body;
    expect(first.receipt).not.toBe(second.receipt);
    const receipt = `/api/public/receipts/${first.receipt}`;
    const view = (await resident.get(receipt)).body.report;
    expect(view).toMatchObject({ id: first.report.id, state: "new", text: "3号楼1单元楼道堆放杂物，影响通行", canRate: false });
    expect((await resident.get(`/api/public/receipts/${second.receipt}`)).body.report.text).toBe("5号楼电梯经常停运");
    expect((await resident.get("/api/public/receipts/aaaaaaaaaaaaaaaaaaaaaaaa")).body.error.code).toBe("RECEIPT_UNKNOWN");

    const department = await createDepartment(server, "区住建委");
    const { client: dept } = await departmentClient(server, url, "zjw", department.id);
    const id = first.report.id;
    expect((await org.post(`/api/ledger/items/${id}/actions`, { baseVersion: 1, action: { type: "supervise", note: "x" } })).body.error.code).toBe(
      "LEDGER_BAD_STATE",
    );
    const assigned = await org.post(`/api/ledger/items/${id}/actions`, {
      baseVersion: 1,
      action: { type: "assign", lead: department.id, partners: [], deadline: chinaDay(Date.now(), 10), instructions: "内部：请联系王大爷 13900000001" },
    });
    expect(assigned.status).toBe(200);
    const replied = await dept.post(`/api/ledger/items/${id}/actions`, {
      baseVersion: 2,
      action: { type: "reply", text: "已清理楼道杂物", outcome: "adopted", attachments: [] },
    });
    expect(replied.status).toBe(200);
    const answered = (await resident.get(receipt)).body.report;
    expect(answered).toMatchObject({
      state: "answered",
      department: "区住建委",
      replies: [{ text: "已清理楼道杂物", by: "区住建委", rating: null }],
      canRate: true,
    });
    // The 反馈单 of the reply, through the receipt (H2's form); the other receipt has none.
    expect(answered.feedbackForm?.number).toMatch(/反馈/);
    const form = await resident.get(`${receipt}/feedback.docx`);
    expect(form.status).toBe(200);
    expect(form.headers.get("content-type")).toContain("wordprocessingml");
    expect((await resident.get(`/api/public/receipts/${second.receipt}/feedback.docx`)).status).toBe(404);
    // Staff-only data never reaches the receipt: names, contact, instructions, history.
    const text = JSON.stringify(answered);
    for (const secret of ["王大爷", "13900000001", "内部", "instructions", "steps"]) expect(text).not.toContain(secret);

    const rated = await resident.post(`${receipt}/rating`, { baseVersion: answered.version, rating: "basically", comment: "希望保持" });
    expect(rated.status).toBe(200);
    expect(rated.body.report).toMatchObject({ canRate: false, replies: [{ rating: { rating: "basically", comment: "希望保持" } }] });
    const again = await resident.post(`${receipt}/rating`, { baseVersion: rated.body.report.version, rating: "satisfied" });
    expect(again.body.error.code).toBe("LEDGER_ALREADY_RATED");
    const { steps } = (await org.get(`/api/ledger/items/${id}`)).body;
    expect(steps.at(-1)).toMatchObject({ byRole: "resident", byName: "居民", action: { type: "rate", rating: "basically" } });
  });

  it("网格悄悄话: who sent it is for the secretariat only, never a department or a grid worker", async () => {
    const { server, url, org, resident, intake, community } = await setup();
    const sent = (
      await resident.request("POST", `${intake}/reports`, {
        form: reportForm({ name: "李阿姨", phone: "13900000002", anonymous: "true", category: "neighbours", text: "楼上邻居深夜噪音" }),
      })
    ).body;
    const id = sent.report.id;
    const secretariat = (await org.get(`/api/ledger/items/${id}`)).body.item;
    expect(secretariat).toMatchObject({ anonymous: true, raisedByName: "李阿姨", contact: "13900000002" });

    const department = await createDepartment(server, "街道综治办");
    const { client: dept } = await departmentClient(server, url, "zzb", department.id);
    await org.post(`/api/ledger/items/${id}/actions`, {
      baseVersion: 1,
      action: { type: "assign", lead: department.id, partners: [], deadline: chinaDay(Date.now(), 10), instructions: "" },
    });
    for (const answer of [await dept.get(`/api/ledger/items/${id}`), await dept.get("/api/ledger/items")]) {
      const text = JSON.stringify(answer.body);
      expect(answer.status).toBe(200);
      expect(text).toContain("楼上邻居深夜噪音");
      expect(text).not.toContain("李阿姨");
      expect(text).not.toContain("13900000002");
    }
    const { client: grid } = await gridWorkerClient(server, url, "grid1", community.id);
    const listed = await grid.get("/api/grid/reports");
    expect(listed.body.reports.map((r: Json) => r.id)).toEqual([id]);
    expect(JSON.stringify(listed.body)).not.toContain("李阿姨");
    expect(JSON.stringify(listed.body)).not.toContain("13900000002");
    expect((await grid.get(`/api/ledger/items/${id}`)).status).toBe(403);
  });

  it("a grid worker enters a report for a resident and rates a reply on their behalf (marked as such); another community's is 404", async () => {
    const { server, url, org, community } = await setup();
    const other = (await org.post("/api/communities", { name: "香溪美地社区" })).body.community;
    const { client: grid } = await gridWorkerClient(server, url, "grid1", community.id);
    const { client: stranger } = await gridWorkerClient(server, url, "grid2", other.id);
    const entered = await grid.request("POST", "/api/grid/reports", {
      form: reportForm({ category: "safety", text: "5号楼消防通道被占", location: "5号楼", name: "孟庆" }, [{ content: await phonePhoto(), name: "p.jpg" }]),
    });
    expect(entered.status).toBe(201);
    const id = entered.body.report.id;
    expect((await org.get(`/api/ledger/items/${id}`)).body.item).toMatchObject({
      source: "gridWorker",
      communityId: community.id,
      raisedByName: "孟庆",
      topic: "安全隐患",
    });
    expect((await new ApiClient(url).request("POST", "/api/grid/reports", { form: reportForm() })).status).toBe(401);

    const solved = await org.post(`/api/ledger/items/${id}/actions`, { baseVersion: 1, action: { type: "resolveLocally", text: "已联系物业清理消防通道" } });
    expect(solved.status).toBe(200);
    expect((await stranger.post(`/api/grid/reports/${id}/rating`, { baseVersion: 2, rating: "satisfied" })).status).toBe(404);
    const rated = await grid.post(`/api/grid/reports/${id}/rating`, { baseVersion: 2, rating: "satisfied", comment: "孟大爷说很快" });
    expect(rated.status).toBe(200);
    expect(rated.body.report.replies[0]).toMatchObject({ by: "阅海湾社区", rating: { rating: "satisfied" } });
    const { steps } = (await org.get(`/api/ledger/items/${id}`)).body;
    expect(steps.at(-1)).toMatchObject({ byRole: "resident", byName: "居民（网格员grid1代为评价）" });

    // Through the receipt too, when the grid worker opens it for a resident.
    const receipt = entered.body.receipt;
    const next = (await grid.request("POST", "/api/grid/reports", { form: reportForm() })).body;
    await org.post(`/api/ledger/items/${next.report.id}/actions`, { baseVersion: 1, action: { type: "resolveLocally", text: "已清理" } });
    expect((await grid.post(`/api/public/receipts/${next.receipt}/rating`, { baseVersion: 2, rating: "unsatisfied" })).status).toBe(200);
    expect((await org.get(`/api/ledger/items/${next.report.id}`)).body.steps.at(-1).byName).toBe("居民（网格员grid1代为评价）");
    expect(receipt).not.toBe(next.receipt);
  });

  it("a listening day's item (接待日) entered by the secretariat names its community; an unknown one is refused", async () => {
    const { org, community } = await setup();
    const input = { source: "listeningDay", raisedOn: "2026-12-05", raisedByName: "李阿姨", title: "健身器材损坏", text: "小区广场健身器材损坏" };
    const made = await org.post("/api/ledger/items", { ...input, communityId: community.id });
    expect(made.status).toBe(201);
    expect(made.body.item).toMatchObject({ source: "listeningDay", communityId: community.id });
    const unknown = await org.post("/api/ledger/items", { ...input, communityId: "nope" });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, "COMMUNITY_UNKNOWN"]);
  });

  it("就地解决 closes a new item with what was done, the resident reads it as the reply; 提交议事会 adds an agenda item and keeps the item 待交办", async () => {
    const { org, resident, intake } = await setup();
    const a = (await resident.request("POST", `${intake}/reports`, { form: reportForm() })).body;
    const solved = await org.post(`/api/ledger/items/${a.report.id}/actions`, { baseVersion: 1, action: { type: "resolveLocally", text: "社区已组织清理" } });
    expect(solved.body.item).toMatchObject({ state: "closed", lead: null, replies: [{ text: "社区已组织清理" }] });
    expect(
      (await org.post(`/api/ledger/items/${a.report.id}/actions`, { baseVersion: 2, action: { type: "resolveLocally", text: "again" } })).body.error.code,
    ).toBe("LEDGER_BAD_STATE");
    expect((await org.post(`/api/ledger/items/${a.report.id}/actions`, { baseVersion: 2, action: { type: "resolveLocally", text: " " } })).status).toBe(400);
    const receipt = (await resident.get(`/api/public/receipts/${a.receipt}`)).body.report;
    expect(receipt).toMatchObject({ state: "closed", replies: [{ text: "社区已组织清理", by: "阅海湾社区" }], canRate: true });

    const b = (await resident.request("POST", `${intake}/reports`, { form: reportForm({ text: "小区停车难，建议规划车位", category: "property" }) })).body;
    const meeting = (await org.post("/api/meetings", { title: "12月居民议事会", kind: "community" })).body.meeting;
    // Not through the general actions route: the council route adds the agenda item.
    const direct = await org.post(`/api/ledger/items/${b.report.id}/actions`, {
      baseVersion: 1,
      action: { type: "toCouncil", meetingId: meeting.id, meetingTitle: "x", agendaItemId: "x" },
    });
    expect(direct.status).toBe(403);
    expect((await org.post(`/api/ledger/items/${b.report.id}/council`, { baseVersion: 1, meetingId: "nope" })).status).toBe(404);
    const stale = await org.post(`/api/ledger/items/${b.report.id}/council`, { baseVersion: 7, meetingId: meeting.id });
    expect(stale.body.error.code).toBe("EDIT_CONFLICT");
    expect((await org.get(`/api/meetings/${meeting.id}`)).body.agenda).toEqual([]);
    const put = await org.post(`/api/ledger/items/${b.report.id}/council`, { baseVersion: 1, meetingId: meeting.id });
    expect(put.status).toBe(200);
    expect(put.body.item).toMatchObject({ state: "new", councilMeetingId: meeting.id });
    expect(put.body.step).toMatchObject({ from: "new", to: "new", action: { type: "toCouncil", meetingId: meeting.id, meetingTitle: "12月居民议事会" } });
    const { agenda } = (await org.get(`/api/meetings/${meeting.id}`)).body;
    expect(agenda.map((i: Json) => i.title)).toEqual([`居民点单第${put.body.item.number}号：小区停车难，建议规划车位`]);
    expect(put.body.step.action.agendaItemId).toBe(agenda[0].id);
    expect((await resident.get(`/api/public/receipts/${b.receipt}`)).body.report).toMatchObject({ state: "new", council: "12月居民议事会" });
  });
});
