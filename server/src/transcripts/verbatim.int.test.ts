// The verbatim record (会议实录) over real HTTP, from a meeting run through the real room on a
// real database: DOCX (unzipped, word/document.xml read) and PDF (text extracted with
// pdfjs-dist) hold the corrected line, not the typo; the interjection where it happened; the
// machine draft marked for the speech nobody typed; only the meeting's staff may download it.
import JSZip from "jszip";
import { afterEach, describe, expect, it } from "vitest";
import { staffClient } from "../../../testing/server/api.ts";
import { Harness } from "../../../testing/server/harness.ts";
import { bearer, pdfText } from "../../../testing/server/minutesMeeting.ts";
import { LINES, TRANSCRIPT_ITEM, TRANSCRIPT_TITLE, transcriptMeeting } from "../../../testing/server/transcriptMeeting.ts";
import { MACHINE_DRAFT_MARK } from "./verbatim.ts";

const h = new Harness();
afterEach(() => h.cleanup());

/** The texts of the document's paragraphs, in order (runs joined). */
function paragraphs(xml: string): string[] {
  return xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((text) => text !== "");
}

describe("verbatim record (会议实录)", () => {
  it("serves a DOCX: header, the speeches in order with their corrected lines, the interjection in place, the machine draft marked", async () => {
    const s = await transcriptMeeting(h);
    const res = await s.anon.get(`/api/meetings/${s.meetingId}/verbatim.docx`, bearer(s.tokens.clerk));
    expect(res.status, res.bytes.toString()).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent(`${TRANSCRIPT_TITLE}-会议实录.docx`));
    const xml = await (await JSZip.loadAsync(res.bytes)).file("word/document.xml")!.async("string");
    expect(xml).toContain(`>${TRANSCRIPT_TITLE}会议实录</w:t>`);
    expect(xml).toContain(`>${LINES.corrected}</w:t>`);
    expect(xml).not.toContain(LINES.typo);
    expect(paragraphs(xml)).toEqual([
      `${TRANSCRIPT_TITLE}会议实录`,
      "时间：2026年11月25日（星期三） 09:00—09:09",
      "地点：区政协三楼会议室",
      "会议类型：专题协商会",
      "主持人：沈国帅",
      `一、议题一：${TRANSCRIPT_ITEM}`,
      "1. 张丽华（经济界，民建）：即席发言，09:02",
      LINES.first,
      LINES.corrected,
      "· 插话：刘建国（区住房城乡建设委），09:03",
      LINES.interjection,
      "（张丽华继续发言）",
      LINES.after,
      `2. 李明（教育界）：即席发言，09:05${MACHINE_DRAFT_MARK}`,
      ...LINES.machine,
      "速记：王速记、姜建博",
      "整理：姜建博",
    ]);
  });

  it("serves a PDF with an embedded CJK font whose text holds the corrected line and the marked machine draft", async () => {
    const s = await transcriptMeeting(h);
    const res = await s.anon.get(`/api/meetings/${s.meetingId}/verbatim.pdf`, bearer(s.tokens.chair));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent(`${TRANSCRIPT_TITLE}-会议实录.pdf`));
    expect(res.bytes.toString("latin1")).toMatch(/\/FontFile3|\/FontFile2/);
    const text = await pdfText(res.bytes);
    expect(text).toContain(`${TRANSCRIPT_TITLE}会议实录`);
    expect(text).toContain(LINES.corrected);
    expect(text).not.toContain(LINES.typo);
    expect(text).toContain(LINES.interjection);
    expect(text).toContain(`${MACHINE_DRAFT_MARK}${LINES.machine[0]}`);
  });

  it("is for the meeting's staff only: members, officials and the stenographer get FORBIDDEN, no credentials 401, an organiser 200", async () => {
    const s = await transcriptMeeting(h);
    const { client: organiser } = await staffClient(s.server, s.url, "organiser1", "organiser");
    for (const format of ["docx", "pdf"]) {
      const path = `/api/meetings/${s.meetingId}/verbatim.${format}`;
      for (const who of ["member1", "official", "steno"] as const) {
        const res = await s.anon.get(path, bearer(s.tokens[who]));
        expect(res.status, `${who} ${path}`).toBe(403);
        expect(res.body.error.code).toBe("FORBIDDEN");
      }
      const anonymous = await s.anon.get(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe("UNAUTHENTICATED");
      expect((await organiser.get(path)).status, `organiser ${path}`).toBe(200);
    }
    const missing = await organiser.get("/api/meetings/no-such-meeting/verbatim.docx");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
  });
});
