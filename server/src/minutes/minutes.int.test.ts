// The minutes draft over real HTTP, from a meeting run through the real room on a real SQLite
// file: Markdown, DOCX (unzipped, word/document.xml read) and PDF (text extracted with pdfjs-dist,
// so the embedded CJK font is checked by machine, not by eye); only the meeting's staff may read it.
import JSZip from "jszip";
import { afterEach, describe, expect, it } from "vitest";
import { MinutesDraftResponse } from "../../../core/api/minutes.ts";
import { renderMinutesMarkdown } from "../../../core/minutes/markdown.ts";
import { draftMinutes } from "../../../core/minutes/minutes.ts";
import { staffClient } from "../../../testing/server/api.ts";
import { Harness } from "../../../testing/server/harness.ts";
import {
  bearer,
  MINUTES_ITEM as ITEM,
  MINUTES_NUMBER as NUMBER,
  MINUTES_SUMMARY as SUMMARY,
  MINUTES_TITLE as TITLE,
  minutesMeeting,
  pdfText,
} from "../../../testing/server/minutesMeeting.ts";

const h = new Harness();
afterEach(() => h.cleanup());

async function setup() {
  const s = await minutesMeeting(h);
  return { ...s, base: `/api/meetings/${s.meetingId}/minutes/draft` };
}

describe("minutes draft API", () => {
  it("serves Markdown: the core's rendering of the live state and its log, with recorder and distribution from the query", async () => {
    const s = await setup();
    const res = await s.anon.get(
      `${s.base}.md?recorder=${encodeURIComponent("王记录")}&distribution=${encodeURIComponent("区政协各位主席")}&distribution=${encodeURIComponent("区住房城乡建设委")}`,
      bearer(s.tokens.clerk),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(`${TITLE}-会议纪要（初稿）.md`)}`);
    const text = res.bytes.toString("utf8");
    const meeting = (await s.server.meetings.get(s.meetingId))!;
    const log = await s.server.store.load(s.meetingId);
    expect(text).toBe(
      renderMinutesMarkdown(draftMinutes(meeting, s.room.current, { log, recorderName: "王记录", distribution: ["区政协各位主席", "区住房城乡建设委"] })),
    );
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
    expect(MinutesDraftResponse.safeParse(json.body).error).toBeUndefined();
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
