// The ledger's reports over real HTTP on a real SQLite file with the server's clock injected:
// items entered through the routes (and one from a meeting's record through the server's store),
// moved through real actions; the dashboard's counts follow the transitions, an item past its
// deadline turns up as overdue for its department the next day, a department reads only its own
// items in the dashboard, the reminder list and the export; the export is read back (XLSX with
// exceljs, CSV with its BOM).
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountRepository } from "../accounts/accountRepository.ts";
import type { LedgerAction } from "../../../core/ledger/item.ts";
import type { LedgerItemJson } from "../../../core/ledger/json.ts";
import { LEDGER_EXPORT_HEADERS, type LedgerDashboard } from "../../../core/ledger/report.ts";
import { ApiClient, STAFF_PASSWORD, createStaff, type Json } from "../../../testing/server/api.ts";
import { Harness, type TestMeeting, type TestServer } from "../../../testing/server/harness.ts";
import { LEDGER_SHEET } from "./ledgerExport.ts";
import type { LedgerStore } from "./ledgerStore.ts";
import { orAbort } from "../http/apiError.ts";

const DAY = 86_400_000;
/** 2026-03-10 10:00 China time. */
const T0 = Date.UTC(2026, 2, 10, 2, 0, 0);
let clock = T0;

const h = new Harness();
let t: TestServer;
let meeting: TestMeeting;
let store: LedgerStore;
const clients: Record<"admin" | "housing" | "transport" | "chair", ApiClient> = {} as never;
const dept = { housing: "", transport: "" };
const items: Record<"elevator" | "lamp" | "meeting" | "parking" | "bus", LedgerItemJson> = {} as never;

const MEETING_TITLE = "2026年第一次社区协商议事会";

async function login(client: ApiClient, username: string): Promise<void> {
  const res = await client.login(username);
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Logs everyone in again (the sessions last 12 hours of the injected clock). */
async function relogin(): Promise<void> {
  for (const [name, client] of Object.entries(clients)) await login(client, `${name}-user`);
}

async function act(client: ApiClient, key: keyof typeof items, action: LedgerAction): Promise<void> {
  const res = await client.post(`/api/ledger/items/${items[key].id}/actions`, { baseVersion: items[key].version, action });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  items[key] = res.body.item;
}

async function dashboard(client: ApiClient, query = ""): Promise<LedgerDashboard> {
  const res = await client.get(`/api/ledger/dashboard${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as LedgerDashboard;
}

async function newItem(body: Json): Promise<LedgerItemJson> {
  const res = await clients.admin.post("/api/ledger/items", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.item;
}

beforeAll(async () => {
  t = await h.startServer({ now: () => clock });
  store = t.server.ledger;
  meeting = await h.createMeeting(t.server, MEETING_TITLE);
  for (const name of ["admin", "chair"] as const) await createStaff(t.server, `${name}-user`, name);
  for (const name of ["admin", "housing", "transport", "chair"] as const) clients[name] = new ApiClient(t.url);
  await login(clients.admin, "admin-user");
  for (const [key, name] of [
    ["housing", "区住房城乡建设委"],
    ["transport", "区交通委"],
  ] as const) {
    const res = await clients.admin.post("/api/ledger/departments", { name });
    expect(res.status).toBe(201);
    dept[key] = res.body.department.id;
    await new AccountRepository(t.server.db).create({
      username: `${key}-user`,
      displayName: `${name}联络员`,
      role: "department",
      departmentId: dept[key],
      password: STAFF_PASSWORD,
    });
  }
  await relogin();

  items.elevator = await newItem({
    source: "listeningDay",
    raisedOn: "2026-03-05",
    raisedByName: "王大爷",
    sector: "居民",
    contact: "13800000000",
    title: "加装电梯",
    text: "建议简化老旧小区加装电梯的审批流程。",
  });
  items.lamp = await newItem({ source: "hotline", raisedOn: "2026-02-20", raisedByName: "居民李女士", title: "路灯不亮", text: "幸福路南段路灯不亮已一周。" });
  items.parking = await newItem({ source: "other", raisedOn: "2026-03-08", raisedByName: "赵先生", sector: "", title: "停车难", text: "小区周边停车位不足。" });
  // A suggestion from a meeting's record, entered as the record sync does.
  const row = await store.createFromRecord({
    meetingId: meeting.meetingId,
    suggestionId: "s-1",
    agendaItemTitle: "老旧小区改造",
    entryKey: "speech:sp-1",
    raisedByParticipantId: meeting.people.member1.id,
    raisedByName: "张丽华",
    sector: "经济界",
    raisedOn: "2026-03-09",
    title: "设立专项补贴",
    text: "设立加装电梯专项补贴资金。",
    topic: "",
    suggestedDepartment: "区住房城乡建设委",
    liveResponses: [],
  });
  items.meeting = (await store.json(row!.id, { role: "secretariat" }))!;
});
afterAll(() => h.cleanup());

describe("ledger reports", () => {
  it("counts every new item under 未交办, then follow the transitions", async () => {
    const before = await dashboard(clients.admin);
    expect(before.total).toBe(4);
    expect(before.byState).toEqual({ new: 4, assigned: 0, in_progress: 0, answered: 0, closed: 0 });
    expect(before.byDepartment).toEqual([{ id: "", name: "未交办", total: 4, open: 4, overdue: 0, answered: 0 }]);
    expect(before.byMeeting).toEqual([
      { meetingId: meeting.meetingId, source: "meeting", title: MEETING_TITLE, total: 1 },
      { meetingId: null, source: "listeningDay", title: "接待日", total: 1 },
      { meetingId: null, source: "other", title: "其他", total: 1 },
      { meetingId: null, source: "hotline", title: "热线", total: 1 },
    ]);
    expect(before.bySector).toEqual([
      { sector: "", total: 2 },
      { sector: "经济界", total: 1 },
      { sector: "居民", total: 1 },
    ]);
    expect(before.byMonth).toEqual([
      { month: "2026-02", raised: 1, closed: 0 },
      { month: "2026-03", raised: 3, closed: 0 },
    ]);

    // 交办 at 2026-03-10: the elevator due today, the lamp in two days, the meeting's item at the month's end.
    await act(clients.admin, "elevator", {
      type: "assign",
      lead: dept.housing,
      partners: [dept.transport],
      deadline: "2026-03-10",
      instructions: "请研究办理",
    });
    await act(clients.admin, "lamp", { type: "assign", lead: dept.transport, partners: [], deadline: "2026-03-12", instructions: "" });
    await act(clients.admin, "meeting", { type: "assign", lead: dept.housing, partners: [], deadline: "2026-03-31", instructions: "" });
    const assigned = await dashboard(clients.admin);
    expect(assigned.byState).toEqual({ new: 1, assigned: 3, in_progress: 0, answered: 0, closed: 0 });
    expect(assigned).toMatchObject({ overdue: 0, dueSoon: 2 });
    expect(assigned.byDepartment).toEqual([
      { id: dept.housing, name: "区住房城乡建设委", total: 2, open: 2, overdue: 0, answered: 0 },
      { id: dept.transport, name: "区交通委", total: 1, open: 1, overdue: 0, answered: 0 },
      { id: "", name: "未交办", total: 1, open: 1, overdue: 0, answered: 0 },
    ]);

    // 办理中, 已反馈 and 办结 (the lamp), a reply rated by the member who raised it.
    await act(clients.housing, "elevator", { type: "progress", note: "已会同街道现场踏勘。" });
    await act(clients.transport, "lamp", { type: "reply", text: "已完成线路检修，路灯恢复照明。", outcome: "adopted", attachments: [] });
    await act(clients.admin, "lamp", { type: "close", note: "" });
    await act(clients.housing, "meeting", { type: "reply", text: "已纳入2026年老旧小区改造计划，补贴标准另行公布。", outcome: "partly", attachments: [] });
    const rated = orAbort(
      await store.act(
        items.meeting.id,
        items.meeting.version,
        { type: "rate", rating: "basically", comment: "希望尽快公布标准" },
        { role: "member", id: meeting.people.member1.id, name: "张丽华" },
      ),
    );
    items.meeting = rated.item;
    const moved = await dashboard(clients.admin);
    expect(moved.byState).toEqual({ new: 1, assigned: 0, in_progress: 1, answered: 1, closed: 1 });
    expect(moved.byDepartment).toEqual([
      { id: dept.housing, name: "区住房城乡建设委", total: 2, open: 1, overdue: 0, answered: 1 },
      { id: dept.transport, name: "区交通委", total: 1, open: 0, overdue: 0, answered: 1 },
      { id: "", name: "未交办", total: 1, open: 1, overdue: 0, answered: 0 },
    ]);
    expect(moved.byMonth).toEqual([
      { month: "2026-02", raised: 1, closed: 0 },
      { month: "2026-03", raised: 3, closed: 1 },
    ]);
    expect(moved.ratings).toEqual({ satisfied: 0, basically: 1, unsatisfied: 0 });
    // The same filters as the items list.
    expect((await dashboard(clients.admin, "?state=closed")).total).toBe(1);
    expect((await dashboard(clients.admin, `?departmentId=${dept.transport}`)).total).toBe(2);
    expect((await dashboard(clients.admin, "?month=2026-02")).byState.closed).toBe(1);
    expect((await dashboard(clients.admin, `?meetingId=${meeting.meetingId}`)).byMeeting).toEqual([
      { meetingId: meeting.meetingId, source: "meeting", title: MEETING_TITLE, total: 1 },
    ]);
  });

  it("flags the item past its deadline the next day, per department in the reminders", async () => {
    items.bus = await newItem({
      source: "listeningDay",
      raisedOn: "2026-03-10",
      raisedByName: "孙女士",
      title: "公交线路调整",
      text: "建议83路延伸至新建小区。",
    });
    await act(clients.admin, "bus", { type: "assign", lead: dept.transport, partners: [], deadline: "2026-03-13", instructions: "" });

    clock = T0 + DAY; // 2026-03-11 10:00 in China
    await relogin();
    const next = await dashboard(clients.admin);
    expect(next).toMatchObject({ overdue: 1, dueSoon: 1 });
    expect(next.byDepartment.find((d) => d.id === dept.housing)).toMatchObject({ overdue: 1, open: 1 });
    expect((await dashboard(clients.admin, "?flag=overdue")).total).toBe(1);

    const res = await clients.admin.get("/api/ledger/reminders");
    expect(res.status).toBe(200);
    const lists = res.body.departments as { department: { id: string; name: string }; overdue: LedgerItemJson[]; dueSoon: LedgerItemJson[] }[];
    expect(lists.map((l) => [l.department.name, l.overdue.map((i) => i.title), l.dueSoon.map((i) => i.title)])).toEqual([
      ["区住房城乡建设委", ["加装电梯"], []],
      ["区交通委", [], ["公交线路调整"]],
    ]);
    expect(lists[0]?.overdue[0]).toMatchObject({ number: items.elevator.number, flag: "overdue", deadline: "2026-03-10" });

    // 督办 changes neither the state nor the counts.
    await act(clients.admin, "elevator", { type: "supervise", note: "请加快办理" });
    expect((await dashboard(clients.admin)).overdue).toBe(1);
  });

  it("gives a department only its own items in the dashboard, the reminders and the export", async () => {
    // housing leads the elevator and the meeting's item; transport leads the lamp and the bus and assists with the elevator.
    const housing = await dashboard(clients.housing);
    expect(housing.total).toBe(2);
    expect(housing.byDepartment.map((d) => d.id)).toEqual([dept.housing]);
    const transport = await dashboard(clients.transport);
    expect(transport.total).toBe(3);
    expect(transport.byDepartment.map((d) => [d.id, d.total])).toEqual([
      [dept.transport, 2],
      [dept.housing, 1],
    ]);

    const housingReminders = await clients.housing.get("/api/ledger/reminders");
    expect(housingReminders.body.departments.map((l: Json) => [l.department.id, l.overdue.length, l.dueSoon.length])).toEqual([[dept.housing, 1, 0]]);
    // transport assists with the overdue elevator, but its list is its own (as lead).
    const transportReminders = await clients.transport.get("/api/ledger/reminders");
    expect(transportReminders.body.departments.map((l: Json) => [l.department.id, l.overdue.length, l.dueSoon.length])).toEqual([[dept.transport, 0, 1]]);

    const csv = await clients.housing.get("/api/ledger/export.csv");
    expect(csv.status).toBe(200);
    const rows = parseCsv(csv.bytes.subarray(3).toString("utf8")) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual([String(items.elevator.number), String(items.meeting.number)]);
    const xlsx = await clients.transport.get("/api/ledger/export.xlsx");
    const sheet = await readSheet(xlsx.bytes);
    expect(columnOf(sheet, 1).slice(1)).toEqual([items.elevator.number, items.lamp.number, items.bus.number]);
  });

  it("exports the ledger as XLSX with the customary columns and the Chinese text", async () => {
    const res = await clients.admin.get("/api/ledger/export.xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="____-20260311.xlsx"; filename*=UTF-8''${encodeURIComponent("问题台账-20260311.xlsx")}`,
    );
    const sheet = await readSheet(res.bytes);
    expect(sheet.name).toBe(LEDGER_SHEET);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(rowValues(sheet, 1)).toEqual([...LEDGER_EXPORT_HEADERS]);
    // 序号 order, 1 first: elevator, lamp, parking, meeting, bus
    expect(columnOf(sheet, 1).slice(1)).toEqual([1, 2, 3, 4, 5]);
    const byNumber = (n: number) => rowValues(sheet, n + 1);
    expect(byNumber(items.elevator.number)).toEqual([
      items.elevator.number,
      "接待日",
      "意见建议",
      "王大爷",
      "居民",
      "加装电梯\n建议简化老旧小区加装电梯的审批流程。",
      "区住房城乡建设委（协办：区交通委）",
      "2026-03-10",
      "2026-03-10",
      "办理中（逾期）",
      "",
      "",
    ]);
    expect(byNumber(items.meeting.number)).toEqual([
      items.meeting.number,
      MEETING_TITLE,
      "意见建议",
      "张丽华",
      "经济界",
      "设立专项补贴\n设立加装电梯专项补贴资金。",
      "区住房城乡建设委",
      "2026-03-10",
      "2026-03-31",
      "已反馈",
      "【部分采纳】已纳入2026年老旧小区改造计划，补贴标准另行公布。",
      "基本满意",
    ]);
    expect(byNumber(items.lamp.number).slice(1, 11)).toEqual([
      "热线",
      "意见建议",
      "居民李女士",
      "",
      "路灯不亮\n幸福路南段路灯不亮已一周。",
      "区交通委",
      "2026-03-10",
      "2026-03-12",
      "办结",
      "【采纳】已完成线路检修，路灯恢复照明。",
    ]);
    expect(byNumber(items.parking.number).slice(6, 10)).toEqual(["", "", "", "待交办"]);
    // the question wraps in its cell
    expect(sheet.getRow(2).getCell(6).alignment).toMatchObject({ wrapText: true });
  });

  it("exports the same rows as CSV with a BOM, and applies the filters", async () => {
    const res = await clients.admin.get("/api/ledger/export.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("问题台账-20260311.csv")}`);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.bytes.subarray(3).toString("utf8");
    expect(text.split("\r\n")[0]).toBe(LEDGER_EXPORT_HEADERS.join(","));
    const rows = parseCsv(text) as string[][];
    expect(rows).toHaveLength(6);
    expect(rows[items.lamp.number]).toEqual([
      String(items.lamp.number),
      "热线",
      "意见建议",
      "居民李女士",
      "",
      "路灯不亮\n幸福路南段路灯不亮已一周。",
      "区交通委",
      "2026-03-10",
      "2026-03-12",
      "办结",
      "【采纳】已完成线路检修，路灯恢复照明。",
      "",
    ]);

    const closed = parseCsv((await clients.admin.get("/api/ledger/export.csv?state=closed")).bytes.subarray(3).toString("utf8")) as string[][];
    expect(closed.slice(1).map((r) => r[5]?.split("\n")[0])).toEqual(["路灯不亮"]);
    const q = await readSheet((await clients.admin.get(`/api/ledger/export.xlsx?q=${encodeURIComponent("电梯")}`)).bytes);
    expect(columnOf(q, 1).slice(1)).toEqual([items.elevator.number, items.meeting.number]);
  });

  it("refuses chairs, callers without a session and bad filters", async () => {
    for (const path of ["/api/ledger/dashboard", "/api/ledger/reminders", "/api/ledger/export.xlsx", "/api/ledger/export.csv"]) {
      const chair = await clients.chair.get(path);
      expect([path, chair.status, chair.body?.error?.code]).toEqual([path, 403, "FORBIDDEN"]);
      const none = await new ApiClient(t.url).get(path);
      expect([path, none.status, none.body?.error?.code]).toEqual([path, 401, "UNAUTHENTICATED"]);
      const bad = await clients.admin.get(`${path}?month=2026-13`);
      expect([path, bad.status, bad.body?.error?.code]).toEqual([path, 400, "VALIDATION"]);
    }
  });
});

async function readSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

/** A row's cells 1…11 (empty cells as ""). */
const rowValues = (sheet: ExcelJS.Worksheet, n: number): unknown[] =>
  LEDGER_EXPORT_HEADERS.map((_, i) => {
    const value = sheet.getRow(n).getCell(i + 1).value;
    return value === null || value === undefined ? "" : value;
  });

const columnOf = (sheet: ExcelJS.Worksheet, col: number): unknown[] => {
  const values: unknown[] = [];
  sheet.eachRow((row) => values.push(row.getCell(col).value));
  return values;
};
