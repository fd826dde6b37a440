// End to end in a real Chromium: a collective wage bargaining session (工资集体协商) at the
// bargaining table. Each side's chief and one representative, the neutral recorder (记录员) and an
// observer (人社局) each in their own browser (a third representative of each side is on the roster, §20). The worker chief presides and opens the meeting (the
// chair's console, though the link says 协商代表); the presiding chief and the recorder put two
// clauses on the table; offers and counter-offers with their reasons; both chiefs accept the same
// wording → 已达成一致 on every screen; an acceptance of an offer overtaken meanwhile is refused
// with the server's message; the chair is handed to the enterprise chief (one action: the
// consoles swap); the worker side consults on its own (背靠背): the others see only the banner,
// the own side its notes (CaucusPanel); the presiding chief suspends (中止) with the reason, the
// open matters and the agreed resume time shown everywhere, and resumes. Screens at 375 px and
// 1366 and 1920 px, in Chinese and English.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { toZonedInput } from "../core/time/meetingTime.ts";
import { dayAndTime } from "../client/src/bargaining/table/bargainingTable.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openMeetingAsChair } from "./support/chair.ts";
import { liveState } from "./support/room.ts";
import { SHOTS, textOf, until } from "./support/page.ts";
import { BARGAINING_ZONE as ZONE, WIDE, accept, addClause, clause, column, currentText, offer, openAtTable, shotFromTop } from "./support/bargaining.ts";

let app: AppUnderTest;
let browser: Browser;
/** 王强 职工方首席代表 (presides first), 刘芳 职工方代表, 陈明 企业方首席代表, 赵磊 企业方代表, 周敏 记录员, 孙丽 旁听 (人社局). */
let wang: Page;
let liu: Page;
let chen: Page;
let zhao: Page;
let zhou: Page;
let sun: Page;
const everyone = () => [wang, liu, chen, zhao, zhou, sun];
const open = (name: string, device: typeof PHONE | typeof DESKTOP | typeof WIDE) => openAtTable(browser, app.links.get(name)!, device);

/** Elements reaching past the right edge of the viewport (a phone's page must not scroll sideways). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`),
  );

describe("the bargaining table", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("2027年度工资集体协商（端到端测试）", [
      { name: "王强", role: "member", side: "worker", chief: true, unit: "工会" },
      { name: "刘芳", role: "member", side: "worker", unit: "生产部" },
      { name: "陈明", role: "member", side: "enterprise", chief: true, unit: "总经理" },
      { name: "赵磊", role: "member", side: "enterprise", unit: "人力资源部" },
      // Each side sends at least three (§20): the third of each follows elsewhere.
      { name: "黄伟", role: "member", side: "worker", unit: "质检部" },
      { name: "吴静", role: "member", side: "enterprise", unit: "财务部" },
      { name: "周敏", role: "clerk" },
      { name: "孙丽", role: "observer", unit: "区人社局" },
    ]);
    await app.server.db.meeting.update({ where: { id: app.meetingId }, data: { kind: "bargaining" } });
    await app.server.rooms.syncConfig(app.meetingId);
    browser = await launchChromium();
    wang = await open("王强", DESKTOP);
    liu = await open("刘芳", PHONE);
    chen = await open("陈明", DESKTOP);
    zhao = await open("赵磊", PHONE);
    zhou = await open("周敏", WIDE);
    sun = await open("孙丽", PHONE);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("everyone sees the table and who presides; the worker chief has the chair's console and opens the meeting", async () => {
    for (const page of everyone()) {
      await page.getByTestId("bargaining-table").waitFor();
      expect(await textOf(page, "bt-presiding")).toBe("主持方：职工方首席代表 王强");
    }
    expect(await wang.locator("main.chair-console").count()).toBe(1);
    expect(await chen.locator("main.member-view").count()).toBe(1);
    expect(await textOf(wang, "me")).toBe("王强 · 职工方首席代表");
    await openMeetingAsChair(wang);
    await until(() => sun.getByTestId("bt-read-only").isVisible()).toBe(true);
    // Only the presiding chief and the recorder put clauses on the table; only a side's chief caucuses.
    await until(() => wang.getByTestId("bt-add-clause").count()).toBe(1);
    await until(() => zhou.getByTestId("bt-add-clause").count()).toBe(1);
    for (const page of [liu, chen, zhao, sun]) expect(await page.getByTestId("bt-add-clause").count()).toBe(0);
    expect(await chen.getByTestId("bt-caucus-start").count()).toBe(1);
    expect(await zhao.getByTestId("bt-caucus-start").count()).toBe(0);
    expect(await chen.getByTestId("bt-hand-over").count()).toBe(0);
  });

  it("the presiding chief and the recorder add a clause each", async () => {
    await addClause(wang, "工资调整幅度");
    await addClause(zhou, "带薪年休假");
    for (const page of everyone()) {
      await until(() => page.getByTestId("bt-clause").count()).toBe(2);
      expect(await clause(page, "工资调整幅度").getByTestId("bt-clause-status").textContent()).toContain("协商中");
    }
    // The observer and the recorder make no offers.
    for (const page of [sun, zhou]) expect(await page.getByTestId("bt-make-offer").count()).toBe(0);
  });

  it("offers and counter-offers: the current offer large, the history with who, when and why", async () => {
    await offer(liu, "工资调整幅度", "月工资增长 8%", "当地物价上涨 3.2%，企业利润增长 12%");
    await offer(zhao, "工资调整幅度", "月工资增长 4%", "原材料成本上升，订单减少");
    await offer(liu, "工资调整幅度", "月工资增长 6%", "分两步执行也可");
    await offer(chen, "工资调整幅度", "月工资增长 6%", "同意，自 2027 年 1 月起");
    for (const page of everyone()) {
      await until(() => currentText(page, "工资调整幅度", "enterprise")).toBe("月工资增长 6%");
      expect(await currentText(page, "工资调整幅度", "worker")).toBe("月工资增长 6%");
      const history = column(page, "工资调整幅度", "worker").getByTestId("bt-history-offer");
      expect(await history.count()).toBe(1);
      expect(await history.textContent()).toMatch(/月工资增长 8%刘芳 · \d\d:\d\d理由：当地物价上涨 3\.2%，企业利润增长 12%/);
      expect(await column(page, "工资调整幅度", "enterprise").getByTestId("bt-history-offer").textContent()).toContain("赵磊");
    }
    // Only the chiefs accept; the representatives, the recorder and the observer never see 接受.
    for (const page of [liu, zhao, zhou, sun]) expect(await page.getByTestId("bt-accept").count()).toBe(0);
    await shotFromTop(liu, "bargaining-phone-offers-zh.png");
    expect(await overflowing(liu)).toEqual([]);
  });

  it("both chiefs accept the same wording: 已达成一致 with the agreed text on every screen", async () => {
    await accept(wang, "工资调整幅度", "enterprise");
    await until(() => column(chen, "工资调整幅度", "enterprise").getByTestId("bt-accepted-by").textContent()).toContain("职工方首席代表已接受");
    await accept(chen, "工资调整幅度", "worker");
    for (const page of everyone()) {
      await until(() => clause(page, "工资调整幅度").getAttribute("data-status")).toBe("agreed");
      expect(await clause(page, "工资调整幅度").getByTestId("bt-clause-status").textContent()).toContain("已达成一致");
      expect(await clause(page, "工资调整幅度").getByTestId("bt-agreed").textContent()).toContain("一致意见：月工资增长 6%");
      expect(await clause(page, "工资调整幅度").getByTestId("bt-make-offer").count()).toBe(0);
    }
    await shotFromTop(wang, "bargaining-chair-agreed-1366-zh.png");
  });

  it("an acceptance of an offer overtaken meanwhile is refused with the server's message", async () => {
    await offer(liu, "带薪年休假", "每年增加 2 天");
    await until(() => currentText(chen, "带薪年休假", "worker")).toBe("每年增加 2 天");
    await column(chen, "带薪年休假", "worker").getByTestId("bt-accept").click();
    // While 陈明 reads the confirmation, 刘芳 raises the offer.
    await offer(liu, "带薪年休假", "每年增加 3 天", "工龄 10 年以上职工");
    await until(() => currentText(chen, "带薪年休假", "worker")).toBe("每年增加 3 天");
    await chen.getByTestId("bt-confirm-accept-confirm").click();
    // Beside the clause it concerns, not at the top of a long table.
    const refusal = clause(chen, "带薪年休假").getByTestId("error-notice");
    await until(() => refusal.textContent()).toContain("该报价已不是任何一方的最新报价，请按最新报价确认");
    expect((await liveState(app)).bargaining.clauses[1]!.accepted).toEqual({ worker: null, enterprise: null });
    await refusal.getByRole("button").click();
  });

  it("the presiding chief hands the chair over in one action: the consoles swap", async () => {
    await wang.getByTestId("bt-hand-over").click();
    for (const page of everyone()) await until(() => textOf(page, "bt-presiding")).toBe("主持方：企业方首席代表 陈明");
    await until(() => chen.locator("main.chair-console").count()).toBe(1);
    await until(() => wang.locator("main.member-view").count()).toBe(1);
    expect(await textOf(sun, "bt-handed-over")).toMatch(/^\d\d:\d\d 由职工方移交企业方主持$/);
    expect(await wang.getByTestId("bt-hand-over").count()).toBe(0);
    expect(await chen.getByTestId("bt-hand-over").count()).toBe(1);
    const handovers = (await liveState(app)).bargaining.handovers;
    expect(handovers.map(({ from, to }) => [from, to])).toEqual([["worker", "enterprise"]]);
  });

  it("a caucus: the other side, the recorder and the observer see only the banner; the own side its notes", async () => {
    await wang.getByTestId("bt-caucus-start").click();
    const started = (await liveState(app)).bargaining.caucuses[0]!.startedAt;
    const banner = `职工方正在内部协商 · ${toZonedInput(started, ZONE).slice(11)}`;
    for (const page of everyone()) await until(() => textOf(page, "bt-caucus-banner")).toBe(banner);
    for (const page of [wang, liu]) await until(() => page.getByTestId("caucus-panel").isVisible()).toBe(true);
    await liu.getByTestId("caucus-input").fill("底线：不低于 5%，分两步可以接受");
    await liu.getByTestId("caucus-send").click();
    await until(() => wang.getByTestId("caucus-note").allTextContents()).toEqual([expect.stringContaining("底线：不低于 5%，分两步可以接受")]);
    for (const page of [chen, zhao, zhou, sun]) {
      expect(await page.getByTestId("caucus-panel").count()).toBe(0);
      expect(await page.content()).not.toContain("底线");
    }
    await shotFromTop(zhao, "bargaining-phone-caucus-other-side-zh.png");
    await shotFromTop(liu, "bargaining-phone-caucus-own-side-zh.png");
    await wang.getByTestId("bt-caucus-end").click();
    for (const page of everyone()) await until(() => page.getByTestId("bt-caucus-banner").count()).toBe(0);
  });

  it("the presiding chief suspends with the reason, the open matters and the agreed time: shown everywhere; then resumes", async () => {
    const day = new Date(Date.now() + 2 * 86_400_000);
    const resumeInput = `${toZonedInput(day.getTime(), ZONE).slice(0, 10)}T09:00`;
    await chen.getByTestId("bt-suspend").click();
    await chen.getByTestId("bt-suspend-reason").fill("企业方需测算人工成本");
    await chen.getByTestId("bt-suspend-matters").fill("带薪年休假\n加班工资计算基数");
    await chen.getByTestId("bt-suspend-resume-at").fill(resumeInput);
    await chen.getByTestId("bt-suspend-send").click();
    const resumeAt = (await liveState(app)).bargaining.suspension?.resumeAt;
    expect(resumeAt).toBeDefined();
    expect(toZonedInput(resumeAt!, ZONE)).toBe(resumeInput);
    const banner = `已中止 · 约定 ${dayAndTime(resumeAt!, ZONE, "zh", ZONE)} 继续`;
    for (const page of everyone()) {
      await until(() => textOf(page, "bt-suspended-banner")).toBe(banner);
      expect(await textOf(page, "bt-suspended-reason")).toBe("中止原因：企业方需测算人工成本");
      expect(await page.getByTestId("bt-open-matters").locator("li").allTextContents()).toEqual(["带薪年休假", "加班工资计算基数"]);
      expect(await page.getByTestId("bt-make-offer").count()).toBe(0);
    }
    expect(banner).toMatch(/^已中止 · 约定 \d+月\d+日 09:00 继续$/);
    await shotFromTop(sun, "bargaining-phone-suspended-observer-zh.png");
    await shotFromTop(zhou, "bargaining-recorder-suspended-1920-zh.png");
    await chen.getByTestId("bt-resume").click();
    for (const page of everyone()) await until(() => page.getByTestId("bt-suspended").count()).toBe(0);
    await until(() => clause(liu, "带薪年休假").getByTestId("bt-make-offer").count()).toBe(1);
    await shotFromTop(chen, "bargaining-chair-enterprise-1366-zh.png");
  });

  it("in English", async () => {
    for (const page of [zhao, chen]) await page.getByRole("button", { name: "English" }).click();
    await until(() => textOf(zhao, "bt-presiding")).toBe("Presiding: Enterprise side chief 陈明");
    expect(await clause(zhao, "工资调整幅度").getByTestId("bt-clause-status").textContent()).toContain("Agreed");
    expect(await clause(zhao, "工资调整幅度").getByTestId("bt-agreed").textContent()).toContain("Agreed wording: 月工资增长 6%");
    expect(await column(zhao, "工资调整幅度", "worker").locator("h4").textContent()).toBe("Worker side");
    expect(await overflowing(zhao)).toEqual([]);
    await shotFromTop(zhao, "bargaining-phone-en.png");
    await shotFromTop(chen, "bargaining-chair-1366-en.png");
    // The presiding chief on a phone: the table first, the console's other panels under it.
    await chen.setViewportSize(PHONE.viewport);
    expect(await overflowing(chen)).toEqual([]);
    const [table, lifecycle] = await Promise.all([chen.getByTestId("bargaining-table").boundingBox(), chen.locator(".chair-console .left").boundingBox()]);
    expect(table!.y).toBeLessThan(lifecycle!.y);
    await shotFromTop(chen, "bargaining-chair-phone-en.png");
  });
});
