// End to end in a real Chromium: the follow-up ledger (问题台账) in the admin app. The admin adds
// a department (承办单位) and a department account, enters an item received on a listening day
// (接待日) and assigns it (the suggested department preselected). The department user logs in on
// a phone, sees only that item (not another department's) and no meetings, posts progress and a
// reply with an attachment. The admin sees 已反馈 with the reply and closes it; the dashboard's
// counts change; 交办 and 答复 issued a 交办单 (its PDF read back) and a 反馈单 (DOCX); the filtered
// ledger downloads as XLSX with the item in it. A meeting's decision
// (议定事项) is marked as such and overdue before 交办; last, a paper ledger is imported (导入台账):
// the preview, a warning to confirm, a refused row, the item flagged 逾期.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ERROR_MESSAGES } from "../core/errors.ts";
import { chinaDate } from "../core/ledger/deadline.ts";
import { createStaff, STAFF_PASSWORD } from "../testing/server/api.ts";
import { pdfText } from "../testing/server/minutesMeeting.ts";
import { chinaDay, createDepartment, newLedgerItem, SECRETARIAT, versionOf } from "../testing/server/ledger.ts";
import { DESKTOP, launchChromium, PHONE } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { SHOTS, shot, until } from "./support/page.ts";

const HOUSING = "区住房城乡建设委（端到端测试）";
const WATER = "区水务局（端到端测试）";
const TITLE = "老旧小区加装电梯审批时间过长";
const OTHER_TITLE = "雨水管网堵塞";
const IMPORTED_TITLE = "幸福路南段路灯不亮（纸质台账导入）";
const DECISION = "由区住建委牵头制定加装电梯并联审批办法（端到端测试）";
const DEPARTMENT_PASSWORD = "housing-department-2026";

let app: AppUnderTest;
let browser: Browser;
let admin: Page;
let deptContext: BrowserContext;
let dept: Page;
let itemId: string;
/** Every API path the department user's browser asked for. */
const deptRequests: string[] = [];

const login = async (page: Page, username: string, password: string) => {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
};
const stateOf = (page: Page) => page.getByTestId("ledger-item").getByTestId("ledger-state").first().getAttribute("data-state");
/** Elements reaching past the right edge of the viewport (a phone's page must not scroll sideways). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} ${Math.round(e.getBoundingClientRect().right)}`),
  );
const kpi = async (page: Page, name: string) => Number(await page.getByTestId(`kpi-${name}`).textContent());

describe("the ledger in the admin app", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("区政协专题协商会（端到端测试：台账）", [{ name: "主持人", role: "chair" }]);
    await createStaff(app.server, "secretary", "admin");
    // Another department's item, due in two days (临期): the housing department must never see it.
    const water = await createDepartment(app.server, WATER);
    await newLedgerItem(app.server, water.id, { title: OTHER_TITLE, deadline: chinaDay(Date.now(), 2) });
    browser = await launchChromium();
    admin = await (await browser.newContext({ ...DESKTOP, locale: "zh-CN", acceptDownloads: true })).newPage();
    deptContext = await browser.newContext({ ...PHONE, locale: "zh-CN" });
    dept = await deptContext.newPage();
    dept.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/")) deptRequests.push(url.pathname);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the admin adds a department and a department account", async () => {
    await admin.goto(`${app.baseUrl}/admin/login`);
    await login(admin, "secretary", STAFF_PASSWORD);
    await admin.getByTestId("create-meeting").waitFor();
    await admin.getByRole("link", { name: "问题台账" }).click();
    await admin.getByRole("heading", { name: "问题台账", level: 1 }).waitFor();
    await admin.getByRole("link", { name: "承办单位" }).click();
    await admin.getByTestId("department-name").fill(HOUSING);
    await admin.getByTestId("department-add").click();
    // Sorted by pinyin: 区水务局 (shui) before 区住房… (zhu).
    await until(() => admin.getByTestId("department-row").allTextContents()).toEqual([expect.stringContaining(WATER), expect.stringContaining(HOUSING)]);

    await admin.getByRole("link", { name: "账户" }).click();
    await admin.getByTestId("create-account").click();
    const form = admin.getByTestId("create-account-form");
    await form.getByLabel("用户名").fill("housing");
    await form.getByLabel("姓名").fill("住建委联络员");
    await form.getByLabel("角色").selectOption({ label: "承办单位" });
    await form.getByTestId("account-department-select").selectOption({ label: HOUSING });
    await form.getByRole("button", { name: "新建账户" }).click();
    const oneTime = (await admin.getByTestId("one-time-password").textContent())!.trim();
    await admin.getByRole("button", { name: "我已记下" }).click();
    const row = admin.getByTestId("account-row").filter({ hasText: "housing" });
    expect(await row.textContent()).toContain(HOUSING);
    // The department of such an account can be changed (and here changed back).
    for (const name of [WATER, HOUSING]) {
      await row.getByRole("button", { name: "更改单位" }).click();
      await admin.getByTestId("account-department-dialog").getByTestId("account-department-select").selectOption({ label: name });
      await admin.getByTestId("account-department-dialog").getByRole("button", { name: "保存" }).click();
      await until(() => row.getByTestId("account-department").textContent()).toBe(name);
    }

    // The department user sets a password of their own at first login (on a phone).
    await dept.goto(`${app.baseUrl}/admin/login`);
    await login(dept, "housing", oneTime);
    await dept.getByTestId("forced-password").waitFor();
    await dept.getByLabel("当前密码").fill(oneTime);
    await dept.getByLabel("新密码", { exact: true }).fill(DEPARTMENT_PASSWORD);
    await dept.getByLabel("再次输入新密码").fill(DEPARTMENT_PASSWORD);
    await dept.getByRole("button", { name: "保存新密码" }).click();
    await dept.getByRole("heading", { name: "问题台账", level: 1 }).waitFor();
    expect(new URL(dept.url()).pathname).toBe("/admin/ledger");
    await until(() => dept.getByTestId("ledger-empty").count()).toBe(1);
  }, 90_000);

  it("the admin enters a 接待日 item and assigns it, the suggested department preselected", async () => {
    await admin.getByRole("link", { name: "问题台账" }).click();
    await admin.getByTestId("ledger-create").click();
    const dialog = admin.getByTestId("ledger-create-dialog");
    await dialog.getByLabel("来源").selectOption({ label: "接待日" });
    await dialog.getByLabel("提出人").fill("王秀英");
    await dialog.getByLabel(/界别/).fill("社区居民");
    await dialog.getByLabel(/联系方式/).fill("13800000000");
    await dialog.getByLabel("标题").fill(TITLE);
    await dialog.getByLabel("问题/建议内容").fill("加装电梯需多个部门审批，耗时半年以上，建议并联审批。");
    await dialog.getByLabel(/主题/).fill("城市更新");
    await dialog.getByLabel(/建议承办单位/).fill(HOUSING);
    await dialog.getByTestId("ledger-create-submit").click();
    await until(() => admin.getByTestId("ledger-created").textContent()).toMatch(/已新增第 \d+ 号事项/);
    const row = admin.getByTestId("ledger-row").filter({ hasText: TITLE });
    expect(await row.getByTestId("ledger-state").textContent()).toContain("待交办");
    expect(await row.textContent()).toContain("接待日");
    expect(await admin.getByTestId("ledger-tab-new").textContent()).toContain("1");
    itemId = (await row.getAttribute("data-item-id"))!;

    // The state tab and the text filter live in the URL.
    await admin.getByTestId("ledger-tab-new").click();
    await until(() => new URL(admin.url()).searchParams.get("state")).toBe("new");
    await until(() => admin.getByTestId("ledger-row").count()).toBe(1);
    await admin.getByTestId("ledger-filter-q").fill("雨水");
    await admin.getByTestId("ledger-filter-apply").click();
    await until(() => admin.getByTestId("ledger-empty").count()).toBe(1);
    expect(new URL(admin.url()).searchParams.get("q")).toBe("雨水");
    await admin.getByTestId("ledger-filter-clear").click();
    await until(() => admin.getByTestId("ledger-row").count()).toBe(2);
    await shot(admin, "ledger-list-1366.png");

    await admin.getByTestId("ledger-row").filter({ hasText: TITLE }).getByTestId("ledger-item-link").click();
    await admin.getByTestId("ledger-item").waitFor();
    expect(await admin.getByTestId("ledger-item-source").textContent()).toContain("王秀英");
    await admin.getByTestId("ledger-action-assign").click();
    const form = admin.getByTestId("ledger-form-assign");
    expect(await form.getByTestId("ledger-assign-lead").locator("option:checked").textContent()).toBe(HOUSING);
    const deadline = chinaDate(Date.now() + 10 * 86_400_000);
    await form.getByTestId("ledger-assign-deadline").fill(deadline);
    await form.getByTestId("ledger-assign-instructions").fill("请于时限内答复并抄送秘书处。");
    await form.getByTestId("ledger-action-submit").click();
    await until(() => stateOf(admin)).toBe("assigned");
    expect(await admin.getByTestId("ledger-lead").textContent()).toBe(HOUSING);
    expect(await admin.getByTestId("ledger-step").last().textContent()).toMatch(/交办.*secretary（秘书处）.*待交办 → 已交办/s);
  }, 90_000);

  it("交办 issued a numbered 交办单: listed on the item, its PDF says the problem and the department, never the resident's phone", async () => {
    const forms = admin.getByTestId("ledger-issued-form");
    await until(() => forms.count()).toBe(1);
    expect(await forms.getAttribute("data-kind")).toBe("assignment");
    const number = (await forms.getByTestId("ledger-issued-form-number").textContent())!;
    expect(number).toMatch(/^〔\d{4}〕交办第\d+号$/);
    const [download] = await Promise.all([admin.waitForEvent("download"), forms.getByTestId("ledger-issued-form-pdf").click()]);
    expect(download.suggestedFilename()).toBe(`交办单-${number}.pdf`);
    const file = path.join(SHOTS, "..", "ledger-assignment-form.pdf");
    await download.saveAs(file);
    const text = await pdfText(fs.readFileSync(file));
    for (const words of ["问题交办单", number, TITLE, `承办单位${HOUSING}`, "请于时限内答复并抄送秘书处。", "（盖章）"]) expect(text).toContain(words);
    expect(text).not.toContain("13800000000");
  }, 60_000);

  it("督办 meets someone else's change first: EDIT_CONFLICT is said, the item reloaded, the note kept and sent again", async () => {
    await admin.getByTestId("ledger-action-supervise").click();
    await admin.getByTestId("ledger-note").fill("请加快办理进度。");
    // Meanwhile another secretariat member supervises the same item.
    await app.server.ledger.act(itemId, await versionOf(app.server, itemId), { type: "supervise", note: "请按时答复。" }, SECRETARIAT);
    await admin.getByTestId("ledger-action-submit").click();
    await until(() => admin.getByTestId("ledger-conflict").textContent()).toContain("该事项刚被他人更新");
    expect(await admin.getByTestId("ledger-note").inputValue()).toBe("请加快办理进度。");
    await until(() => admin.getByTestId("ledger-step").count()).toBe(2);
    await admin.getByTestId("ledger-action-submit").click();
    await until(() => admin.getByTestId("ledger-step").count()).toBe(3);
    expect(await admin.getByTestId("ledger-action-dialog").count()).toBe(0);
    expect(await admin.getByTestId("ledger-done").textContent()).toContain("已督办");
    expect(await admin.getByTestId("ledger-assignment").locator("..").textContent()).toContain("已督办 2 次");
  }, 60_000);

  it("督办提醒: the secretariat sees every department's items near their deadline", async () => {
    await admin.getByRole("link", { name: "督办提醒" }).click();
    const card = admin.getByTestId("ledger-reminder");
    await until(() => card.count()).toBe(1);
    expect(await card.textContent()).toMatch(new RegExp(`${WATER}.*临期 1 项.*${OTHER_TITLE}.*临期.*还剩 2 天`));
  }, 30_000);

  it("the department user sees only that item and no meetings, posts progress and replies with an attachment", async () => {
    await dept.reload();
    await until(() => dept.getByTestId("ledger-row").count()).toBe(1);
    expect(await dept.getByTestId("ledger-row").textContent()).toContain(TITLE);
    expect(await dept.getByTestId("ledger-table").textContent()).not.toContain(OTHER_TITLE);
    const nav = await dept.getByRole("navigation", { name: "主导航" }).getByRole("link").allTextContents();
    expect(nav).toEqual(["问题台账", "督办提醒"]);
    expect(await overflowing(dept)).toEqual([]);
    await dept.screenshot({ path: path.join(SHOTS, "ledger-department-list-375.png"), fullPage: true });
    // The filters fold away on a phone.
    expect(await dept.getByTestId("ledger-filter-q").isVisible()).toBe(false);
    await dept.getByTestId("ledger-filter-toggle").click();
    expect(await dept.getByTestId("ledger-filter-q").isVisible()).toBe(true);

    await dept.getByRole("link", { name: "督办提醒" }).click();
    await until(() => dept.getByTestId("ledger-reminders-none").count()).toBe(1);
    await dept.getByRole("link", { name: "问题台账" }).click();
    await dept.getByTestId("ledger-item-link").click();
    await dept.getByTestId("ledger-item").waitFor();
    expect(await dept.getByTestId("ledger-no-actions").count()).toBe(0);
    await dept.getByTestId("ledger-action-progress").click();
    await dept.getByTestId("ledger-note").fill("已会同规划部门研究并联审批方案。");
    await dept.getByTestId("ledger-action-submit").click();
    await until(() => stateOf(dept)).toBe("in_progress");

    await dept.getByTestId("ledger-action-reply").click();
    const reply = dept.getByTestId("ledger-form-reply");
    await reply.getByTestId("ledger-reply-text").fill("已出台加装电梯并联审批办法，审批时限压缩至30个工作日。");
    await reply.getByTestId("ledger-outcome-adopted").check();
    await reply
      .getByTestId("ledger-reply-files")
      .setInputFiles({ name: "并联审批办法.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
    await until(() => reply.getByTestId("ledger-reply-attachments").textContent()).toContain("并联审批办法.pdf");
    await reply.getByTestId("ledger-action-submit").click();
    await until(() => stateOf(dept)).toBe("answered");
    expect(await dept.getByTestId("ledger-reply").textContent()).toContain("采纳");
    expect(await dept.getByTestId("ledger-no-actions").count()).toBe(1);
    await dept.screenshot({ path: path.join(SHOTS, "ledger-department-item-375.png"), fullPage: true });

    // Another department's item is not there for them; meetings are not offered.
    await dept.goto(`${app.baseUrl}/admin/meetings`);
    await dept.getByRole("alert").waitFor();
    expect(deptRequests.filter((p) => !p.startsWith("/api/ledger/") && !p.startsWith("/api/auth/"))).toEqual([]);
  }, 90_000);

  it("the admin sees 已反馈 with the reply and its attachment and closes the item; the dashboard counts change", async () => {
    await admin.getByRole("link", { name: "统计分析" }).click();
    await admin.getByTestId("kpi-total").waitFor();
    expect(await kpi(admin, "total")).toBe(2);
    expect(await kpi(admin, "closed")).toBe(0);
    await admin.goto(`${app.baseUrl}/admin/ledger/${itemId}`);
    await until(() => stateOf(admin)).toBe("answered");
    const reply = admin.getByTestId("ledger-reply");
    expect(await reply.textContent()).toContain("审批时限压缩至30个工作日");
    expect(await reply.getByTestId("ledger-attachment").textContent()).toBe("并联审批办法.pdf");
    const steps = await admin.getByTestId("ledger-step").allTextContents();
    expect(steps.map((s) => s.match(/^(交办|督办|办理进展|答复)/)?.[1])).toEqual(["交办", "督办", "督办", "办理进展", "答复"]);
    // The reply issued a 反馈单 beside the 交办单, downloadable as DOCX.
    const forms = admin.getByTestId("ledger-issued-form");
    expect(await forms.evaluateAll((list) => list.map((e) => e.getAttribute("data-kind")))).toEqual(["assignment", "feedback"]);
    const [docx] = await Promise.all([admin.waitForEvent("download"), forms.last().getByTestId("ledger-issued-form-docx").click()]);
    expect(docx.suggestedFilename()).toMatch(/^反馈单-〔\d{4}〕反馈第\d+号\.docx$/);
    await admin.getByTestId("ledger-action-close").click();
    await admin.getByTestId("ledger-note").fill("答复已送达提出人。");
    await admin.getByTestId("ledger-action-submit").click();
    await until(() => stateOf(admin)).toBe("closed");
    await admin.screenshot({ path: path.join(SHOTS, "ledger-item-1366.png"), fullPage: true });

    await admin.getByRole("link", { name: "统计分析" }).click();
    await until(() => kpi(admin, "closed")).toBe(1);
    expect(await kpi(admin, "total")).toBe(2);
    await admin.getByTestId("chart-byState").locator("summary").click();
    expect(await admin.getByTestId("chart-byState-table").textContent()).toContain("办结1");
    await admin.getByTestId("chart-byDepartment").waitFor();
    await admin.screenshot({ path: path.join(SHOTS, "ledger-dashboard-1366.png"), fullPage: true });
  }, 90_000);

  it("the filtered ledger downloads as XLSX with the item in it", async () => {
    await admin.goto(`${app.baseUrl}/admin/ledger?state=closed`);
    await until(() => admin.getByTestId("ledger-row").count()).toBe(1);
    const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByTestId("ledger-export-xlsx").click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(SHOTS, "..", "ledger-export.xlsx");
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const text = JSON.stringify(book.worksheets[0]!.getSheetValues());
    expect(text).toContain(TITLE);
    expect(text).toContain(HOUSING);
    expect(text).not.toContain(OTHER_TITLE);
  }, 60_000);

  it("in English: the item, its history and a server refusal in the UI language", async () => {
    await admin.goto(`${app.baseUrl}/admin/ledger/${itemId}`);
    await admin.getByTestId("ledger-item").waitFor();
    await admin.getByTestId("language-switch").click();
    await until(() => admin.getByTestId("ledger-item").getByTestId("ledger-state").first().textContent()).toContain("Closed");
    const steps = await admin.getByTestId("ledger-step").allTextContents();
    expect(steps[0]).toMatch(/^Assign.*secretary \(Secretariat\).*New → Assigned.*Lead department: .*; Deadline: \d{4}-\d{2}-\d{2}/s);
    await admin.screenshot({ path: path.join(SHOTS, "ledger-item-en-1366.png"), fullPage: true });
    // A duplicate department name is refused by the server, said in English.
    await admin.getByRole("link", { name: "Departments" }).click();
    await admin.getByTestId("department-name").fill(WATER);
    await admin.getByTestId("department-add").click();
    await until(() => admin.getByTestId("admin-error").textContent()).toContain(ERROR_MESSAGES.DEPARTMENT_EXISTS.en);
    await admin.getByTestId("language-switch").click();
  }, 60_000);

  it("a meeting's decision (议定事项) is marked in the list and on its page with its responsible unit and deadline; 类别 filters it", async () => {
    // What the record sync writes for a decision the clerk recorded (recordSync.int.test.ts drives that path).
    const past = chinaDate(Date.now() - 2 * 86_400_000);
    await app.server.ledger.createFromDecision({
      meetingId: app.meetingId,
      decisionId: "e2e-decision",
      agendaItemTitle: "老旧小区改造",
      raisedOn: past,
      title: DECISION,
      text: DECISION,
      suggestedDepartment: HOUSING,
      deadline: past,
    });
    await admin.goto(`${app.baseUrl}/admin/ledger`);
    const row = admin.getByTestId("ledger-row").filter({ hasText: DECISION });
    await row.waitFor();
    expect(await row.getByTestId("ledger-origin").textContent()).toContain("议定事项");
    expect(await row.getByTestId("ledger-flag").getAttribute("data-flag")).toBe("overdue");
    await admin.getByTestId("ledger-filter-origin").selectOption({ label: "议定事项" });
    await until(() => admin.getByTestId("ledger-row").count()).toBe(1);
    expect(new URL(admin.url()).searchParams.get("origin")).toBe("decision");
    await row.getByTestId("ledger-item-link").click();
    await admin.getByTestId("ledger-item").waitFor();
    expect(await admin.getByTestId("ledger-item-origin").textContent()).toBe("议定事项");
    expect(await admin.getByTestId("ledger-item-source").textContent()).toContain(`责任单位（会议议定）${HOUSING}`);
    expect(await admin.getByTestId("ledger-item-deadline").textContent()).toContain(past);
    await shot(admin, "ledger-decision-1366.png");
    // 交办 preselects the responsible unit; a deadline already past is not offered.
    await admin.getByTestId("ledger-action-assign").click();
    const form = admin.getByTestId("ledger-form-assign");
    expect(await form.getByTestId("ledger-assign-lead").locator("option:checked").textContent()).toBe(HOUSING);
    expect(await form.textContent()).toContain(`责任单位（会议议定）：${HOUSING}`);
    expect(await form.getByTestId("ledger-assign-deadline").inputValue()).toBe("");
    await admin.getByTestId("ledger-action-dialog").getByRole("button", { name: "取消" }).click();
  }, 60_000);

  it("导入台账: a paper ledger's rows are previewed (taken, refused and why, a lost character to confirm) and imported; a past deadline shows 逾期", async () => {
    const past = chinaDate(Date.now() - 30 * 86_400_000);
    const csv = [
      "序号,来源,提出人,问题/建议,承办单位,办理时限,办理状态",
      `1,接待日,王?,${IMPORTED_TITLE},${WATER},${past},已交办`,
      `2,热线,李女士,小区停车难,区市场监管局,${chinaDay(Date.now(), 30)},办理中`,
    ].join("\r\n");
    await admin.goto(`${app.baseUrl}/admin/ledger`);
    await admin.getByTestId("ledger-import").click();
    const dialog = admin.getByTestId("ledger-import-dialog");
    await dialog
      .getByTestId("ledger-import-input")
      .setInputFiles({ name: "纸质台账.csv", mimeType: "text/csv", buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]) });
    const preview = dialog.getByTestId("ledger-import-preview");
    await preview.waitFor();
    expect(await preview.textContent()).toContain("可导入 1 项，不导入 1 项");
    expect(await dialog.getByTestId("ledger-import-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")))).toEqual(["taken", "refused"]);
    expect(await dialog.getByTestId("import-warning").textContent()).toContain("第 2 行：「提出人」“王?”中的“?”可能是丢失的字");
    expect(await dialog.getByTestId("import-problem").textContent()).toContain("第 3 行：承办单位「区市场监管局」不存在或已停用");
    // The warning must be ticked as checked before 确认导入.
    const confirm = dialog.getByTestId("ledger-import-confirm");
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByTestId("import-accept-warnings").check();
    await dialog.screenshot({ path: path.join(SHOTS, "ledger-import-preview-1366.png") });
    await confirm.click();
    await until(() => dialog.getByTestId("ledger-import-done").textContent()).toMatch(/已导入 1 项事项（第 \d+ 号）/);
    await dialog.getByTestId("ledger-import-close").click();
    const row = admin.getByTestId("ledger-row").filter({ hasText: IMPORTED_TITLE });
    await row.waitFor();
    expect(await row.getByTestId("ledger-state").getAttribute("data-state")).toBe("assigned");
    expect(await row.getByTestId("ledger-flag").getAttribute("data-flag")).toBe("overdue");
    expect(await admin.getByTestId("ledger-table").textContent()).not.toContain("小区停车难");
  }, 60_000);
});
