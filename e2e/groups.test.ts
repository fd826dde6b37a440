// End to end in a real Chromium on the real server (issue 26, 分组讨论): a plenary of 12 splits
// into 3 groups by 界别. The members' pages leave the plenary for their group's meeting under the
// group's banner (a reload lands back in the group); each convener runs two speeches from the
// group's chair console; the room display shows every group's speaker and clock; a member of one
// group never sees another group's speaker; the chair's notice and call back reach every group;
// the clerks draft the groups' reports from their records and send them (a convener sends a
// second version); when the call back ends every page is back in the plenary (已回到全体会议);
// the conveners are queued to report and given the floor; the plenary's minutes draft holds the
// three groups' summaries. One browser and one server for the whole file.
// Screenshots for review go to YST_GROUPS_SHOTS (default test-results/screenshots/groups).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { BLANK_GROUP_NAME, proposeGroups } from "../core/groups/assign.ts";
import type { GroupDefinition } from "../core/groups/schema.ts";
import type { Actor } from "../core/roles.ts";
import { expectAccessible } from "./support/a11y.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openMeetingAsChair } from "./support/chair.ts";
import { openDisplay, openJoinLink, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";

const SHOTS = process.env.YST_GROUPS_SHOTS ?? path.join(import.meta.dirname, "../test-results/screenshots/groups");
const TITLE = "区政协全体会议";

const PEOPLE = [
  { name: "沈主席", role: "chair" as const },
  { name: "姜秘书", role: "clerk" as const },
  { name: "李经一", role: "member" as const, sector: "经济界" },
  { name: "王经二", role: "member" as const, sector: "经济界" },
  { name: "钱经三", role: "member" as const, sector: "经济界" },
  { name: "陈经四", role: "member" as const, sector: "经济界" },
  { name: "赵教一", role: "member" as const, sector: "教育界" },
  { name: "孙教二", role: "member" as const, sector: "教育界" },
  { name: "郑教三", role: "member" as const, sector: "教育界" },
  { name: "周医一", role: "member" as const, sector: "医卫界" },
  { name: "吴医二", role: "member" as const, sector: "医卫界" },
  { name: "冯医三", role: "member" as const, sector: "医卫界" },
];
/** Each group: its convener (the first of its 界别 on the roster), its clerk (the second), its place. */
const GROUPS = {
  g1: { name: "经济界", convener: "李经一", clerk: "王经二", place: "第一会议室" },
  g2: { name: "教育界", convener: "赵教一", clerk: "孙教二", place: "第二会议室" },
  g3: { name: "医卫界", convener: "周医一", clerk: "吴医二", place: null },
} as const;
type GroupId = keyof typeof GROUPS;
const GROUP_IDS = Object.keys(GROUPS) as GroupId[];

const SUMMARY_1 = "建议设立中小企业融资风险补偿资金";
const SUGGESTION_1 = "简化首贷审批";
const REPORT_2 = "教育界委员围绕课后服务提出：延长托管时间，引入社会力量，经费由区财政统筹。";
const AMEND_1 = "补充：建议区财政设立首贷贴息。";
const REPORT_3_V2 = "医卫界委员建议推进家庭医生签约服务，补齐社区卫生服务中心人员缺口。";

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
let display: Page;
/** The groups' conveners and clerks, and two members: 钱经三 (经济界, phone) and 郑教三 (教育界, phone). */
const pages = new Map<string, Page>();
const page = (name: string) => pages.get(name)!;
let ids: Map<string, string>;

const actor = (name: string): Actor => ({ participantId: ids.get(name)!, role: PEOPLE.find((p) => p.name === name)!.role });
/**
 * A screenshot for review, and the screen checked as shown (issue 27): no serious or critical WCAG
 * 2.1 AA violation (axe) and no structure problem. Soft: every screen of a test reports.
 */
async function shot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: path.join(SHOTS, name) });
  await expectAccessible(p, name);
}
const plenary = () => liveState(app);
const groupMeeting = async (groupId: GroupId) => (await plenary()).groups.groups.find((g) => g.groupId === groupId)!;
/** A person's seat (roster id) in their group's meeting. */
const seatOf = async (groupId: GroupId, name: string) => (await groupMeeting(groupId)).seats.find((s) => s.participantId === ids.get(name))!.seatId;
const bodyText = async (p: Page) => (await p.locator("body").textContent()) ?? "";

/** The convener puts a member (or a guest) in line from the group's console and gives them the floor. */
async function giveFloor(groupId: GroupId, who: { name: string } | { guest: string }): Promise<void> {
  const convener = page(GROUPS[groupId].convener);
  if ("guest" in who) {
    await convener.getByTestId("add-source-guest").check();
    await convener.getByTestId("add-guest-name").fill(who.guest);
  } else {
    await convener.getByTestId("add-source-roster").check();
    await convener.getByTestId("add-person").selectOption(await seatOf(groupId, who.name));
  }
  await convener.getByTestId("add-submit").click();
  await until(() => convener.getByTestId("queue-item").count()).toBe(1);
  await convener.getByTestId("give-floor").click();
  await until(() => textOf(convener, "speaker-name")).toBe("guest" in who ? who.guest : who.name);
}

async function endSpeech(groupId: GroupId): Promise<void> {
  const convener = page(GROUPS[groupId].convener);
  await convener.getByTestId("end-speech").click();
  await convener.getByTestId("confirm-end-speech-confirm").click();
  await until(() => convener.getByTestId("end-speech").count()).toBe(0);
}

/** Waits until the page shows its group's meeting under the group's banner. */
async function inGroup(p: Page, groupId: GroupId): Promise<void> {
  await until(() => p.locator(`[data-testid="group-stage"][data-group="${groupId}"] [data-testid="me"]`).count(), 40_000).toBe(1);
}

describe("分组讨论: a plenary of 12 splits by 界别, meets in 3 groups and comes back", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, PEOPLE);
    ids = new Map((await plenary()).roster.map((p) => [p.name, p.id]));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the groups are defined by 界别 and opened: conveners, clerks and members land in their group's meeting, the chair stays", async () => {
    chair = await openJoinLink(browser, app.links.get("沈主席")!, DESKTOP);
    await openMeetingAsChair(chair);
    display = await openDisplay(browser, app);
    for (const g of GROUP_IDS) {
      pages.set(GROUPS[g].convener, await openJoinLink(browser, app.links.get(GROUPS[g].convener)!, DESKTOP));
      // The 经济界 clerk works on a phone (the report editor at 375 px).
      pages.set(GROUPS[g].clerk, await openJoinLink(browser, app.links.get(GROUPS[g].clerk)!, g === "g1" ? PHONE : DESKTOP));
    }
    for (const name of ["钱经三", "郑教三"]) pages.set(name, await openJoinLink(browser, app.links.get(name)!, PHONE));

    // The chair's command with the proposal by 界别 (the plenary's clerk, without one, stays in the plenary), each group's second its clerk.
    const proposal = proposeGroups((await plenary()).roster, "sector").filter((g) => g.name !== BLANK_GROUP_NAME);
    const groups: GroupDefinition[] = proposal.map((g) => ({ ...g, clerkId: g.memberIds[1]!, place: GROUPS[g.groupId as GroupId].place }));
    expect(groups.map((g) => [g.groupId, g.name, g.memberIds.length, g.convenerId, g.clerkId])).toEqual(
      GROUP_IDS.map((g) => [g, GROUPS[g].name, g === "g1" ? 4 : 3, ids.get(GROUPS[g].convener), ids.get(GROUPS[g].clerk)]),
    );
    await submitTo(app, actor("沈主席"), { type: "groups.define", method: "sector", groups });
    // Defined, not yet open: the member knows their group.
    await until(() => textOf(page("钱经三"), "group-assigned")).toBe("即将分组讨论 · 您在经济界");

    await submitTo(app, actor("沈主席"), { type: "groups.open" });
    for (const g of GROUP_IDS) {
      const { convener, clerk, name, place } = GROUPS[g];
      for (const who of [convener, clerk]) {
        await inGroup(page(who), g);
        expect(await textOf(page(who), "group-banner-title")).toBe(place ? `分组讨论 · ${name} · ${place}` : `分组讨论 · ${name}`);
      }
      // The group's meeting with its own title; the convener chairs it (召集人), the clerk keeps its record.
      expect(await page(convener).locator(".top-bar h1").textContent()).toBe(`${TITLE} · ${name}`);
      expect(await textOf(page(convener), "me")).toBe(`${convener} · 召集人`);
      await until(() => page(convener).getByTestId("add-speaker").count()).toBe(1);
      expect(await page(clerk).getByTestId("clerk-tab-report").count()).toBe(1);
    }
    await inGroup(page("钱经三"), "g1");
    await inGroup(page("郑教三"), "g2");
    expect(await textOf(page("钱经三"), "me")).toBe("钱经三 · 委员");
    // The group's chair is its convener (召集人) in what a member reads too, not 主持人.
    expect(await textOf(page("钱经三"), "speaker-card")).toContain("等待召集人指定发言人");
    expect(await bodyText(page("钱经三"))).not.toContain("主持人");
    // The chair stays in the plenary (no group of their own).
    expect(await chair.getByTestId("group-stage").count()).toBe(0);
    expect(await textOf(chair, "me")).toBe("沈主席 · 主持人");
    // The display: every group, nobody speaking yet.
    await until(() => display.getByTestId("display-groups").count()).toBe(1);
    for (const g of GROUP_IDS) await until(() => textOf(display, `display-group-speaker-${g}`)).toBe("暂无发言");
  }, 240_000);

  it("each convener runs two speeches; the display follows every group and a member sees their own group's speaker only", async () => {
    const memberA = page("钱经三");
    const memberB = page("郑教三");
    // Two groups speak at once.
    await giveFloor("g1", { name: "钱经三" });
    await giveFloor("g2", { name: "郑教三" });
    await until(() => textOf(memberA, "my-floor-banner")).toContain("您已获得发言权");
    await until(() => textOf(display, "display-group-speaker-g1")).toBe("钱经三");
    await until(() => textOf(display, "display-group-speaker-g2")).toBe("郑教三");
    expect(await textOf(display, "display-group-speaker-g3")).toBe("暂无发言");
    await until(() => textOf(display, "display-group-clock-g1")).toMatch(/^[45]:\d\d$/);
    // The convener's console with a speaker on the floor, and the speaker's phone in the group.
    await expectAccessible(page(GROUPS.g1.convener), "the convener's console with a speaker");
    await expectAccessible(memberA, "the speaker's phone in a group");
    await until(() => textOf(memberB, "speaker-name")).toBe("郑教三");
    // A member's page in one group never names the other group's speaker.
    expect(await bodyText(memberA)).not.toContain("郑教三");
    expect(await bodyText(memberB)).not.toContain("钱经三");

    // A reload while in the group lands back in it, with its speaker.
    await memberB.reload();
    await inGroup(memberB, "g2");
    await until(() => textOf(memberB, "speaker-name")).toBe("郑教三");
    expect(await bodyText(memberB)).not.toContain("钱经三");

    await endSpeech("g1");
    await endSpeech("g2");
    await until(() => textOf(display, "display-group-speaker-g1")).toBe("暂无发言");
    await giveFloor("g1", { name: "陈经四" });
    await until(() => textOf(memberA, "speaker-name")).toBe("陈经四");
    await giveFloor("g3", { name: "冯医三" });
    await until(() => textOf(display, "display-group-speaker-g3")).toBe("冯医三");
    expect(await bodyText(memberA)).not.toContain("冯医三");
    await endSpeech("g3");
    // A guest (列席) speaks in 医卫界: the display names them as the group does.
    await giveFloor("g3", { guest: "区卫健委张科长" });
    await until(() => textOf(display, "display-group-speaker-g3")).toBe("区卫健委张科长");
    await giveFloor("g2", { name: "郑教三" });
    await until(() => textOf(display, "display-group-speaker-g2")).toBe("郑教三");
    await shot(display, "groups-display-1920-zh.png");
    for (const g of GROUP_IDS) await endSpeech(g);
    for (const g of GROUP_IDS) {
      const meeting = await liveState(app, (await groupMeeting(g)).meetingId!);
      expect(meeting.speeches).toHaveLength(2);
      await until(async () => (await groupMeeting(g)).progress?.speeches).toBe(2);
    }
  }, 240_000);

  it("the clerks draft their groups' reports from the record and send them; a convener sends a second version", async () => {
    // 经济界 on the clerk's phone: a summary and a suggestion in the record, then the report drafted from them.
    const clerkA = page("王经二");
    const [first, second] = (await liveState(app, (await groupMeeting("g1")).meetingId!)).speeches;
    await clerkA.getByTestId("clerk-tab-record").click();
    await clerkA.locator(`[data-testid="tl-entry"][data-key="speech:${first!.speechId}"]`).click();
    await clerkA.getByTestId("summary-input").fill(SUMMARY_1);
    await clerkA.getByTestId("summary-save").click();
    await until(() => textOf(clerkA, "summary-status")).toMatch(/^已保存 · 第 1 版/);
    await clerkA.locator(`[data-testid="tl-entry"][data-key="speech:${second!.speechId}"]`).click();
    await clerkA.getByTestId("suggestion-add").click();
    await clerkA.getByTestId("suggestion-title-input").fill(SUGGESTION_1);
    await clerkA.getByTestId("suggestion-text-input").fill("首贷审批压缩到五个工作日");
    await clerkA.getByTestId("suggestion-save").click();
    await until(() => clerkA.getByTestId("suggestion").count()).toBe(1);
    await clerkA.getByTestId("clerk-tab-report").click();
    await until(() => clerkA.getByTestId("group-report-summary").inputValue()).toBe(`钱经三：${SUMMARY_1}`);
    expect(await clerkA.getByTestId("group-report-suggestion-0").inputValue()).toBe(`${SUGGESTION_1}：首贷审批压缩到五个工作日`);
    expect(await clerkA.getByTestId("group-report-by-0").inputValue()).toBe("陈经四");
    expect(await textOf(clerkA, "group-report-saved")).toBe("尚未报送");
    await clerkA.getByTestId("group-report-summary").fill(`钱经三：${SUMMARY_1}。\n陈经四：${SUGGESTION_1}。`);
    await clerkA.getByTestId("group-report-save").click();
    await until(() => textOf(clerkA, "group-report-saved")).toMatch(/^已报送 · 第 1 版 · \d\d:\d\d.* · 王经二$/);
    expect(await clerkA.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await clerkA.getByTestId("group-report").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shot(clerkA, "groups-report-clerk-375-zh.png");

    // 教育界: typed straight into the report, with a suggestion row added by hand.
    const clerkB = page("孙教二");
    await clerkB.getByTestId("clerk-tab-report").click();
    await clerkB.getByTestId("group-report-summary").fill(REPORT_2);
    await clerkB.getByTestId("group-report-add").click();
    await clerkB.getByTestId("group-report-suggestion-0").fill("课后服务经费纳入区级预算");
    await clerkB.getByTestId("group-report-by-0").fill("郑教三");
    await clerkB.getByTestId("group-report-save").click();
    await until(() => textOf(clerkB, "group-report-saved")).toMatch(/^已报送 · 第 1 版/);

    // 医卫界: the clerk sends a first version, the convener a second from the console; the clerk's page follows.
    const clerkC = page("吴医二");
    await clerkC.getByTestId("clerk-tab-report").click();
    await clerkC.getByTestId("group-report-summary").fill("医卫界讨论了基层医疗。");
    await clerkC.getByTestId("group-report-save").click();
    await until(() => textOf(clerkC, "group-report-saved")).toMatch(/^已报送 · 第 1 版/);
    const convenerC = page("周医一");
    await until(() => convenerC.getByTestId("group-report-summary").inputValue()).toBe("医卫界讨论了基层医疗。");
    await convenerC.getByTestId("group-report-summary").fill(REPORT_3_V2);
    await until(() => textOf(convenerC, "group-report-saved")).toContain("有尚未报送的修改");
    await convenerC.getByTestId("group-report-save").click();
    await until(() => textOf(clerkC, "group-report-saved")).toMatch(/^已报送 · 第 2 版 · .* · 周医一$/);
    expect(await clerkC.getByTestId("group-report-summary").inputValue()).toBe(REPORT_3_V2);

    await convenerC.getByTestId("group-report").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await shot(convenerC, "groups-convener-1366-zh.png");

    // The plenary received every group's latest report.
    await until(async () => (await plenary()).groups.groups.map((g) => g.report?.version ?? 0)).toEqual([1, 1, 2]);
  }, 240_000);

  it("a notice and the call back reach every group's banner and the display, and everyone is back in the plenary when it ends", async () => {
    const member = page("钱经三");
    await submitTo(app, actor("沈主席"), { type: "groups.notice", text: "请各组推选一名代表准备大会汇报" });
    await until(() => textOf(member, "group-notice")).toBe("通知：请各组推选一名代表准备大会汇报");
    expect(await member.getByTestId("group-notice").getAttribute("aria-live")).toBe("polite");
    await until(() => textOf(page("周医一"), "group-notice")).toBe("通知：请各组推选一名代表准备大会汇报");
    await until(() => textOf(display, "display-groups-notice")).toBe("通知：请各组推选一名代表准备大会汇报");
    // A long call back first, for the screenshots; then a short one that ends it.
    await submitTo(app, actor("沈主席"), { type: "groups.recall", seconds: 300 });
    await until(() => textOf(member, "group-recall")).toMatch(/^请于 [45]:\d\d 内回到全体会议$/);
    await until(() => textOf(display, "display-groups-recall")).toMatch(/^[45]:\d\d 后回到全体会议$/);
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(member, "groups-member-375-zh.png");
    await member.getByRole("button", { name: "English" }).click();
    await until(() => textOf(member, "group-recall")).toMatch(/^Back to the plenary within [45]:\d\d$/);
    expect(await textOf(member, "group-banner-title")).toBe("Group discussion · 经济界 · 第一会议室");
    expect(await textOf(member, "group-notice")).toBe("Notice: 请各组推选一名代表准备大会汇报");
    expect(await textOf(member, "speaker-card")).toContain("Waiting for the convener to call a speaker");
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(member, "groups-member-375-en.png");
    await member.getByRole("button", { name: "中文" }).click();
    await shot(display, "groups-display-recall-1920-zh.png");
    // The display in English (it has no controls: the language saved on the device).
    await display.evaluate(() => localStorage.setItem("yst.lang", "en"));
    await display.reload();
    await until(() => textOf(display, "display-groups-recall")).toMatch(/^Back to the plenary in [45]:\d\d$/);
    expect(await textOf(display, "display-group-speaker-g1")).toBe("Nobody speaking");
    await shot(display, "groups-display-1920-en.png");
    await display.evaluate(() => localStorage.setItem("yst.lang", "zh"));
    await display.reload();
    await display.getByTestId("display-groups").waitFor();

    await submitTo(app, actor("沈主席"), { type: "groups.recall", seconds: 3 });
    await until(async () => (await plenary()).groups.phase, 20_000).toBe("closed");
    for (const [name, p] of pages) {
      await until(() => p.getByTestId("group-stage").count(), 20_000).toBe(0);
      await until(() => textOf(p, "group-back")).toBe("分组讨论已结束，已回到全体会议");
      expect(await p.locator(".top-bar h1").textContent(), name).toBe(TITLE);
      expect(await textOf(p, "me"), name).toBe(`${name} · 委员`);
    }
    await until(() => display.getByTestId("display-groups").count()).toBe(0);
    await until(() => textOf(display, "display-speaker")).toBe("暂无发言");
  }, 240_000);

  it("back in the plenary, a group's clerk amends its report in the closed group meeting and the chair's reports show the new version", async () => {
    const clerkA = page("王经二");
    // Only the conveners and clerks of the groups are offered it; a member is not.
    await until(() => clerkA.getByTestId("group-amend").count()).toBe(1);
    expect(await clerkA.getByTestId("group-amend").getAttribute("data-group")).toBe("g1");
    expect(await textOf(clerkA, "group-amend-received")).toBe("全体会议已收到第 1 版");
    await until(() => page("李经一").getByTestId("group-amend").count()).toBe(1);
    expect(await page("钱经三").getByTestId("group-amend").count()).toBe(0);
    expect(await chair.getByTestId("group-amend").count()).toBe(0);
    await clerkA.getByTestId("group-amend").scrollIntoViewIfNeeded();
    expect(await clerkA.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(clerkA, "groups-amend-375-zh.png");

    // 补充小组汇报要点: the closed group meeting's report editor, in place, with the version the plenary has.
    await clerkA.getByTestId("group-amend-open").click();
    await until(() => textOf(clerkA, "group-report-saved"), 20_000).toMatch(/^已报送 · 第 1 版 · .* · 王经二$/);
    expect(await clerkA.getByTestId("group-report-summary").inputValue()).toBe(`钱经三：${SUMMARY_1}。\n陈经四：${SUGGESTION_1}。`);
    expect(await liveState(app, (await groupMeeting("g1")).meetingId!).then((s) => s.status)).toBe("closed");
    await clerkA.getByTestId("group-report-summary").fill(`钱经三：${SUMMARY_1}。\n陈经四：${SUGGESTION_1}。\n${AMEND_1}`);
    await until(() => textOf(clerkA, "group-report-saved")).toContain("有尚未报送的修改");
    await clerkA.getByTestId("group-report").scrollIntoViewIfNeeded();
    expect(await clerkA.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(clerkA, "groups-amend-editor-375-zh.png");
    await clerkA.getByTestId("group-report-save").click();
    await until(() => textOf(clerkA, "group-report-saved")).toMatch(/^已报送 · 第 2 版 · .* · 王经二$/);
    // Relayed to the plenary: the clerk's own line and the chair's reports list.
    await until(() => textOf(clerkA, "group-amend-received")).toBe("全体会议已收到第 2 版");
    const reportOnChair = chair.locator('[data-testid="groups-report"][data-group="g1"]');
    await until(async () => (await reportOnChair.getByTestId("groups-report-version").textContent()) ?? "").toMatch(/第 2 版.*王经二/);
    expect(await reportOnChair.getByTestId("groups-report-summary").textContent()).toContain(AMEND_1);
    await reportOnChair.scrollIntoViewIfNeeded();
    await shot(chair, "groups-amend-chair-reports-1366-zh.png");

    // In English: the action and the editor.
    await clerkA.getByRole("button", { name: "English" }).click();
    await until(() => textOf(clerkA, "group-report-saved")).toMatch(/^Sent · version 2 · /);
    expect(await textOf(clerkA, "group-amend-received")).toBe("The plenary has version 2");
    expect(await clerkA.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await clerkA.getByTestId("group-report").scrollIntoViewIfNeeded();
    await shot(clerkA, "groups-amend-editor-375-en.png");
    await clerkA.getByTestId("group-amend-close").click();
    await until(() => clerkA.getByTestId("group-report").count()).toBe(0);
    expect(await textOf(clerkA, "group-amend-open")).toBe("Amend the group's report");
    await clerkA.getByTestId("group-amend").scrollIntoViewIfNeeded();
    await shot(clerkA, "groups-amend-375-en.png");
    await clerkA.getByRole("button", { name: "中文" }).click();
    await until(() => textOf(clerkA, "group-amend-open")).toBe("补充小组汇报要点");
  }, 120_000);

  it("the conveners are called to report and given the floor in the plenary; the minutes draft holds the three groups' summaries", async () => {
    await submitTo(app, actor("沈主席"), { type: "groups.callReports" });
    await until(() => chair.getByTestId("queue-item").allTextContents()).toEqual(GROUP_IDS.map((g) => expect.stringContaining(GROUPS[g].convener)));
    for (const g of GROUP_IDS) {
      const convener = page(GROUPS[g].convener);
      await chair.getByTestId("give-floor").first().click();
      await until(() => textOf(convener, "my-floor-banner")).toContain("您已获得发言权");
      await until(() => textOf(display, "display-speaker")).toBe(GROUPS[g].convener);
      await chair.getByTestId("end-speech").click();
      await chair.getByTestId("confirm-end-speech-confirm").click();
      await until(() => convener.getByTestId("my-floor-banner").count()).toBe(0);
    }

    // The plenary's clerk: 会议纪要 from the record, with the 分组讨论 section.
    const clerk = await openJoinLink(browser, app.links.get("姜秘书")!, DESKTOP);
    await clerk.getByTestId("clerk-tab-minutes").click();
    await clerk.getByTestId("minutes-generate").click();
    const blocks = () => clerk.getByTestId("minutes-block-text").allTextContents();
    await until(async () => (await blocks()).some((b) => b.includes("分组讨论情况"))).toBe(true);
    const text = (await blocks()).join("\n");
    for (const summary of [SUMMARY_1, AMEND_1, REPORT_2, REPORT_3_V2]) expect(text).toContain(summary);
    expect(text).toContain(SUGGESTION_1);
    await clerk.locator('[data-testid="minutes-block-text"]', { hasText: "分组讨论情况" }).scrollIntoViewIfNeeded();
    await shot(clerk, "groups-minutes-1366-zh.png");
  }, 240_000);

  it("a second round by topic: members choose a topic on their phones, the named conveners cannot change", async () => {
    const round: GroupDefinition[] = [
      {
        groupId: "t1",
        name: "第一组",
        topic: "优化营商环境",
        place: "第一会议室",
        convenerId: ids.get("李经一")!,
        clerkId: null,
        memberIds: [ids.get("李经一")!],
      },
      {
        groupId: "t2",
        name: "第二组",
        topic: "课后服务提质",
        place: "第二会议室",
        convenerId: ids.get("赵教一")!,
        clerkId: null,
        memberIds: [ids.get("赵教一")!],
      },
    ];
    await submitTo(app, actor("沈主席"), { type: "groups.define", method: "topic", groups: round });
    const member = page("钱经三");
    await until(() => member.getByTestId("group-choice").count()).toBe(1);
    expect(await textOf(member, "group-choice-mine")).toBe("您尚未选择议题。");
    expect(await member.getByTestId("group-choice-t1").textContent()).toMatch(/优化营商环境\s*第一组 · 第一会议室 · 1 人/);
    await member.getByTestId("group-choose-t2").click();
    await until(() => member.getByTestId("group-chosen-t2").count()).toBe(1);
    expect(await textOf(member, "group-choice-mine")).toBe("您选择了：第二组");
    expect(await member.getByTestId("group-choice-t2").textContent()).toContain("2 人");
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await member.getByTestId("group-choice").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await shot(member, "groups-topic-choice-375-zh.png");
    // Changing to the other topic moves the member.
    await member.getByTestId("group-choose-t1").click();
    await until(() => member.getByTestId("group-chosen-t1").count()).toBe(1);
    await until(async () => (await plenary()).groups.groups.map((g) => g.memberIds.length)).toEqual([2, 1]);
    // The named convener stays with their topic.
    const convener = page("赵教一");
    await until(() => textOf(convener, "group-choice-mine")).toBe("您是第二组的召集人或记录员，不能改选。");
    expect(await convener.getByTestId("group-choose-t1").isDisabled()).toBe(true);
  }, 120_000);

  it("the room display reads 20 groups on one 1920×1080 screen, each with its speaker and clock", async () => {
    // A second plenary of 41 on the same server: 20 groups of two, each with a speaker on its floor.
    const SECTORS = ["经济界", "教育界", "医卫界", "科技界", "文化艺术界", "体育界", "农业和农村界", "社会福利和社会保障界", "工商联界", "青联界"];
    const roster = [
      { name: "林主席", role: "chair" as const },
      ...Array.from({ length: 40 }, (_, i) => ({
        name: `委员${String(i + 1).padStart(2, "0")}${i % 7 === 0 ? "欧阳明远" : ""}`,
        role: "member" as const,
        sector: SECTORS[i % 10]!,
      })),
    ];
    const { meeting, participants } = await app.server.meetings.create("区政协全会（二十个小组）", roster);
    const chairOf20: Actor = { participantId: participants.find((p) => p.role === "chair")!.id, role: "chair" };
    const members = participants.filter((p) => p.role === "member");
    const groups: GroupDefinition[] = Array.from({ length: 20 }, (_, i) => ({
      groupId: `g${i + 1}`,
      name: `第${i + 1}组 · ${SECTORS[i % 10]}`,
      topic: null,
      place: `议政楼${(i % 4) + 2}层第${i + 1}会议室`,
      convenerId: members[2 * i]!.id,
      clerkId: null,
      memberIds: [members[2 * i]!.id, members[2 * i + 1]!.id],
    }));
    await submitTo(app, chairOf20, { type: "meeting.open" }, meeting.id);
    await submitTo(app, chairOf20, { type: "groups.define", method: "hand", groups }, meeting.id);
    await submitTo(app, chairOf20, { type: "groups.open" }, meeting.id);
    const wall = await openDisplay(browser, { server: app.server, baseUrl: app.baseUrl, meetingId: meeting.id });
    const opened = (await liveState(app, meeting.id)).groups.groups;
    for (const g of opened) {
      const [convener, speaker] = g.seats;
      await until(async () => (await liveState(app, g.meetingId!)).status).toBe("open");
      await submitTo(app, { participantId: convener!.seatId, role: "chair" }, { type: "queue.add", participantId: speaker!.seatId }, g.meetingId!);
      await submitTo(app, { participantId: convener!.seatId, role: "chair" }, { type: "floor.give", participantId: speaker!.seatId }, g.meetingId!);
    }
    await submitTo(app, chairOf20, { type: "groups.notice", text: "各组讨论结束后请召集人整理汇报要点，准备大会发言" }, meeting.id);
    await submitTo(app, chairOf20, { type: "groups.recall", seconds: 600 }, meeting.id);
    for (const g of opened) {
      const speaker = members.find((m) => m.id === g.seats[1]!.participantId)!.name;
      await until(() => textOf(wall, `display-group-speaker-${g.groupId}`)).toBe(speaker);
      await until(() => textOf(wall, `display-group-clock-${g.groupId}`)).toMatch(/^(5:00|4:\d\d)$/);
    }
    await until(() => textOf(wall, "display-groups-recall")).toMatch(/^(10:00|9:\d\d) 后回到全体会议$/);
    // Every card on the screen, whole: nothing below the fold or past the right edge, and in each card
    // the name, the place, the speaker and the clock inside it (nothing cut off at its edges).
    const cards = await wall.locator(".display-group").evaluateAll((els) =>
      els.map((card) => {
        const box = card.getBoundingClientRect();
        const inside = [...card.querySelectorAll(".display-group-name, .display-group-place, .display-group-who, .display-group-clock")].every((part) => {
          const r = part.getBoundingClientRect();
          return r.top >= box.top && r.bottom <= box.bottom && r.left >= box.left && r.right <= box.right;
        });
        return { right: box.right, bottom: box.bottom, inside };
      }),
    );
    await shot(wall, "groups-display-20-1920-zh.png");
    expect(cards).toHaveLength(20);
    expect(cards.filter((c) => !c.inside)).toEqual([]);
    expect(Math.max(...cards.map((c) => c.right))).toBeLessThanOrEqual(1920);
    expect(Math.max(...cards.map((c) => c.bottom))).toBeLessThanOrEqual(1080);
    // The projector's dark theme (?theme=dark), same board.
    await wall.goto(`${app.baseUrl}${new URL(wall.url()).pathname}?theme=dark`);
    await until(() => wall.locator(".display-dark .display-group").count()).toBe(20);
    await until(() => textOf(wall, "display-group-speaker-g20")).toBe(members.find((m) => m.id === opened[19]!.seats[1]!.participantId)!.name);
    await shot(wall, "groups-display-20-1920-dark-zh.png");
    await wall.context().close();
  }, 240_000);
});
