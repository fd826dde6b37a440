// Speaking statistics over real HTTP after a meeting run through real sockets on a real SQLite
// file, with the server's clock injected so durations are exact: the JSON, the CSV and the XLSX
// agree with the scripted meeting (interjections included), and only the meeting's staff may read them.
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import type { Role } from "../../../core/roles.ts";
import { speechStats } from "../../../core/stats/speechStats.ts";
import { ApiClient, linkAccount, staffClient } from "../../../testing/server/api.ts";
import { Harness, send, type TestClient } from "../../../testing/server/harness.ts";
import { rosterHandles } from "../../../testing/server/rosterHandles.ts";
import { CSV_HEADERS, SHEET_NAMES } from "./statisticsExport.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const TITLE = "区政协“优化营商环境”专题协商会（2026/11）";
/** The title in file names: a slash is not a folder. */
const FILE_TITLE = "区政协“优化营商环境”专题协商会（2026-11）";
const ITEM = "议题一：优化营商环境";
const ROSTER = [
  { key: "chair", name: "沈国帅", role: "chair" },
  { key: "member1", name: "李帅国", role: "member", sector: "经济界", party: "民建" },
  { key: "member2", name: "刘凯", role: "member", sector: "教育界" },
  { key: "member3", name: "王晓燕", role: "member", sector: "科技界", party: "九三学社" },
  { key: "clerk", name: "姜建博", role: "clerk" },
  { key: "observer", name: "王旁听", role: "observer" },
  { key: "official", name: "赵列席", role: "official", unit: "区发展改革委" },
] as const satisfies readonly { key: string; name: string; role: Role; sector?: string; party?: string; unit?: string }[];
type Key = (typeof ROSTER)[number]["key"];

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
const ok = async (client: TestClient, command: unknown) => {
  const ack = await send(client, command);
  expect(ack, JSON.stringify(command)).toMatchObject({ ok: true });
};

async function setup() {
  let clock = Date.UTC(2026, 10, 25, 2, 0, 0);
  const t = await h.startServer({ now: () => clock });
  const advance = (ms: number) => (clock += ms);
  const { meeting, participants } = await t.server.meetings.create(
    TITLE,
    ROSTER.map(({ key: _key, ...p }) => p),
  );
  const meetingId = meeting.id;
  const item = await t.server.agenda.append(meetingId, { title: ITEM, plannedMinutes: 30 });
  const { ids, tokens } = await rosterHandles(t.server, meetingId, ROSTER, participants);
  // The room takes the roster and agenda from the database, then the chair opens the meeting.
  const opened = await (await t.server.rooms.get(meetingId)).submit({ participantId: ids.chair, role: "chair" }, { type: "meeting.open" });
  expect(opened.ok).toBe(true);
  const other = await h.createMeeting(t.server, "另一个会议");
  const base = `/api/meetings/${meetingId}/statistics`;
  return { ...t, meetingId, itemId: item.id, ids, tokens, other, base, advance, now: () => clock, anon: new ApiClient(t.url) };
}

/**
 * Two speeches by members of different sectors (the second over its 30 s cap); a third member asks
 * and withdraws. The official interjects twice: into the second speech (2:30, over the 2-minute
 * cap, marked 采纳; the speech's clock pauses meanwhile) and right after it (0:40, not marked).
 */
async function runMeeting(s: Awaited<ReturnType<typeof setup>>) {
  const [chair, m1, m2, m3, official] = await Promise.all(
    ["chair", "member1", "member2", "member3", "official"].map((k) => h.connect(s.url, s.tokens[k as Key])),
  );
  const room = await s.server.rooms.get(s.meetingId);
  const grantNext = async () => {
    await ok(official!, { type: "interjection.request", point: "审批时限" });
    await ok(chair!, { type: "interjection.grant", requestId: room.current.interjectionRequests[0]!.requestId });
  };
  await ok(chair!, { type: "floor.setCap", seconds: 30 });
  await ok(chair!, { type: "agenda.goto", itemId: s.itemId });
  await ok(m1!, { type: "queue.request" });
  await ok(m3!, { type: "queue.request" });
  await ok(m3!, { type: "queue.withdraw" });
  await ok(chair!, { type: "floor.give", participantId: s.ids.member1 });
  s.advance(20_000);
  await ok(chair!, { type: "floor.end" });
  await ok(m2!, { type: "queue.request" });
  await ok(chair!, { type: "floor.give", participantId: s.ids.member2 });
  s.advance(30_000);
  await grantNext();
  s.advance(150_000);
  await ok(official!, { type: "interjection.end" });
  await ok(chair!, { type: "interjection.setOutcome", interjectionId: room.current.interjections[0]!.interjectionId, outcome: "adopt" });
  s.advance(15_000);
  await ok(chair!, { type: "floor.end" });
  await grantNext();
  s.advance(40_000);
  await ok(chair!, { type: "interjection.end" });
  await chair!.waitForSeq(room.current.seq);
  return { chair: chair!, m1: m1! };
}

describe("speaking statistics API", () => {
  it("answers the live statistics as JSON, the same as the chair's own projection", async () => {
    const s = await setup();
    const { chair, m1 } = await runMeeting(s);
    const res = await s.anon.get(s.base, bearer(s.tokens.clerk));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toEqual({
      at: s.now(),
      overall: { speeches: 2, totalMs: 65_000, overruns: 1, written: 0, byKind: { booked: 0, impromptu: 2, pointOfOrder: 0 } },
      byPerson: [
        { key: s.ids.member2, label: "刘凯", speeches: 1, totalMs: 45_000, overruns: 1 },
        { key: s.ids.member1, label: "李帅国", speeches: 1, totalMs: 20_000, overruns: 0 },
      ],
      bySector: [
        { key: "教育界", label: "教育界", speeches: 1, totalMs: 45_000, overruns: 1 },
        { key: "经济界", label: "经济界", speeches: 1, totalMs: 20_000, overruns: 0 },
      ],
      byParty: [{ key: "民建", label: "民建", speeches: 1, totalMs: 20_000, overruns: 0 }],
      byItem: [{ key: s.itemId, label: ITEM, speeches: 2, totalMs: 65_000, overruns: 1 }],
      neverSpoke: [{ participantId: s.ids.member3, label: "王晓燕" }],
      interjections: {
        overall: { count: 2, totalMs: 190_000, byOutcome: { adopt: 1, study: 0, explain: 0, none: 1 } },
        byPerson: [{ key: s.ids.official, label: "赵列席", speeches: 2, totalMs: 190_000, overruns: 1 }],
      },
    });
    // The chair's screen computes the same from its own state (what the panel shows).
    const { at: _at, ...served } = res.body;
    expect(speechStats(chair.state, s.now())).toEqual(served);

    // Live: a running speech counts with its time so far.
    await ok(m1, { type: "queue.request" });
    await ok(chair, { type: "floor.give", participantId: s.ids.member1 });
    s.advance(10_000);
    const live = await s.anon.get(s.base, bearer(s.tokens.chair));
    expect(live.body.overall).toMatchObject({ speeches: 3, totalMs: 75_000 });
    expect(live.body.byPerson.find((t: { key: string }) => t.key === s.ids.member1)).toMatchObject({ speeches: 2, totalMs: 30_000 });
  });

  it("exports CSV (UTF-8 with BOM, Chinese headers, m:ss and seconds) named after the meeting", async () => {
    const s = await setup();
    await runMeeting(s);
    const res = await s.anon.get(`${s.base}.csv`, bearer(s.tokens.chair));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const fileName = `${FILE_TITLE}-发言统计.csv`;
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.bytes.toString("utf8").slice(1)) as string[][];
    expect(rows[0]).toEqual([...CSV_HEADERS]);
    expect(rows.slice(1)).toEqual([
      ["总体", "全部发言", "2", "1:05", "65", "1"],
      ["总体", "预约发言", "0", "", "", ""],
      ["总体", "即席发言", "2", "", "", ""],
      ["总体", "程序性发言", "0", "", "", ""],
      ["总体", "书面发言", "0", "", "", ""],
      ["按人员", "刘凯", "1", "0:45", "45", "1"],
      ["按人员", "李帅国", "1", "0:20", "20", "0"],
      ["按界别", "教育界", "1", "0:45", "45", "1"],
      ["按界别", "经济界", "1", "0:20", "20", "0"],
      ["按党派", "民建", "1", "0:20", "20", "0"],
      ["按议题", ITEM, "2", "1:05", "65", "1"],
      ["未获发言", "王晓燕", "", "", "", ""],
      ["插话", "赵列席", "2", "3:10", "190", "1"],
      ["插话", "全部插话", "2", "3:10", "190", "1"],
      ["插话", "采纳", "1", "", "", ""],
      ["插话", "研究", "0", "", "", ""],
      ["插话", "说明", "0", "", "", ""],
      ["插话", "未标注", "1", "", "", ""],
    ]);
  });

  it("exports XLSX with one sheet per grouping, read back with exceljs", async () => {
    const s = await setup();
    await runMeeting(s);
    const res = await s.anon.get(`${s.base}.xlsx`, bearer(s.tokens.clerk));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(`${FILE_TITLE}-发言统计.xlsx`)}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([...SHEET_NAMES]);
    const values = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      const out: unknown[][] = [];
      sheet.eachRow((row) => out.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? "")));
      return out;
    };
    expect(values("按人员")).toEqual([
      ["序号", "姓名", "界别", "党派", "发言次数", "发言时长", "发言时长（秒）", "超时次数"],
      [1, "刘凯", "教育界", "", 1, "0:45", 45, 1],
      [2, "李帅国", "经济界", "民建", 1, "0:20", 20, 0],
    ]);
    expect(values("按界别")).toEqual([
      ["序号", "界别", "发言次数", "发言时长", "发言时长（秒）", "超时次数"],
      [1, "教育界", 1, "0:45", 45, 1],
      [2, "经济界", 1, "0:20", 20, 0],
    ]);
    expect(values("按党派").slice(1)).toEqual([[1, "民建", 1, "0:20", 20, 0]]);
    expect(values("按议题").slice(1)).toEqual([[1, ITEM, 2, "1:05", 65, 1]]);
    expect(values("总体")).toEqual([
      ["统计项", "数值"],
      ["发言次数", 2],
      ["发言总时长", "1:05"],
      ["发言总时长（秒）", 65],
      ["超时次数", 1],
      ["预约发言", 0],
      ["即席发言", 2],
      ["程序性发言", 0],
      ["书面发言", 0],
      ["申请未获发言", 1],
    ]);
    expect(values("未获发言")).toEqual([
      ["序号", "姓名", "界别", "党派"],
      [1, "王晓燕", "科技界", "九三学社"],
    ]);
    expect(values("插话")).toEqual([
      ["序号", "姓名", "单位", "插话次数", "插话时长", "插话时长（秒）", "超时次数"],
      [1, "赵列席", "区发展改革委", 2, "3:10", 190, 1],
      ["", "合计", "", 2, "3:10", 190, 1],
      ["", "采纳", "", 1, "", "", ""],
      ["", "研究", "", 0, "", "", ""],
      ["", "说明", "", 0, "", "", ""],
      ["", "未标注", "", 1, "", "", ""],
    ]);
  });

  it("is for the meeting's staff only: chair/clerk tokens and staff sessions; 403 for others, 401 without credentials, 404 for no meeting", async () => {
    const s = await setup();
    const routes = [s.base, `${s.base}.csv`, `${s.base}.xlsx`];
    const { client: organiser } = await staffClient(s.server, s.url, "organiser1", "organiser");
    const { client: admin } = await staffClient(s.server, s.url, "admin1", "admin");
    const { client: clerkAccount, account } = await staffClient(s.server, s.url, "clerk1", "clerk");
    const expectError = (
      res: { status: number; body: { error: { code: string; message: { zh: string; en: string } } } },
      status: number,
      code: string,
      what: string,
    ) => {
      expect(res.status, what).toBe(status);
      expect(res.body.error.code, what).toBe(code);
      expect(res.body.error.message, what).toEqual({ zh: expect.any(String), en: expect.any(String) });
    };
    for (const path of routes) {
      for (const who of ["chair", "clerk"] as const) expect((await s.anon.get(path, bearer(s.tokens[who]))).status, `${who} ${path}`).toBe(200);
      for (const who of ["member1", "official", "observer"] as const)
        expectError(await s.anon.get(path, bearer(s.tokens[who])), 403, "FORBIDDEN", `${who} ${path}`);
      expectError(await s.anon.get(path, bearer(s.other.tokens.clerk)), 403, "FORBIDDEN", `other meeting's clerk ${path}`);
      expectError(await s.anon.get(path, bearer(s.other.tokens.chair)), 403, "FORBIDDEN", `other meeting's chair ${path}`);
      expectError(await s.anon.get(path), 401, "UNAUTHENTICATED", `no credentials ${path}`);
      expectError(await s.anon.get(path, bearer(`${s.tokens.clerk.slice(0, -4)}AAAA`)), 401, "TOKEN_INVALID", `forged ${path}`);
      expect((await organiser.get(path)).status, `organiser ${path}`).toBe(200);
      expect((await admin.get(path)).status, `admin ${path}`).toBe(200);
      expectError(await clerkAccount.get(path), 403, "FORBIDDEN", `unlinked clerk account ${path}`);
    }
    await linkAccount(s.server, s.ids.clerk, account.id);
    for (const path of routes) expect((await clerkAccount.get(path)).status, `linked clerk account ${path}`).toBe(200);
    for (const path of ["/api/meetings/no-such-meeting/statistics", "/api/meetings/no-such-meeting/statistics.xlsx"]) {
      expectError(await organiser.get(path), 404, "NOT_FOUND", path);
      expectError(await s.anon.get(path, bearer(s.tokens.clerk)), 403, "FORBIDDEN", `clerk token, ${path}`);
    }
    expectError(await organiser.get(`/api/meetings/${"x".repeat(65)}/statistics`), 400, "VALIDATION", "bad id");
  });
});
