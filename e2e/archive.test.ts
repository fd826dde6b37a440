// End to end in a real Chromium: the organisers' archive (会议档案). Two meetings are run through
// their rooms: the clerk's summary and a suggestion about 加装电梯 in one, a summary about 物业费
// and 电梯 in the other, which is then archived. The organiser logs in, finds both meetings in
// the list (the archived one too, with its kind and date), searches the two-character 电梯 (both
// meetings, grouped, the kind of each hit and the match marked), the three-character 物业费 (only
// the archived meeting), follows a hit to its meeting, and is told clearly when a query is empty,
// has no letters, or finds nothing.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Actor } from "../core/roles.ts";
import type { RosterEntry } from "../core/config/schema.ts";
import { createStaff, STAFF_PASSWORD, staffClient } from "../testing/server/api.ts";
import { DESKTOP, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { SHOTS, until } from "./support/page.ts";
import { submitTo } from "./support/room.ts";

const ELEVATOR = "区政协“老旧小区改造”专题协商会（端到端测试：档案）";
const PROPERTY = "社区物业服务议事会（端到端测试：档案）";

let app: AppUnderTest;
let browser: Browser;
let page: Page;
let propertyId: string;

/** Runs a short meeting: the member speaks, the clerk summarizes (and captures a suggestion). */
async function runMeeting(
  meetingId: string,
  roster: RosterEntry[],
  summary: string,
  suggestion?: { title: string; text: string; topic: string; department: string },
) {
  const room = await app.server.rooms.get(meetingId);
  const who = (role: string): Actor => {
    const p = roster.find((r) => r.role === role)!;
    return { participantId: p.id, role: p.role };
  };
  const submit = (actor: Actor, input: unknown) => submitTo(app, actor, input, meetingId);
  const chair = who("chair");
  const clerk = who("clerk");
  const member = who("member");
  await submit(chair, { type: "meeting.open" });
  await submit(member, { type: "queue.request" });
  await submit(chair, { type: "floor.give", participantId: member.participantId });
  await submit(chair, { type: "floor.end" });
  const entry = { kind: "speech", id: room.current.speeches[0]!.speechId };
  await submit(clerk, { type: "record.summarize", entry, text: summary, baseVersion: 0 });
  if (suggestion) await submit(clerk, { type: "record.captureSuggestion", entry, suggestion });
  await submit(chair, { type: "meeting.close" });
  // The index follows the log after a short debounce (beforeAll: no expect.poll there).
  for (let waited = 0; (await app.server.db.archiveIndexState.findUnique({ where: { meetingId } }))?.seq !== room.current.seq; waited += 50) {
    if (waited > 10_000) throw new Error(`meeting ${meetingId} was not indexed`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const search = async (q: string) => {
  await page.getByTestId("archive-query").fill(q);
  await page.getByTestId("archive-search").click();
};
const hitsOf = (meetingId: string) => page.locator(`[data-testid="archive-meeting"][data-meeting-id="${meetingId}"] [data-testid="archive-hit"]`);

describe("the organisers' archive in the browser", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const roster = [
      { name: "钟玉", role: "chair" as const },
      { name: "文书", role: "clerk" as const },
      { name: "袁海霞", role: "member" as const, sector: "经济界" },
    ];
    app = await startApp(ELEVATOR, roster, { archiveDebounceMs: 50 });
    await runMeeting(app.meetingId, (await app.server.rooms.get(app.meetingId)).current.roster, "建议老旧小区加装电梯，设立专项资金", {
      title: "简化加装电梯审批",
      text: "住建、规划部门联合审批，一窗受理。",
      topic: "城市更新",
      department: "区住房城乡建设委",
    });
    const property = await app.server.meetings.create(PROPERTY, roster);
    propertyId = property.meeting.id;
    const { client: org } = await staffClient(app.server, app.baseUrl, "archivist", "organiser");
    expect((await org.patch(`/api/meetings/${propertyId}`, { kind: "community" })).status).toBe(200);
    await runMeeting(propertyId, (await app.server.rooms.get(propertyId)).current.roster, "建议公开物业费收支，电梯维修资金专款专用");
    expect((await org.post(`/api/meetings/${propertyId}/archive`, { archived: true })).status).toBe(200);
    await createStaff(app.server, "secretariat", "organiser");
    browser = await launchChromium();
    page = await (await browser.newContext({ ...DESKTOP, locale: "zh-CN" })).newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the organiser logs in and opens 会议档案: every meeting, the archived one too, with date, kind and title", async () => {
    await page.goto(`${app.baseUrl}/admin/login`);
    await page.getByLabel("用户名").fill("secretariat");
    await page.getByLabel("密码").fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("create-meeting").waitFor();
    await page.getByRole("link", { name: "会议档案" }).click();
    await page.getByRole("heading", { name: "会议档案", level: 1 }).waitFor();
    const rows = page.getByTestId("archive-meeting-row");
    await until(() => rows.count()).toBe(2);
    const texts = await rows.allTextContents();
    const property = texts.find((t) => t.includes(PROPERTY))!;
    expect(property).toContain("社区议事会");
    expect(property).toContain("已归档");
    expect(property).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(texts.find((t) => t.includes(ELEVATOR))).toContain("协商座谈会");
  }, 60_000);

  it("电梯 (two characters): hits in both meetings, grouped, with their kind and the match marked", async () => {
    await search("电梯");
    await page.getByTestId("archive-results").waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("电梯");
    expect(await page.getByTestId("archive-meeting").count()).toBe(2);
    expect(await page.getByTestId("archive-results").getByRole("heading", { level: 2 }).textContent()).toMatch(/^“电梯”：共 \d+ 条结果，涉及 2 场会议$/);
    // The summary, the suggestion and the minutes draft's section that quotes them.
    const elevator = hitsOf(app.meetingId);
    expect(new Set(await elevator.getByTestId("archive-hit-kind").allTextContents())).toEqual(new Set(["发言要点", "意见建议", "会议纪要"]));
    const summary = elevator.filter({ has: page.getByText("发言要点", { exact: true }) });
    expect(await summary.getByTestId("archive-snippet").textContent()).toBe("建议老旧小区加装电梯，设立专项资金");
    expect(await summary.locator("mark").allTextContents()).toEqual(["电梯"]);
    expect(await summary.textContent()).toContain("发言人：袁海霞");
    expect(new Set(await hitsOf(propertyId).locator("mark").allTextContents())).toEqual(new Set(["电梯"]));
    await page.screenshot({ path: path.join(SHOTS, "archive-search-1366.png"), fullPage: true });
  }, 60_000);

  it("物业费 (three characters): only the archived meeting; its link opens the meeting", async () => {
    await search("物业费");
    await until(() => page.getByTestId("archive-meeting").count()).toBe(1);
    const hits = hitsOf(propertyId);
    expect(new Set(await hits.locator("mark").allTextContents())).toEqual(new Set(["物业费"]));
    expect(new Set(await hits.getByTestId("archive-hit-kind").allTextContents())).toEqual(new Set(["发言要点", "会议纪要"]));
    await page.getByTestId("archive-meeting-link").click();
    await until(() => new URL(page.url()).pathname).toBe(`/admin/meetings/${propertyId}`);
    await page.goBack();
    await until(() => page.getByTestId("archive-query").inputValue()).toBe("物业费");
  }, 60_000);

  it("an empty query or one without letters gets the server's reason; a word found nowhere says so", async () => {
    await search("   ");
    await until(() => page.getByTestId("archive-query-problem").textContent()).toBe("无法检索：检索词应为 1–50 个字符");
    expect(await page.getByTestId("archive-results").count()).toBe(0);
    await search("，。！");
    await until(() => page.getByTestId("archive-query-problem").textContent()).toBe("无法检索：检索词须含汉字、字母或数字");
    await search("火箭");
    await until(() => page.getByTestId("archive-no-results").textContent()).toContain("未找到与“火箭”相关的内容");
    expect(await page.getByTestId("archive-query-problem").count()).toBe(0);
    // The meetings stay listed below whatever the search says.
    expect(await page.getByTestId("archive-meeting-row").count()).toBe(2);
  }, 60_000);
});
