// The minutes draft over real HTTP, from a meeting run through the real room on a real SQLite
// file: Markdown, DOCX (unzipped, word/document.xml read) and PDF (text extracted with pdfjs-dist,
// so the embedded CJK font is checked by machine, not by eye); only the meeting's staff may read it.
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterEach, describe, expect, it } from "vitest";
import { renderMinutesMarkdown } from "../core/minutes/markdown.ts";
import { draftMinutes } from "../core/minutes/minutes.ts";
import type { Actor, Role } from "../core/roles.ts";
import { MeetingStore } from "../meetings/meetingStore.ts";
import { ApiClient, staffClient } from "../testing/api.ts";
import { Harness } from "../testing/harness.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const TITLE = "区政协“老旧小区改造”专题协商会";
const NUMBER = "区政协协商〔2026〕5号";
const ITEM = "老旧小区加装电梯";
const SUMMARY = "建议简化加装电梯审批，设立专项补贴资金。";
const ROSTER = [
  { key: "chair", name: "沈国帅", role: "chair" },
  { key: "member1", name: "张丽华", role: "member", sector: "经济界", party: "民建" },
  { key: "member2", name: "李明", role: "member", sector: "教育界" },
  { key: "clerk", name: "姜建博", role: "clerk" },
  { key: "official", name: "刘建国", role: "official", unit: "区住房城乡建设委" },
] as const satisfies readonly { key: string; name: string; role: Role; sector?: string; party?: string; unit?: string }[];
type Key = (typeof ROSTER)[number]["key"];

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

async function setup() {
  let clock = Date.UTC(2026, 10, 25, 1, 0, 0);
  const t = await h.startServer({ now: () => clock });
  const { meeting, participants } = await t.server.meetings.create(TITLE, ROSTER.map(({ key: _key, ...p }) => p));
  const meetingId = meeting.id;
  await t.server.db.meeting.update({ where: { id: meetingId }, data: { number: NUMBER, place: "区政协三楼会议室", kind: "topic", startsAt: new Date(clock) } });
  const item = await t.server.agenda.append(meetingId, { title: ITEM, plannedMinutes: 30 });
  const ids = {} as Record<Key, string>;
  const tokens = {} as Record<Key, string>;
  const actors = {} as Record<Key, Actor>;
  for (const [i, p] of ROSTER.entries()) {
    ids[p.key] = participants[i]!.id;
    actors[p.key] = { participantId: ids[p.key], role: p.role };
    tokens[p.key] = await t.server.tokens.issue({ participantId: ids[p.key], meetingId, role: p.role });
  }
  const room = await t.server.rooms.get(meetingId);
  const ok = async (who: Key, command: unknown, advanceMs = 60_000) => {
    clock += advanceMs;
    const result = await room.submit(actors[who], command as never);
    expect(result.ok, JSON.stringify(command)).toBe(true);
  };
  // A short meeting: two members present, the first speaks and the clerk summarizes; a written speech.
  await ok("clerk", { type: "attendance.arrive", participantIds: [ids.member1, ids.member2, ids.official], via: "clerk" });
  await ok("chair", { type: "meeting.open" });
  await ok("chair", { type: "agenda.goto", itemId: item.id });
  await ok("member1", { type: "queue.request" });
  await ok("chair", { type: "floor.give", participantId: ids.member1 });
  await ok("chair", { type: "floor.end" }, 5 * 60_000);
  const speechId = room.current.speeches[0]!.speechId;
  await ok("clerk", { type: "record.summarize", entry: { kind: "speech", id: speechId }, text: SUMMARY, baseVersion: 0 });
  await ok("member2", { type: "speech.submitWritten", text: "建议统筹推进管线改造。" });
  await ok("clerk", { type: "record.addDecision", decision: { text: "由区住房城乡建设委牵头制定联合审批办法。", unit: "区住房城乡建设委", deadline: "2026-12-31" } });
  await ok("chair", { type: "meeting.close" });
  const base = `/api/meetings/${meetingId}/minutes/draft`;
  return { ...t, meetingId, room, tokens, base, anon: new ApiClient(t.url) };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join("");
  }
  await pdf.destroy();
  // Lines wrap anywhere in Chinese: compare without the breaks.
  return text.replace(/\s+/g, "");
}

describe("minutes draft API", () => {
  it("serves Markdown: the core's rendering of the live state and its log, with recorder and distribution from the query", async () => {
    const s = await setup();
    const res = await s.anon.get(`${s.base}.md?recorder=${encodeURIComponent("王记录")}&distribution=${encodeURIComponent("区政协各位主席")}&distribution=${encodeURIComponent("区住房城乡建设委")}`, bearer(s.tokens.clerk));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(`${TITLE}-会议纪要（初稿）.md`)}`);
    const text = res.bytes.toString("utf8");
    const meeting = (await new MeetingStore(s.server.db).get(s.meetingId))!;
    const log = await s.server.store.load(s.meetingId);
    expect(text).toBe(renderMinutesMarkdown(draftMinutes(meeting, s.room.current, { log, recorderName: "王记录", distribution: ["区政协各位主席", "区住房城乡建设委"] })));
    expect(text).toContain(`# ${TITLE}会议纪要`);
    expect(text).toContain(NUMBER);
    expect(text).toContain("**时间**：2026年11月25日（星期三） 09:02—09:14");
    expect(text).toContain(`**张丽华**（经济界，民建）：即席发言，09:05，时长 5:00。发言要点：${SUMMARY}`);
    expect(text).toContain("**出席**：张丽华（经济界，民建）、李明（教育界）");
    expect(text).toContain("**列席**：刘建国（区住房城乡建设委）");
    expect(text).toContain("完成时限：2026年12月31日前");
    expect(text).toContain("**分送**：区政协各位主席，区住房城乡建设委。");
    expect(text).toContain("记录人：王记录");

    const json = await s.anon.get(s.base, bearer(s.tokens.chair));
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ header: { title: TITLE, number: NUMBER, kind: "专题协商会", chair: ["沈国帅"] }, recorder: "姜建博" });
  });

  it("serves a DOCX whose document.xml holds the Chinese title, 文号 and the speech summary in official-document fonts", async () => {
    const s = await setup();
    const res = await s.anon.get(`${s.base}.docx`, bearer(s.tokens.chair));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent(`${TITLE}-会议纪要（初稿）.docx`));
    const zip = await JSZip.loadAsync(res.bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    // The title: its own run, centered, bold, 宋体 二号 (22 pt = 44 half-points).
    const title = `${TITLE}会议纪要`;
    expect(xml).toContain(`>${title}</w:t>`);
    const titleParagraph = xml.split("<w:p>").find((p) => p.includes(`>${title}</w:t>`))!;
    expect(titleParagraph).toContain('<w:jc w:val="center"/>');
    expect(titleParagraph).toContain("<w:b/>");
    expect(titleParagraph).toContain('w:eastAsia="宋体"');
    expect(titleParagraph).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain(`>${NUMBER}</w:t>`);
    expect(xml).toContain(`>${SUMMARY}</w:t>`);
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain(`>三、议题一：${ITEM}</w:t>`);
  });

  it("serves a PDF with an embedded CJK font: the extracted text holds the Chinese title and 电梯", async () => {
    const s = await setup();
    const res = await s.anon.get(`${s.base}.pdf`, bearer(s.tokens.clerk));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(res.bytes.toString("latin1")).toMatch(/\/FontFile3|\/FontFile2/);
    const text = await pdfText(res.bytes);
    expect(text).toContain(`${TITLE}会议纪要`);
    expect(text).toContain("电梯");
    expect(text).toContain(SUMMARY);
    expect(text).toContain(NUMBER);
  });

  it("is for the meeting's staff only: a member's token gets FORBIDDEN, no credentials 401, an organiser's session 200", async () => {
    const s = await setup();
    const { client: organiser } = await staffClient(s.server, s.url, "organiser1", "organiser");
    for (const path of [s.base, `${s.base}.md`, `${s.base}.docx`, `${s.base}.pdf`]) {
      for (const who of ["member1", "official"] as const) {
        const res = await s.anon.get(path, bearer(s.tokens[who]));
        expect(res.status, `${who} ${path}`).toBe(403);
        expect(res.body.error.code, `${who} ${path}`).toBe("FORBIDDEN");
      }
      const anonymous = await s.anon.get(path);
      expect(anonymous.status, path).toBe(401);
      expect(anonymous.body.error.code, path).toBe("UNAUTHENTICATED");
      expect((await organiser.get(path)).status, `organiser ${path}`).toBe(200);
    }
    expect((await organiser.get("/api/meetings/no-such-meeting/minutes/draft.md")).status).toBe(404);
    const bad = await s.anon.get(`${s.base}.md?recorder=${"x".repeat(41)}`, bearer(s.tokens.chair));
    expect(bad.status).toBe(400);
  });
});
