// End to end in a real Chromium: the minutes (会议纪要). A short meeting is run (the chair opens
// it, two members speak one after another); in 会议记录 the clerk summarizes both speeches and
// captures a suggestion; in 会议纪要 the clerk generates the draft, types a sentence into a block,
// makes a phrase bold with Ctrl+B, saves 第2稿 with a note; the chair reads the differences and
// approves it; the clerk's editor is then locked (更正 offered, with a required reason); a
// correction saved meanwhile by the secretariat is reported (EDIT_CONFLICT) without losing the
// clerk's edits, which are compared and saved on top; the approved version's DOCX and PDF,
// downloaded through the buttons, hold the edited line (document.xml read with jszip, the
// PDF's text extracted with pdfjs-dist) and the PDF both summaries.
import fs from "node:fs";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Download, Page } from "playwright-core";
import type { Actor } from "../core/roles.ts";
import type { Command } from "../core/meeting.ts";
import { staffClient, type ApiClient } from "../testing/server/api.ts";
import { PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openJoinLink, shot, SHOTS, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";
import { openMeetingAsChair } from "./support/chair.ts";

const TITLE = "区政协专题协商会（端到端测试：会议纪要）";
const SUMMARY_1 = "主张按楼层分摊加装电梯费用，低层住户适当减免。";
const SUMMARY_2 = "提出加装电梯应简化审批流程，推行联合审批。";
/** The clerk's own line in the minutes. */
const EDITED = "会议一致同意将老旧小区加装电梯补贴纳入年度民生实事项目。";
const BOLD = "（重点督办）";

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
let clerk: Page;
let ids: Record<string, string>;
let org: ApiClient;
let speeches: string[];

const live = () => liveState(app);
const submit = (actor: Actor, command: Command) => submitTo(app, actor, command);
const as = (name: string, role: Actor["role"]): Actor => ({ participantId: ids[name]!, role });
const entry = (page: Page, key: string) => page.locator(`[data-testid="tl-entry"][data-key="${key}"]`);
const version = (page: Page, n: number) => page.locator(`[data-testid="minutes-version"][data-number="${n}"]`);
/** The editor's block whose text contains `needle`. */
const blockWith = (page: Page, needle: string) => page.getByTestId("minutes-block-text").filter({ hasText: needle });

/** The texts of the diff's "changed" rows as they read after the change (deleted characters left out). */
const changedToTexts = (page: Page) =>
  page.locator('[data-testid="minutes-diff-row"][data-op="changed"] .diff-text').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.childNodes)
        .filter((n) => n.nodeName !== "DEL")
        .map((n) => n.textContent)
        .join(""),
    ),
  );

async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId(button).click()])) as [Download, void];
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  let all = "";
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    all += content.items.map((item) => ("str" in item ? item.str : "")).join("");
  }
  await pdf.destroy();
  // Lines wrap anywhere in Chinese: compare without the breaks.
  return all.replace(/\s+/g, "");
}

describe("the minutes in the browser: generated, edited, approved, downloaded", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      { name: "袁海霞", role: "member", sector: "经济界" },
      { name: "李明", role: "member", sector: "科技界" },
    ]);
    browser = await launchChromium();
    org = (await staffClient(app.server, app.baseUrl, "secretariat", "organiser")).client;
    ids = Object.fromEntries((await live()).roster.map((p) => [p.name, p.id]));
    const item = await org.post(`/api/meetings/${app.meetingId}/agenda`, { title: "老旧小区加装电梯", plannedMinutes: 30 });
    expect(item.status).toBe(201);
    chair = await openJoinLink(browser, app.links.get("钟玉")!);
    clerk = await openJoinLink(browser, app.links.get("文书")!);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a short meeting: the chair opens it, two members speak one after another", async () => {
    await openMeetingAsChair(chair);
    await until(async () => (await live()).status).toBe("open");
    await submit(as("文书", "clerk"), { type: "attendance.arrive", participantIds: [ids["袁海霞"]!, ids["李明"]!], via: "clerk" });
    const chairActor = as("钟玉", "chair");
    for (const name of ["袁海霞", "李明"]) {
      await submit(as(name, "member"), { type: "queue.request" });
      await submit(chairActor, { type: "floor.give", participantId: ids[name]! });
      await submit(chairActor, { type: "floor.end" });
    }
    speeches = (await live()).speeches.map((s) => s.speechId);
    expect(speeches).toHaveLength(2);
  }, 120_000);

  it("in 会议记录 the clerk summarizes both speeches and captures a suggestion", async () => {
    await clerk.getByTestId("clerk-tab-record").click();
    await clerk.getByTestId("record-workspace").waitFor();
    for (const [i, summary] of [SUMMARY_1, SUMMARY_2].entries()) {
      await entry(clerk, `speech:${speeches[i]}`).click();
      await until(() => textOf(clerk, "detail-speaker")).toContain(i === 0 ? "袁海霞" : "李明");
      await clerk.getByTestId("summary-input").fill(summary);
      await clerk.getByTestId("summary-save").click();
      await until(() => textOf(clerk, "summary-status")).toMatch(/^已保存 · 第 1 版/);
    }
    await clerk.getByTestId("suggestion-add").click();
    await clerk.getByTestId("suggestion-title-input").fill("简化加装电梯审批");
    await clerk.getByTestId("suggestion-text-input").fill("实行联合审批，一次办结。");
    await clerk.getByTestId("suggestion-department-input").fill("区住建委");
    await clerk.getByTestId("suggestion-save").click();
    await until(() => clerk.getByTestId("suggestion").count()).toBe(1);
  }, 120_000);

  it("in 会议纪要 the clerk generates the draft, edits a line (with a bold phrase) and saves 第2稿", async () => {
    await clerk.getByTestId("clerk-tab-minutes").click();
    await until(() => clerk.getByTestId("minutes-empty").count()).toBe(1);
    expect(await textOf(clerk, "minutes-generate")).toBe("生成纪要初稿");
    await clerk.getByTestId("minutes-generate").click();
    await until(() => version(clerk, 1).count()).toBe(1);
    expect(await version(clerk, 1).textContent()).toMatch(/第1稿\s*生成\s*文书/);
    expect(await textOf(clerk, "minutes-generate")).toBe("从会议记录重新生成");
    // The draft from the record: the summaries are in the editor's blocks.
    await until(() => blockWith(clerk, SUMMARY_2).count()).toBe(1);
    expect(await blockWith(clerk, SUMMARY_1).count()).toBe(1);
    await shot(clerk, "minutes-clerk-draft-1366.png");

    // One line typed over (the 会议概况 paragraph), as a clerk does: click, select all, type.
    const overview = blockWith(clerk, "会议共审议议题");
    await overview.click();
    await clerk.keyboard.press("Control+A");
    await clerk.keyboard.type(EDITED);
    expect(await textOf(clerk, "minutes-status")).toBe("有未保存的修改");
    // A phrase added at the end of 李明's entry and made bold with Ctrl+B.
    const speech2 = blockWith(clerk, SUMMARY_2);
    await speech2.click();
    await clerk.keyboard.press("End");
    await clerk.keyboard.type(BOLD);
    for (let i = 0; i < BOLD.length; i++) await clerk.keyboard.press("Shift+ArrowLeft");
    await clerk.keyboard.press("Control+B");
    expect(await speech2.locator("b, strong").last().textContent()).toBe(BOLD);

    await clerk.getByTestId("minutes-note").fill("补充会议共识");
    await clerk.getByTestId("minutes-save").click();
    await until(() => version(clerk, 2).count()).toBe(1);
    expect(await version(clerk, 2).textContent()).toMatch(/第2稿\s*修改\s*文书.*补充会议共识/);
    expect(await version(clerk, 2).getAttribute("aria-current")).toBe("true");
    // Saved as runs: the typed line whole, the phrase bold, no markup anywhere.
    const saved = await org.get(`/api/meetings/${app.meetingId}/minutes/versions/2`);
    expect(saved.status).toBe(200);
    const blocks: { kind: string; runs?: { text: string; bold?: boolean }[]; text?: string }[] = saved.body.version.blocks;
    expect(blocks).toContainEqual({ kind: "paragraph", runs: [{ text: EDITED }] });
    const entry2 = blocks.find((b) => b.runs?.some((r) => r.text.includes(SUMMARY_2)));
    expect(entry2?.runs?.at(-1)).toEqual({ text: BOLD, bold: true });
    expect(JSON.stringify(blocks)).not.toMatch(/<|&nbsp;/);
    // The editor goes on from 第2稿 with the edited line in place.
    await until(() => blockWith(clerk, EDITED).count()).toBe(1);

    // 版本对比: 第1稿 → 第2稿, the paragraph changed, marked in words too.
    await clerk.getByTestId("minutes-compare-open").click();
    await until(() => clerk.getByTestId("minutes-diff-row").count()).toBeGreaterThanOrEqual(2);
    // Two blocks changed (the paragraph typed over, 李明's entry with the phrase), nothing added or removed.
    expect(await clerk.getByTestId("minutes-diff-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-op")))).toEqual(["changed", "changed"]);
    const after = await changedToTexts(clerk);
    expect(after[0]).toBe(EDITED);
    expect(after[1]).toContain(`${SUMMARY_2}${BOLD}`);
    expect(await clerk.getByTestId("minutes-diff-row").first().locator(".diff-mark").textContent()).toBe("修改");
    expect(await clerk.getByTestId("minutes-diff-row").nth(1).locator("ins").allTextContents()).toEqual([BOLD]);
    await shot(clerk, "minutes-clerk-compare-1366.png");
    await clerk.getByTestId("minutes-compare-close").click();
  }, 150_000);

  it("the chair reads the changes and approves 第2稿 after a confirmation", async () => {
    await until(() => textOf(chair, "minutes-chair-status")).toBe("最新为第2稿，待审定");
    await chair.getByTestId("minutes-chair-open").click();
    await chair.getByTestId("minutes-chair-dialog").waitFor();
    expect(await textOf(chair, "minutes-chair-version")).toBe("第2稿");
    await until(() => chair.getByTestId("minutes-document").textContent()).toContain(EDITED);
    await chair.getByTestId("minutes-chair-changes").click();
    expect(await chair.getByTestId("minutes-chair-changes").textContent()).toBe("与上一稿（第1稿）的差异");
    await until(() => changedToTexts(chair)).toContain(EDITED);
    // The chair cannot edit: no editable text anywhere on the console.
    expect(await chair.locator('[contenteditable="true"]').count()).toBe(0);
    await shot(chair, "minutes-chair-changes-1366.png");

    await chair.getByTestId("minutes-approve").click();
    await chair.getByTestId("minutes-approve-dialog").waitFor();
    expect(await textOf(chair, "minutes-approve-dialog")).toContain("审定通过第2稿？");
    await chair.getByTestId("minutes-approve-confirm").click();
    await until(() => chair.getByTestId("minutes-chair-dialog").getByTestId("minutes-approved").count()).toBe(1);
    expect(await chair.getByTestId("minutes-approve").count()).toBe(0);
    expect(await textOf(chair, "minutes-approved")).toMatch(/已审定（定稿）\s*钟玉/);
    const approved = await org.get(`/api/meetings/${app.meetingId}/minutes/versions`);
    expect(approved.body.versions.map((v: { number: number; approvedByName: string | null }) => [v.number, v.approvedByName])).toEqual([
      [1, null],
      [2, "钟玉"],
    ]);
    await chair.getByTestId("minutes-chair-close").click();
    await until(() => textOf(chair, "minutes-chair-status")).toBe("第2稿已审定（定稿）");
  }, 120_000);

  it("after approval the clerk's editor is locked: read only, 更正 offered with a required reason", async () => {
    await until(() => version(clerk, 2).getByTestId("minutes-approved").count()).toBe(1);
    await until(() => clerk.getByTestId("minutes-locked").count()).toBe(1);
    expect(await clerk.getByTestId("minutes-workspace").locator('[contenteditable="true"]').count()).toBe(0);
    expect(await clerk.getByTestId("minutes-document").textContent()).toContain(EDITED);
    expect(await clerk.getByTestId("minutes-generate").isDisabled()).toBe(true);
    await shot(clerk, "minutes-clerk-locked-1366.png");
    // 更正 opens the editor again, and saving needs a reason.
    await clerk.getByTestId("minutes-correct").click();
    await until(() => clerk.getByTestId("minutes-workspace").locator('[contenteditable="true"]').count()).toBeGreaterThan(0);
    expect(await clerk.getByTestId("minutes-savebar").textContent()).toContain("更正理由（必填）");
    await blockWith(clerk, EDITED).click();
    await clerk.keyboard.press("End");
    await clerk.keyboard.type("另");
    expect(await clerk.getByTestId("minutes-save").isDisabled()).toBe(true);
    await clerk.getByTestId("minutes-note").fill("补正错字");
    expect(await clerk.getByTestId("minutes-save").isDisabled()).toBe(false);

    // Meanwhile the secretariat saves a correction of its own (through the organisers' API): 第3稿.
    const v2 = (await org.get(`/api/meetings/${app.meetingId}/minutes/versions/2`)).body.version.blocks;
    const theirs = await org.post(`/api/meetings/${app.meetingId}/minutes/versions`, {
      baseVersion: 2,
      blocks: [...v2, { kind: "paragraph", runs: [{ text: "秘书处补充：请各承办单位于一周内反馈。" }] }],
      note: "秘书处补充",
    });
    expect(theirs.status).toBe(201);
    await clerk.getByTestId("minutes-save").click();
    // The clerk is told, and nothing typed is lost.
    await until(() => clerk.getByTestId("minutes-conflict").count()).toBe(1);
    expect(await textOf(clerk, "minutes-conflict")).toMatch(/已在此期间保存了第3稿。您的修改仍在编辑器中/);
    expect(await blockWith(clerk, `${EDITED}另`).count()).toBe(1);
    // 第3稿 against the unsaved edits: the clerk's line changed, the secretariat's paragraph not in the clerk's text.
    await clerk.getByTestId("minutes-conflict-compare").click();
    expect(await clerk.getByTestId("minutes-compare-to").inputValue()).toBe("draft");
    await until(() => clerk.getByTestId("minutes-diff-row").evaluateAll((rows) => rows.map((r) => `${r.getAttribute("data-op")}:${r.textContent}`))).toEqual([
      expect.stringMatching(/^changed:修改/),
      "removed:删除秘书处补充：请各承办单位于一周内反馈。",
    ]);
    await shot(clerk, "minutes-clerk-conflict-1366.png");
    // The clerk saves their text anyway on top of 第3稿 (not approved, so an ordinary edit), with the reason as its note.
    await clerk.getByTestId("minutes-conflict-save").click();
    await until(() => version(clerk, 4).count()).toBe(1);
    expect(await version(clerk, 4).textContent()).toMatch(/第4稿\s*修改\s*文书.*补正错字/);
    expect(await version(clerk, 3).textContent()).toMatch(/第3稿\s*更正.*秘书处补充/);
    expect(await clerk.getByTestId("minutes-conflict").count()).toBe(0);
    const list = (await org.get(`/api/meetings/${app.meetingId}/minutes/versions`)).body.versions;
    expect(list.map((v: { number: number; source: string }) => `${v.number}:${v.source}`)).toEqual(["1:generated", "2:edited", "3:correction", "4:edited"]);
    // The approved 第2稿 is still there, unchanged, read only.
    await version(clerk, 2).click();
    await until(() => clerk.getByTestId("minutes-old").count()).toBe(1);
    expect(await clerk.getByTestId("minutes-document").textContent()).toContain(EDITED);
    expect(await clerk.getByTestId("minutes-document").textContent()).not.toContain(`${EDITED}另`);
  }, 120_000);

  it("the DOCX and the PDF downloaded through the buttons hold the edited line; the PDF both summaries", async () => {
    const docx = await downloaded(clerk, "minutes-download-docx");
    expect(docx.name).toBe(`${TITLE}-会议纪要（定稿）.docx`);
    const xml = await (await JSZip.loadAsync(docx.bytes)).file("word/document.xml")!.async("string");
    expect(xml).toContain(EDITED);
    expect(xml).toContain(BOLD);

    const pdf = await downloaded(clerk, "minutes-download-pdf");
    expect(pdf.name).toBe(`${TITLE}-会议纪要（定稿）.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const words = await pdfText(pdf.bytes);
    expect(words).toContain(EDITED);
    expect(words).toContain(SUMMARY_1);
    expect(words).toContain(SUMMARY_2);

    // The speech list beside them.
    const csv = await downloaded(clerk, "minutes-speeches-csv");
    expect(csv.name).toBe(`${TITLE}-发言清单.csv`);
    expect(csv.bytes.toString("utf8")).toContain(SUMMARY_2);
  }, 180_000);

  it("unsaved edits survive a reload of the clerk's page until they are saved or discarded", async () => {
    const TYPED = "（待核实：补贴标准）";
    await version(clerk, 4).click();
    await blockWith(clerk, `${EDITED}另`).click();
    await clerk.keyboard.press("End");
    await clerk.keyboard.type(TYPED);
    expect(await textOf(clerk, "minutes-status")).toBe("有未保存的修改");
    await clerk.reload();
    await clerk.getByTestId("me").waitFor();
    await clerk.getByTestId("clerk-tab-minutes").click();
    await until(() => clerk.getByTestId("minutes-restored").count()).toBe(1);
    expect(await textOf(clerk, "minutes-restored")).toContain("已恢复本浏览器中上次未保存的修改");
    expect(await blockWith(clerk, `${EDITED}另${TYPED}`).count()).toBe(1);
    expect(await textOf(clerk, "minutes-current")).toContain("正在编辑（基于第4稿）");
    expect(await textOf(clerk, "minutes-status")).toBe("有未保存的修改");
    await shot(clerk, "minutes-clerk-restored-1366.png");
    // Discarded (after the confirmation), they stay gone after another reload.
    clerk.once("dialog", (dialog) => void dialog.accept());
    await clerk.getByTestId("minutes-discard").click();
    await until(() => blockWith(clerk, TYPED).count()).toBe(0);
    await clerk.reload();
    await clerk.getByTestId("me").waitFor();
    await clerk.getByTestId("clerk-tab-minutes").click();
    await until(() => blockWith(clerk, `${EDITED}另`).count()).toBe(1);
    expect(await clerk.getByTestId("minutes-restored").count()).toBe(0);
    expect(await blockWith(clerk, TYPED).count()).toBe(0);
  }, 120_000);

  it("on a 375 px phone the clerk's minutes fit the width", async () => {
    const phone = await openJoinLink(browser, app.links.get("文书")!, PHONE);
    await phone.getByTestId("clerk-tab-minutes").click();
    await until(() => phone.getByTestId("minutes-block").count()).toBeGreaterThan(5);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(phone, "minutes-clerk-phone-375.png");
    await phone.context().close();
  }, 120_000);
});
