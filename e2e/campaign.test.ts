// End to end in a real Chromium: a consent campaign (敲门计划) of 12 households recorded by two
// grid workers (网格员) on 375 px phones. Worker B goes offline (context.setOffline) and records
// four households: they show 待同步 and wait in the phone's queue; worker A records six online.
// Back online, B's queue is sent; the first answer reaches the server but its reply is lost (the
// route aborts it after the server answered), so the phone sends it again with the same client
// id: the server replays it, nothing is entered twice. The secretariat's progress view shows
// 9/12 = 75.0 % against all households, not passed; one more answer gives 10/12, passed; the
// secretariat closes the campaign (confirmed) while B has one more answer queued offline, which
// is refused with the server's reason once B is back; the secretariat downloads the report.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { gridWorkerClient, staffClient, STAFF_PASSWORD } from "../testing/server/api.ts";
import { twelveHouseholdCampaign, type CampaignFixture } from "../testing/server/campaign.ts";
import { pdfText } from "../testing/server/minutesMeeting.ts";
import { expectAccessible } from "./support/a11y.ts";
import { DESKTOP, launchChromium, PHONE } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { SHOTS, shot, textOf, until } from "./support/page.ts";

let app: AppUnderTest;
let browser: Browser;
let fixture: CampaignFixture;
let secretariat: Page;
let workerA: Page;
let contextB: BrowserContext;
let workerB: Page;

const login = async (page: Page, username: string) => {
  await page.goto(`${app.baseUrl}/admin/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
};
const door = (page: Page, household: string) => page.locator(`[data-testid="door"][data-household="${household}"]`);
const stateOf = (page: Page, household: string) => door(page, household).getAttribute("data-state");

/** Taps a household, picks the answer and how, and records it. */
async function record(page: Page, household: string, answer: "同意" | "不同意" | "暂不表态", method = "当面") {
  await door(page, household).click();
  const form = page.getByTestId("record-form");
  await form.getByLabel(answer, { exact: true }).check();
  await form.getByLabel("走访方式").selectOption({ label: method });
  await form.getByRole("button", { name: "登记" }).click();
  await form.waitFor({ state: "detached" });
}
/** Elements reaching past the right edge of the viewport (a phone's page must not scroll sideways). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`),
  );
const rate = (page: Page) => page.getByTestId("campaign-rate").textContent();

describe("a consent campaign door to door", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("社区议事会（端到端测试：敲门计划）", [{ name: "主持人", role: "chair" }]);
    const { client } = await staffClient(app.server, app.baseUrl, "secretary", "organiser");
    fixture = await twelveHouseholdCampaign(client, Date.now());
    await gridWorkerClient(app.server, app.baseUrl, "grid-a", fixture.community.id);
    await gridWorkerClient(app.server, app.baseUrl, "grid-b", fixture.community.id);
    browser = await launchChromium();
    secretariat = await (await browser.newContext({ ...DESKTOP, locale: "zh-CN", acceptDownloads: true })).newPage();
    workerA = await (await browser.newContext({ ...PHONE, locale: "zh-CN" })).newPage();
    contextB = await browser.newContext({ ...PHONE, locale: "zh-CN" });
    workerB = await contextB.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("both grid workers open their community's campaign on their phones", async () => {
    for (const [page, name] of [
      [workerA, "grid-a"],
      [workerB, "grid-b"],
    ] as const) {
      await login(page, name);
      // A grid worker starts at the campaigns (no meetings in their menu).
      await page.getByTestId("campaign-link").filter({ hasText: "艺术巷 水电改造方案" }).click();
      await page.getByTestId("campaign-doors").waitFor();
      expect(await page.getByTestId("door").count()).toBe(12);
      expect(await page.getByRole("link", { name: "会议" }).count()).toBe(0);
    }
    expect(await textOf(workerA, "doors-reached")).toBe("已走访 0 / 12 户");
  });

  it("worker B records four households offline: 待同步, kept on the phone", async () => {
    await contextB.setOffline(true);
    await until(() => workerB.getByTestId("doors-offline").isVisible()).toBe(true);
    for (const room of ["101", "102", "201", "202"]) await record(workerB, `2号楼 ${room}`, "同意");
    expect(await stateOf(workerB, "2号楼 101")).toBe("pending");
    expect(await door(workerB, "2号楼 202").textContent()).toContain("待同步");
    expect(await textOf(workerB, "doors-pending")).toBe("4 条待同步");
    expect(await app.server.db.campaignAnswerChange.count()).toBe(0);
    expect(await overflowing(workerB)).toEqual([]);
    await workerB.evaluate(() => window.scrollTo(0, 0));
    await shot(workerB, "campaign-phone-offline-zh.png");
    await expectAccessible(workerB, "campaign-phone-offline-zh.png");
  });

  it("worker A records 1号楼 online: five agree, one disagrees on a signed paper form", async () => {
    for (const unit of ["1单元", "2单元"])
      for (const room of ["101", "102", "201"]) {
        const household = `1号楼 ${unit} ${room}`;
        if (household === "1号楼 2单元 201") await record(workerA, household, "不同意", "纸质签字");
        else await record(workerA, household, "同意");
        await until(() => stateOf(workerA, household)).toBe(household === "1号楼 2单元 201" ? "disagree" : "agree");
      }
    expect(await textOf(workerA, "doors-reached")).toBe("已走访 6 / 12 户");
    expect(await overflowing(workerA)).toEqual([]);
    await shot(workerA, "campaign-phone-doors-zh.png");
    await expectAccessible(workerA, "campaign-phone-doors-zh.png");
  });

  it("the secretariat sees 5/12 against all households meanwhile", async () => {
    await login(secretariat, "secretary");
    await secretariat.getByRole("navigation").getByRole("link", { name: "敲门计划", exact: true }).click();
    await secretariat.getByTestId("campaign-link").filter({ hasText: "艺术巷 水电改造方案" }).click();
    await until(() => rate(secretariat)).toBe("41.7%");
    expect(await textOf(secretariat, "campaign-rate-line")).toBe("同意 5 户 / 全部 12 户（按全部住户计）");
  });

  it("back online, B's queue is sent; a lost reply is sent again with the same client id and entered once", async () => {
    // The first answer reaches the server, but its reply never reaches the phone.
    let lost = 0;
    await contextB.route("**/api/campaigns/*/answers", async (route) => {
      if (lost > 0) return route.continue();
      lost++;
      await route.fetch();
      await route.abort("internetdisconnected");
    });
    await contextB.setOffline(false);
    await until(() => workerB.getByTestId("doors-pending").count()).toBe(0);
    expect(lost).toBe(1);
    for (const room of ["101", "102", "201", "202"]) expect(await stateOf(workerB, `2号楼 ${room}`)).toBe("agree");
    expect(await textOf(workerB, "doors-reached")).toBe("已走访 10 / 12 户");
    // Ten recordings, ten households: nothing entered twice.
    expect(await app.server.db.campaignAnswerChange.count()).toBe(10);
    expect(await app.server.db.campaignAnswer.count()).toBe(10);
  });

  it("9/12 = 75.0 % of all households is not passed; the not-reached list names the last two", async () => {
    await until(() => rate(secretariat), 15_000).toBe("75.0%");
    expect(await textOf(secretariat, "campaign-result")).toBe("当前：未通过");
    expect(await textOf(secretariat, "campaign-clauses")).toContain("全部住户同意率 ≥ 80%：9/12 = 75.0% 未达到");
    expect(await secretariat.getByTestId("campaign-not-reached").getByRole("listitem").allTextContents()).toEqual(["2号楼 301 周敏", "2号楼 302 吴刚"]);
    const row = secretariat.locator('[data-testid="building-row"][data-building="2号楼"]');
    expect((await row.locator("td").allTextContents()).join(" ")).toBe("6 4 0 0 2 66.7%");
    await shot(secretariat, "campaign-progress-75-zh.png");
    await expectAccessible(secretariat, "campaign-progress-75-zh.png");
  });

  it("one more household agrees: 10/12, passed; the secretariat closes it and downloads the report", async () => {
    await record(workerA, "2号楼 301", "同意");
    await until(() => rate(secretariat), 15_000).toBe("83.3%");
    expect(await textOf(secretariat, "campaign-result")).toBe("当前：通过");
    // Worker B records the last household offline, and the campaign closes before B is back.
    await contextB.setOffline(true);
    await until(() => workerB.getByTestId("doors-offline").isVisible()).toBe(true);
    await record(workerB, "2号楼 302", "暂不表态");
    await secretariat.getByRole("button", { name: "结束征询" }).click();
    await secretariat.getByRole("button", { name: "确定结束" }).click();
    await secretariat.getByTestId("campaign-closed").waitFor();
    expect(await textOf(secretariat, "campaign-result")).toBe("结果：通过");
    await contextB.setOffline(false);
    await until(() => textOf(workerB, "doors-refused")).toBe("2号楼 302 未能登记：该征询已结束，不能再登记或修改意见");
    await until(() => stateOf(workerB, "2号楼 302")).toBe("none");
    expect(await workerB.getByTestId("doors-pending").count()).toBe(0);
    await shot(secretariat, "campaign-progress-passed-zh.png");
    await expectAccessible(secretariat, "campaign-progress-passed-zh.png");

    const [download] = await Promise.all([secretariat.waitForEvent("download"), secretariat.getByTestId("campaign-report-pdf").click()]);
    const text = await pdfText(fs.readFileSync((await download.path())!));
    expect(text).toContain("已结束，结果：通过");
    expect(text).toContain("全部住户同意10/12=83.3%，要求≥80%：达到");

    // Closed: the phones can no longer record.
    await workerA.reload();
    await until(() => door(workerA, "2号楼 302").isDisabled()).toBe(true);
  });

  it("the secretariat creates another campaign with a clause for each building, linked to the meeting", async () => {
    await secretariat.getByRole("navigation").getByRole("link", { name: "敲门计划", exact: true }).click();
    const form = secretariat.getByTestId("campaign-new");
    // By its test id: a label wrapping a select takes the chosen option into its name, so "社区" can match the meeting picker too.
    await form.getByTestId("campaign-community").selectOption({ label: "艺术巷社区（12 户）" });
    await form.getByLabel("名称").fill("加装电梯");
    await form.getByLabel("征询事项").fill("您是否同意本楼加装电梯？");
    await form.getByLabel("开始时间").fill("2026-01-01T09:00");
    await form.getByLabel("结束时间").fill("2099-01-01T18:00");
    await form.getByLabel("每栋楼同意率至少（%，可不填）").fill("67");
    await form.getByLabel("关联会议（可不选）").selectOption({ label: "社区议事会（端到端测试：敲门计划）" });
    // A ledger number no item has is refused before anything is created.
    await form.getByLabel("关联台账编号（可不填）").fill("999");
    await form.getByRole("button", { name: "新建" }).click();
    await until(async () => (await form.getByTestId("admin-error").textContent())?.includes("没有编号为 999 的台账事项")).toBe(true);
    await form.getByLabel("关联台账编号（可不填）").fill("");
    await form.getByRole("button", { name: "新建" }).click();
    await until(() => rate(secretariat)).toBe("0.0%");
    const linked = secretariat.getByTestId("campaign-linked").getByRole("link", { name: "关联会议" });
    expect(await linked.getAttribute("href")).toBe(`/admin/meetings/${app.meetingId}`);
    expect(await secretariat.getByTestId("campaign-clauses").getByRole("listitem").allTextContents()).toEqual([
      "全部住户同意率 ≥ 80%：0/12 = 0.0% 未达到",
      "1号楼 同意率 ≥ 67%：0/6 = 0.0% 未达到",
      "2号楼 同意率 ≥ 67%：0/6 = 0.0% 未达到",
    ]);
    await workerA.goto(`${app.baseUrl}/admin/campaigns`);
    await until(() => workerA.getByTestId("campaign-link").allTextContents()).toEqual(["加装电梯", "艺术巷 水电改造方案"]);
  });

  it("a household answers through its own link (本户链接) on its phone", async () => {
    await secretariat.getByTestId("campaign-issue-links").click();
    const link = secretariat.getByTestId("campaign-links").getByRole("listitem").filter({ hasText: "2号楼 302 吴刚" }).getByRole("link");
    const url = (await link.getAttribute("href"))!;
    expect(url).toMatch(/\/k\/[A-Za-z0-9_-]{24}$/);
    const household = await (await browser.newContext({ ...PHONE, locale: "zh-CN" })).newPage();
    await household.goto(url);
    await until(() => textOf(household, "own-current")).toBe("本户尚未表态");
    expect(await household.getByRole("heading", { level: 1 }).textContent()).toBe("加装电梯");
    await household.getByLabel("同意", { exact: true }).check();
    await household.getByRole("button", { name: "提交意见" }).click();
    await until(() => textOf(household, "own-current")).toBe("本户已登记：同意");
    expect(await overflowing(household)).toEqual([]);
    await shot(household, "campaign-own-link-zh.png");
    await expectAccessible(household, "campaign-own-link-zh.png");
    await until(() => rate(secretariat), 15_000).toBe("8.3%");
    const answer = await app.server.db.campaignAnswer.findFirstOrThrow({ where: { method: "own_link" } });
    expect(answer).toMatchObject({ recordedBy: null, recordedByName: "本户链接", representative: "吴刚" });
  });

  it("the phone in English", async () => {
    await workerB.getByTestId("language-switch").click();
    await until(() => textOf(workerB, "doors-reached")).toBe("Reached 11 of 12 households");
    expect(await door(workerB, "2号楼 302").textContent()).toContain("Not reached");
    expect(await overflowing(workerB)).toEqual([]);
    await workerB.evaluate(() => window.scrollTo(0, 0));
    await shot(workerB, "campaign-phone-doors-en.png");
    await expectAccessible(workerB, "campaign-phone-doors-en.png");
  });
});
