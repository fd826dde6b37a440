// The minutes draft's fallback to the transcript over real HTTP: a speech nobody summarized takes
// its summary from the transcript's first two lines (the corrected text; typed lines, else the
// machine draft), marked where it comes from, in the JSON, Markdown and DOCX drafts; the clerk's
// summary, once written, replaces it.
import JSZip from "jszip";
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../../../testing/server/harness.ts";
import { bearer } from "../../../testing/server/minutesMeeting.ts";
import { LINES, transcriptMeeting } from "../../../testing/server/transcriptMeeting.ts";

const h = new Harness();
afterEach(() => h.cleanup());

describe("minutes draft from the transcript", () => {
  it("takes a missing summary from the transcript's first lines, marked, and gives way to the clerk's summary", async () => {
    const s = await transcriptMeeting(h);
    const base = `/api/meetings/${s.meetingId}/minutes/draft`;
    const json = await s.anon.get(base, bearer(s.tokens.clerk));
    expect(json.status).toBe(200);
    const [first, second] = json.body.items[0].speeches;
    expect(first.summary).toEqual({ source: "transcript", text: `${LINES.first}${LINES.corrected}` });
    expect(second.summary).toEqual({ source: "machineDraft", text: LINES.machine.join("，") });

    const md = (await s.anon.get(`${base}.md`, bearer(s.tokens.chair))).bytes.toString("utf8");
    expect(md).toContain(`发言要点：${LINES.first}${LINES.corrected}（据速记稿摘录，待整理）`);
    expect(md).toContain(`发言要点：${LINES.machine.join("，")}（据机器草稿摘录，待整理）`);
    expect(md).not.toContain(LINES.typo);

    const docx = await s.anon.get(`${base}.docx`, bearer(s.tokens.chair));
    const xml = await (await JSZip.loadAsync(docx.bytes)).file("word/document.xml")!.async("string");
    expect(xml).toContain(`>${LINES.first}${LINES.corrected}</w:t>`);
    expect(xml).toContain(">（据速记稿摘录，待整理）</w:t>");

    await s.ok("clerk", { type: "record.summarize", entry: s.first, text: "建议简化审批，公开补贴资金。", baseVersion: 0 });
    const after = await s.anon.get(base, bearer(s.tokens.clerk));
    expect(after.body.items[0].speeches[0].summary).toEqual({ source: "summary", text: "建议简化审批，公开补贴资金。" });
  });
});
