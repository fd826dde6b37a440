// The ledger over HTTP with a real SQLite file and a real server: departments and department
// accounts, who sees and changes which items, the member's rating, deadline flags at an injected
// clock, the version check, the steps, attachments, and the database refusing deletions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Department } from "../../../core/ledger/json.ts";
import { ApiClient, fileForm, staffClient, type Json } from "../../../testing/server/api.ts";
import { Harness, type TestMeeting, type TestServer } from "../../../testing/server/harness.ts";
import { chinaDay, createDepartment, departmentClient, newLedgerItem, SECRETARIAT, versionOf } from "../../../testing/server/ledger.ts";

const DAY = 86_400_000;
/** 2026-12-07 10:00 in China. */
const START = Date.parse("2026-12-07T02:00:00Z");
let clock = START;

const h = new Harness();
let t: TestServer;
let m: TestMeeting;
let admin: ApiClient;
let chair: ApiClient;
let deptA: ApiClient;
let deptB: ApiClient;
let deptC: ApiClient;
let A: Department;
let B: Department;
let C: Department;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const act = (client: ApiClient, itemId: string, baseVersion: number, action: Json) =>
  client.post(`/api/ledger/items/${itemId}/actions`, { baseVersion, action });
const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

beforeAll(async () => {
  t = await h.startServer({ now: () => clock });
  m = await h.createMeeting(t.server, "社区议事会（台账测试）");
  admin = (await staffClient(t.server, t.url, "ledger-admin", "admin")).client;
  chair = (await staffClient(t.server, t.url, "ledger-chair", "chair")).client;
  A = await createDepartment(t.server, "区住建委");
  B = await createDepartment(t.server, "区民政局");
  C = await createDepartment(t.server, "街道办事处");
  deptA = (await departmentClient(t.server, t.url, "zhujian", A.id)).client;
  deptB = (await departmentClient(t.server, t.url, "minzheng", B.id)).client;
  deptC = (await departmentClient(t.server, t.url, "jiedao", C.id)).client;
});
afterAll(() => h.cleanup());

describe("departments and department accounts", () => {
  it("creates, lists by pinyin, refuses a duplicate name, renames and disables", async () => {
    const created = await admin.post("/api/ledger/departments", { name: "区教育局" });
    expect(created.status).toBe(201);
    expect((await admin.post("/api/ledger/departments", { name: "区教育局" })).body.error.code).toBe("DEPARTMENT_EXISTS");
    expect((await admin.post("/api/ledger/departments", { name: " " })).body.error.code).toBe("VALIDATION");
    const names = (await deptA.get("/api/ledger/departments")).body.departments.map((d: Department) => d.name);
    // jiao, jie, min, zhu
    expect(names).toEqual(["区教育局", "街道办事处", "区民政局", "区住建委"].sort((a, b) => names.indexOf(a) - names.indexOf(b)));
    expect(names.indexOf("区教育局")).toBeLessThan(names.indexOf("区民政局"));
    expect(names.indexOf("区民政局")).toBeLessThan(names.indexOf("区住建委"));
    const patched = await admin.patch(`/api/ledger/departments/${created.body.department.id}`, { disabled: true });
    expect(patched.body.department).toMatchObject({ name: "区教育局", disabled: true });
    expect((await admin.patch(`/api/ledger/departments/${created.body.department.id}`, { name: "区民政局" })).body.error.code).toBe("DEPARTMENT_EXISTS");
    expect((await deptA.post("/api/ledger/departments", { name: "区卫健委" })).status).toBe(403);
    expect((await chair.get("/api/ledger/departments")).status).toBe(200);
  });

  it("creates department accounts with their department, and only those have one", async () => {
    const ok = await admin.post("/api/accounts", { username: "weijian", displayName: "卫健委联络员", role: "department", departmentId: A.id });
    expect(ok.status).toBe(201);
    expect(ok.body.account).toMatchObject({ role: "department", departmentId: A.id, departmentName: "区住建委" });
    expect((await admin.post("/api/accounts", { username: "nodept", displayName: "x", role: "department" })).body.error.code).toBe("VALIDATION");
    expect((await admin.post("/api/accounts", { username: "clerkdept", displayName: "x", role: "clerk", departmentId: A.id })).body.error.code).toBe(
      "VALIDATION",
    );
    expect((await admin.post("/api/accounts", { username: "ghostdept", displayName: "x", role: "department", departmentId: "nope" })).body.error.code).toBe(
      "DEPARTMENT_UNKNOWN",
    );
    expect((await deptA.get("/api/auth/me")).body.account).toMatchObject({ role: "department", departmentId: A.id, departmentName: "区住建委" });
    // Moved to another department; then made a clerk, which drops the department.
    const id = ok.body.account.id;
    expect((await admin.patch(`/api/accounts/${id}`, { departmentId: B.id })).body.account).toMatchObject({ departmentId: B.id, departmentName: "区民政局" });
    expect((await admin.patch(`/api/accounts/${id}`, { departmentId: "nope" })).body.error.code).toBe("DEPARTMENT_UNKNOWN");
    expect((await admin.patch(`/api/accounts/${id}`, { departmentId: null })).body.error.code).toBe("VALIDATION");
    expect((await admin.patch(`/api/accounts/${id}`, { role: "clerk" })).body.account).toMatchObject({
      role: "clerk",
      departmentId: null,
      departmentName: null,
    });
    expect((await admin.patch(`/api/accounts/${id}`, { role: "department" })).body.error.code).toBe("VALIDATION");
    expect((await admin.patch(`/api/accounts/${id}`, { role: "department", departmentId: A.id })).body.account).toMatchObject({
      role: "department",
      departmentId: A.id,
    });
  });

  it("refuses department accounts on meetings and the archive", async () => {
    expect((await deptA.get("/api/meetings")).status).toBe(403);
    expect((await deptA.get(`/api/meetings/${m.meetingId}`)).status).toBe(403);
    expect((await deptA.get(`/api/meetings/${m.meetingId}/minutes/draft`)).status).toBe(403);
    expect((await deptA.get("/api/archive/meetings")).status).toBe(403);
    expect((await deptA.get("/api/accounts")).status).toBe(403);
  });
});

describe("items", () => {
  it("staff enter items; the list and filters; chairs and clerks are refused", async () => {
    const res = await admin.post("/api/ledger/items", {
      source: "listeningDay",
      raisedOn: "2026-12-05",
      raisedByName: "王居民",
      sector: "",
      contact: "13800000000",
      title: "加装电梯进度慢",
      text: "三号楼加装电梯两年未开工",
      topic: "城市更新",
      suggestedDepartment: "区住建委",
    });
    expect(res.status).toBe(201);
    expect(res.body.item).toMatchObject({
      source: "listeningDay",
      state: "new",
      sector: null,
      contact: "13800000000",
      raisedOn: "2026-12-05",
      version: 1,
      flag: null,
      lead: null,
      partners: [],
    });
    const second = await admin.post("/api/ledger/items", {
      source: "hotline",
      raisedOn: "2026-11-30",
      raisedByName: "赵热线",
      title: "垃圾清运不及时",
      text: "",
    });
    expect(second.body.item.number).toBe(res.body.item.number + 1);
    expect(
      (await admin.post("/api/ledger/items", { source: "meeting", raisedOn: "2026-12-05", raisedByName: "x", title: "x", text: "" })).body.error.code,
    ).toBe("VALIDATION");
    expect(
      (await admin.post("/api/ledger/items", { source: "hotline", raisedOn: "2026-02-30", raisedByName: "x", title: "x", text: "" })).body.error.code,
    ).toBe("VALIDATION");
    const all = (await admin.get("/api/ledger/items")).body.items;
    expect(all.map((i: Json) => i.number)).toEqual([...all.map((i: Json) => i.number)].sort((a, b) => b - a));
    expect((await admin.get("/api/ledger/items?month=2026-12&source=listeningDay")).body.items.map((i: Json) => i.id)).toEqual([res.body.item.id]);
    expect((await admin.get(`/api/ledger/items?q=${encodeURIComponent("电梯")}`)).body.items.map((i: Json) => i.id)).toEqual([res.body.item.id]);
    expect((await admin.get("/api/ledger/items?month=2026-13")).body.error.code).toBe("VALIDATION");
    expect((await admin.get("/api/ledger/items?state=open")).body.error.code).toBe("VALIDATION");
    expect((await chair.get("/api/ledger/items")).status).toBe(403);
    expect((await chair.post("/api/ledger/items", { source: "hotline", raisedOn: "2026-12-05", raisedByName: "x", title: "x", text: "" })).status).toBe(403);
    expect((await new ApiClient(t.url).get("/api/ledger/items")).status).toBe(401);
  });

  it("a department sees and acts on only its items; a partner posts progress but cannot reply", async () => {
    const id = await newLedgerItem(t.server, A.id, { partners: [C.id], now: clock, title: "背街小巷路面破损" });
    const other = await newLedgerItem(t.server, B.id, { now: clock, title: "养老驿站缺少护理员" });
    const listA = (await deptA.get("/api/ledger/items")).body.items.map((i: Json) => i.id);
    expect(listA).toContain(id);
    expect(listA).not.toContain(other);
    expect((await deptC.get("/api/ledger/items")).body.items.map((i: Json) => i.id)).toEqual([id]);
    expect((await deptB.get(`/api/ledger/items/${id}`)).status).toBe(404);
    expect((await deptB.get(`/api/ledger/items?departmentId=${A.id}`)).body.items).toEqual([]);
    const version = await versionOf(t.server, id);
    expect((await act(deptB, id, version, { type: "progress", note: "我们来办" })).status).toBe(404);
    expect((await deptB.request("POST", `/api/ledger/items/${id}/attachments`, { form: fileForm(PNG, "照片.png") })).status).toBe(404);
    // The partner: progress yes, reply no.
    const progress = await act(deptC, id, version, { type: "progress", note: "已会同社区现场查看" });
    expect(progress.status).toBe(200);
    expect(progress.body.item.state).toBe("in_progress");
    expect(progress.body.step).toMatchObject({ byRole: "department", byName: "街道办事处", from: "assigned", to: "in_progress" });
    const partnerReply = await act(deptC, id, version + 1, { type: "reply", text: "已修复", outcome: "adopted", attachments: [] });
    expect(partnerReply.status).toBe(403);
    expect(partnerReply.body.error.code).toBe("FORBIDDEN");
    // Departments cannot assign, close or supervise; nor rate or withdraw through this route.
    for (const action of [
      { type: "assign", lead: A.id, partners: [], deadline: chinaDay(clock, 5), instructions: "" },
      { type: "supervise", note: "抓紧" },
      { type: "rate", rating: "satisfied", comment: "" },
    ])
      expect((await act(deptA, id, version + 1, action)).status).toBe(403);
    expect((await act(admin, id, version + 1, { type: "rate", rating: "satisfied", comment: "" })).status).toBe(403);
    expect((await act(admin, id, version + 1, { type: "withdraw" })).status).toBe(403);
    // The lead replies; the item is answered.
    const reply = await act(deptA, id, version + 1, { type: "reply", text: "路面已于12月修复完毕", outcome: "adopted", attachments: [] });
    expect(reply.status).toBe(200);
    expect(reply.body.item).toMatchObject({
      state: "answered",
      replies: [{ text: "路面已于12月修复完毕", outcome: "adopted", byName: "区住建委", rating: null }],
    });
    // A department cannot act on a disabled or unknown department's behalf in an assignment either.
    const fresh = await newLedgerItem(t.server, null, { now: clock });
    const bad = await act(admin, fresh, 1, { type: "assign", lead: "nope", partners: [], deadline: chinaDay(clock, 5), instructions: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("DEPARTMENT_UNKNOWN");
    const past = await act(admin, fresh, 1, { type: "assign", lead: A.id, partners: [], deadline: chinaDay(clock, -1), instructions: "" });
    expect(past.status).toBe(400);
    expect(past.body.error.code).toBe("LEDGER_DEADLINE_PAST");
    expect((await act(admin, fresh, 1, { type: "close", note: "" })).body.error.code).toBe("VALIDATION");
    expect((await act(admin, fresh, 1, { type: "sendBack", reason: "x" })).body.error.code).toBe("LEDGER_BAD_STATE");
    expect(await versionOf(t.server, fresh)).toBe(1);
  });

  it("the lookup by 序号 (?number=): the one item with it, as the viewer may see it; a number no item has is an empty list, not a guess", async () => {
    const id = await newLedgerItem(t.server, A.id, { now: clock, title: "小区路灯不亮" });
    const { number } = (await admin.get(`/api/ledger/items/${id}`)).body.item;
    const found = await admin.get(`/api/ledger/items?number=${number}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((i: Json) => [i.id, i.number])).toEqual([[id, number]]);
    // With other filters, as any filter: all must hold.
    expect((await admin.get(`/api/ledger/items?number=${number}&state=new`)).body.items).toEqual([]);
    // The campaign form refuses a number no item has: the answer is empty.
    const unknown = await admin.get(`/api/ledger/items?number=${number + 1000}`);
    expect([unknown.status, unknown.body.items]).toEqual([200, []]);
    for (const bad of ["0", "012", "1.5", "-1", "abc", "1234567890"]) {
      const refused = await admin.get(`/api/ledger/items?number=${bad}`);
      expect([refused.status, refused.body.error.code], bad).toEqual([400, "VALIDATION"]);
    }
    // A department finds only its own items by number; another's is as if none had it.
    expect((await deptA.get(`/api/ledger/items?number=${number}`)).body.items.map((i: Json) => i.id)).toEqual([id]);
    expect((await deptB.get(`/api/ledger/items?number=${number}`)).body.items).toEqual([]);
    expect((await chair.get(`/api/ledger/items?number=${number}`)).status).toBe(403);
    expect((await new ApiClient(t.url).get(`/api/ledger/items?number=${number}`)).status).toBe(401);
  });

  it("every transition writes a step with who and when; a stale baseVersion is EDIT_CONFLICT and changes nothing", async () => {
    const id = await newLedgerItem(t.server, null, { now: clock });
    expect(
      (await act(admin, id, 1, { type: "assign", lead: A.id, partners: [B.id], deadline: chinaDay(clock, 7), instructions: "请于一周内答复" })).status,
    ).toBe(200);
    const stale = await act(admin, id, 1, { type: "assign", lead: B.id, partners: [], deadline: chinaDay(clock, 7), instructions: "" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("EDIT_CONFLICT");
    expect((await act(admin, id, 2, { type: "supervise", note: "请加快办理" })).status).toBe(200);
    expect((await act(deptB, id, 3, { type: "progress", note: "协办意见已提交" })).status).toBe(200);
    expect((await act(deptA, id, 4, { type: "reply", text: "已采纳", outcome: "partly", attachments: [] })).status).toBe(200);
    expect((await act(admin, id, 5, { type: "sendBack", reason: "答复过于简单" })).status).toBe(200);
    expect((await act(deptA, id, 6, { type: "reply", text: "补充答复：已列入明年计划", outcome: "study", attachments: [] })).status).toBe(200);
    expect((await act(admin, id, 7, { type: "close", note: "" })).status).toBe(200);
    const { item, steps } = (await admin.get(`/api/ledger/items/${id}`)).body;
    expect(item).toMatchObject({
      state: "closed",
      version: 8,
      supervisions: 1,
      lead: { id: A.id, name: "区住建委" },
      partners: [{ id: B.id }],
      instructions: "请于一周内答复",
      closedAt: new Date(clock).toISOString(),
      assignedAt: new Date(clock).toISOString(),
    });
    expect(item.replies.map((r: Json) => r.outcome)).toEqual(["partly", "study"]);
    expect(steps.map((s: Json) => [s.seq, s.action.type, s.byRole, s.byName, s.from, s.to])).toEqual([
      [1, "assign", "secretariat", "ledger-admin", "new", "assigned"],
      [2, "supervise", "secretariat", "ledger-admin", "assigned", "assigned"],
      [3, "progress", "department", "区民政局", "assigned", "in_progress"],
      [4, "reply", "department", "区住建委", "in_progress", "answered"],
      [5, "sendBack", "secretariat", "ledger-admin", "answered", "in_progress"],
      [6, "reply", "department", "区住建委", "in_progress", "answered"],
      [7, "close", "secretariat", "ledger-admin", "answered", "closed"],
    ]);
    expect(steps.every((s: Json) => s.at === new Date(clock).toISOString())).toBe(true);
    const rows = await t.server.db.ledgerStep.findMany({ where: { itemId: id } });
    expect(rows.length).toBe(7);
  });

  it("two actions at once on the same version: one is written, the other is EDIT_CONFLICT", async () => {
    const id = await newLedgerItem(t.server, A.id, { now: clock });
    const version = await versionOf(t.server, id);
    const results = await Promise.all([
      act(admin, id, version, { type: "supervise", note: "第一次督办" }),
      act(deptA, id, version, { type: "progress", note: "同时提交的进展" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe("EDIT_CONFLICT");
    expect(await t.server.db.ledgerStep.count({ where: { itemId: id } })).toBe(2);
    expect(await versionOf(t.server, id)).toBe(version + 1);
  });

  it("flags overdue and due-soon items at the injected clock; answered items are not flagged", async () => {
    clock = START;
    const id = await newLedgerItem(t.server, A.id, { deadline: chinaDay(START, 5), now: START, title: "临期测试" });
    // Sessions expire by the same clock: log in again after moving it.
    const flagOf = async () => {
      await admin.login("ledger-admin");
      await deptA.login("zhujian");
      return (await admin.get(`/api/ledger/items/${id}`)).body.item.flag;
    };
    expect(await flagOf()).toBe(null);
    clock = START + 2 * DAY;
    expect(await flagOf()).toBe("dueSoon");
    expect((await deptA.get("/api/ledger/items?flag=dueSoon")).body.items.map((i: Json) => i.id)).toContain(id);
    clock = START + 5 * DAY;
    expect(await flagOf()).toBe("dueSoon");
    clock = START + 6 * DAY;
    expect(await flagOf()).toBe("overdue");
    expect((await admin.get("/api/ledger/items?flag=overdue")).body.items.map((i: Json) => i.id)).toContain(id);
    expect((await admin.get("/api/ledger/items?flag=dueSoon")).body.items.map((i: Json) => i.id)).not.toContain(id);
    expect((await act(deptA, id, await versionOf(t.server, id), { type: "reply", text: "已办", outcome: "adopted", attachments: [] })).body.item.flag).toBe(
      null,
    );
    clock = START;
    for (const [client, username] of [
      [admin, "ledger-admin"],
      [chair, "ledger-chair"],
      [deptA, "zhujian"],
      [deptB, "minzheng"],
      [deptC, "jiedao"],
    ] as const)
      expect((await client.login(username)).status).toBe(200);
  });

  it("reply attachments: checked by content, listed in the reply, visible to those who see the item", async () => {
    const id = await newLedgerItem(t.server, A.id, { partners: [C.id], now: clock });
    expect((await admin.request("POST", `/api/ledger/items/${id}/attachments`, { form: fileForm(PNG, "图.png") })).status).toBe(403);
    expect((await deptA.request("POST", `/api/ledger/items/${id}/attachments`, { form: fileForm("not a picture", "伪装.png") })).body.error.code).toBe(
      "FILE_TYPE_NOT_ALLOWED",
    );
    const up = await deptA.request("POST", `/api/ledger/items/${id}/attachments`, { form: fileForm(PNG, "现场照片.png") });
    expect(up.status).toBe(201);
    const attachment = up.body.attachment;
    expect(attachment.name).toBe("现场照片.png");
    // Before the reply: the departments of the item only.
    expect((await admin.get(`/api/ledger/attachments/${attachment.id}`)).status).toBe(404);
    expect((await deptC.get(`/api/ledger/attachments/${attachment.id}`)).status).toBe(200);
    const other = await newLedgerItem(t.server, A.id, { now: clock });
    expect(
      (await act(deptA, other, await versionOf(t.server, other), { type: "reply", text: "见附件", outcome: "adopted", attachments: [attachment] })).body.error
        .code,
    ).toBe("VALIDATION");
    const reply = await act(deptA, id, await versionOf(t.server, id), {
      type: "reply",
      text: "见附件",
      outcome: "adopted",
      attachments: [{ id: attachment.id, name: "改名.png" }],
    });
    expect(reply.body.item.replies[0].attachments).toEqual([{ id: attachment.id, name: "现场照片.png" }]);
    const download = await admin.get(`/api/ledger/attachments/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(download.bytes.equals(PNG)).toBe(true);
    // A download in a sandbox, never shown inline on our origin, under the uploader's Chinese name.
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent("现场照片.png")}`);
    expect(download.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await deptB.get(`/api/ledger/attachments/${attachment.id}`)).status).toBe(404);
    expect((await chair.get(`/api/ledger/attachments/${attachment.id}`)).status).toBe(403);
  });

  it("the database refuses to delete items, steps and attachments, and to change a step", async () => {
    const id = await newLedgerItem(t.server, A.id, { now: clock });
    await t.server.db.ledgerAttachment.create({
      data: { id: `att-${id}`, itemId: id, name: "a.pdf", storedName: "x", size: 1, mime: "application/pdf", uploadedBy: "test", uploadedAt: new Date(clock) },
    });
    await expect(t.server.db.$executeRaw`DELETE FROM "LedgerItem" WHERE "id" = ${id}`).rejects.toThrow(/never deleted/);
    await expect(t.server.db.$executeRaw`DELETE FROM "LedgerStep" WHERE "itemId" = ${id}`).rejects.toThrow(/never deleted/);
    await expect(t.server.db.$executeRaw`UPDATE "LedgerStep" SET "byName" = 'x' WHERE "itemId" = ${id}`).rejects.toThrow(/never changes/);
    await expect(t.server.db.$executeRaw`DELETE FROM "LedgerAttachment"`).rejects.toThrow(/never deleted/);
    expect(await t.server.db.ledgerStep.count({ where: { itemId: id } })).toBe(1);
  });
});

describe("the member's own suggestions", () => {
  it("lists them without the contact; rates only their own, only once answered, once per reply", async () => {
    const raised = await t.server.ledger.createFromRecord({
      meetingId: m.meetingId,
      suggestionId: "sg-member-1",
      agendaItemTitle: null,
      entryKey: "speech:sp-1",
      raisedByParticipantId: m.people.member1.id,
      raisedByName: m.people.member1.name,
      sector: "经济界",
      raisedOn: "2026-12-07",
      title: "增设公交线路",
      text: "",
      topic: "",
      suggestedDepartment: "",
      liveResponses: [],
    });
    const itemId = raised!.id;
    const mine = await admin.get(`/api/meetings/${m.meetingId}/my-suggestions`, bearer(m.tokens.member1));
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: Json) => [i.id, i.contact])).toEqual([[itemId, null]]);
    expect((await admin.get(`/api/meetings/${m.meetingId}/my-suggestions`, bearer(m.tokens.member2))).body.items).toEqual([]);
    const rate = (token: string, baseVersion: number, rating = "satisfied") =>
      new ApiClient(t.url).post(`/api/meetings/${m.meetingId}/my-suggestions/${itemId}/rating`, { baseVersion, rating, comment: "谢谢" }, bearer(token));
    expect((await rate(m.tokens.member1, 1)).body.error.code).toBe("LEDGER_BAD_STATE");
    await t.server.ledger.act(itemId, 1, { type: "assign", lead: A.id, partners: [], deadline: chinaDay(clock, 3), instructions: "" }, SECRETARIAT);
    expect((await rate(m.tokens.member1, 2)).body.error.code).toBe("LEDGER_BAD_STATE");
    expect((await act(deptA, itemId, 2, { type: "reply", text: "已开通试运行", outcome: "adopted", attachments: [] })).status).toBe(200);
    const notMine = await rate(m.tokens.member2, 3);
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.code).toBe("FORBIDDEN");
    const rated = await rate(m.tokens.member1, 3, "basically");
    expect(rated.status).toBe(200);
    expect(rated.body.item.replies[0].rating).toMatchObject({ rating: "basically", comment: "谢谢" });
    expect(rated.body.item.contact).toBe(null);
    const again = await rate(m.tokens.member1, 4);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("LEDGER_ALREADY_RATED");
    // 退回 and a new reply: the new reply can be rated.
    expect((await act(admin, itemId, 4, { type: "sendBack", reason: "委员不满意" })).status).toBe(200);
    expect((await rate(m.tokens.member1, 5)).body.error.code).toBe("LEDGER_BAD_STATE");
    const upload = await deptA.request("POST", `/api/ledger/items/${itemId}/attachments`, { form: fileForm(PNG, "线路图.png") });
    expect(upload.status).toBe(201);
    const fileUrl = `/api/ledger/attachments/${upload.body.attachment.id}`;
    expect((await new ApiClient(t.url).get(fileUrl, bearer(m.tokens.member1))).status).toBe(404); // not yet in a reply
    expect((await act(deptA, itemId, 5, { type: "reply", text: "已调整发车间隔", outcome: "adopted", attachments: [upload.body.attachment] })).status).toBe(
      200,
    );
    const file = await new ApiClient(t.url).get(fileUrl, bearer(m.tokens.member1));
    expect(file.status).toBe(200);
    expect(file.bytes.equals(PNG)).toBe(true);
    expect((await new ApiClient(t.url).get(fileUrl, bearer(m.tokens.member2))).status).toBe(404);
    expect((await rate(m.tokens.member1, 6, "satisfied")).status).toBe(200);
    const steps = (await admin.get(`/api/ledger/items/${itemId}`)).body.steps;
    expect(steps.filter((s: Json) => s.action.type === "rate").map((s: Json) => [s.byRole, s.byName])).toEqual([
      ["member", m.people.member1.name],
      ["member", m.people.member1.name],
    ]);
    // Another meeting's token, or none.
    const other = await h.createMeeting(t.server, "另一会议");
    expect((await new ApiClient(t.url).get(`/api/meetings/${m.meetingId}/my-suggestions`, bearer(other.tokens.member1))).status).toBe(403);
    expect((await new ApiClient(t.url).get(`/api/meetings/${m.meetingId}/my-suggestions`)).status).toBe(401);
    expect(
      (
        await new ApiClient(t.url).post(
          `/api/meetings/${other.meetingId}/my-suggestions/${itemId}/rating`,
          { baseVersion: 7, rating: "satisfied", comment: "" },
          bearer(other.tokens.member1),
        )
      ).status,
    ).toBe(404);
  });
});
