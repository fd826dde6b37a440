// End to end in a real Chromium at the chair's size (1366×768): the clerk's minutes editor shows
// one toolbar (not one per block) that acts on the block being edited and stays in view while
// scrolling; the chair's review dialog fits the 768 px screen (the document scrolls inside it);
// before approving, the chair is shown the speeches and the response that still have no summary
// and approves only after confirming. The generated draft's response line without a summary has
// no placeholder. Screenshots: test-results/screenshots/minutes-*-1366.png.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import type { Actor } from "../core/roles.ts";
import type { Command } from "../core/meeting.ts";
import { staffClient, type ApiClient } from "../testing/server/api.ts";
import { launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openJoinLink, shot, SHOTS, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";
import { RecordingStore } from "../server/src/media/recording/recordingStore.ts";

const TITLE = "区政协专题协商会（端到端测试：纪要审定）";
const SUMMARY = "建议将加装电梯补贴纳入年度民生实事项目。";

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
let clerk: Page;
let ids: Record<string, string>;
let org: ApiClient;

const submit = (actor: Actor, command: Command) => submitTo(app, actor, command);
const as = (name: string, role: Actor["role"]): Actor => ({ participantId: ids[name]!, role });

/** The element is inside the viewport and is what the browser hits at its centre (not covered). */
async function visible(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (el === hit || el.contains(hit));
  });
}

describe("minutes: one editor toolbar, a review dialog within 768 px, missing summaries before approval", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      { name: "袁海霞", role: "member", sector: "经济界" },
      { name: "李明", role: "member", sector: "科技界" },
      { name: "周静", role: "member", sector: "教育界" },
      { name: "刘建国", role: "official", unit: "区住建委" },
    ]);
    browser = await launchChromium();
    org = (await staffClient(app.server, app.baseUrl, "secretariat", "organiser")).client;
    ids = Object.fromEntries((await liveState(app)).roster.map((p) => [p.name, p.id]));
    expect((await org.post(`/api/meetings/${app.meetingId}/agenda`, { title: "老旧小区加装电梯", plannedMinutes: 30 })).status).toBe(201);

    // A meeting with three speeches (one summarized) and an official's response nobody summarized.
    const chairActor = as("钟玉", "chair");
    await submit(as("文书", "clerk"), { type: "attendance.arrive", participantIds: ["袁海霞", "李明", "周静", "刘建国"].map((n) => ids[n]!), via: "clerk" });
    await submit(chairActor, { type: "meeting.open" });
    for (const name of ["袁海霞", "李明", "周静"]) {
      await submit(as(name, "member"), { type: "queue.request" });
      await submit(chairActor, { type: "floor.give", participantId: ids[name]! });
      if (name === "袁海霞") {
        await submit(as("刘建国", "official"), { type: "interjection.request" });
        const requestId = (await liveState(app)).interjectionRequests[0]!.requestId;
        await submit(chairActor, { type: "interjection.grant", requestId });
        await new Promise((resolve) => setTimeout(resolve, 1100));
        await submit(as("刘建国", "official"), { type: "interjection.end" });
      }
      await submit(chairActor, { type: "floor.end" });
    }
    const state = await liveState(app);
    await submit(as("文书", "clerk"), { type: "record.summarize", entry: { kind: "speech", id: state.speeches[0]!.speechId }, text: SUMMARY, baseVersion: 0 });
    // 袁海霞's speech has its one recording (stored as the recorder stores it; no media server here).
    const first = state.speeches[0]!;
    const file = `${randomUUID()}.opus`;
    fs.mkdirSync(app.server.recorder.dirOf(app.meetingId), { recursive: true });
    fs.writeFileSync(path.join(app.server.recorder.dirOf(app.meetingId), file), Buffer.from("OggS"));
    await new RecordingStore(app.server.db).add({
      id: randomUUID(),
      meetingId: app.meetingId,
      speechId: first.speechId,
      participantId: first.participantId,
      part: 1,
      file,
      startedAt: new Date(first.startedAt),
      durationMs: first.durationMs + 1500,
      bytes: 4,
      status: "ready",
    });
    // 第1稿 from the record, then 第2稿 with one line changed, so the chair's dialog also has 差异.
    const generated = await org.post(`/api/meetings/${app.meetingId}/minutes/versions`, { generate: true, baseVersion: 0 });
    expect(generated.status).toBe(201);
    chair = await openJoinLink(browser, app.links.get("钟玉")!);
    clerk = await openJoinLink(browser, app.links.get("文书")!);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the draft's response line without a summary has no placeholder", async () => {
    const md = await org.get(`/api/meetings/${app.meetingId}/minutes/versions/1.md`);
    expect(md.status).toBe(200);
    const text = md.bytes.toString("utf8");
    const response = text.split("\n").find((line) => line.trim().startsWith("- 插话回应"));
    expect(response).toMatch(/插话回应：\*\*刘建国\*\*（区住建委）作出回应（\d\d:\d\d，未标注）。$/);
  });

  it("the chair's speech record shows one recording for the speech with the interjection marked in it", async () => {
    const row = chair.getByTestId("record-row").filter({ hasText: "袁海霞" });
    await until(() => row.getByTestId("recording-play").count()).toBe(1);
    expect(await row.getByTestId("recording-play").textContent()).toBe("▶ 发言录音");
    expect(await row.getByTestId("recording-markers").locator("li").allTextContents()).toEqual(["刘建国插话 0:00–0:01"]);
    expect(await row.getByTestId("recording-markers").locator("li").getAttribute("data-kind")).toBe("interjection");
    await row.getByTestId("recording-markers").scrollIntoViewIfNeeded();
    expect(await visible(row.getByTestId("recording-markers"))).toBe(true);
    await shot(chair, "recording-markers-chair-1366.png");
  });

  it("the clerk's editor has one toolbar, acting on the block being edited and staying in view", async () => {
    await clerk.getByTestId("clerk-tab-minutes").click();
    await until(() => clerk.getByTestId("minutes-block").count()).toBeGreaterThan(10);
    const blocks = await clerk.getByTestId("minutes-block").count();
    expect(await clerk.getByTestId("minutes-toolbar").count()).toBe(1);
    expect(await clerk.getByTestId("minutes-block-kind").count()).toBe(1);
    expect(await clerk.getByTestId("minutes-block-add").count()).toBe(1);
    expect(await clerk.getByTestId("minutes-block-bold").count()).toBe(1);
    expect(blocks).toBeGreaterThan(10);

    // Working in a block further down makes the toolbar act on it.
    const target = clerk.getByTestId("minutes-block-text").filter({ hasText: SUMMARY });
    await target.click();
    const n = 1 + (await clerk.getByTestId("minutes-block").evaluateAll((rows) => rows.findIndex((r) => r.textContent?.includes("建议将加装电梯补贴"))));
    await until(() => clerk.getByTestId("minutes-toolbar").getAttribute("data-current")).toBe(String(n));
    expect(await clerk.getByTestId("minutes-block-kind").inputValue()).toBe("entry");
    expect(
      await clerk
        .getByTestId("minutes-toolbar")
        .getByRole("button", { name: `在第${n}段下方添加一段` })
        .count(),
    ).toBe(1);
    expect(await visible(clerk.getByTestId("minutes-toolbar"))).toBe(true);
    expect(await visible(target)).toBe(true);
    await shot(clerk, "minutes-editor-toolbar-1366.png");

    // Bold from the toolbar applies to the selection in that block.
    await clerk.keyboard.press("End");
    await clerk.keyboard.type("（重点）");
    for (let i = 0; i < 4; i++) await clerk.keyboard.press("Shift+ArrowLeft");
    await clerk.getByTestId("minutes-block-bold").click();
    expect(await target.locator("b, strong").last().textContent()).toBe("（重点）");

    // The last block: the toolbar is still in view above it.
    const last = clerk.getByTestId("minutes-block-text").last();
    await last.scrollIntoViewIfNeeded();
    await last.click();
    await until(() => clerk.getByTestId("minutes-toolbar").getAttribute("data-current")).toBe(String(blocks));
    expect(await visible(clerk.getByTestId("minutes-toolbar"))).toBe(true);
    // Below the page's top bar, not over it.
    const bar = (await clerk.locator(".top-bar").boundingBox())!;
    expect((await clerk.getByTestId("minutes-toolbar").boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
    expect(await visible(clerk.locator(".top-bar h1"))).toBe(true);
    await shot(clerk, "minutes-editor-toolbar-scrolled-1366.png");
    await clerk.getByTestId("minutes-note").fill("加粗重点");
    await clerk.getByTestId("minutes-save").click();
    await until(() => clerk.locator('[data-testid="minutes-version"][data-number="2"]').count()).toBe(1);
  }, 120_000);

  it("the chair's review dialog fits 768 px: the document scrolls inside, the buttons stay visible", async () => {
    await until(() => textOf(chair, "minutes-chair-status")).toBe("最新为第2稿，待审定");
    await chair.getByTestId("minutes-chair-open").click();
    const dialog = chair.getByTestId("minutes-chair-dialog");
    await dialog.waitFor();
    await until(() => chair.getByTestId("minutes-chair-dialog").locator(".minutes-document, .minutes-dialog-body p").count()).toBeGreaterThan(0);
    const box = (await dialog.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    // The document is longer than the room it has: it scrolls inside the dialog.
    const body = dialog.locator(".minutes-dialog-body");
    expect(await body.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    for (const id of ["minutes-approve", "minutes-chair-close", "minutes-chair-version"]) expect(await visible(chair.getByTestId(id))).toBe(true);
    await shot(chair, "minutes-review-dialog-1366.png");
    await chair.getByTestId("minutes-chair-changes").click();
    expect(await visible(chair.getByTestId("minutes-chair-close"))).toBe(true);
    expect((await dialog.boundingBox())!.height).toBeLessThanOrEqual(768);
  }, 60_000);

  it("before approving, the chair sees which speeches and responses have no summary and confirms", async () => {
    await chair.getByTestId("minutes-approve").click();
    const confirm = chair.getByTestId("minutes-approve-dialog");
    await confirm.waitFor();
    await until(() => chair.getByTestId("minutes-missing-item").count()).toBe(3);
    const items = await chair.getByTestId("minutes-missing-item").allTextContents();
    expect(items[0]).toMatch(/^插话回应：刘建国（区住建委）作出回应/);
    expect(items[1]).toMatch(/^发言：李明（科技界）：即席发言/);
    expect(items[2]).toMatch(/^发言：周静（教育界）：即席发言/);
    expect(await textOf(chair, "minutes-missing")).toContain("以下 3 处尚无发言要点");
    expect(await textOf(chair, "minutes-approve-confirm")).toBe("仍然审定");
    expect(await visible(chair.getByTestId("minutes-approve-confirm"))).toBe(true);
    expect((await confirm.boundingBox())!.height).toBeLessThanOrEqual(768);
    await shot(chair, "minutes-approve-missing-1366.png");
    await chair.getByTestId("minutes-approve-confirm").click();
    await until(() => chair.getByTestId("minutes-chair-dialog").getByTestId("minutes-approved").count()).toBe(1);
  }, 60_000);
});
