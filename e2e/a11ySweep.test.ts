// The accessibility sweep (issue 27): axe-core finds no serious or critical WCAG 2.1 AA violation
// on any main screen, in Chinese and in English — the landing page, a member's phone, the chair's
// console, the clerk's tabs, the room display light and dark, the organisers' admin pages, the
// resident's report form, the check-in page, a bargaining table and a mediation — and each has one
// <main>, named asides, ARIA references to ids that exist and working tab lists (the clerk's tabs
// also by keyboard). One server (the other kinds of meeting are more meetings on it) and one
// browser. Then the larger text: the member's phone at 特大 and at twice the browser's own text
// size still fits a 375 px screen.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountRepository } from "../server/src/accounts/accountRepository.ts";
import { ProposalStore } from "../server/src/bargaining/proposals/proposalStore.ts";
import { CommunityStore } from "../server/src/community/communityStore.ts";
import { orAbort } from "../server/src/http/apiError.ts";
import { joinUrl } from "../server/src/links/urls.ts";
import type { NewParticipant } from "../server/src/meetings/participantStore.ts";
import { STAFF_PASSWORD, staffClient, type ApiClient } from "../testing/server/api.ts";
import { twelveHouseholdCampaign } from "../testing/server/campaign.ts";
import { seriousViolations } from "./support/a11y.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { scrollsSideways } from "./support/mediation.ts";
import { shot, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";
import { structureProblems } from "./support/structure.ts";

type Language = "zh" | "en";
const LANGUAGES: Language[] = ["zh", "en"];
const WIDE = { viewport: { width: 1920, height: 1080 } };
const CHECKIN_CODE = "a11y-sweep-checkin";
/** Each test runs axe over many screens; under CI's load on two cores one screen's run takes seconds. */
const SWEEP_TIMEOUT_MS = 240_000;

let app: AppUnderTest;
let browser: Browser;
let org: ApiClient;
let publicCode: string;
let forcedPassword: string;
let chairActor: { participantId: string; role: string };
let speakerId: string;
/** Households' own links to a campaign (本户链接, /k/…): one for each language. */
let ownLinks: string[];
/** The public code of a collection of workers' proposals (/w/…). */
let proposalsCode: string;
/** Join links of the bargaining table's and the mediation's people, by name. */
const links = new Map<string, string>();
const contexts: BrowserContext[] = [];

/** A page in its own context, the language chosen on the device beforehand (as the switch stores it). */
async function pageIn(language: Language, device: object): Promise<Page> {
  const context = await browser.newContext({ ...device, locale: language === "zh" ? "zh-CN" : "en-GB" });
  await context.addInitScript((lang) => localStorage.setItem("yst.lang", lang), language);
  contexts.push(context);
  return context.newPage();
}

/** Another meeting of `kind` on the same server, opened by `opener`; its people's join links go to `links`. */
async function extraMeeting(title: string, kind: string, roster: NewParticipant[], opener: string): Promise<void> {
  const { meeting, participants } = await app.server.meetings.create(title, roster);
  await app.server.db.meeting.update({ where: { id: meeting.id }, data: { kind } });
  for (const p of participants)
    links.set(p.name, joinUrl(app.baseUrl, await app.server.tokens.issue({ participantId: p.id, meetingId: meeting.id, role: p.role })));
  const chief = participants.find((p) => p.name === opener)!;
  await submitTo(
    app,
    { participantId: chief.id, role: chief.role },
    { type: "attendance.arrive", participantIds: participants.map((p) => p.id), via: "clerk" },
    meeting.id,
  );
  await submitTo(app, { participantId: chief.id, role: chief.role }, { type: "meeting.open" }, meeting.id);
}

/** Signs in on the admin login page (in either language: by the fields' names). */
async function signIn(page: Page, username: string, password = STAFF_PASSWORD): Promise<void> {
  await page.goto(`${app.baseUrl}/admin/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('[data-testid="login-form"] button[type="submit"]').click();
}

/** Goes to `url`, waits for `ready` and checks the page (soft: every screen of a test reports). */
async function sweep(page: Page, screen: string, url: string | null, ready: string): Promise<void> {
  if (url !== null) await page.goto(url);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState("networkidle");
  expect.soft(await seriousViolations(page), screen).toEqual([]);
  expect.soft(await structureProblems(page), screen).toEqual([]);
}

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The selected tab's and the focused element's test ids. */
const selectedTab = (page: Page) =>
  page.evaluate(() => [
    document.querySelector('[role="tab"][aria-selected="true"]')?.getAttribute("data-testid"),
    document.activeElement?.getAttribute("data-testid"),
  ]);

/**
 * What breaks a member's phone with larger text: the page scrolling sideways, or one of what
 * matters — the request button, the floor bar, the agenda's items — cut at the screen's edge,
 * its text clipped in its box, or covered by something else where it is.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  const problems = (await scrollsSideways(page)) ? ["the page scrolls sideways"] : [];
  for (const id of ["request-floor", "member-floor-bar", "agenda-item"]) {
    const all = page.getByTestId(id);
    expect(await all.count(), id).toBeGreaterThan(0);
    for (const element of await all.all()) {
      await element.scrollIntoViewIfNeeded();
      problems.push(
        ...(await element.evaluate((el, id) => {
          const found: string[] = [];
          const box = el.getBoundingClientRect();
          if (box.left < 0 || box.right > document.documentElement.clientWidth + 0.5) found.push(`${id} reaches past the screen's edge`);
          if (el.scrollWidth > el.clientWidth + 1) found.push(`${id}'s text is wider than its box`);
          const top = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 20));
          if (top && !el.contains(top) && !top.contains(el)) found.push(`${id} is covered by ${top.tagName.toLowerCase()}.${[...top.classList].join(".")}`);
          return found;
        }, id)),
      );
    }
  }
  return problems;
}

describe("accessibility sweep: every main screen, zh and en", () => {
  beforeAll(async () => {
    app = await startApp("关于老旧小区加装电梯的协商会（无障碍检查）", [
      { name: "沈国帅", role: "chair" },
      { name: "何静", role: "clerk" },
      { name: "李帅国", role: "member" },
      { name: "刘凯", role: "member" },
      { name: "冯建艳", role: "official" },
    ]);
    org = (await staffClient(app.server, app.baseUrl, "secretariat", "admin")).client;
    for (const title of ["加装电梯的费用分摊", "施工期间的出行安排"])
      expect((await org.post(`/api/meetings/${app.meetingId}/agenda`, { title, plannedMinutes: 30 })).status).toBe(201);
    await app.server.db.meeting.update({ where: { id: app.meetingId }, data: { checkinSecret: CHECKIN_CODE } });
    // The meeting under way: everyone arrived, opened, 刘凯 waiting in the queue.
    const people = (await liveState(app)).roster;
    const as = (name: string) => {
      const p = people.find((r) => r.name === name)!;
      return { participantId: p.id, role: p.role };
    };
    await submitTo(app, as("何静"), { type: "attendance.arrive", participantIds: people.map((p) => p.id), via: "clerk" });
    await submitTo(app, as("沈国帅"), { type: "meeting.open" });
    await submitTo(app, as("刘凯"), { type: "queue.request" });
    chairActor = as("沈国帅");
    speakerId = as("刘凯").participantId;
    const community = orAbort(await new CommunityStore(app.server.db, Date.now).create("阅海湾社区（无障碍检查）"));
    publicCode = community.publicCode;
    forcedPassword = (await new AccountRepository(app.server.db).create({ username: "newcomer", displayName: "newcomer", role: "organiser" }))!
      .oneTimePassword!;
    await extraMeeting(
      "2027年度工资集体协商（无障碍检查）",
      "bargaining",
      [
        { name: "马文华", role: "member", side: "worker", chief: true },
        { name: "丁玉梅", role: "member", side: "worker" },
        { name: "杨建军", role: "member", side: "worker" },
        { name: "王立新", role: "member", side: "enterprise", chief: true },
        { name: "李娜", role: "member", side: "enterprise" },
        { name: "周敏", role: "member", side: "enterprise" },
        { name: "周强", role: "clerk" },
      ],
      "马文华",
    );
    await extraMeeting(
      "邻里漏水纠纷调解（无障碍检查）",
      "mediation",
      [
        { name: "张桂兰", role: "member", household: "3号楼101" },
        { name: "赵德明", role: "member", household: "3号楼201" },
        { name: "杨秀英", role: "chair" },
      ],
      "杨秀英",
    );
    // The minutes: 第1稿 generated from the record, 第2稿 with a line added (so the chair's dialog
    // has its 全文 and 差异 tabs).
    const minutes = `/api/meetings/${app.meetingId}/minutes/versions`;
    expect((await org.post(minutes, { generate: true, baseVersion: 0 })).status).toBe(201);
    const first = (await org.get(`${minutes}/1`)).body.version.blocks;
    const edited = [...first, { kind: "paragraph", runs: [{ text: "会议商定：下周公示费用分摊方案。" }] }];
    expect((await org.post(minutes, { baseVersion: 1, blocks: edited, note: "补充共识" })).status).toBe(201);
    // A consent campaign's own links (本户链接) and a collection of workers' proposals (征集表).
    const campaign = (await twelveHouseholdCampaign(org, Date.now(), "艺术巷社区（无障碍检查）")).campaign;
    ownLinks = (await org.post(`/api/campaigns/${campaign.id}/links`)).body.links.map((l: { url: string }) => l.url);
    proposalsCode = orAbort(
      await new ProposalStore(app.server.db, Date.now).create(
        {
          title: "2027年度工资集体协商意见建议征集（无障碍检查）",
          questions: [
            { kind: "choice", text: "您希望今年工资增长幅度是多少？", options: ["3%以下", "3%-5%", "5%以上"], multiple: false },
            { kind: "choice", text: "您最关心哪些方面？", options: ["工资", "休息休假", "劳动安全"], multiple: true },
            { kind: "text", text: "对季节工、临时工的工资标准有什么建议？", options: [], multiple: false },
          ],
          handedOut: 120,
          opensAt: new Date(Date.now() - 86_400_000).toISOString(),
          closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        },
        "test",
      ),
    ).publicCode;
    browser = await launchChromium();
  }, SWEEP_TIMEOUT_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  for (const language of LANGUAGES) {
    it(
      `the meeting's screens in ${language}: landing, member, chair, clerk, display, check-in, intake`,
      async () => {
        const desk = await pageIn(language, DESKTOP);
        await sweep(desk, "landing", `${app.baseUrl}/`, byTestId("join-code-form"));
        const phone = await pageIn(language, PHONE);
        await sweep(phone, "member (phone)", app.links.get("李帅国")!, byTestId("me"));
        await sweep(desk, "chair", app.links.get("沈国帅")!, byTestId("me"));
        const clerk = await pageIn(language, DESKTOP);
        await sweep(clerk, "clerk: room", app.links.get("何静")!, byTestId("me"));
        // The clerk's tabs by keyboard: the arrow moves to and selects the next tab, End the last.
        await clerk.getByTestId("clerk-tab-room").focus();
        await clerk.keyboard.press("ArrowRight");
        expect(await selectedTab(clerk)).toEqual(["clerk-tab-record", "clerk-tab-record"]);
        await sweep(clerk, "clerk: record", null, byTestId("record-workspace"));
        await clerk.keyboard.press("End");
        expect(await selectedTab(clerk)).toEqual(["clerk-tab-minutes", "clerk-tab-minutes"]);
        await sweep(clerk, "clerk: minutes", null, byTestId("minutes-workspace"));
        const wide = await pageIn(language, WIDE);
        const display = orAbort(await app.server.links.room(app.baseUrl, app.meetingId, "display")).url;
        await sweep(wide, "display (light)", display, byTestId("display"));
        await sweep(wide, "display (dark)", display.replace("#", "?theme=dark#"), byTestId("display"));
        await sweep(phone, "check-in", `${app.baseUrl}/checkin/${encodeURIComponent(app.meetingId)}#c=${CHECKIN_CODE}`, byTestId("checkin-filter"));
        await sweep(phone, "resident's report form", `${app.baseUrl}/c/${publicCode}`, byTestId("intake-form"));
        await sweep(phone, "bargaining (phone)", links.get("丁玉梅")!, byTestId("me"));
        await sweep(desk, "bargaining (chief's console)", links.get("马文华")!, byTestId("me"));
        await sweep(phone, "mediation (party's phone)", links.get("张桂兰")!, byTestId("me"));
        await sweep(desk, "mediation (chair)", links.get("杨秀英")!, byTestId("me"));
      },
      SWEEP_TIMEOUT_MS,
    );

    it(
      `the chair's minutes dialog, a household's own link and the workers' form in ${language}`,
      async () => {
        // 会议纪要 in the chair's console: the latest version's text, its changes, the approval's confirmation.
        const chair = await pageIn(language, DESKTOP);
        await chair.goto(app.links.get("沈国帅")!);
        await chair.getByTestId("minutes-chair-open").click();
        await sweep(chair, "minutes dialog: text", null, `${byTestId("minutes-chair-dialog")} ${byTestId("minutes-document")}`);
        await chair.getByTestId("minutes-chair-changes").click();
        await sweep(chair, "minutes dialog: changes", null, byTestId("minutes-diff-row"));
        await chair.getByTestId("minutes-approve").click();
        await sweep(chair, "minutes dialog: approve?", null, byTestId("minutes-approve-dialog"));
        // A household's own link (/k/…), before and after it answers.
        const phone = await pageIn(language, PHONE);
        await sweep(phone, "own link", ownLinks[language === "zh" ? 0 : 1]!, 'input[type="radio"]');
        const unanswered = await phone.getByTestId("own-current").textContent();
        await phone.locator('input[type="radio"]').first().check();
        await phone.locator('button[type="submit"]').click();
        await until(async () => (await phone.getByTestId("own-current").textContent()) !== unanswered).toBe(true);
        await sweep(phone, "own link: answered", null, byTestId("own-current"));
        // The workers' 征集表 (/w/…): the form as it opens, with a name given, and sent.
        await sweep(phone, "workers' form", `${app.baseUrl}/w/${proposalsCode}`, byTestId("proposals-form"));
        await phone.getByTestId("proposals-suggestion").fill("希望提高夜班津贴");
        await sweep(phone, "workers' form: filled in", null, byTestId("proposals-submit"));
        await phone.getByTestId("proposals-submit").click();
        await sweep(phone, "workers' form: sent", null, byTestId("proposals-done"));
      },
      SWEEP_TIMEOUT_MS,
    );

    it(
      `the organisers' pages in ${language}`,
      async () => {
        const page = await pageIn(language, DESKTOP);
        await sweep(page, "admin login", `${app.baseUrl}/admin/login`, byTestId("login-form"));
        await signIn(page, "newcomer", forcedPassword);
        await sweep(page, "forced password", null, byTestId("forced-password"));
        const admin = await pageIn(language, DESKTOP);
        await signIn(admin, "secretariat");
        await sweep(admin, "meetings list", null, byTestId("meetings-upcoming"));
        for (const tab of ["info", "agenda", "plan", "roster", "venue", "groups"])
          await sweep(admin, `meeting: ${tab}`, `${app.baseUrl}/admin/meetings/${app.meetingId}/${tab}`, byTestId(`tab-${tab}`));
        await sweep(admin, "new meeting", `${app.baseUrl}/admin/meetings/new`, "form");
        await sweep(admin, "archive", `${app.baseUrl}/admin/archive`, byTestId("archive-query"));
        await sweep(admin, "accounts", `${app.baseUrl}/admin/accounts`, "main h1");
        for (const path of ["", "/dashboard", "/reminders", "/departments"])
          await sweep(admin, `ledger${path}`, `${app.baseUrl}/admin/ledger${path}`, "main h1");
        await sweep(admin, "communities", `${app.baseUrl}/admin/communities`, "main h1");
        await sweep(admin, "campaigns", `${app.baseUrl}/admin/campaigns`, "main h1");
        await sweep(admin, "bargaining requests", `${app.baseUrl}/admin/bargaining/requests`, "main h1");
        await sweep(admin, "bargaining agreements", `${app.baseUrl}/admin/bargaining/agreements`, "main h1");
        await sweep(admin, "mediation cases", `${app.baseUrl}/admin/mediation/cases`, "main h1");
      },
      SWEEP_TIMEOUT_MS,
    );
  }

  it("a member's phone holds with larger text: 特大 (kept on the device) and twice the browser's own text size", async () => {
    // 刘凯 given the floor (the floor bar); 李帅国 free to ask for it.
    await submitTo(app, chairActor as never, { type: "floor.give", participantId: speakerId });
    const phone = await pageIn("zh", PHONE);
    await phone.goto(app.links.get("李帅国")!);
    await phone.getByTestId("member-floor-bar").waitFor();
    const rootSize = () => phone.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe("16px");
    await phone.getByLabel("字号").selectOption({ label: "特大" });
    expect(await rootSize()).toBe("24px");
    expect(await layoutProblems(phone), "特大").toEqual([]);
    await phone.reload();
    await phone.getByTestId("member-floor-bar").waitFor();
    expect(await rootSize()).toBe("24px");
    await shot(phone, "a11y-large-text.png");

    // The browser's own text size at 200 % (its default font size doubled), the setting at 标准.
    await phone.getByLabel("字号").selectOption({ label: "标准" });
    const cdp = await phone.context().newCDPSession(phone);
    await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32 } });
    await until(rootSize).toBe("32px");
    expect(await layoutProblems(phone), "200 %").toEqual([]);
    await shot(phone, "a11y-text-200.png");
  }, 60_000);
});
