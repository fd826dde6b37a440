// End to end in a real Chromium: 同名区分 in a residents' council (社区议事会) where two residents are
// named 张丽, one in 3号楼2单元502 and one in 5号楼1单元301 (a mediation, which takes no vote, tells its
// two 张丽 apart in e2e/mediation.test.ts). Both ask to speak from their phones; the
// chair's queue (1366×768), the attendance list, each phone's own name, the room display (the
// speaker and the next speakers), a named poll's ballot check and the DOCX minutes draft,
// downloaded through the API and read with jszip, all say 张丽（502室） and 张丽（301室）, never a
// bare 张丽 for either of them.
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { joinUrl } from "../server/src/links/urls.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openDisplay, openJoinLink, SHOTS, until } from "./support/page.ts";
import { liveState } from "./support/room.ts";
import { openMeetingAsChair } from "./support/chair.ts";

const EAST = "张丽（502室）";
const WEST = "张丽（301室）";

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
let east: Page;
let west: Page;
let display: Page;
const tokens = new Map<string, string>();

const queueTexts = (page: Page) => page.getByTestId("queue-item").allTextContents();
/** The person's own join link, by household (the names are the same). */
async function openResident(household: string): Promise<Page> {
  const person = (await liveState(app)).roster.find((p) => p.household === household)!;
  return openJoinLink(browser, joinUrl(app.baseUrl, tokens.get(person.id)!), PHONE);
}

describe("two residents named 张丽 in a residents' council, told apart everywhere", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("邻里噪音议事会（端到端测试：同名区分）", [
      { name: "诸葛明", role: "chair", unit: "社区居委会" },
      { name: "张丽", role: "member", household: "3号楼2单元502" },
      { name: "张丽", role: "member", household: "5号楼1单元301" },
      { name: "记录员", role: "clerk" },
    ]);
    await app.server.db.meeting.update({ where: { id: app.meetingId }, data: { kind: "community" } });
    for (const p of (await liveState(app)).roster) {
      tokens.set(p.id, await app.server.tokens.issue({ participantId: p.id, meetingId: app.meetingId, role: p.role }));
    }
    browser = await launchChromium();
    chair = await openJoinLink(browser, app.links.get("诸葛明")!, DESKTOP);
    east = await openResident("3号楼2单元502");
    west = await openResident("5号楼1单元301");
    display = await openDisplay(browser, app);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("each resident's phone names her with her own suffix", async () => {
    await until(async () => (await east.getByTestId("me").textContent()) ?? "").toContain(EAST);
    await until(async () => (await west.getByTestId("me").textContent()) ?? "").toContain(WEST);
  });

  it("both ask to speak: the chair's queue and attendance show 张丽（502室） and 张丽（301室） apart", async () => {
    await openMeetingAsChair(chair);
    await east.getByTestId("request-floor").click();
    await until(() => queueTexts(chair)).toHaveLength(1);
    await west.getByTestId("request-floor").click();
    await until(() => queueTexts(chair)).toEqual([expect.stringContaining(EAST), expect.stringContaining(WEST)]);
    // The members' read-only queue names them the same way.
    await until(() => queueTexts(west)).toEqual([expect.stringContaining(EAST), expect.stringContaining(WEST)]);
    const attendance = await chair.getByTestId("attendance-row").allTextContents();
    expect(attendance.filter((row) => row.includes("张丽"))).toEqual([expect.stringContaining(EAST), expect.stringContaining(WEST)]);
    await chair.getByTestId("queue").scrollIntoViewIfNeeded();
    await chair.screenshot({ path: path.join(SHOTS, "same-names-chair-queue-1366.png") });
  });

  it("the room display shows the speaker with her suffix, and the next one with hers", async () => {
    await until(() => display.getByTestId("display-next").textContent()).toContain(EAST);
    await chair.getByTestId("give-floor").first().click();
    await until(() => display.getByTestId("display-speaker").textContent()).toBe(EAST);
    await until(() => display.getByTestId("display-next").textContent()).toContain(WEST);
    await until(() => chair.getByTestId("speaker-name").textContent()).toBe(EAST);
    await display.screenshot({ path: path.join(SHOTS, "same-names-display-1920.png") });

    await chair.getByTestId("end-speech").click();
    await chair.getByTestId("confirm-end-speech-confirm").click();
    await until(() => queueTexts(chair)).toEqual([expect.stringContaining(WEST)]);
    await chair.getByTestId("give-floor").first().click();
    await until(() => display.getByTestId("display-speaker").textContent()).toBe(WEST);
    await until(() => east.getByTestId("speaker-name").textContent()).toBe(WEST);
    await chair.getByTestId("end-speech").click();
    await chair.getByTestId("confirm-end-speech-confirm").click();
    await until(() => chair.getByTestId("speaker-name").textContent()).toBe("暂无发言");
  });

  it("a named poll's check (核对选票) lists each voter apart with her choice", async () => {
    await chair.getByTestId("poll-new").click();
    await chair.getByTestId("poll-title").fill("同意工作日晚九点后不练琴");
    await chair.getByTestId("poll-form-consent").check();
    await chair.getByTestId("poll-rule-percent").uncheck();
    await chair.getByTestId("poll-rule-majorityOfCast").check();
    await chair.getByTestId("poll-named").check();
    await chair.getByTestId("poll-create-submit").click();
    await chair.getByTestId("poll-open").click();
    for (const [page, option] of [
      [east, "agree"],
      [west, "disagree"],
    ] as const) {
      await page.locator(`[data-testid="ballot-option"][data-option="${option}"]`).click();
      await page.getByTestId("ballot-submit").click();
      await until(async () => (await page.getByTestId("poll-voted").textContent()) ?? "").toContain("已投票");
    }
    await chair.getByTestId("poll-close").click();
    await chair.getByTestId("confirm-close-poll-confirm").click();
    await chair.getByTestId("poll-publish").click();
    const published = chair.locator('[data-testid="poll-item"][data-status="published"]').first();
    await published.getByTestId("poll-audit").click();
    await published.getByTestId("poll-audit-voters").locator("summary").click();
    await until(() => published.getByTestId("poll-audit-voter").allTextContents()).toEqual(expect.arrayContaining([`${EAST}：同意`, `${WEST}：不同意`]));
    await published.getByTestId("poll-audit-voters").scrollIntoViewIfNeeded();
    await chair.screenshot({ path: path.join(SHOTS, "same-names-poll-audit-1366.png") });
  });

  it("the DOCX minutes draft names both speakers apart", async () => {
    const chairId = (await liveState(app)).roster.find((p) => p.role === "chair")!.id;
    const res = await fetch(`${app.baseUrl}/api/meetings/${app.meetingId}/minutes/draft.docx`, { headers: { Authorization: `Bearer ${tokens.get(chairId)}` } });
    expect(res.status).toBe(200);
    const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file("word/document.xml")!.async("string");
    expect(xml).toContain(`>${EAST}</w:t>`);
    expect(xml).toContain(`>${WEST}</w:t>`);
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text.replaceAll(EAST, "").replaceAll(WEST, "")).not.toMatch(/张丽(?!（)/);
  });
});
