// End to end in a real Chromium, on the real server, without media: the plenary chair's side of
// 分组讨论 (issue 26). The organisers plan by 界别 on the meeting's page (one group per sector, the
// clerk moved out of 其他, a place); the chair names each group's clerk and moves a member in the
// console, opens the meeting and the groups, sees the live board, sends a notice (the clerk's phone
// at 375 px sees it), looks into a group in a new tab, calls everyone back in 5 minutes (the
// countdown), ends at once, reads the reports' state and calls the conveners to report. A stale
// organisers' page saving while the groups sit gets the server's message. In one group's meeting a
// member speaks and the group's clerk saves the report: the board shows the speaker with her clock and
// the report's version, and the reports after the close show it. Screenshots at 1366 and
// 1920, Chinese and English, and the clerk's at 375, go to YST_GROUPS_CHAIR_SHOTS
// (default test-results/screenshots/groupsChair).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createStaff } from "../testing/server/api.ts";
import { signInAsOrganiser } from "./support/admin.ts";
import { expectAccessible } from "./support/a11y.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openMeetingAsChair } from "./support/chair.ts";
import { openJoinLink, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";

const SHOTS = process.env.YST_GROUPS_CHAIR_SHOTS ?? path.join(import.meta.dirname, "../test-results/screenshots/groupsChair");
const TITLE = "区政协全体会议";

let app: AppUnderTest;
let browser: Browser;

const open = (name: string, device: typeof PHONE | typeof DESKTOP): Promise<Page> => openJoinLink(browser, app.links.get(name)!, device);
/**
 * A screenshot for review, and the screen checked as shown (issue 27): no serious or critical WCAG
 * 2.1 AA violation (axe) and no structure problem. Soft: every screen of a test reports.
 */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: false });
  await expectAccessible(page, name);
}
const idOf = async (name: string) => (await liveState(app)).roster.find((p) => p.name === name)!.id;
const texts = (page: Page, testId: string) => page.getByTestId(testId).allTextContents();
const groupTitles = (page: Page) => texts(page, "plan-group-title");
const groupCounts = (page: Page) => texts(page, "plan-group-count");

/** The planner's mover: find the person, choose the target group by its label, move. */
async function move(page: Page, person: string, target: string): Promise<void> {
  await page.getByTestId("plan-move-search").fill(person);
  const select = page.getByTestId("plan-move-person");
  await until(() => select.locator("option").count()).toBe(2);
  await select.selectOption({ index: 1 });
  await page.getByTestId("plan-move-target").selectOption({ label: target });
  await page.getByTestId("plan-move").click();
  await page.getByTestId("plan-move-search").fill("");
}

/** Nothing goes past the phone's width. */
async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

describe("分组讨论: the plenary chair's side", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, [
      { name: "李主席", role: "chair" },
      { name: "周记", role: "clerk" },
      { name: "王建国", role: "member", sector: "经济界", party: "民建" },
      { name: "陈立", role: "member", sector: "经济界" },
      { name: "赵敏", role: "member", sector: "经济界" },
      { name: "孙丽", role: "member", sector: "教育界", party: "民进" },
      { name: "吴军", role: "member", sector: "教育界" },
      { name: "钱芳", role: "member", sector: "教育界" },
      { name: "郑华", role: "member", sector: "医卫界", party: "农工党" },
      { name: "冯涛", role: "member", sector: "医卫界" },
      { name: "何静", role: "official", sector: "医卫界", unit: "区卫健委" },
    ]);
    await createStaff(app.server, "secretariat", "organiser");
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("plans by 界别, names clerks, opens, runs the board, notices, looks in, recalls with a countdown, ends and calls the reports", async () => {
    // The organisers before the meeting: the meeting page's 分组讨论 tab proposes one group per sector.
    const adminContext = await browser.newContext({ ...DESKTOP, locale: "zh-CN" });
    const admin = await adminContext.newPage();
    await signInAsOrganiser(admin, app.baseUrl);
    await admin.goto(`${app.baseUrl}/admin/meetings/${app.meetingId}/groups`);
    await admin.getByTestId("group-planner").waitFor();
    expect(await textOf(admin, "tab-groups")).toBe("分组讨论");
    expect(await groupTitles(admin)).toEqual(["经济界", "教育界", "医卫界", "其他"]);
    expect(await groupCounts(admin)).toEqual(["3 人", "3 人", "3 人", "1 人"]);
    expect(await textOf(admin, "plan-counts")).toBe("共 4 个小组 · 已分组 10 / 10 人");
    // The clerk (no sector, so in 其他) stays in the plenary; 其他 is then empty and needs a convener.
    await move(admin, "周记", "不分组（留在全体会议）");
    expect(await groupCounts(admin)).toEqual(["3 人", "3 人", "3 人", "0 人"]);
    expect(await textOf(admin, "plan-unplaced-count")).toContain("未分组 1 人");
    expect(await texts(admin, "plan-group-problem")).toEqual(["请指定召集人（须为本组成员）"]);
    expect(await admin.getByTestId("plan-submit").isDisabled()).toBe(true);
    await admin.getByTestId("plan-group").nth(3).getByTestId("plan-group-remove").click();
    await admin.getByTestId("plan-group").nth(0).getByTestId("plan-group-place").fill("第一会议室");
    expect(await textOf(admin, "plan-counts")).toContain("共 3 个小组 · 已分组 9 / 10 人");
    await admin.getByTestId("plan-submit").click();
    await until(() => admin.getByTestId("plan-saved").count()).toBe(1);
    await admin.screenshot({ path: path.join(SHOTS, "groups-admin-1366-zh.png"), fullPage: true });
    const defined = (await liveState(app)).groups;
    expect(defined.phase).toBe("defined");
    expect(defined.method).toBe("sector");
    expect(defined.groups.map((g) => [g.name, g.place, g.memberIds.length])).toEqual([
      ["经济界", "第一会议室", 3],
      ["教育界", null, 3],
      ["医卫界", null, 3],
    ]);

    // The chair: the plan read-only, then 修改分组 to name each group's clerk and move a member.
    const chair = await open("李主席", DESKTOP);
    const panel = chair.getByTestId("groups-panel");
    await until(() => textOf(chair, "groups-phase")).toBe("已分组 · 未开始");
    expect(await texts(chair, "groups-plan-convener")).toEqual(["王建国", "孙丽", "郑华"]);
    expect(await texts(chair, "groups-plan-count")).toEqual(["3", "3", "3"]);
    // Not before the meeting is open.
    expect(await chair.getByTestId("groups-open").isDisabled()).toBe(true);
    await chair.getByTestId("groups-edit").click();
    await panel.getByTestId("group-planner").waitFor();
    expect(await groupTitles(chair)).toEqual(["经济界", "教育界", "医卫界"]);
    for (const [index, clerk] of [
      [0, "陈立"],
      [1, "吴军"],
      [2, "冯涛"],
    ] as const) {
      await chair
        .getByTestId("plan-group")
        .nth(index)
        .getByTestId("plan-group-clerk")
        .selectOption(await idOf(clerk));
    }
    // 钱芳 moves to 经济界 (4 / 2 / 3), then back (3 / 3 / 3).
    await move(chair, "钱芳", "经济界");
    expect(await groupCounts(chair)).toEqual(["4 人", "2 人", "3 人"]);
    await move(chair, "钱芳", "教育界");
    expect(await groupCounts(chair)).toEqual(["3 人", "3 人", "3 人"]);
    await panel.scrollIntoViewIfNeeded();
    await shot(chair, "groups-chair-plan-1366-zh.png");
    await chair.getByTestId("plan-submit").click();
    await until(() => texts(chair, "groups-plan-clerk")).toEqual(["陈立", "吴军", "冯涛"]);

    // The organisers' page, left open, still shows the planner (saved before the chair's change).
    await openMeetingAsChair(chair);
    await until(() => chair.getByTestId("groups-open").isDisabled()).toBe(false);
    await chair.getByTestId("groups-open").click();
    await chair.getByTestId("confirm-groups-open-confirm").click();
    await until(() => textOf(chair, "groups-phase")).toBe("进行中");
    await chair.getByTestId("groups-board").waitFor();
    expect(await texts(chair, "groups-card-name")).toEqual(["经济界", "教育界", "医卫界"]);
    expect(await texts(chair, "groups-card-convener")).toEqual(["召集人 王建国", "召集人 孙丽", "召集人 郑华"]);
    expect(await texts(chair, "groups-card-report")).toEqual(["汇报要点未提交", "汇报要点未提交", "汇报要点未提交"]);
    const opened = (await liveState(app)).groups;
    const roster = new Map((await liveState(app)).roster.map((p) => [p.name, p.id]));
    expect(opened.phase).toBe("open");
    // The chair stays in the plenary: in no group, an observer seat in each.
    const chairId = await idOf("李主席");
    for (const g of opened.groups) {
      expect(g.memberIds).not.toContain(chairId);
      expect(g.seats.find((s) => s.participantId === chairId)?.role).toBe("observer");
    }

    // In 经济界's own meeting: 赵敏 speaks (the board shows her with her clock) and the group's clerk 陈立 saves the report.
    const economy = opened.groups[0]!;
    const groupId = economy.meetingId!;
    const seat = new Map(
      await Promise.all(["王建国", "陈立", "赵敏"].map(async (n) => [n, economy.seats.find((s) => s.participantId === roster.get(n))!.seatId] as const)),
    );
    await until(async () => (await liveState(app, groupId)).status).toBe("open");
    await submitTo(app, { participantId: seat.get("赵敏")!, role: "member" }, { type: "queue.request" }, groupId);
    await submitTo(app, { participantId: seat.get("王建国")!, role: "chair" }, { type: "floor.give" }, groupId);
    await until(() => textOf(chair, "groups-card-speaker")).toMatch(/^正在发言：赵敏\s*\d+:\d\d$/);
    expect(await texts(chair, "groups-card-clock")).toHaveLength(1);
    await submitTo(
      app,
      { participantId: seat.get("陈立")!, role: "clerk" },
      { type: "groups.report", report: { summary: "建议进一步优化营商环境。", suggestions: [{ text: "设立企业服务专窗", by: "赵敏" }] } },
      groupId,
    );
    await until(() => texts(chair, "groups-card-report")).toEqual(["汇报要点 · 第 1 版", "汇报要点未提交", "汇报要点未提交"]);
    await expectAccessible(chair, "the chair's live groups board with a speaker and a report");

    // A stale organisers' page saving now is refused with the server's message.
    await admin.getByTestId("plan-group").nth(0).getByTestId("plan-group-place").fill("第二会议室");
    await admin.getByTestId("plan-submit").click();
    await until(() => textOf(admin, "error-notice")).toContain("分组讨论正在进行，请先召回各组");
    await expectAccessible(admin, "the organisers' planner refused while the groups meet");

    // A notice to every group, seen by the plenary's clerk on a phone.
    await chair.getByTestId("groups-notice-text").fill("请各组 15:30 前结束讨论");
    await chair.getByTestId("groups-notice-send").click();
    await until(() => texts(chair, "groups-notice")).toEqual([expect.stringContaining("请各组 15:30 前结束讨论")]);
    const clerk = await open("周记", PHONE);
    await clerk.getByTestId("groups-board").waitFor();
    await until(() => texts(clerk, "groups-notice")).toEqual([expect.stringContaining("请各组 15:30 前结束讨论")]);
    expect(await clerk.getByTestId("groups-recall-300").count()).toBe(0);
    expect(await clerk.getByTestId("groups-look-in").count()).toBe(0);
    await expectFitsPhone(clerk);
    await clerk.getByTestId("groups-panel").scrollIntoViewIfNeeded();
    await shot(clerk, "groups-clerk-375-zh.png");

    // 进入小组查看: the chair's observer seat in 经济界, in a new tab.
    await until(() => chair.getByTestId("groups-look-in").first().isDisabled()).toBe(false);
    const [look] = await Promise.all([chair.context().waitForEvent("page"), chair.getByTestId("groups-look-in").first().click()]);
    await look.waitForURL(/\/join#t=/);
    await look.getByTestId("me").waitFor();
    await until(async () => (await look.locator("h1").first().textContent()) ?? "").toContain("经济界");
    await look.close();

    // Call back in 5 minutes: the countdown on the chair's board and the clerk's.
    await chair.getByTestId("groups-recall-300").click();
    await until(() => textOf(chair, "groups-phase")).toBe("召回中");
    await until(() => textOf(chair, "groups-recall-countdown")).toMatch(/剩余\s*[45]:\d\d$/);
    await until(() => textOf(clerk, "groups-recall-countdown")).toMatch(/[45]:\d\d$/);
    const recalled = (await liveState(app)).groups;
    expect(recalled.recallEndsAt! - Date.now()).toBeGreaterThan(240_000);
    await chair.evaluate(() => window.scrollTo(0, 0));
    await shot(chair, "groups-chair-board-1366-zh.png");
    await chair.setViewportSize({ width: 1920, height: 1080 });
    await shot(chair, "groups-chair-board-1920-zh.png");
    await chair.getByRole("button", { name: "English" }).click();
    await until(() => textOf(chair, "groups-phase")).toBe("Calling back");
    expect(await texts(chair, "groups-card-report")).toEqual(["Report · version 1", "No report yet", "No report yet"]);
    await shot(chair, "groups-chair-board-1920-en.png");
    await chair.setViewportSize({ width: 1366, height: 768 });
    await shot(chair, "groups-chair-board-1366-en.png");
    await clerk.getByRole("button", { name: "English" }).click();
    await until(() => textOf(clerk, "groups-recall-countdown")).toMatch(/^Groups are returning to the plenary in\s*[45]:\d\d$/);
    await expectFitsPhone(clerk);
    await shot(clerk, "groups-clerk-375-en.png");
    await chair.getByRole("button", { name: "中文" }).click();

    // 立即结束: the groups close at once; the reports (none yet), then 请召集人汇报.
    await chair.getByTestId("groups-recall-0").click();
    await chair.getByTestId("confirm-groups-close-confirm").click();
    await until(() => textOf(chair, "groups-phase")).toBe("已结束");
    await chair.getByTestId("groups-reports").waitFor();
    expect(await texts(chair, "groups-report-summary")).toEqual(["建议进一步优化营商环境。"]);
    expect(await textOf(chair, "groups-report-version")).toMatch(/^第 1 版 · 陈立 · /);
    expect(await textOf(chair, "groups-report")).toContain("设立企业服务专窗（赵敏）");
    expect(await texts(chair, "groups-report-missing")).toEqual(["汇报要点未提交", "汇报要点未提交"]);
    // At the top of the console: 请召集人汇报 while conveners are still to be called; gone once they are queued.
    expect(await textOf(chair, "groups-reports-strip")).toContain("尚有 3 位召集人未安排汇报");
    await chair.evaluate(() => window.scrollTo(0, 0));
    await shot(chair, "groups-chair-closed-1366-zh.png");
    await chair.getByTestId("groups-call-reports-top").click();
    const conveners = await Promise.all(["王建国", "孙丽", "郑华"].map(idOf));
    await until(async () => (await liveState(app)).queue.map((q) => q.participantId)).toEqual(conveners);
    await until(() => chair.getByTestId("groups-reports-strip").count()).toBe(0);
    expect(await chair.getByTestId("groups-call-reports").isDisabled()).toBe(true);
    await chair.getByTestId("groups-panel").scrollIntoViewIfNeeded();
    await shot(chair, "groups-chair-reports-1366-zh.png");
    await adminContext.close();
  });

  it("a second round by topic: topics with conveners from the whole roster, members' choices counted on the plan", async () => {
    const chair = await open("李主席", DESKTOP);
    await until(() => textOf(chair, "groups-phase")).toBe("已结束");
    await chair.getByTestId("groups-plan-again").click();
    await chair.getByTestId("plan-method-topic").check({ force: true });
    await chair.getByTestId("plan-propose").click();
    await until(() => chair.getByTestId("group-planner").getAttribute("data-method")).toBe("topic");
    expect(await groupTitles(chair)).toEqual(["第1组", "第2组"]);
    expect(await textOf(chair, "plan-unplaced-count")).toContain("尚未选择议题 10 人");
    for (const [index, name, topic, convener] of [
      [0, "营商环境组", "优化营商环境", "王建国"],
      [1, "教育医疗组", "教育医疗资源均衡", "郑华"],
    ] as const) {
      const group = chair.getByTestId("plan-group").nth(index);
      await group.getByTestId("plan-group-name").fill(name);
      await group.getByTestId("plan-group-topic").fill(topic);
      await group.getByTestId("plan-group-convener").selectOption(await idOf(convener));
    }
    expect(await groupCounts(chair)).toEqual(["1 人", "1 人"]);
    await chair.getByTestId("plan-submit").click();
    await until(() => textOf(chair, "groups-phase")).toBe("已分组 · 未开始");
    expect(await texts(chair, "groups-plan-convener")).toEqual(["王建国", "郑华"]);
    expect(await textOf(chair, "groups-unchosen")).toBe("尚未选择议题的委员 7 人，开始时编入人数最少的小组。");
    // Members choose: the plan's counts follow.
    for (const name of ["孙丽", "吴军"]) await submitTo(app, { participantId: await idOf(name), role: "member" }, { type: "groups.choose", groupId: "g2" });
    await until(() => texts(chair, "groups-plan-count")).toEqual(["1", "3"]);
    expect(await textOf(chair, "groups-unchosen")).toBe("尚未选择议题的委员 5 人，开始时编入人数最少的小组。");
    // The plenary's clerk may change the plan too: the planner fits a 375 px phone.
    const clerk = await open("周记", PHONE);
    await until(() => textOf(clerk, "groups-phase")).toBe("已分组 · 未开始");
    expect(await clerk.getByTestId("groups-open").count()).toBe(0);
    await clerk.getByTestId("groups-edit").click();
    await clerk.getByTestId("group-planner").waitFor();
    expect(await groupTitles(clerk)).toEqual(["营商环境组", "教育医疗组"]);
    await expectFitsPhone(clerk);
    await clerk.getByTestId("plan-group").first().scrollIntoViewIfNeeded();
    await shot(clerk, "groups-clerk-planner-375-zh.png");
    await clerk.context().close();

    await chair.getByRole("button", { name: "English" }).click();
    await until(() => textOf(chair, "groups-phase")).toBe("Groups set · not started");
    await chair.getByTestId("groups-panel").scrollIntoViewIfNeeded();
    await shot(chair, "groups-chair-topics-1366-en.png");
  });
});
