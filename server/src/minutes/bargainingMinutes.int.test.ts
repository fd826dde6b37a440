// 协商记录 of a bargaining session in the minutes files: the DOCX (word/document.xml read) and the
// PDF (text extracted with pdfjs-dist) render the section's blocks like every other section's.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { minutesBlocks } from "../../../core/minutes/blocks.ts";
import { draftMinutes } from "../../../core/minutes/minutes.ts";
import { BARGAINING_MEETING, bargainingSession } from "../../../testing/bargainingMinutes.ts";
import { pdfText } from "../../../testing/server/minutesMeeting.ts";
import { exportMinutes } from "./minutesExport.ts";

const s = bargainingSession();
const blocks = minutesBlocks(draftMinutes(BARGAINING_MEETING, s.state, { log: s.log }));
const LINES = [
  "三、协商记录",
  "（一）协商条款",
  "职工方报价（09:10，职工方代表吴敏）：职工月工资平均上调8%；理由：物价上涨，同行业工资水平提高。",
  "结果：双方首席代表确认一致（09:55）：职工月工资平均上调6%。",
  "10:00，主持由职工方首席代表王强移交企业方首席代表赵刚。",
  "职工方内部协商09:30—09:45。",
  "中止（10:30，企业方首席代表赵刚）：企业需核算加班成本。",
  "约定恢复时间：2026年11月26日（星期四）09:00。",
  "恢复：2026年11月26日（星期四）09:05。",
];

describe("协商记录 in the minutes files", () => {
  it("the DOCX holds every line of the section", async () => {
    const zip = await JSZip.loadAsync(await exportMinutes(blocks, "docx"));
    const xml = await zip.file("word/document.xml")!.async("string");
    // The text of each paragraph, runs joined (a bold run is its own <w:r>).
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
    const texts = paragraphs.map((p) => p.replace(/\s+/g, ""));
    for (const line of LINES) expect(texts.some((t) => t.endsWith(line))).toBe(true);
  });

  it("the PDF holds every line of the section", async () => {
    const text = await pdfText(await exportMinutes(blocks, "pdf"));
    for (const line of LINES) expect(text).toContain(line.replace(/\s+/g, ""));
  });
});
