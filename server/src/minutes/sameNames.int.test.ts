// 同名区分 in every document the server produces: a mediation with two parties both named 张丽
// (households 3号楼2单元502 and 5号楼1单元301) run through the real room on a real SQLite file.
// The minutes draft (Markdown, DOCX, PDF), the speech list (CSV, XLSX), the speaking statistics
// (CSV, XLSX), the archive's hits and the ledger item of a suggestion (and its rating) all name them 张丽（502室）
// and 张丽（301室）, never plain 张丽 (core/naming/displayNames.ts).
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterEach, describe, expect, it } from "vitest";
import type { LedgerItemJson } from "../../../core/ledger/json.ts";
import type { Role } from "../../../core/roles.ts";
import { ApiClient, staffClient, type Json } from "../../../testing/server/api.ts";
import { eventually, Harness } from "../../../testing/server/harness.ts";
import { chinaDay, createDepartment, SECRETARIAT } from "../../../testing/server/ledger.ts";
import { bearer, pdfText } from "../../../testing/server/minutesMeeting.ts";
import { commandRunner, rosterHandles } from "../../../testing/server/rosterHandles.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const ROSTER = [
  { key: "chair", name: "韦兵", role: "chair", unit: "社区人民调解委员会" },
  { key: "east", name: "张丽", role: "member", household: "3号楼2单元502" },
  { key: "west", name: "张丽", role: "member", household: "5号楼1单元301" },
  { key: "clerk", name: "张平欣", role: "clerk" },
] as const satisfies readonly { key: string; name: string; role: Role; unit?: string; household?: string }[];
const EAST = "张丽（502室）";
const WEST = "张丽（301室）";

async function setup() {
  let clock = Date.UTC(2026, 11, 3, 1, 0, 0);
  const t = await h.startServer({ now: () => clock });
  t.server.archive.debounceMs = 60_000; // reindexed by hand below
  const { meeting, participants } = await t.server.meetings.create(
    "邻里噪音纠纷调解会",
    ROSTER.map(({ key: _key, ...p }) => p),
  );
  const meetingId = meeting.id;
  await t.server.db.meeting.update({ where: { id: meetingId }, data: { kind: "mediation" } });
  const item = await t.server.agenda.append(meetingId, { title: "钢琴练习噪音", plannedMinutes: 60 });
  const { ids, tokens, actors } = await rosterHandles(t.server, meetingId, ROSTER, participants);
  const room = await t.server.rooms.get(meetingId);
  const ok = commandRunner(room, actors, (advanceMs = 60_000) => (clock += advanceMs));
  await ok("clerk", { type: "attendance.arrive", participantIds: [ids.east, ids.west], via: "clerk" });
  await ok("chair", { type: "meeting.open" });
  await ok("chair", { type: "agenda.goto", itemId: item.id });
  await ok("east", { type: "queue.request" });
  await ok("west", { type: "queue.request" });
  for (const who of ["east", "west"] as const) {
    await ok("chair", { type: "floor.give", participantId: ids[who] });
    await ok("chair", { type: "floor.end" }, who === "east" ? 180_000 : 120_000);
  }
  const [eastSpeech, westSpeech] = room.current.speeches.map((s) => ({ kind: "speech", id: s.speechId }));
  await ok("clerk", { type: "record.summarize", entry: eastSpeech, text: "孩子每天练琴八小时，噪音影响休息。", baseVersion: 0 });
  await ok("clerk", { type: "record.summarize", entry: westSpeech, text: "愿意调整练琴时间，晚上九点后不练。", baseVersion: 0 });
  await ok("clerk", {
    type: "record.captureSuggestion",
    entry: westSpeech,
    suggestion: { title: "约定练琴时段", text: "工作日晚九点后不练琴", topic: "邻里纠纷", department: "" },
  });
  return { ...t, meetingId, ids, tokens, anon: new ApiClient(t.url) };
}

/** Both labels, once each, and plain 张丽 nowhere on its own. */
function expectBothApart(text: string) {
  expect(text).toContain(EAST);
  expect(text).toContain(WEST);
  expect(text.replaceAll(EAST, "").replaceAll(WEST, "")).not.toMatch(/张丽(?!（)/);
}

async function sheetRows(bytes: Buffer, sheet: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  return rows;
}

describe("same names in the server's documents (同名区分)", () => {
  it("the minutes draft as Markdown, DOCX and PDF names both 张丽 apart, in the speeches and the attendance", async () => {
    const s = await setup();
    const base = `/api/meetings/${s.meetingId}/minutes/draft`;
    const md = (await s.anon.get(`${base}.md`, bearer(s.tokens.clerk))).bytes.toString("utf8");
    expect(md).toContain(`**${EAST}**`);
    expect(md).toContain(`**${WEST}**`);
    const present = md.split("\n").find((line) => line.startsWith("**出席**："))!;
    expect(present.indexOf(EAST)).toBeGreaterThan(0);
    expect(present.indexOf(WEST)).toBeGreaterThan(present.indexOf(EAST));
    expect(md).toMatch(new RegExp(`约定练琴时段.*${WEST.replace(/[（）]/g, ".")}`));
    expectBothApart(md);

    const docx = await s.anon.get(`${base}.docx`, bearer(s.tokens.chair));
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.bytes)).file("word/document.xml")!.async("string");
    expect(xml).toContain(`>${EAST}</w:t>`);
    expect(xml).toContain(`>${WEST}</w:t>`);
    expectBothApart(xml.replace(/<[^>]+>/g, ""));

    const pdf = await pdfText((await s.anon.get(`${base}.pdf`, bearer(s.tokens.chair))).bytes);
    expectBothApart(pdf);
  });

  it("the speech list (CSV and XLSX) and the speaking statistics (CSV and XLSX) name both apart", async () => {
    const s = await setup();
    const list = `/api/meetings/${s.meetingId}/minutes/speeches`;
    const csvRows = parseCsv((await s.anon.get(`${list}.csv`, bearer(s.tokens.clerk))).bytes.toString("utf8").replace(/^\ufeff/, "")) as string[][];
    expect(csvRows.slice(1).map((r) => r[2])).toEqual([EAST, WEST]);
    const xlsxRows = await sheetRows((await s.anon.get(`${list}.xlsx`, bearer(s.tokens.clerk))).bytes, "发言清单");
    expect(xlsxRows.slice(1).map((r) => r[2])).toEqual([EAST, WEST]);

    const stats = `/api/meetings/${s.meetingId}/statistics`;
    const json = (await s.anon.get(stats, bearer(s.tokens.chair))).body as { byPerson: { key: string; label: string }[] };
    expect(json.byPerson.map((t) => [t.key, t.label])).toEqual([
      [s.ids.east, EAST],
      [s.ids.west, WEST],
    ]);
    const statsCsv = parseCsv((await s.anon.get(`${stats}.csv`, bearer(s.tokens.chair))).bytes.toString("utf8").replace(/^\ufeff/, "")) as string[][];
    expect(statsCsv.filter((r) => r[0] === "按人员").map((r) => r[1])).toEqual([EAST, WEST]);
    const byPerson = await sheetRows((await s.anon.get(`${stats}.xlsx`, bearer(s.tokens.chair))).bytes, "按人员");
    expect(byPerson.slice(1).map((r) => r[1])).toEqual([EAST, WEST]);
  });

  it("archive hits, the ledger item of a suggestion and its rating carry the speaker's distinct name", async () => {
    const s = await setup();
    const { client: organiser } = await staffClient(s.server, s.url, "secretariat", "organiser");
    await s.server.archive.reindex(s.meetingId);
    const hits = (await organiser.get(`/api/archive/search?q=${encodeURIComponent("练琴")}`)).body.results as Json[];
    const speakers = hits
      .filter((r) => r.kind === "summary")
      .map((r) => r.speaker)
      .sort();
    expect(speakers).toEqual([WEST, EAST].sort());
    expect(hits.find((r) => r.kind === "suggestion")).toMatchObject({ speaker: WEST });

    const items = await eventually(async () => {
      const list = (await organiser.get(`/api/ledger/items?meetingId=${s.meetingId}`)).body.items as LedgerItemJson[];
      if (list.length === 0) throw new Error("no item yet");
      return list;
    }, 5_000);
    expect(items.map((i) => [i.title, i.raisedByName])).toEqual([["约定练琴时段", WEST]]);

    // Answered by the community; 张丽（301室） rates the reply from her phone: the history names her so.
    const itemId = items[0]!.id;
    const department = await createDepartment(s.server, "社区居委会");
    await s.server.ledger.act(
      itemId,
      1,
      { type: "assign", lead: department.id, partners: [], deadline: chinaDay(Date.UTC(2026, 11, 3), 7), instructions: "" },
      SECRETARIAT,
    );
    await s.server.ledger.act(
      itemId,
      2,
      { type: "reply", text: "已张贴告示", outcome: "adopted", attachments: [] },
      { role: "department", id: "acct-community", name: "社区居委会", departmentId: department.id },
    );
    const rated = await s.anon.post(
      `/api/meetings/${s.meetingId}/my-suggestions/${itemId}/rating`,
      { baseVersion: 3, rating: "satisfied", comment: "" },
      bearer(s.tokens.west),
    );
    expect(rated.status).toBe(200);
    const steps = (await organiser.get(`/api/ledger/items/${itemId}`)).body.steps as { action: { type: string }; byName: string }[];
    expect(steps.filter((st) => st.action.type === "rate").map((st) => st.byName)).toEqual([WEST]);
  });
});
