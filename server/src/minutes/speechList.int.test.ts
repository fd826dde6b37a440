// The speech list (发言清单) over real HTTP, from a meeting run through the real room on a real
// SQLite file with the server's clock injected: the CSV (BOM, Chinese headers, formula-safe cells)
// and the XLSX (read back with exceljs) hold the same rows; only the meeting's staff may read them.
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { SPEECH_LIST_HEADERS } from "../../../core/minutes/speechList.ts";
import type { Role } from "../../../core/roles.ts";
import { ApiClient, staffClient } from "../../../testing/server/api.ts";
import { Harness } from "../../../testing/server/harness.ts";
import { commandRunner, rosterHandles } from "../../../testing/server/rosterHandles.ts";
import { SPEECH_LIST_SHEET } from "./speechListExport.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const TITLE = "区政协“老旧小区改造”专题协商会（2026/11）";
const FILE_TITLE = "区政协“老旧小区改造”专题协商会（2026-11）";
const ITEM = "老旧小区加装电梯";
const SUMMARY = "建议简化加装电梯审批，设立专项补贴资金。";
const FORMULA = '=HYPERLINK("http://example.com","点击")';
const ROSTER = [
  { key: "chair", name: "沈国帅", role: "chair" },
  { key: "member1", name: "张丽华", role: "member", sector: "经济界", party: "民建" },
  { key: "member2", name: "李明", role: "member", sector: "教育界" },
  { key: "clerk", name: "姜建博", role: "clerk" },
  { key: "official", name: "刘建国", role: "official", unit: "区住房城乡建设委" },
] as const satisfies readonly { key: string; name: string; role: Role; sector?: string; party?: string; unit?: string }[];

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

/**
 * 09:01–09:07:30: 张丽华 speaks 5 minutes around a 1:30 interjection by 刘建国 (speech clock paused, marked
 * 采纳); the clerk summarizes the speech and captures two suggestions; 李明 hands in a written
 * speech whose summary starts with "=".
 */
async function setup() {
  let clock = Date.UTC(2026, 10, 25, 1, 0, 0);
  const t = await h.startServer({ now: () => clock });
  const { meeting, participants } = await t.server.meetings.create(
    TITLE,
    ROSTER.map(({ key: _key, ...p }) => p),
  );
  const meetingId = meeting.id;
  const item = await t.server.agenda.append(meetingId, { title: ITEM, plannedMinutes: 30 });
  const { ids, tokens, actors } = await rosterHandles(t.server, meetingId, ROSTER, participants);
  const room = await t.server.rooms.get(meetingId);
  const ok = commandRunner(room, actors, (advanceMs = 0) => (clock += advanceMs));
  await ok("chair", { type: "meeting.open" });
  await ok("chair", { type: "agenda.goto", itemId: item.id });
  await ok("member1", { type: "queue.request" });
  await ok("chair", { type: "floor.give", participantId: ids.member1 }, 60_000);
  await ok("official", { type: "interjection.request", point: "审批时限" }, 60_000);
  await ok("chair", { type: "interjection.grant", requestId: room.current.interjectionRequests[0]!.requestId });
  await ok("official", { type: "interjection.end" }, 90_000);
  const interjectionId = room.current.interjections[0]!.interjectionId;
  await ok("chair", { type: "interjection.setOutcome", interjectionId, outcome: "adopt" });
  await ok("chair", { type: "floor.end" }, 4 * 60_000);
  const speech = { kind: "speech", id: room.current.speeches[0]!.speechId };
  await ok("clerk", { type: "record.summarize", entry: speech, text: SUMMARY, baseVersion: 0 }, 10_000);
  for (const title of ["简化审批", "设立专项补贴"]) {
    await ok("clerk", { type: "record.captureSuggestion", entry: speech, suggestion: { title, text: "", topic: "城市更新", department: "区住建委" } });
  }
  await ok("member2", { type: "speech.submitWritten", text: "建议统筹推进管线改造。" }, 50_000);
  await ok("clerk", { type: "record.summarize", entry: { kind: "written", id: room.current.written[0]!.writtenId }, text: FORMULA, baseVersion: 0 });
  const base = `/api/meetings/${meetingId}/minutes/speeches`;
  return { ...t, meetingId, tokens, base, anon: new ApiClient(t.url) };
}

/** The rows as the CSV has them (every cell a string); the XLSX has numbers where these have digits. */
const EXPECTED = [
  ["1", ITEM, "张丽华", "经济界", "民建", "", "即席发言", "09:01", "09:07", "5:00", "300", "0", SUMMARY, "简化审批；设立专项补贴", ""],
  ["2", ITEM, "刘建国", "", "", "区住房城乡建设委", "插话", "09:02", "09:03", "1:30", "90", "0", "", "", "采纳（审批时限）"],
  ["3", ITEM, "李明", "教育界", "", "", "书面发言", "09:08", "", "", "", "", FORMULA, "", ""],
];

describe("speech list API (发言清单)", () => {
  it("exports CSV: UTF-8 with BOM, Chinese headers, the clerk's summary, formulas neutralised, named after the meeting", async () => {
    const s = await setup();
    const res = await s.anon.get(`${s.base}.csv`, bearer(s.tokens.clerk));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(`${FILE_TITLE}-发言清单.csv`)}`);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.bytes.toString("utf8").slice(1);
    expect(text.split("\r\n")[0]).toBe("序号,议题,发言人,界别,党派,单位,类型,开始,结束,时长,时长（秒）,超时（秒）,发言要点,意见建议,回应结果");
    expect(text).toContain("电梯审批");
    const rows = parseCsv(text) as string[][];
    expect(rows[0]).toEqual([...SPEECH_LIST_HEADERS]);
    // A cell starting with "=" gets an apostrophe, so a spreadsheet shows it as text.
    expect(rows.slice(1)).toEqual(EXPECTED.map((r) => r.map((c) => (c === FORMULA ? `'${FORMULA}` : c))));
  });

  it("exports XLSX with one sheet 发言清单 and the same rows, read back with exceljs", async () => {
    const s = await setup();
    const res = await s.anon.get(`${s.base}.xlsx`, bearer(s.tokens.chair));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(`${FILE_TITLE}-发言清单.xlsx`)}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([SPEECH_LIST_SHEET]);
    const sheet = workbook.getWorksheet(SPEECH_LIST_SHEET)!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push(Array.from({ length: SPEECH_LIST_HEADERS.length }, (_, i) => row.getCell(i + 1).value ?? "")));
    expect(values[0]).toEqual([...SPEECH_LIST_HEADERS]);
    // Numbers are numbers; the formula-like summary is a plain text cell, not a formula.
    expect(values.slice(1)).toEqual(EXPECTED.map((r) => r.map((c, i) => ([0, 10, 11].includes(i) && c !== "" ? Number(c) : c))));
    expect(sheet.getRow(4).getCell(13).formula).toBeUndefined();
  });

  it("is for the meeting's staff only: a member's join token gets 403, no credentials 401, staff sessions 200", async () => {
    const s = await setup();
    const { client: organiser } = await staffClient(s.server, s.url, "organiser1", "organiser");
    for (const path of [`${s.base}.csv`, `${s.base}.xlsx`]) {
      for (const who of ["member1", "official"] as const) {
        const res = await s.anon.get(path, bearer(s.tokens[who]));
        expect(res.status, `${who} ${path}`).toBe(403);
        expect(res.body.error.code).toBe("FORBIDDEN");
      }
      expect((await s.anon.get(path)).status, `no credentials ${path}`).toBe(401);
      expect((await organiser.get(path)).status, `organiser ${path}`).toBe(200);
    }
    const missing = await organiser.get("/api/meetings/no-such-meeting/minutes/speeches.csv");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
  });
});
