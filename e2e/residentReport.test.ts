// End to end in a real Chromium: 居民点单. A resident opens the community's public link on a 375 px
// phone (no account), raises a problem with a photo and gets the receipt link; the secretary (admin
// app at 1366) finds the item in the ledger with the photo and assigns it (交办); the receipt then
// says the department has it. A grid worker raises another problem for a resident from the phone
// page; the secretary puts it before the council (提交议事会), then solves it locally (就地解决), which
// issues the community's 反馈单; the grid worker rates the answer for the resident. Then the secretary downloads the first item's
// numbered 交办单, the department replies from its phone, and the resident reads the reply on the
// receipt, downloads the 反馈单 and rates it.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { chinaDate } from "../core/ledger/deadline.ts";
import { CommunityStore } from "../server/src/community/communityStore.ts";
import { orAbort } from "../server/src/http/apiError.ts";
import { AccountRepository } from "../server/src/accounts/accountRepository.ts";
import { createStaff, STAFF_PASSWORD } from "../testing/server/api.ts";
import { createDepartment } from "../testing/server/ledger.ts";
import { pdfText } from "../testing/server/minutesMeeting.ts";
import { DESKTOP, launchChromium, PHONE } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { SHOTS, shot, until } from "./support/page.ts";

const COMMUNITY = "阅海湾社区（端到端测试）";
const DEPARTMENT = "阅海湾物业服务中心（端到端测试）";
const PROBLEM = "3号楼1单元楼道堆放杂物，影响老人通行";
const REPLY = "物业已于当日清理楼道杂物，并在楼道张贴提示";

let app: AppUnderTest;
let browser: Browser;
let phone: Page;
let admin: Page;
let grid: Page;
let meetingTitle: string;
let publicCode: string;
/** The receipt link the resident keeps. */
let receipt: string;
let departmentId: string;

/** Elements reaching past the right edge of the viewport (a phone's page must not scroll sideways). */
const login = async (page: Page, username: string) => {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
};
const itemState = (page: Page) => page.getByTestId("ledger-item").getByTestId("ledger-state").first().getAttribute("data-state");
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`),
  );

describe("居民点单: a resident's report from a phone to the secretary's 交办", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("阅海湾社区居民议事会（端到端测试）", [{ name: "主持人", role: "chair" }]);
    await createStaff(app.server, "secretary", "admin");
    const communities = new CommunityStore(app.server.db, Date.now);
    const community = orAbort(await communities.create(COMMUNITY));
    orAbort(await communities.addHouseholds(community.id, [{ building: "3号楼", unit: "1单元", room: "101", representative: "钟玉" }]));
    publicCode = community.publicCode;
    departmentId = (await createDepartment(app.server, DEPARTMENT)).id;
    await new AccountRepository(app.server.db).create({
      username: "grid1",
      displayName: "小马",
      role: "gridWorker",
      communityId: community.id,
      password: STAFF_PASSWORD,
    });
    meetingTitle = (await app.server.meetings.get(app.meetingId))!.title;
    browser = await launchChromium();
    phone = await (await browser.newContext({ ...PHONE, locale: "zh-CN" })).newPage();
    admin = await (await browser.newContext({ ...DESKTOP, locale: "zh-CN" })).newPage();
    grid = await (await browser.newContext({ ...PHONE, locale: "zh-CN" })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a resident raises a problem with a photo on a 375 px phone and keeps the receipt link", async () => {
    await phone.goto(`${app.baseUrl}/c/${publicCode}`);
    await phone.getByTestId("intake-form").waitFor();
    expect(await phone.locator("h1").textContent()).toBe("居民点单");
    expect(await phone.locator(".intake-intro").textContent()).toContain(COMMUNITY);
    await shot(phone, "resident-report-top-zh-375.png");
    await phone.getByTestId("intake-language").click();
    await until(() => phone.locator("h1").textContent()).toBe("Raise a problem");
    expect(await overflowing(phone)).toEqual([]);
    await shot(phone, "resident-report-top-en-375.png");
    await phone.getByTestId("intake-language").click();
    await until(() => phone.locator("h1").textContent()).toBe("居民点单");
    await phone.getByText("环境卫生").click();
    await phone.getByTestId("intake-text").fill(PROBLEM);
    await phone.getByTestId("intake-location").fill("3号楼1单元");
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#8a6" } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "38/1 28/1 0/1" } })
      .toBuffer();
    await phone.getByTestId("intake-photos").setInputFiles({ name: "楼道.jpg", mimeType: "image/jpeg", buffer: photo });
    await until(() => phone.locator(".intake-photo img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
    await phone.getByTestId("intake-name").fill("王大爷");
    expect(await overflowing(phone)).toEqual([]);
    await shot(phone, "resident-report-zh-375.png");

    await phone.getByTestId("intake-submit").click();
    await phone.getByTestId("intake-receipt").waitFor();
    receipt = (await phone.getByTestId("intake-receipt-link").textContent())!;
    expect(receipt).toMatch(new RegExp(`^${app.baseUrl}/r/[a-z2-9]{24}$`));
    expect(await overflowing(phone)).toEqual([]);
    await shot(phone, "resident-receipt-link-zh-375.png");

    await phone.getByTestId("intake-language").click();
    await until(() => phone.getByTestId("intake-receipt").locator("h2").textContent()).toBe("Sent. Thank you!");
    expect(await overflowing(phone)).toEqual([]);
    await shot(phone, "resident-receipt-link-en-375.png");

    await phone.goto(receipt);
    await until(() => phone.getByTestId("receipt-state").textContent()).toBe("Received: the community is looking into it");
    expect(await phone.getByTestId("receipt-card").textContent()).toContain(PROBLEM);
    await shot(phone, "resident-receipt-en-375.png");
    await phone.getByTestId("intake-language").click();
    await until(() => phone.getByTestId("receipt-state").textContent()).toBe("已收到，社区正在处理");
    await shot(phone, "resident-receipt-zh-375.png");
  }, 90_000);

  it("the secretary finds the report in the ledger with its photo and assigns it", async () => {
    await admin.goto(`${app.baseUrl}/admin/login`);
    await login(admin, "secretary");
    await admin.getByTestId("admin-nav").or(admin.locator(".admin-nav")).first().waitFor();

    await admin.goto(`${app.baseUrl}/admin/communities`);
    await admin.getByTestId("community-row").waitFor();
    expect(await admin.getByTestId("community-households").textContent()).toBe("户数：1");
    await admin.getByTestId("community-show-link").click();
    expect(await admin.getByTestId("community-link").textContent()).toBe(`${app.baseUrl}/c/${publicCode}`);
    await shot(admin, "communities-zh-1366.png");
    await admin.getByTestId("language-switch").click();
    await until(() => admin.getByTestId("community-households").textContent()).toBe("Households: 1");
    await shot(admin, "communities-en-1366.png");
    await admin.getByTestId("language-switch").click();
    // The secretary imports the rest of the household roster from a spreadsheet.
    await admin.getByTestId("community-import-households").setInputFiles({
      name: "住户名单.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("楼栋,单元,户号,户代表,联系电话\n3号楼,1单元,102,袁海霞,\n3号楼,2单元,201,孟庆,13900000002\n"),
    });
    await until(() => admin.getByTestId("community-imported").textContent()).toBe("已导入 2 户");
    await until(() => admin.getByTestId("community-households").textContent()).toBe("户数：3");

    await admin.goto(`${app.baseUrl}/admin/ledger?source=residents`);
    await admin.getByTestId("ledger-row").filter({ hasText: PROBLEM }).getByTestId("ledger-item-link").click();
    await admin.getByTestId("ledger-item").waitFor();
    expect(await admin.getByTestId("ledger-item-source").textContent()).toContain("王大爷");
    await until(() => admin.getByTestId("ledger-photo").count()).toBe(1);
    expect(
      await admin
        .getByTestId("ledger-photo")
        .locator("img")
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(640);
    expect(await admin.getByTestId("ledger-action-resolveLocally").count()).toBe(1);
    expect(await admin.getByTestId("ledger-action-toCouncil").count()).toBe(1);
    await shot(admin, "resident-item-zh-1366.png");

    await admin.getByTestId("ledger-action-assign").click();
    const form = admin.getByTestId("ledger-form-assign");
    await form.getByTestId("ledger-assign-lead").selectOption({ label: DEPARTMENT });
    await form.getByTestId("ledger-assign-deadline").fill(chinaDate(Date.now() + 7 * 86_400_000));
    await form.getByTestId("ledger-assign-instructions").fill("请三日内清理并答复居民。");
    await form.getByTestId("ledger-action-submit").click();
    await until(() => itemState(admin)).toBe("assigned");

    await admin.getByTestId("language-switch").click();
    await until(() => admin.getByTestId("ledger-action-supervise").textContent()).toBe("Supervise");
    await shot(admin, "resident-item-en-1366.png");
    await admin.getByTestId("language-switch").click();
  }, 90_000);

  it("the resident's receipt says the department has it, with its deadline", async () => {
    await phone.goto(receipt);
    await until(() => phone.getByTestId("receipt-state").textContent()).toBe(`已交由${DEPARTMENT}办理`);
    const card = await phone.getByTestId("receipt-card").textContent();
    expect(card).toContain(`办理时限：${chinaDate(Date.now() + 7 * 86_400_000)}`);
    // The secretariat's instructions to the department are not the resident's to read.
    expect(card).not.toContain("请三日内清理");
    expect(await overflowing(phone)).toEqual([]);
    await shot(phone, "resident-receipt-assigned-zh-375.png");
  }, 60_000);

  it("a grid worker raises a problem for a resident without a phone from the phone page", async () => {
    await grid.goto(`${app.baseUrl}/admin/grid`);
    await login(grid, "grid1");
    await grid.getByTestId("grid-page").waitFor();
    await grid.getByText("设施维修").click();
    await grid.getByTestId("intake-text").fill("5号楼单元门禁损坏，老人进出不便");
    await grid.getByTestId("intake-location").fill("5号楼");
    await grid.getByTestId("intake-name").fill("孟大爷");
    await grid.getByTestId("intake-submit").click();
    await grid.getByTestId("intake-receipt").waitFor();
    await until(() => grid.getByTestId("receipt-card").count()).toBe(2);
    expect(await overflowing(grid)).toEqual([]);
    await shot(grid, "grid-worker-zh-375.png");
  }, 60_000);

  it("the secretary puts it before the council (提交议事会), then solves it locally (就地解决)", async () => {
    await admin.goto(`${app.baseUrl}/admin/ledger?source=gridWorker`);
    await admin.getByTestId("ledger-row").filter({ hasText: "门禁" }).getByTestId("ledger-item-link").click();
    await admin.getByTestId("ledger-item").waitFor();
    expect(await admin.getByTestId("ledger-item-source").textContent()).toContain("孟大爷");
    await admin.getByTestId("ledger-action-toCouncil").click();
    await admin.getByTestId("ledger-council-meeting").selectOption({ label: meetingTitle });
    await admin.getByTestId("ledger-action-submit").click();
    await until(async () => (await admin.getByTestId("ledger-step").last().textContent()) ?? "").toContain(meetingTitle);
    expect(await itemState(admin)).toBe("new");
    const agenda = await app.server.meetings.agenda.list(app.meetingId);
    expect(agenda.map((a) => a.title).at(-1)).toMatch(/^居民点单第\d+号：5号楼单元门禁损坏/);

    await admin.getByTestId("ledger-action-resolveLocally").click();
    await admin.getByTestId("ledger-resolve-text").fill("社区已联系物业更换门禁，当天修复");
    await admin.getByTestId("ledger-action-submit").click();
    await until(() => itemState(admin)).toBe("closed");
    // 就地解决 issues the community's 反馈单, listed with the item like a department's.
    const forms = admin.getByTestId("ledger-issued-form");
    await until(() => forms.count()).toBe(1);
    expect(await forms.getAttribute("data-kind")).toBe("feedback");
    await shot(admin, "resident-item-solved-zh-1366.png");
  }, 60_000);

  it("the grid worker rates the answer for the resident, marked as such", async () => {
    await grid.getByRole("button", { name: "刷新" }).click();
    const card = grid.getByTestId("receipt-card").filter({ hasText: "门禁" });
    await until(() => card.getAttribute("data-state")).toBe("closed");
    expect(await card.getByTestId("receipt-reply").textContent()).toContain("社区已联系物业更换门禁");
    await card.getByText("满意", { exact: true }).click();
    await card.getByTestId("receipt-send").click();
    await until(() => card.getByTestId("receipt-rated").textContent()).toBe("您的评价：满意");
    await shot(grid, "grid-worker-rated-zh-375.png");
    await grid.getByRole("button", { name: "English" }).click();
    await until(() => card.getByTestId("receipt-rated").textContent()).toBe("Your rating: Satisfied");
    expect(await overflowing(grid)).toEqual([]);
    await shot(grid, "grid-worker-en-375.png");

    await admin.reload();
    await until(async () => (await admin.getByTestId("ledger-step").last().textContent()) ?? "").toContain("居民（网格员小马代为评价）");
  }, 60_000);

  it("the secretary downloads the resident's item's numbered 交办单: the problem, the department, the seal line, never the resident's name", async () => {
    await admin.goto(`${app.baseUrl}/admin/ledger?source=residents`);
    await admin.getByTestId("ledger-row").filter({ hasText: PROBLEM }).getByTestId("ledger-item-link").click();
    await admin.getByTestId("ledger-item").waitFor();
    const form = admin.getByTestId("ledger-issued-form");
    await until(() => form.count()).toBe(1);
    const number = (await form.getByTestId("ledger-issued-form-number").textContent())!;
    const [download] = await Promise.all([admin.waitForEvent("download"), form.getByTestId("ledger-issued-form-pdf").click()]);
    expect(download.suggestedFilename()).toBe(`交办单-${number}.pdf`);
    const file = path.join(SHOTS, "..", "resident-assignment-form.pdf");
    await download.saveAs(file);
    const text = await pdfText(fs.readFileSync(file));
    for (const words of [COMMUNITY, number, "居民点单", PROBLEM, DEPARTMENT, "请三日内清理并答复居民。", "（盖章）"]) expect(text).toContain(words);
    expect(text).not.toContain("王大爷");
  }, 60_000);

  it("the department replies from its phone", async () => {
    await new AccountRepository(app.server.db).create({
      username: "wuye",
      displayName: "物业经办人",
      role: "department",
      departmentId,
      password: STAFF_PASSWORD,
    });
    const dept = await (await browser.newContext({ ...PHONE, locale: "zh-CN" })).newPage();
    await dept.goto(`${app.baseUrl}/admin/login`);
    await login(dept, "wuye");
    await dept.getByTestId("ledger-row").filter({ hasText: PROBLEM }).getByTestId("ledger-item-link").click();
    await dept.getByTestId("ledger-item").waitFor();
    await dept.getByTestId("ledger-action-reply").click();
    const reply = dept.getByTestId("ledger-form-reply");
    await reply.getByTestId("ledger-reply-text").fill(REPLY);
    await reply.getByTestId("ledger-outcome-adopted").check();
    await reply.getByTestId("ledger-action-submit").click();
    await until(() => itemState(dept)).toBe("answered");
    expect(await overflowing(dept)).toEqual([]);
    await shot(dept, "resident-item-department-reply-zh-375.png");
  }, 60_000);

  it("the resident reads the reply on the receipt, downloads the 反馈单 and rates it once", async () => {
    await phone.goto(receipt);
    const card = phone.getByTestId("receipt-card");
    await until(() => card.getAttribute("data-state")).toBe("answered");
    expect(await card.getByTestId("receipt-reply").textContent()).toContain(REPLY);
    const [download] = await Promise.all([phone.waitForEvent("download"), card.getByTestId("receipt-feedback-pdf").click()]);
    const file = path.join(SHOTS, "..", "resident-feedback-form.pdf");
    await download.saveAs(file);
    const text = await pdfText(fs.readFileSync(file));
    for (const words of ["反馈单", REPLY, DEPARTMENT, "采纳"]) expect(text).toContain(words);
    await card.getByTestId("receipt-rating-satisfied").check();
    await card.getByTestId("receipt-comment").fill("清理得很及时，谢谢！");
    await card.getByTestId("receipt-send").click();
    await until(() => card.getByTestId("receipt-rated").textContent()).toBe("您的评价：满意");
    expect(await card.getByTestId("receipt-rate").count()).toBe(0);
    expect(await overflowing(phone)).toEqual([]);
    await shot(phone, "resident-receipt-rated-zh-375.png");

    await admin.reload();
    await until(async () => (await admin.getByTestId("ledger-step").last().textContent()) ?? "").toContain("满意");
  }, 60_000);
});
