// End to end in a real Chromium: the organisers' retention policy (保留策略, issue 28). Two meetings
// with approved minutes: one approved ten days ago (李明's speech recording and the material
// 社区议事规则（草案）.pdf), one approved just now (停车方案.pdf). The organiser opens 保留策略 and
// sees nothing set; enters 录音 0 days and 会议材料 7 days, watches the preview count what would
// go at once, confirms the save that names those counts; sees them in 到期待删 and the other
// meeting in 即将删除; runs 立即清理 (confirmed) and reads the record: the speaker with the part, the
// material's file name, the rule. The files are gone from disk, and the clerk's record of the
// speech says 录音已按保留策略删除. Screenshots at 375 and 1366 px in zh and en (and 1920 in zh), each checked with axe.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Actor } from "../core/roles.ts";
import { RecordingStore } from "../server/src/media/recording/recordingStore.ts";
import { ApiClient, fileForm, staffClient } from "../testing/server/api.ts";
import { signInAsOrganiser } from "./support/admin.ts";
import { announcements, expectAccessible, recordAnnouncements } from "./support/a11y.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { DESKTOP, launchChromium } from "./support/browser.ts";
import { openJoinLink, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";

const TITLE = "社区议事会（端到端测试：保留策略）";
const LATER = "停车管理议事会（端到端测试：保留策略）";
const MATERIAL = "社区议事规则（草案）.pdf";
const LATER_MATERIAL = "停车方案.pdf";
const SHOTS = "/tmp/retention-shots";
const DAY = 24 * 3600_000;

/** Not real audio: the sweep deletes bytes, it does not decode them. 5 KB. */
const AUDIO = Buffer.concat([Buffer.from("OggS"), Buffer.alloc(5 * 1024 - 4, 0x5a)]);
/** 3 KB of PDF. */
const PDF = (n: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(n * 1024 - 16, 0x42), Buffer.from("\n%%EOF\n")]);

let app: AppUnderTest;
let browser: Browser;
let page: Page;
let org: ApiClient;
/** The server's clock runs this far ahead of the real one (the first meeting's approval is ten days old). */
let ahead = 0;
let speechId: string;
let recordingFile: string;

const tokenOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get("t")!;

/** An agenda item with one uploaded material. */
async function withMaterial(meetingId: string, fileName: string, kb: number) {
  const item = await org.post(`/api/meetings/${meetingId}/agenda`, { title: "议事规则修订", plannedMinutes: 20 });
  expect(item.status).toBe(201);
  const uploaded = await org.request("POST", `/api/meetings/${meetingId}/agenda/${item.body.item.id}/materials`, { form: fileForm(PDF(kb), fileName) });
  expect(uploaded.status).toBe(201);
}

/** 第1稿 generated from the record, approved by the meeting's chair (定稿). */
async function approveMinutes(meetingId: string, chairToken: string) {
  const versions = `/api/meetings/${meetingId}/minutes/versions`;
  expect((await org.post(versions, { baseVersion: 0, generate: true })).status).toBe(201);
  const approved = await new ApiClient(app.baseUrl).post(`${versions}/1/approve`, {}, { headers: { Authorization: `Bearer ${chairToken}` } });
  expect(approved.status).toBe(200);
}

const section = (testId: string) => page.getByTestId(testId);
const totals = async (testId: string) => ({
  meetings: await section(testId).getByTestId("totals-meetings").textContent(),
  recordings: await section(testId).getByTestId("totals-recordings").textContent(),
  materials: await section(testId).getByTestId("totals-materials").textContent(),
});
const snap = async (name: string, width: number) => {
  await page.setViewportSize({ width, height: width < 600 ? 667 : 768 });
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
  await expectAccessible(page, name);
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
};

describe("the organisers' retention policy in the browser", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const roster = [
      { name: "钟玉", role: "chair" as const },
      { name: "周记", role: "clerk" as const },
      { name: "李明", role: "member" as const, sector: "社区居民" },
    ];
    app = await startApp(TITLE, roster, { now: () => Date.now() + ahead });
    // The sweeps on the server's own schedule stop: the organiser runs it here (立即清理).
    await app.server.retention.close();
    ({ client: org } = await staffClient(app.server, app.baseUrl, "secretariat", "organiser"));

    // The first meeting: a material, 李明's speech and its recording, closed, minutes approved.
    await withMaterial(app.meetingId, MATERIAL, 3);
    const who = async (name: string): Promise<Actor> => {
      const p = (await liveState(app)).roster.find((r) => r.name === name)!;
      return { participantId: p.id, role: p.role };
    };
    const run = async (name: string, command: unknown) => submitTo(app, await who(name), command);
    await run("钟玉", { type: "meeting.open" });
    await run("李明", { type: "queue.request" });
    await run("钟玉", { type: "floor.give", participantId: (await who("李明")).participantId });
    await run("钟玉", { type: "floor.end" });
    const speech = (await liveState(app)).speeches[0]!;
    speechId = speech.speechId;
    const dir = app.server.recorder.dirOf(app.meetingId);
    fs.mkdirSync(dir, { recursive: true });
    const id = randomUUID();
    recordingFile = path.join(dir, `${id}.opus`);
    fs.writeFileSync(recordingFile, AUDIO);
    await new RecordingStore(app.server.db).add({
      id,
      meetingId: app.meetingId,
      speechId,
      participantId: speech.participantId!,
      part: 1,
      file: `${id}.opus`,
      startedAt: new Date(speech.startedAt),
      durationMs: 3000,
      bytes: AUDIO.length,
      status: "ready",
    });
    await run("钟玉", { type: "meeting.close" });
    await approveMinutes(app.meetingId, tokenOf(app.links.get("钟玉")!));

    // Ten days later: the second meeting, its minutes approved today.
    ahead = 10 * DAY;
    expect((await org.login("secretariat")).status).toBe(200); // the session ran out in those ten days
    const later = await app.server.meetings.create(LATER, roster);
    await withMaterial(later.meeting.id, LATER_MATERIAL, 2);
    const chair = later.participants.find((p) => p.role === "chair")!;
    await approveMinutes(later.meeting.id, await app.server.tokens.issue({ participantId: chair.id, meetingId: later.meeting.id, role: "chair" }));

    browser = await launchChromium();
    page = await (await browser.newContext({ ...DESKTOP, locale: "zh-CN" })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the organiser opens 保留策略: no policy set, nothing due, no deletion yet", async () => {
    await signInAsOrganiser(page, app.baseUrl);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "保留策略" }).click();
    await page.getByRole("heading", { name: "保留策略", level: 1 }).waitFor();
    await until(() => textOf(page, "retention-saved-by")).toBe("尚未设置保留策略：录音和会议材料均永久保留。");
    for (const field of ["retention-recordings", "retention-materials"])
      expect(await section(field).getByRole("radio", { name: "永久保留" }).isChecked(), field).toBe(true);
    expect(await textOf(page, "retention-due-none")).toBe("没有到期的文件。");
    expect(await textOf(page, "retention-last-sweep")).toBe("尚未清理");
    expect(await page.getByTestId("retention-sweep").isDisabled()).toBe(true);
    expect(await textOf(page, "retention-upcoming-none")).toBe("没有即将删除的文件。");
    expect(await textOf(page, "retention-deletions-none")).toBe("还没有按保留策略删除过文件。");
    await expectAccessible(page, "retention, nothing set");
  }, 60_000);

  it("录音 0 days and 会议材料 7 days: the preview counts what goes at once; saving asks first, naming the counts", async () => {
    const recordings = section("retention-recordings");
    await recordings.getByRole("radio", { name: "纪要定稿后删除" }).check();
    await recordings.getByRole("spinbutton", { name: "录音 定稿后天数" }).fill("0");
    await until(() => textOf(page, "retention-preview-status")).toBe("按此策略，以下文件将立即到期，在下次清理时删除：");
    expect(await totals("retention-preview-totals")).toEqual({ meetings: "1", recordings: "1（5 KB）", materials: "0（0 B）" });

    // An impossible period is refused on the spot, and nothing is asked of the server for it.
    const materials = section("retention-materials");
    await materials.getByRole("radio", { name: "纪要定稿后删除" }).check();
    const days = materials.getByRole("spinbutton", { name: "会议材料 定稿后天数" });
    await days.fill("4000");
    await until(() => textOf(page, "retention-days-problem")).toBe("天数应为 0 到 3650 之间的整数");
    expect(await days.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("retention-preview").count()).toBe(0);
    await days.fill("7");
    await until(() => totals("retention-preview-totals")).toEqual({ meetings: "1", recordings: "1（5 KB）", materials: "1（3 KB）" });
    await snap("retention-preview-1366-zh.png", 1366);

    await page.getByTestId("retention-save").click();
    const dialog = page.getByRole("dialog", { name: "保存并删除文件？" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("按新策略，1 场会议的录音 1 段（5 KB）、材料 1 份（3 KB）将立即到期");
    await expectAccessible(page, "retention, save confirmation");
    await recordAnnouncements(page);
    await dialog.getByTestId("confirm").click();
    await dialog.waitFor({ state: "detached" });
    await until(async () => (await announcements(page)).map((a) => a.text)).toContain("保留策略已保存");
    await until(() => textOf(page, "retention-saved-by")).toMatch(/^secretariat 于 \d{4}年\d{1,2}月\d{1,2}日 周. \d\d:\d\d 保存$/);
    expect(await page.getByTestId("retention-preview").count()).toBe(0);

    // 到期待删 under the saved policy; the later meeting's material in 即将删除, a week after its approval.
    await until(() => totals("retention-due-totals")).toEqual({ meetings: "1", recordings: "1（5 KB）", materials: "1（3 KB）" });
    const rows = page.getByTestId("retention-upcoming-row");
    await until(() => rows.count()).toBe(1);
    const cells = await rows.first().locator("th, td").allTextContents();
    expect(cells[0]).toBe(LATER);
    expect(cells[2]).toBe("—");
    expect(cells[3]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
    expect(cells.slice(4)).toEqual(["—", "1（2 KB）"]);
    await snap("retention-due-1366-zh.png", 1366);
    await snap("retention-due-375-zh.png", 375);
    await page.setViewportSize(DESKTOP.viewport);
  }, 60_000);

  it("立即清理 (confirmed) deletes the due files and records each: the speaker and part, the material's name, the rule", async () => {
    await page.getByTestId("retention-sweep").click();
    const dialog = page.getByRole("dialog", { name: "立即清理到期文件？" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("将删除 1 场会议的录音 1 段（5 KB）、材料 1 份（3 KB），删除后无法恢复。");
    await recordAnnouncements(page);
    await dialog.getByTestId("confirm").click();
    await dialog.waitFor({ state: "detached" });
    const said = "清理完成：已删除 1 场会议的录音 1 段（5 KB）、材料 1 份（3 KB）。";
    await until(async () => (await announcements(page)).map((a) => a.text)).toContain(said);
    expect(await textOf(page, "retention-sweep-result")).toBe(said);
    await until(() => textOf(page, "retention-due-none")).toBe("没有到期的文件。");
    expect(await page.getByTestId("retention-sweep").isDisabled()).toBe(true);
    expect(await textOf(page, "retention-last-sweep")).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 周. \d\d:\d\d$/);

    const record = page.getByTestId("retention-deletion-row");
    await until(() => record.count()).toBe(2);
    const recording = await record.and(page.locator('[data-kind="recording"]')).locator("th, td").allTextContents();
    expect(recording.slice(1, 5)).toEqual([TITLE, "录音", "李明 第 1 段", "5 KB"]);
    expect(recording[5]).toMatch(/^定稿后 0 天\d{4}年.+ 定稿$/);
    const material = await record.and(page.locator('[data-kind="material"]')).locator("th, td").allTextContents();
    expect(material.slice(1, 5)).toEqual([TITLE, "材料", MATERIAL, "3 KB"]);
    expect(material[5]).toMatch(/^定稿后 7 天/);
    // The later meeting keeps its material until its week is up.
    expect(await page.getByTestId("retention-upcoming-row").count()).toBe(1);
    expect(fs.existsSync(recordingFile)).toBe(false);

    await snap("retention-record-1366-zh.png", 1366);
    await snap("retention-record-375-zh.png", 375);
    await snap("retention-record-1920-zh.png", 1920);
    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { name: "Retention", level: 1 }).waitFor();
    expect(await textOf(page, "retention-saved-by")).toMatch(/^Saved by secretariat on \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d$/);
    expect(await textOf(page, "retention-due-none")).toBe("No file is due.");
    expect(await textOf(page, "retention-sweep-result")).toBe("Clean-up done: deleted 1 recording (5 KB) and 1 material file (3 KB) of 1 meeting.");
    expect(await record.and(page.locator('[data-kind="recording"]')).locator("th").textContent()).toBe("李明 part 1");
    await snap("retention-record-375-en.png", 375);
    await snap("retention-record-1366-en.png", 1366);
    await page.getByTestId("language-switch").click();
  }, 90_000);

  it("the clerk's record of the speech says 录音已按保留策略删除; the list keeps the recording as deleted", async () => {
    const listed = await new ApiClient(app.baseUrl).get(`/api/meetings/${app.meetingId}/recordings`, {
      headers: { Authorization: `Bearer ${tokenOf(app.links.get("周记")!)}` },
    });
    expect(listed.body.recordings.map((r: { status: string }) => r.status)).toEqual(["deleted"]);
    const clerk = await openJoinLink(browser, app.links.get("周记")!, DESKTOP);
    await clerk.getByTestId("clerk-tab-record").click();
    await clerk.locator(`[data-testid="tl-entry"][data-key="speech:${speechId}"]`).click();
    await until(() => textOf(clerk, "recording-deleted")).toBe("录音已按保留策略删除");
    expect(await clerk.getByTestId("entry-detail").getByTestId("recording-play").count()).toBe(0);
    await clerk.close();
  }, 60_000);
});
