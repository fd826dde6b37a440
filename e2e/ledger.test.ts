// End to end in a real Chromium: the follow-up ledger (问题清单与台账: 交办 — 督办 — 反馈). A short
// meeting is run: a member speaks, an official responds live (插话, marked 采纳), and the clerk
// captures a suggestion on that speech in 会议记录; within moments it is a ledger item, which the
// member already finds under 我的建议 as 待交办 with the live response. The secretariat, logged in
// to the admin app, finds it in 台账 with its source (meeting, item, speaker, sector), adds the
// department 区住建委 and its account, and assigns it (交办) with a deadline. The department user
// logs in (setting their own password), sees only that item, and replies (答复, 采纳) with a PDF.
// The member comes back to the closed meeting's link on a phone: 我的建议 opens by itself, shows
// 已反馈 with the reply, the department and the deadline; they open the attachment, rate 满意 with a
// comment, and the rating is shown (a second rating is refused). A second suggestion from the same
// speech goes the same way through the REST API in the same browsers (交办, 答复); the secretariat
// closes it (办结) while the member's form is open, so their rating meets EDIT_CONFLICT: said,
// reloaded, sent again. The dashboard's counts (统计分析, read from its text alternative) move from
// two new items to one answered rated 满意 and one closed rated 基本满意.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { chinaDate } from "../core/ledger/deadline.ts";
import type { Actor } from "../core/roles.ts";
import { createStaff, STAFF_PASSWORD, staffClient, type ApiClient } from "../testing/server/api.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openJoinLink, shot, SHOTS, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";

const TITLE = "区政协“老旧小区改造”专题协商会（端到端测试：台账）";
const ITEM_TITLE = "老旧小区加装电梯";
const SUGGESTION = { title: "简化加装电梯审批", text: "住建、规划部门联合审批，一窗受理、一次办结。", department: "区住建委" };
/** The second suggestion, handled through the REST API (the pages are tested with the first). */
const SUGGESTION_2 = { title: "加装电梯财政补贴", text: "对加装电梯给予三成财政补贴。", department: "区住建委" };
const DEPARTMENT = "区住房和城乡建设委员会";
const REPLY = "已会同区规划分局建立加装电梯联合审批机制，自明年1月起一窗受理、一次办结。";
const DEPT_PASSWORD = "住建委-e2e-2026";
/** A small but real PDF (the server checks the type by its first bytes). */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const PDF_NAME = "加装电梯联合审批实施办法.pdf";

let app: AppUnderTest;
let browser: Browser;
let clerk: Page;
/** The secretariat (an admin account) in the admin app. */
let admin: Page;
let org: ApiClient;
let ids: Record<string, string>;
let speechId: string;
let itemId: string;
let item2Id: string;
let departmentId: string;
/** The department user's browser (kept for the second item's reply). */
let dept: Page;
let deadline: string;
let deptUsername: string;
let deptOneTimePassword: string | null = null;
/** When the clerk's suggestion was saved (the ledger item follows within moments). */
let savedAt: number;

const as = (name: string, role: Actor["role"]): Actor => ({ participantId: ids[name]!, role });
const submit = (actor: Actor, command: unknown) => submitTo(app, actor, command);
const live = () => liveState(app);
const fullShot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
const cardOf = (page: Page, id: string) => page.locator(`[data-testid="my-suggestion"][data-item-id="${id}"]`);
const cardText = async (page: Page, id: string, testId: string) => ((await cardOf(page, id).getByTestId(testId).first().textContent()) ?? "").trim();

/** A REST call from a staff member's browser (their session cookie), as their pages make it. */
async function restIn(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: { error?: { code: string } } & Record<string, unknown> }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(url, {
        method,
        headers: { "Content-Type": "application/json", "X-Yishiting": "1" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, url, body },
  );
}

/** An action on an item at its current version, in the browser of `page`'s user. */
async function act(page: Page, id: string, action: unknown) {
  const current = await restIn(page, "GET", `/api/ledger/items/${id}`);
  expect(current.status).toBe(200);
  const version = (current.body.item as { version: number }).version;
  const res = await restIn(page, "POST", `/api/ledger/items/${id}/actions`, { baseVersion: version, action });
  expect(res, JSON.stringify(action)).toMatchObject({ status: 200 });
}

async function staffPage(device: typeof DESKTOP | typeof PHONE = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...device, locale: "zh-CN", acceptDownloads: true });
  return { context, page: await context.newPage() };
}

async function login(page: Page, username: string, password: string) {
  await page.goto(`${app.baseUrl}/admin/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** The dashboard's numbers, read from its text alternative (the KPIs and the charts' data tables). */
async function dashboardNumbers(page: Page) {
  await page.goto(`${app.baseUrl}/admin/ledger/dashboard`);
  await page.getByTestId("ledger-kpis").waitFor();
  const kpi = async (id: string) => Number(await textOf(page, id));
  const table = async (id: string) =>
    Object.fromEntries(
      await page.locator(`[data-testid="chart-${id}-table"] tbody tr`).evaluateAll((rows) =>
        rows.map((r) => {
          const cells = Array.from(r.querySelectorAll("th, td")).map((c) => (c.textContent ?? "").trim());
          return [cells[0], cells.slice(1).map(Number)];
        }),
      ),
    ) as Record<string, number[]>;
  return {
    total: await kpi("kpi-total"),
    open: await kpi("kpi-open"),
    closed: await kpi("kpi-closed"),
    byState: await table("byState"),
    byDepartment: await table("byDepartment"),
    ratings: await table("ratings"),
  };
}

describe("the follow-up ledger: captured in the meeting, assigned, answered, rated", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      { name: "李明", role: "member", sector: "科技界" },
      { name: "王建国", role: "official", unit: "区住建委" },
      { name: "赵敏", role: "observer" },
    ]);
    browser = await launchChromium();
    org = (await staffClient(app.server, app.baseUrl, "huiwu", "organiser")).client;
    ids = Object.fromEntries((await live()).roster.map((p) => [p.name, p.id]));
    expect((await org.post(`/api/meetings/${app.meetingId}/agenda`, { title: ITEM_TITLE, plannedMinutes: 30 })).status).toBe(201);
    clerk = await openJoinLink(browser, app.links.get("文书")!);
    await createStaff(app.server, "mishuchu", "admin");
    admin = (await staffPage()).page;
    await login(admin, "mishuchu", STAFF_PASSWORD);
    await admin.getByTestId("create-meeting").waitFor();
    deadline = chinaDate(Date.now() + 20 * 86_400_000);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("before the meeting the dashboard counts nothing", async () => {
    const before = await dashboardNumbers(admin);
    expect(before).toMatchObject({ total: 0, open: 0, closed: 0 });
    await shot(admin, "ledger-dashboard-empty-1366.png");
  }, 60_000);

  it("a short meeting: the member speaks, an official responds live (采纳), the clerk captures two suggestions on that speech", async () => {
    const chair = as("钟玉", "chair");
    await submit(chair, { type: "meeting.open" });
    await submit(as("李明", "member"), { type: "queue.request" });
    await submit(chair, { type: "floor.give", participantId: ids["李明"]! });
    const official = as("王建国", "official");
    await submit(official, { type: "interjection.request", point: "联合审批可以试点" });
    await submit(chair, { type: "interjection.grant", requestId: (await live()).interjectionRequests[0]!.requestId });
    await submit(official, { type: "interjection.end" });
    // The outcome is the chair's (or the clerk's) to mark, not the official's about their own answer.
    await submit(chair, { type: "interjection.setOutcome", interjectionId: (await live()).interjections[0]!.interjectionId, outcome: "adopt" });
    await submit(chair, { type: "floor.end" });
    speechId = (await live()).speeches[0]!.speechId;

    // The clerk, in 会议记录: the speech, then 添加意见建议.
    await clerk.getByTestId("clerk-tab-record").click();
    await clerk.getByTestId("record-workspace").waitFor();
    await clerk.locator(`[data-testid="tl-entry"][data-key="speech:${speechId}"]`).click();
    await until(() => textOf(clerk, "detail-speaker")).toContain("李明");
    await clerk.getByTestId("suggestion-add").click();
    await clerk.getByTestId("suggestion-title-input").fill(SUGGESTION.title);
    await clerk.getByTestId("suggestion-text-input").fill(SUGGESTION.text);
    await clerk.getByTestId("suggestion-department-input").fill(SUGGESTION.department);
    await clerk.getByTestId("suggestion-save").click();
    await until(() => clerk.getByTestId("suggestion").count()).toBe(1);
    savedAt = Date.now();
    await clerk.getByTestId("suggestion-add").click();
    await clerk.getByTestId("suggestion-title-input").fill(SUGGESTION_2.title);
    await clerk.getByTestId("suggestion-text-input").fill(SUGGESTION_2.text);
    await clerk.getByTestId("suggestion-department-input").fill(SUGGESTION_2.department);
    await clerk.getByTestId("suggestion-save").click();
    await until(() => clerk.getByTestId("suggestion").count()).toBe(2);
  }, 120_000);

  it("the member finds them at once under 我的建议: 待交办, with the live response", async () => {
    // The record sync makes the items within about a second (5 s allowed on a busy machine).
    await until(async () => (await app.server.db.ledgerItem.count()) === 2, 5_000).toBe(true);
    expect(Date.now() - savedAt).toBeLessThan(5_000);
    itemId = (await app.server.db.ledgerItem.findFirstOrThrow({ where: { title: SUGGESTION.title } })).id;
    item2Id = (await app.server.db.ledgerItem.findFirstOrThrow({ where: { title: SUGGESTION_2.title } })).id;
    const member = await openJoinLink(browser, app.links.get("李明")!, PHONE);
    // During the meeting the member starts in 会场; 我的建议 reads when opened.
    expect(await member.getByTestId("member-tab-room").getAttribute("aria-selected")).toBe("true");
    await member.getByTestId("member-tab-mine").click();
    await until(() => member.getByTestId("my-suggestion").count()).toBe(2);
    // In the order raised.
    expect(await member.getByTestId("my-suggestion-title").allTextContents()).toEqual([SUGGESTION.title, SUGGESTION_2.title]);
    const card = cardOf(member, itemId);
    expect(await card.getAttribute("data-state")).toBe("new");
    expect(await cardText(member, itemId, "my-suggestion-text")).toBe(SUGGESTION.text);
    expect(await cardText(member, itemId, "my-suggestion-state")).toBe("当前状态：待交办");
    expect(await card.locator('[aria-current="step"]').textContent()).toContain("待交办");
    expect(await cardText(member, itemId, "my-suggestion-live")).toMatch(/王建国（区住建委）\s*采纳\s*联合审批可以试点/);
    expect(await member.getByTestId("my-suggestion-rating-form").count()).toBe(0);
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await fullShot(member, "ledger-member-new-375.png");
    await member.context().close();
    // An observer raises no suggestions: no such tab.
    const observer = await openJoinLink(browser, app.links.get("赵敏")!, PHONE);
    await observer.locator(".member-view").waitFor();
    expect(await observer.getByTestId("member-tab-mine").count()).toBe(0);
    await observer.context().close();
    await submit(as("钟玉", "chair"), { type: "meeting.close" });
  }, 60_000);

  it("the secretariat finds them in 台账 with their source; the dashboard counts two new items", async () => {
    await admin.goto(`${app.baseUrl}/admin/ledger`);
    await until(() => admin.getByTestId("ledger-row").count()).toBe(2);
    const row = admin.locator(`[data-testid="ledger-row"][data-item-id="${itemId}"]`);
    const rowText = await row.textContent();
    for (const part of [SUGGESTION.title, "李明", "科技界", TITLE]) expect(rowText).toContain(part);
    await row.getByTestId("ledger-item-link").click();
    await admin.getByTestId("ledger-item").waitFor();
    const source = await textOf(admin, "ledger-item-source");
    for (const part of [TITLE, ITEM_TITLE, "李明", "科技界"]) expect(source).toContain(part);
    expect(await textOf(admin, "ledger-live")).toContain("王建国");

    const now = await dashboardNumbers(admin);
    expect(now).toMatchObject({ total: 2, open: 2, closed: 0 });
    expect(now.byState["待交办"]).toEqual([2]);
    expect(now.byState["已反馈"]).toEqual([0]);
    expect(now.ratings["满意"] ?? [0]).toEqual([0]);
    await shot(admin, "ledger-dashboard-before-1366.png");
  }, 60_000);

  it("the secretariat adds the department and its account, and assigns the items (交办)", async () => {
    await admin.goto(`${app.baseUrl}/admin/ledger/departments`);
    await admin.getByTestId("department-name").fill(DEPARTMENT);
    await admin.getByTestId("department-add").click();
    await until(() => admin.getByTestId("department-row").filter({ hasText: DEPARTMENT }).count()).toBe(1);
    departmentId = (await app.server.db.department.findFirstOrThrow({ where: { name: DEPARTMENT } })).id;

    // The department's account (承办单位 login), through the accounts page.
    deptUsername = "zhujianwei";
    await admin.goto(`${app.baseUrl}/admin/accounts`);
    await admin.getByTestId("create-account").click();
    const form = admin.getByTestId("create-account-form");
    await form.getByLabel("用户名").fill(deptUsername);
    await form.getByLabel("姓名").fill("住建委办公室");
    await form.getByLabel("角色").selectOption("department");
    await form.getByTestId("account-department-select").selectOption(departmentId);
    await form.getByRole("button", { name: "新建账户" }).click();
    await admin.getByTestId("otp-dialog").waitFor();
    deptOneTimePassword = (await textOf(admin, "one-time-password")).replace(/\s/g, "");
    expect(deptOneTimePassword.length).toBeGreaterThanOrEqual(8);
    await admin.getByRole("button", { name: "我已记下" }).click();
    await until(() => admin.getByTestId("account-row").filter({ hasText: deptUsername }).textContent()).toContain("承办单位");

    await admin.goto(`${app.baseUrl}/admin/ledger/${encodeURIComponent(itemId)}`);
    await admin.getByTestId("ledger-action-assign").click();
    const dialog = admin.getByTestId("ledger-form-assign");
    await dialog.getByTestId("ledger-assign-lead").selectOption(departmentId);
    await dialog.getByTestId("ledger-assign-deadline").fill(deadline);
    await dialog.getByTestId("ledger-assign-instructions").fill("请于时限内答复委员。");
    await admin.getByTestId("ledger-action-submit").click();
    await until(() => admin.getByTestId("ledger-state").first().getAttribute("data-state")).toBe("assigned");
    expect(await textOf(admin, "ledger-assignment")).toContain(DEPARTMENT);
    await shot(admin, "ledger-item-assigned-1366.png");
    // The second item: 交办 through the REST API in the secretariat's browser.
    await act(admin, item2Id, { type: "assign", lead: departmentId, partners: [], deadline, instructions: "" });
  }, 90_000);

  it("the department user logs in, sees the items and replies (答复, 采纳) with a PDF", async () => {
    dept = (await staffPage()).page;
    await login(dept, deptUsername, deptOneTimePassword!);
    await dept.getByTestId("forced-password").waitFor();
    await dept.getByLabel("当前密码").fill(deptOneTimePassword!);
    await dept.getByLabel("新密码", { exact: true }).fill(DEPT_PASSWORD);
    await dept.getByLabel("再次输入新密码").fill(DEPT_PASSWORD);
    await dept.getByRole("button", { name: "保存新密码" }).click();
    // A department starts at the ledger and sees its own items.
    await until(() => dept.getByTestId("ledger-row").count()).toBe(2);
    expect(new URL(dept.url()).pathname).toBe("/admin/ledger");
    await dept.locator(`[data-testid="ledger-row"][data-item-id="${itemId}"]`).getByTestId("ledger-item-link").click();
    await dept.getByTestId("ledger-action-reply").click();
    await dept.getByTestId("ledger-reply-text").fill(REPLY);
    await dept.getByTestId("ledger-outcome-adopted").check();
    await dept.getByTestId("ledger-reply-files").setInputFiles({ name: PDF_NAME, mimeType: "application/pdf", buffer: PDF });
    await until(() => dept.getByTestId("ledger-reply-attachments").textContent()).toContain(PDF_NAME);
    await dept.getByTestId("ledger-action-submit").click();
    await until(() => dept.getByTestId("ledger-state").first().getAttribute("data-state")).toBe("answered");
    expect(await textOf(dept, "ledger-reply")).toContain(REPLY);
    await shot(dept, "ledger-department-replied-1366.png");
    // The second item: 答复 (部分采纳) through the REST API in the department user's browser.
    await act(dept, item2Id, { type: "reply", text: "补贴比例正在测算，先对六层以上住宅试点补贴两成。", outcome: "partly", attachments: [] });
    await dept.context().close();
  }, 90_000);

  it("back on the closed meeting's link, the member's phone opens 我的建议: 已反馈 with the reply; they rate 满意", async () => {
    const member = await openJoinLink(browser, app.links.get("李明")!, PHONE);
    // The meeting has closed: 我的建议 is the tab that opens.
    await until(() => member.getByTestId("member-tab-mine").getAttribute("aria-selected")).toBe("true");
    expect(await textOf(member, "meeting-status")).toContain("会议已结束");
    const card = cardOf(member, itemId);
    await until(() => card.getAttribute("data-state")).toBe("answered");
    expect(await cardOf(member, item2Id).getAttribute("data-state")).toBe("answered");
    expect(await cardText(member, itemId, "my-suggestion-state")).toBe("当前状态：已反馈");
    const steps = await card.locator("[data-step]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-step")}:${e.getAttribute("data-status")}`));
    expect(steps).toEqual(["new:done", "assigned:done", "in_progress:done", "answered:current", "closed:todo"]);
    expect(await cardText(member, itemId, "my-suggestion-lead")).toBe(DEPARTMENT);
    expect(await cardText(member, itemId, "my-suggestion-deadline")).toContain(deadline);
    expect(await cardText(member, itemId, "my-suggestion-reply-text")).toBe(REPLY);
    expect(await cardText(member, itemId, "my-suggestion-outcome")).toBe("答复结果：采纳");
    expect(await cardText(member, item2Id, "my-suggestion-outcome")).toBe("答复结果：部分采纳");
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The step indicator says it in words and icons, not colour alone: the current step is named.
    expect(await card.locator('[aria-current="step"]').textContent()).toContain("已反馈");
    // Every button and choice on the card is at least 44 px high.
    const small = await card
      .locator("button, .rating-options label")
      .evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.textContent));
    expect(small).toEqual([]);
    await fullShot(member, "ledger-member-answered-375.png");

    // The attachment, fetched with the join token.
    const [download] = (await Promise.all([member.waitForEvent("download"), card.getByTestId("my-suggestion-attachment").click()])) as [Download, void];
    expect(download.suggestedFilename()).toBe(PDF_NAME);
    expect(
      fs
        .readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    // Sending without a choice is explained; then 满意 with a comment.
    await card.getByTestId("my-suggestion-rating-submit").click();
    expect(await cardText(member, itemId, "error-notice")).toContain("请先选择");
    await card.getByTestId("my-suggestion-rating-satisfied").click();
    await card.getByTestId("my-suggestion-rating-comment").fill("办理及时，感谢！");
    await card.getByTestId("my-suggestion-rating-submit").click();
    await until(() => cardText(member, itemId, "my-suggestion-rated")).toContain("您的评价：满意");
    expect(await cardText(member, itemId, "my-suggestion-rated")).toContain("办理及时，感谢！");
    expect(await card.getByTestId("my-suggestion-rating-form").count()).toBe(0);
    await member.evaluate(() => window.scrollTo(0, 0));
    await fullShot(member, "ledger-member-rated-375.png");

    // Once only: the server refuses a second rating of the same reply, even at the item's version.
    const token = new URLSearchParams(new URL(app.links.get("李明")!).hash.slice(1)).get("t")!;
    const again = await member.evaluate(
      async ({ base, itemId, token }) => {
        const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "X-Yishiting": "1" };
        const { items } = (await (await fetch(base, { headers })).json()) as { items: { id: string; version: number }[] };
        const version = items.find((i) => i.id === itemId)!.version;
        const res = await fetch(`${base}/${itemId}/rating`, {
          method: "POST",
          headers,
          body: JSON.stringify({ baseVersion: version, rating: "unsatisfied", comment: "" }),
        });
        return { status: res.status, body: (await res.json()) as { error: { code: string } } };
      },
      { base: `/api/meetings/${app.meetingId}/my-suggestions`, itemId, token },
    );
    expect(again).toMatchObject({ status: 409, body: { error: { code: "LEDGER_ALREADY_RATED" } } });

    // The second item: the secretariat closes it (办结) while the member's form is open; the
    // rating, sent at the version the page read, meets EDIT_CONFLICT: said, reloaded, sent again.
    await act(admin, item2Id, { type: "close", note: "" });
    const card2 = cardOf(member, item2Id);
    // The page has not read again since (it does every 30 s): it still shows 已反馈.
    expect(await card2.getAttribute("data-state")).toBe("answered");
    await card2.getByTestId("my-suggestion-rating-basically").click();
    await card2.getByTestId("my-suggestion-rating-submit").click();
    await until(() => cardText(member, item2Id, "error-notice")).toContain("该建议刚有更新，已重新读取，请查看后再评价。");
    await until(() => card2.getAttribute("data-state")).toBe("closed");
    await card2.getByTestId("my-suggestion-rating-submit").scrollIntoViewIfNeeded();
    await shot(member, "ledger-member-conflict-375.png");
    expect(await cardText(member, item2Id, "my-suggestion-state")).toBe("当前状态：办结");
    // Still unrated, so the form stays, with the choice kept.
    expect(await card2.getByTestId("my-suggestion-rating-basically").locator("input").isChecked()).toBe(true);
    await card2.getByTestId("my-suggestion-rating-submit").click();
    await until(() => cardText(member, item2Id, "my-suggestion-rated")).toContain("您的评价：基本满意");

    // In English too.
    await member.getByRole("button", { name: "English" }).click();
    await until(() => cardText(member, itemId, "my-suggestion-state")).toBe("Status: Answered");
    expect(await cardText(member, itemId, "my-suggestion-rated")).toContain("Your rating: Satisfied");
    expect(await cardText(member, itemId, "my-suggestion-outcome")).toBe("Outcome: Adopted");
    expect(await cardText(member, item2Id, "my-suggestion-rated")).toContain("Your rating: Mostly satisfied");
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await member.context().close();
  }, 90_000);

  it("the secretariat sees the rating, and the dashboard's counts have moved: 已反馈 1 rated 满意, 办结 1 rated 基本满意", async () => {
    await admin.goto(`${app.baseUrl}/admin/ledger/${encodeURIComponent(itemId)}`);
    await until(() => textOf(admin, "ledger-rating")).toContain("满意");
    const after = await dashboardNumbers(admin);
    expect(after).toMatchObject({ total: 2, open: 1, closed: 1 });
    expect(after.byState["待交办"]).toEqual([0]);
    expect(after.byState["已反馈"]).toEqual([1]);
    expect(after.byState["办结"]).toEqual([1]);
    expect(after.ratings["满意"]).toEqual([1]);
    expect(after.ratings["基本满意"]).toEqual([1]);
    expect(after.ratings["不满意"]).toEqual([0]);
    // By lead department: both items, both answered.
    expect(after.byDepartment[DEPARTMENT]).toBeDefined();
    expect(after.byDepartment[DEPARTMENT]![0]).toBe(2);
    await shot(admin, "ledger-dashboard-after-1366.png");
  }, 60_000);
});
