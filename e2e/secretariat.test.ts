// End to end in a real Chromium (1366×768): the secretariat's part of issue 19. The admin list
// shows the running meeting under 进行中 first, and the organiser enters it as chair from there
// without being on the roster (a short-lived staff link: not counted present). The clerk's
// 承办单位 picker offers the ledger's departments, not an official's title. With the clerk's
// browser in New York, the record and the minutes show the same moment in the meeting's zone
// (Beijing), the record naming it.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Actor } from "../core/roles.ts";
import type { Command } from "../core/meeting.ts";
import { zonedParts } from "../core/time/meetingTime.ts";
import { STAFF_PASSWORD, staffClient, type ApiClient } from "../testing/server/api.ts";
import { DESKTOP, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { shot, SHOTS, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";

const TITLE = "区政协专题协商会（端到端测试：会务）";
const DEPARTMENTS = ["区教育局", "区住房和城乡建设委员会"];
const OFFICIAL_TITLE = "区住建委主任";

let app: AppUnderTest;
let browser: Browser;
let org: ApiClient;
let ids: Record<string, string>;

const submit = (actor: Actor, command: Command) => submitTo(app, actor, command);
const live = () => liveState(app);
const as = (name: string, role: Actor["role"]): Actor => ({ participantId: ids[name]!, role });
const pad = (n: number) => String(n).padStart(2, "0");

/** The organiser logs in to the admin app, which opens on the meetings list. */
async function logIn(admin: Page): Promise<void> {
  await admin.goto(`${app.baseUrl}/admin/login`);
  await admin.getByLabel("用户名").fill("secretariat");
  await admin.getByLabel("密码").fill(STAFF_PASSWORD);
  await admin.getByRole("button", { name: "登录" }).click();
  await admin.getByTestId("meetings-live").waitFor();
}

/** Whether the element is inside the viewport and is what a click at its centre hits. */
const visibleAndUncovered = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .first()
    .evaluate((e) => {
      const r = e.getBoundingClientRect();
      const inViewport = r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight && r.width > 0 && r.height > 0;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return inViewport && hit !== null && (hit === e || e.contains(hit));
    });

describe("the secretariat: live meetings first, entering as staff, departments, times in the meeting's zone", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      { name: "袁海霞", role: "member", sector: "经济界" },
      { name: "王建国", role: "official", unit: OFFICIAL_TITLE },
    ]);
    browser = await launchChromium();
    org = (await staffClient(app.server, app.baseUrl, "secretariat", "organiser")).client;
    for (const name of DEPARTMENTS) expect((await org.post("/api/ledger/departments", { name })).status).toBe(201);
    // Another meeting, still to come: listed after the running one.
    const later = await org.post("/api/meetings", { title: "下月的协商会", startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    expect(later.status).toBe(201);
    ids = Object.fromEntries((await live()).roster.map((p) => [p.name, p.id]));
    await submit(as("钟玉", "chair"), { type: "meeting.open" });
    await submit(as("袁海霞", "member"), { type: "queue.request" });
    await submit(as("钟玉", "chair"), { type: "floor.give", participantId: ids["袁海霞"]! });
    await submit(as("钟玉", "chair"), { type: "floor.end" });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the admin list shows the running meeting under 进行中 first; the organiser enters it as chair without a roster entry", async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: "zh-CN" });
    const admin = await context.newPage();
    await logIn(admin);
    // 进行中 is the first group, with the running meeting; the other meeting is 即将召开.
    const groups = await admin.locator(".meeting-group").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
    expect(groups[0]).toBe("meetings-live");
    expect(await textOf(admin, "meetings-live")).toContain(TITLE);
    expect(await admin.getByTestId("meetings-live").textContent()).toContain("进行中");
    expect(await admin.getByTestId("meetings-upcoming").textContent()).toContain("下月的协商会");
    expect(await admin.getByTestId("meetings-upcoming").textContent()).not.toContain(TITLE);
    expect(await admin.getByTestId("enter-role").locator("option").allTextContents()).toEqual(["主持人", "记录员", "旁听"]);
    expect(await visibleAndUncovered(admin, "enter-meeting")).toBe(true);
    await shot(admin, "admin-meetings-live-1366.png");

    await admin.getByTestId("enter-role").selectOption("chair");
    await admin.getByTestId("enter-meeting").click();
    await admin.getByTestId("me").waitFor({ timeout: 30_000 });
    expect(new URL(admin.url()).pathname).toBe("/meeting");
    expect(await textOf(admin, "me")).toContain("secretariat");
    expect(await visibleAndUncovered(admin, "me")).toBe(true);
    await shot(admin, "admin-entered-as-chair-1366.png");
    // Not on the roster, not counted present.
    const state = await live();
    expect(state.roster.some((p) => p.id.startsWith("staff:"))).toBe(false);
    expect(Object.keys(state.attendance).some((id) => id.startsWith("staff:"))).toBe(false);
    await context.close();
  }, 120_000);

  it("with the browser in New York, the record offers the ledger's departments and shows the speech at the minutes' time, in Beijing time", async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: "zh-CN", timezoneId: "America/New_York" });
    const clerk = await context.newPage();
    await clerk.goto(app.links.get("文书")!);
    await clerk.getByTestId("me").waitFor();
    expect(await clerk.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("America/New_York");

    const speech = (await live()).speeches[0]!;
    const beijing = zonedParts(speech.startedAt, "Asia/Shanghai");
    const newYork = zonedParts(speech.startedAt, "America/New_York");
    const hhmm = `${pad(beijing.hour)}:${pad(beijing.minute)}`;
    expect(hhmm).not.toBe(`${pad(newYork.hour)}:${pad(newYork.minute)}`);

    await clerk.getByTestId("clerk-tab-record").click();
    await clerk.getByTestId("record-workspace").waitFor();
    const entry = clerk.locator(`[data-testid="tl-entry"][data-key="speech:${speech.speechId}"]`);
    await entry.waitFor();
    // The timeline's column has the time; its heading names the zone once; the entry's detail names it with each time.
    expect((await entry.locator(".tl-time").textContent())?.trim()).toBe(`${hhmm}:${pad(beijing.second)}`);
    expect(await textOf(clerk, "tl-zone")).toBe("（北京时间）");
    await entry.click();
    await until(() => clerk.getByTestId("record-workspace").textContent()).toContain(`开始${hhmm}:${pad(beijing.second)}（北京时间）`);

    // 承办单位: the ledger's departments, not the official's title.
    await clerk.getByTestId("suggestion-add").click();
    const offered = await clerk.locator("#note-departments option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining(DEPARTMENTS));
    expect(offered).not.toContain(OFFICIAL_TITLE);
    await clerk.getByTestId("suggestion-title-input").fill("加强课后服务");
    await clerk.getByTestId("suggestion-department-input").fill("区");
    await clerk.getByTestId("suggestion-department-input").focus();
    expect(await visibleAndUncovered(clerk, "suggestion-department-input")).toBe(true);
    await shot(clerk, "record-department-picker-1366.png");
    await clerk.getByTestId("suggestion-department-input").fill(DEPARTMENTS[0]!);
    await clerk.getByTestId("suggestion-save").click();
    await until(() => clerk.getByTestId("suggestion").count()).toBe(1);
    await shot(clerk, "record-time-new-york-1366.png");

    // The minutes say the same time (a document: the zone is the meeting's, not named).
    await clerk.getByTestId("clerk-tab-minutes").click();
    await until(() => clerk.getByTestId("minutes-empty").count()).toBe(1);
    await clerk.getByTestId("minutes-generate").click();
    const line = clerk.getByTestId("minutes-block-text").filter({ hasText: "时长" }).first();
    await line.waitFor();
    expect(await line.textContent()).toContain(hhmm);
    await line.scrollIntoViewIfNeeded();
    await shot(clerk, "minutes-time-new-york-1366.png");
    await context.close();
  }, 180_000);

  it("the organiser sets the meeting's time zone in the admin app; the record then shows Berlin time, named, and the minutes say it too", async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: "zh-CN", timezoneId: "America/New_York" });
    const admin = await context.newPage();
    await logIn(admin);
    await admin.goto(`${app.baseUrl}/admin/meetings/${app.meetingId}/info`);
    const zone = admin.locator('select[name="timeZone"]');
    await zone.waitFor();
    expect(await zone.inputValue()).toBe("Asia/Shanghai");
    // China's zone first, named for people; the browser's own zone is offered too.
    expect((await zone.locator("option").first().textContent())?.startsWith("北京时间")).toBe(true);
    expect(await zone.locator('option[value="America/New_York"]').count()).toBe(1);
    await zone.selectOption("Europe/Berlin");
    await admin.getByTestId("save-meeting").click();
    await until(() => live().then((s) => s.timeZone)).toBe("Europe/Berlin");
    await zone.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await shot(admin, "admin-time-zone-1366.png");

    const clerk = await context.newPage();
    await clerk.goto(app.links.get("文书")!);
    await clerk.getByTestId("me").waitFor();
    const speech = (await live()).speeches[0]!;
    const berlin = zonedParts(speech.startedAt, "Europe/Berlin");
    const hhmm = `${pad(berlin.hour)}:${pad(berlin.minute)}`;
    await clerk.getByTestId("clerk-tab-record").click();
    const entry = clerk.locator(`[data-testid="tl-entry"][data-key="speech:${speech.speechId}"]`);
    await entry.waitFor();
    expect((await entry.locator(".tl-time").textContent())?.trim()).toBe(`${hhmm}:${pad(berlin.second)}`);
    expect(await textOf(clerk, "tl-zone")).toMatch(/^（UTC\+[12]）$/);
    await clerk.getByTestId("clerk-tab-minutes").click();
    // A new draft from the record: the minutes' times follow the meeting's zone.
    await clerk.getByTestId("minutes-generate").click();
    await until(() => clerk.getByTestId("minutes-block-text").filter({ hasText: "时长" }).first().textContent()).toContain(hhmm);
    await context.close();
  }, 180_000);
});
