// End to end in a real Chromium, the whole of issue 21 as the people do it: a collective wage
// bargaining (工资集体协商) with 4 + 4 representatives — the worker side led by the union chair
// (首席代表), the enterprise side by the head of HR — the neutral recorder (记录员) and an observer
// of the 区总工会. The worker chief opens the meeting (the delegations are lawful, §19–§24). At the
// table (the chiefs, one representative of each side, the recorder and the observer in browsers;
// the other representatives on the roster only): two clauses; on each an offer and the other side's
// counter-offer, both chiefs accept the same wording → 已达成一致; the second clause after the chair
// was handed to the enterprise chief; meanwhile the worker side consults on its own (背靠背): the
// enterprise chief and the observer see only the banner, the note reaches the worker
// representative and no other page; the presiding chief suspends (中止, §34) and resumes. Then the
// secretariat generates the draft from the two agreed clauses in the admin app (the DOCX the page
// links holds both), creates the 职工代表大会 through the admin API with the worker
// representatives on its roster, whose chair runs the secret §36 vote (the poll form's preset) in
// the browser; three representatives vote 赞成 on their pages, one is away; the secretariat
// records the vote on the agreement page: 表决通过.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { chinaDate } from "../core/ledger/deadline.ts";
import { toZonedInput } from "../core/time/meetingTime.ts";
import { dayAndTime } from "../client/src/bargaining/table/bargainingTable.ts";
import { createStaff } from "../testing/server/api.ts";
import { signInToAdmin } from "./support/admin.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { BARGAINING_ZONE as ZONE, WIDE, accept, addClause, clause, currentText, offer, openAtTable, shotFromTop } from "./support/bargaining.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { openMeetingAsChair } from "./support/chair.ts";
import { docxParagraphs } from "./support/docx.ts";
import { SHOTS, shot, textOf, until } from "./support/page.ts";
import { voteOnPage } from "./support/poll.ts";
import { liveState } from "./support/room.ts";

const TITLE = "银川市凤城机械制造有限公司2027年度工资集体协商（端到端测试）";
const CONGRESS = "银川市凤城机械制造有限公司第三届职工代表大会第二次会议（端到端测试）";
const WAGES = "工资调整幅度";
const LEAVE = "带薪年休假";
const WAGES_AGREED = "2027年度职工月工资平均增长6%，自2027年1月1日起执行。";
const LEAVE_AGREED = "工龄满10年的职工每年增加带薪年休假2天。";
const WORKERS = [
  { name: "王强", role: "member", side: "worker", chief: true, unit: "凤城机械工会主席" },
  { name: "刘芳", role: "member", side: "worker", unit: "装配车间" },
  { name: "黄伟", role: "member", side: "worker", unit: "质检部" },
  { name: "马丽", role: "member", side: "worker", unit: "机加工车间" },
] as const;
const ROSTER = [
  ...WORKERS,
  { name: "陈明", role: "member", side: "enterprise", chief: true, unit: "人力资源部部长" },
  { name: "赵磊", role: "member", side: "enterprise", unit: "财务部" },
  { name: "吴静", role: "member", side: "enterprise", unit: "生产部" },
  { name: "郑凯", role: "member", side: "enterprise", unit: "总经理办公室" },
  { name: "周敏", role: "clerk" },
  { name: "孙丽", role: "observer", unit: "区总工会" },
] as const;

let app: AppUnderTest;
let browser: Browser;
/** At the table: 王强 and 陈明 the chiefs, 刘芳 and 赵磊 a representative each, 周敏 the recorder, 孙丽 the observer. */
let wang: Page;
let liu: Page;
let chen: Page;
let zhao: Page;
let zhou: Page;
let sun: Page;
const everyone = () => [wang, liu, chen, zhao, zhou, sun];
/** The secretariat (an organiser account) in the admin app. */
let admin: Page;
let congressId: string;

/** The admin API as the admin page calls it (the page's session cookie, the CSRF header). */
async function adminApi<T>(method: "GET" | "POST", path: string, data?: unknown): Promise<T> {
  const res = await admin.request.fetch(`${app.baseUrl}${path}`, { method, headers: { "X-Yishiting": "1" }, ...(data === undefined ? {} : { data }) });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

describe("a collective wage bargaining from the table to the 职工代表大会's vote", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, [...ROSTER]);
    await app.server.db.meeting.update({ where: { id: app.meetingId }, data: { kind: "bargaining" } });
    await app.server.rooms.syncConfig(app.meetingId);
    await createStaff(app.server, "secretariat", "organiser");
    browser = await launchChromium();
    const open = (name: string, device: typeof PHONE | typeof DESKTOP | typeof WIDE) => openAtTable(browser, app.links.get(name)!, device);
    [wang, liu, chen, zhao, zhou, sun] = await Promise.all([
      open("王强", DESKTOP),
      open("刘芳", PHONE),
      open("陈明", DESKTOP),
      open("赵磊", PHONE),
      open("周敏", WIDE),
      open("孙丽", PHONE),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the worker chief opens the session: the delegations are lawful, everyone sees the table", async () => {
    for (const page of everyone()) {
      await page.getByTestId("bargaining-table").waitFor();
      expect(await textOf(page, "bt-presiding")).toBe("主持方：职工方首席代表 王强");
    }
    await openMeetingAsChair(wang);
    await until(async () => (await liveState(app)).status).toBe("open");
    await until(() => sun.getByTestId("bt-read-only").isVisible()).toBe(true);
    await addClause(wang, WAGES);
    await until(() => zhou.getByTestId("bt-add-clause").count()).toBe(1);
    await addClause(zhou, LEAVE);
    for (const page of everyone()) await until(() => page.getByTestId("bt-clause").count()).toBe(2);
  });

  it("the first clause: an offer, the enterprise side's counter-offer, both chiefs accept it → agreed", async () => {
    await offer(liu, WAGES, "2027年度职工月工资平均增长8%。", "当地物价上涨3.2%，企业利润增长12%");
    await offer(zhao, WAGES, WAGES_AGREED, "原材料成本上升，分两步难以执行");
    await until(() => currentText(wang, WAGES, "enterprise")).toBe(WAGES_AGREED);
    await accept(wang, WAGES, "enterprise");
    await until(() => currentText(chen, WAGES, "enterprise")).toBe(WAGES_AGREED);
    await accept(chen, WAGES, "enterprise");
    for (const page of everyone()) {
      await until(() => clause(page, WAGES).getAttribute("data-status")).toBe("agreed");
      expect(await clause(page, WAGES).getByTestId("bt-agreed").textContent()).toContain(`一致意见：${WAGES_AGREED}`);
    }
    await shotFromTop(wang, "session-first-clause-agreed-1366.png");
  });

  it("the chair passes to the enterprise chief; the enterprise side offers on the second clause", async () => {
    await wang.getByTestId("bt-hand-over").click();
    for (const page of everyone()) await until(() => textOf(page, "bt-presiding")).toBe("主持方：企业方首席代表 陈明");
    await until(() => chen.locator("main.chair-console").count()).toBe(1);
    await offer(zhao, LEAVE, "工龄满10年的职工每年增加带薪年休假1天。", "生产旺季人手紧张");
    for (const page of everyone()) await until(() => currentText(page, LEAVE, "enterprise")).toBe("工龄满10年的职工每年增加带薪年休假1天。");
  });

  it("the worker side caucuses: the others see only the banner, the note reaches the worker representative alone", async () => {
    await wang.getByTestId("bt-caucus-start").click();
    await until(async () => (await liveState(app)).bargaining.caucuses.length).toBe(1);
    const started = (await liveState(app)).bargaining.caucuses[0]!.startedAt;
    const banner = `职工方正在内部协商 · ${toZonedInput(started, ZONE).slice(11)}`;
    for (const page of everyone()) await until(() => textOf(page, "bt-caucus-banner")).toBe(banner);
    for (const page of [wang, liu]) await until(() => page.getByTestId("caucus-panel").isVisible()).toBe(true);
    const note = "底线：2天，不再让步";
    await wang.getByTestId("caucus-input").fill(note);
    await wang.getByTestId("caucus-send").click();
    await until(() => liu.getByTestId("caucus-note").allTextContents()).toEqual([expect.stringContaining(note)]);
    for (const page of [chen, zhao, zhou, sun]) {
      expect(await page.getByTestId("caucus-panel").count()).toBe(0);
      expect(await page.locator("body").innerText()).not.toContain("底线");
      expect(await page.content()).not.toContain("底线");
    }
    await shotFromTop(chen, "session-caucus-enterprise-chief-1366.png");
    await shotFromTop(sun, "session-caucus-observer-phone.png");
    await shotFromTop(liu, "session-caucus-worker-rep-phone.png");
    await wang.getByTestId("bt-caucus-end").click();
    for (const page of everyone()) await until(() => page.getByTestId("bt-caucus-banner").count()).toBe(0);
  });

  it("the presiding chief suspends (reason, open matters, agreed time) for everyone, then resumes", async () => {
    const day = new Date(Date.now() + 86_400_000);
    const resumeInput = `${toZonedInput(day.getTime(), ZONE).slice(0, 10)}T14:30`;
    await chen.getByTestId("bt-suspend").click();
    await chen.getByTestId("bt-suspend-reason").fill("企业方需测算增加年休假的人工成本");
    await chen.getByTestId("bt-suspend-matters").fill(LEAVE);
    await chen.getByTestId("bt-suspend-resume-at").fill(resumeInput);
    await chen.getByTestId("bt-suspend-send").click();
    await until(async () => (await liveState(app)).bargaining.suspension?.resumeAt).toBeDefined();
    const resumeAt = (await liveState(app)).bargaining.suspension!.resumeAt;
    expect(toZonedInput(resumeAt, ZONE)).toBe(resumeInput);
    for (const page of everyone()) {
      await until(() => textOf(page, "bt-suspended-banner")).toBe(`已中止 · 约定 ${dayAndTime(resumeAt, ZONE, "zh", ZONE)} 继续`);
      expect(await textOf(page, "bt-suspended-reason")).toBe("中止原因：企业方需测算增加年休假的人工成本");
      expect(await page.getByTestId("bt-open-matters").locator("li").allTextContents()).toEqual([LEAVE]);
    }
    await shotFromTop(zhou, "session-suspended-recorder-1920.png");
    await chen.getByTestId("bt-resume").click();
    for (const page of everyone()) await until(() => page.getByTestId("bt-suspended").count()).toBe(0);
  });

  it("the second clause: the worker side's counter-offer, both chiefs accept it → both clauses agreed", async () => {
    await offer(liu, LEAVE, LEAVE_AGREED, "工龄长的职工体力消耗大");
    await until(() => currentText(chen, LEAVE, "worker")).toBe(LEAVE_AGREED);
    await accept(chen, LEAVE, "worker");
    await until(() => currentText(wang, LEAVE, "worker")).toBe(LEAVE_AGREED);
    await accept(wang, LEAVE, "worker");
    for (const page of everyone()) {
      await until(() => clause(page, LEAVE).getAttribute("data-status")).toBe("agreed");
      expect(await clause(page, LEAVE).getByTestId("bt-agreed").textContent()).toContain(`一致意见：${LEAVE_AGREED}`);
    }
    expect((await liveState(app)).bargaining.clauses.map((c) => c.agreed?.text)).toEqual([WAGES_AGREED, LEAVE_AGREED]);
    await shotFromTop(sun, "session-both-agreed-observer-phone.png");
  });

  it("the secretariat generates the draft from the two agreed clauses; the DOCX the page links holds both", async () => {
    admin = await (await browser.newContext({ ...DESKTOP, locale: "zh-CN", timezoneId: ZONE })).newPage();
    await signInToAdmin(admin, `${app.baseUrl}/admin/bargaining/agreements`, "secretariat");
    await admin.getByTestId("agreement-row").filter({ hasText: TITLE }).getByRole("link").click();
    await admin.getByTestId("agreement").waitFor();
    expect(await textOf(admin, "agreement-state")).toBe("草案");
    await admin.getByTestId("agreement-generate").click();
    await until(() => admin.getByTestId("agreement-article").evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value))).toEqual([
      WAGES_AGREED,
      LEAVE_AGREED,
    ]);
    const href = await admin.getByTestId("agreement-versions").locator('a[href$=".docx"]').first().getAttribute("href");
    expect(href).toBe(`/api/meetings/${app.meetingId}/agreement/versions/1.docx`);
    const docx = await admin.request.get(`${app.baseUrl}${href}`);
    expect(docx.status()).toBe(200);
    const paragraphs = await docxParagraphs(await docx.body());
    expect(paragraphs).toEqual(expect.arrayContaining([`第一条\u3000${WAGES}`, WAGES_AGREED, `第二条\u3000${LEAVE}`, LEAVE_AGREED]));
    await shot(admin, "session-agreement-draft.png");
  });

  it("the 职工代表大会 votes on the draft in its own meeting: secret, §36; three representatives vote 赞成", async () => {
    // The congress and its roster, created through the admin API as the admin app does.
    const { meeting } = await adminApi<{ meeting: { id: string } }>("POST", "/api/meetings", { title: CONGRESS, kind: "plenary" });
    congressId = meeting.id;
    const links = new Map<string, string>();
    for (const person of [
      { name: "吕华", role: "chair", unit: "职代会主席团执行主席" },
      ...WORKERS.map(({ name, unit }) => ({ name, role: "member", unit })),
    ]) {
      const { participant } = await adminApi<{ participant: { id: string } }>("POST", `/api/meetings/${congressId}/participants`, person);
      links.set(person.name, (await adminApi<{ url: string }>("GET", `/api/meetings/${congressId}/participants/${participant.id}/link`)).url);
    }
    // The chair in her own browser; 王强 and 刘芳 in a new tab of theirs, 黄伟 on his phone; 马丽 is away.
    const inTab = async (page: Page, name: string) => {
      const tab = await page.context().newPage();
      await tab.goto(links.get(name)!);
      await tab.getByTestId("me").waitFor();
      return tab;
    };
    const [chair, ...voters] = await Promise.all([
      openAtTable(browser, links.get("吕华")!, DESKTOP),
      inTab(wang, "王强"),
      inTab(liu, "刘芳"),
      openAtTable(browser, links.get("黄伟")!, PHONE),
    ]);
    await until(() => textOf(chair!, "present")).toBe("3");
    await openMeetingAsChair(chair!);
    await chair!.getByTestId("poll-new").click();
    await chair!.getByTestId("poll-title").fill("工资专项集体合同（草案）");
    await chair!.getByTestId("poll-article36").click();
    await chair!.getByTestId("poll-article36-applied").waitFor();
    expect(await chair!.getByTestId("poll-secret").isChecked()).toBe(true);
    await until(() => textOf(chair!, "poll-eligible-preview")).toContain("4 人应到，目前 3 人到会");
    await shot(chair!, "session-congress-poll-form.png");
    await chair!.getByTestId("poll-create-submit").click();
    await until(() => chair!.getByTestId("poll-item").getAttribute("data-status")).toBe("draft");
    await chair!.getByTestId("poll-open").click();
    // 马丽 is away: the chair confirms the opening without her (she stays in 应到).
    await until(async () => (await chair!.getByTestId("poll-open-warnings").count()) > 0 || (await textOf(chair!, "poll-status")) === "进行中").toBe(true);
    if ((await chair!.getByTestId("poll-open-warnings").count()) > 0) await chair!.getByTestId("poll-open-confirm").click();
    await until(() => textOf(chair!, "poll-turnout")).toBe("已投 0 · 应到 4 人 · 实到 3 人");
    for (const voter of voters) await voteOnPage(voter!, "yes");
    await shot(voters[2]!, "session-congress-voted-phone.png");
    await until(() => textOf(chair!, "poll-turnout")).toBe("已投 3 · 应到 4 人 · 实到 3 人");
    await chair!.getByTestId("poll-close").click();
    await chair!.getByTestId("confirm-close-poll-confirm").click();
    await until(() => textOf(chair!, "poll-verdict")).toBe("通过");
    await shot(chair!, "session-congress-result-1366.png");
    expect((await liveState(app, congressId)).polls[0]!.definition.eligibility.side).toBeNull();
  });

  it("the secretariat records the congress's vote on the agreement page: 表决通过", async () => {
    await admin.reload();
    await admin.getByTestId("agreement-vote-meeting").selectOption(congressId);
    await until(() => admin.getByTestId("agreement-vote-poll").locator("option").allTextContents()).toEqual(["工资专项集体合同（草案）"]);
    await admin.getByTestId("agreement-vote-record").click();
    await until(() => textOf(admin, "agreement-state")).toBe("表决通过");
    const vote = await textOf(admin, "agreement-vote");
    // Where and when it was held and which draft was voted on, not only the counts.
    const votedOn = chinaDate((await liveState(app, congressId)).polls[0]!.closedAt!);
    expect(vote).toContain(`${CONGRESS}（${votedOn}）表决「工资专项集体合同（草案）」（合同草案第1稿）：应到 4 人，实到 3 人，赞成 3 票`);
    expect(vote).toContain("实到不少于应到的三分之二（3 人）：符合");
    expect(vote).toContain("依照第三十六条，合同草案获得通过");
    await shot(admin, "session-agreement-vote-recorded.png");
  });
});
