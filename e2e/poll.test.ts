// End to end in a real Chromium: an instant poll (即时表决). The chair drafts a secret
// 赞成/反对/弃权 poll decided by 不少于应到人数的80%（含本数）and opens it; three members vote from their
// phones (bottom sheet, 无记名投票, then 已投票 · 您的选票已收到，无法更改, which survives a reload
// through poll.mine); an invited official is told they are not on the list; the turnout runs on
// the chair's console and the room display; the chair closes (the result reaches the chair and
// the clerk only), then publishes: every screen shows the same result — 2 of 3 is 66.7 % of the
// eligible, short of 80 %: 未通过.
// Then a community owners' vote (业主表决) in its own meeting: one vote per household, weighted by
// floor area, ≥ 2/3 of all households (应到, by count and by weight) and ≥ 90 % of 1号楼's households;
// the preview names 应到 and 实到 and says who may still vote after the opening.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ERROR_MESSAGES } from "../core/errors.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { openDisplay } from "./support/page.ts";
import { orAbort } from "../server/src/http/apiError.ts";
import { openMeetingAsChair } from "./support/chair.ts";

const SHOTS = path.join(import.meta.dirname, "../test-results/screenshots");
const TITLE = "关于老旧小区加装电梯补贴方案的表决";

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
let clerk: Page;
let display: Page;
/** 李明, 袁海霞, 张伟: the three members who vote. */
let phones: Page[];

async function open(name: string, device: typeof PHONE | typeof DESKTOP, on: { app: AppUnderTest; browser: Browser } = { app, browser }): Promise<Page> {
  const context = await on.browser.newContext({ ...device, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(on.app.links.get(name)!);
  await page.getByTestId("me").waitFor();
  return page;
}

const text = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).first().textContent()) ?? "").trim();
/** expect.poll with room for a busy test machine (two shared cores). */
const until = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 20_000, interval: 100 });
/** A result as every screen shows it: the verdict, each option's count and percentage, each clause, the counts. */
const resultText = async (page: Page): Promise<string> => {
  const result = page.getByTestId("poll-result");
  if ((await result.count()) === 0) return "";
  const parts = await Promise.all(["poll-verdict", "poll-result-row", "poll-clause", "poll-counts"].map((id) => result.getByTestId(id).allTextContents()));
  return parts
    .flat()
    .map((s) => s.trim())
    .join(" | ");
};
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name) });

async function vote(page: Page, option: string) {
  await page.locator(`[data-testid="ballot-option"][data-option="${option}"]`).click();
  await page.getByTestId("ballot-submit").click();
  await until(() => text(page, "poll-voted")).toContain("已投票");
}

describe("an instant poll in the browser", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("社区议事会（端到端测试：表决）", [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      { name: "李明", role: "member", sector: "居民代表" },
      { name: "袁海霞", role: "member", sector: "居民代表" },
      { name: "张伟", role: "member", sector: "物业" },
      { name: "王建国", role: "official", unit: "区住建局" },
    ]);
    browser = await launchChromium();
    chair = await open("钟玉", DESKTOP);
    clerk = await open("文书", DESKTOP);
    phones = [await open("李明", PHONE), await open("袁海霞", PHONE), await open("张伟", PHONE)];
    display = await openDisplay(browser, app);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the chair drafts a secret 赞成/反对/弃权 poll with the rule 不少于应到人数的80%（含本数）", async () => {
    await openMeetingAsChair(chair);
    // The three members are present (online) before the poll opens: the list is frozen then.
    await until(() => text(chair, "present")).toBe("3");
    await chair.getByTestId("poll-new").click();
    await chair.getByTestId("poll-title").fill(TITLE);
    // Secret is the default; a secret ballot has no live tally and no change of vote.
    expect(await chair.getByTestId("poll-secret").isChecked()).toBe(true);
    expect(await chair.getByTestId("poll-tally-chair").isDisabled()).toBe(true);
    expect(await chair.getByTestId("poll-tally-none").isChecked()).toBe(true);
    expect(await chair.getByTestId("poll-allow-change").isDisabled()).toBe(true);
    await chair.getByTestId("poll-rule-majorityOfCast").uncheck();
    await chair.getByTestId("poll-rule-percent").check();
    await chair.getByTestId("poll-percent").fill("80");
    expect(await chair.getByTestId("poll-percent-base").inputValue()).toBe("entitled");
    // Who counts, then the rule in the words the result will use.
    await until(() => text(chair, "poll-eligible-preview")).toBe(
      "3 人应到，目前 3 人到会；未到会的人计入分母；开始表决后到会的不能投票（开始表决时冻结名单）通过条件：不少于应到人数的80%（含本数）",
    );
    expect(await text(chair, "poll-rule-sentence")).toBe("通过条件：不少于应到人数的80%（含本数）");
    await chair.getByTestId("poll-create").screenshot({ path: path.join(SHOTS, "poll-chair-create-form.png") });
    await shot(chair, "poll-chair-create-1366.png");
    await chair.getByTestId("poll-create-submit").click();
    await until(() => chair.getByTestId("poll-item").getAttribute("data-status")).toBe("draft");
    expect(await text(chair, "poll-item")).toContain(TITLE);
    expect(await chair.getByTestId("poll-item").locator(".poll-item-meta").textContent()).toBe("赞成/反对/弃权 · 无记名 · 不少于应到人数的80%（含本数）");
    // Drafts are not shown to the members.
    expect(await phones[0]!.getByTestId("poll-sheet").count()).toBe(0);
  }, 150_000);

  it("opened: the phones show the ballot (无记名投票), the chair and the display the turnout 已投 0 · 应到 3 人 · 实到 3 人", async () => {
    await chair.getByTestId("poll-open").click();
    await until(() => text(chair, "poll-status")).toBe("进行中");
    // Everyone entitled is present: nothing to warn about, the poll opens at once.
    expect(await chair.getByTestId("poll-open-warnings").count()).toBe(0);
    await until(() => text(chair, "poll-turnout")).toBe("已投 0 · 应到 3 人 · 实到 3 人");
    for (const phone of phones) {
      await until(() => text(phone, "poll-sheet-title")).toBe(TITLE);
      expect(await text(phone, "poll-note")).toBe("无记名投票");
      expect((await phone.getByTestId("ballot-option").allTextContents()).map((s) => s.trim())).toEqual(["赞成", "反对", "弃权"]);
      // Nothing chosen yet: the vote cannot be cast.
      expect(await phone.getByTestId("ballot-submit").isDisabled()).toBe(true);
    }
    await until(() => text(display, "display-poll-title")).toBe(TITLE);
    await until(() => text(display, "poll-turnout")).toBe("已投 0 · 应到 3 人 · 实到 3 人");
    // The clerk can enter a show of hands for the open poll.
    await until(() => clerk.getByTestId("poll-hands").count()).toBe(1);
    // An official is not on the members' list: a plain note, no ballot.
    const official = await open("王建国", PHONE);
    await until(() => text(official, "poll-not-eligible")).toContain("您不在本次表决的表决人名单中");
    expect(await official.getByTestId("ballot").count()).toBe(0);
    await shot(official, "poll-official-not-eligible-375.png");
    await official.context().close();

    await phones[0]!.locator('[data-testid="ballot-option"][data-option="yes"]').click();
    expect(await text(phones[0]!, "ballot-submit")).toBe("确认投「赞成」");
    await shot(phones[0]!, "poll-member-ballot-375.png");
    await shot(display, "poll-display-open-1920.png");
  }, 150_000);

  it("three members vote: 已投票 on each phone (also after a reload), 已投 3 on the chair's console and the display", async () => {
    const [li, yuan, zhang] = phones as [Page, Page, Page];
    await li.getByTestId("ballot-submit").click();
    await until(() => text(li, "poll-voted")).toContain("已投票");
    await vote(yuan, "yes");
    await vote(zhang, "no");
    for (const phone of phones) {
      expect(await text(phone, "poll-voted-note")).toBe("您的选票已收到，无法更改");
      expect(await phone.getByTestId("poll-change").count()).toBe(0);
    }
    await until(() => text(chair, "poll-turnout")).toBe("已投 3 · 应到 3 人 · 实到 3 人");
    await until(() => text(display, "poll-turnout")).toBe("已投 3 · 应到 3 人 · 实到 3 人");
    // A secret poll shows no running tally, not even to the chair.
    expect(await chair.getByTestId("poll-live-tally").count()).toBe(0);
    await shot(zhang, "poll-member-voted-375.png");
    await shot(chair, "poll-chair-open-1366.png");

    // After a reload the phone asks the ballot box (poll.mine): still 已投票, no ballot offered.
    await zhang.reload();
    await until(() => text(zhang, "poll-voted")).toContain("已投票");
    expect(await zhang.getByTestId("ballot").count()).toBe(0);
  }, 150_000);

  it("closed: the chair and the clerk see the result at once; the members and the display wait for the publication", async () => {
    await chair.getByTestId("poll-close").click();
    await chair.getByTestId("confirm-close-poll-confirm").click();
    await until(() => text(chair, "poll-status")).toBe("已结束");
    await until(() => text(chair, "poll-verdict")).toBe("未通过");
    expect(await chair.getByTestId("poll-result-count").allTextContents()).toEqual(["2 票 · 66.7%", "1 票 · 33.3%", "0 票 · 0%"]);
    expect(await text(chair, "poll-clause")).toBe("不少于应到人数的80%（含本数）：赞成 2 / 应到 3 = 66.7%");
    expect(await text(chair, "poll-rule")).toBe("规则：不少于应到人数的80%（含本数）");
    expect(await text(chair, "poll-counts")).toBe("应到 3 人 · 实到 3 人 · 投票 3");
    await until(() => text(clerk, "poll-verdict")).toBe("未通过");
    for (const phone of phones) {
      await until(() => text(phone, "poll-closed-waiting")).toBe(`表决已结束，等待公布结果：${TITLE}`);
      expect(await phone.getByTestId("poll-result").count()).toBe(0);
    }
    await until(() => display.getByTestId("display-poll").count()).toBe(0);
  }, 150_000);

  it("published: the chair's console, the three phones and the display show the same result", async () => {
    await chair.getByTestId("poll-publish").click();
    await until(() => text(chair, "poll-status")).toBe("已公布");
    const result = await resultText(chair);
    expect(result).toContain("未通过");
    for (const page of [clerk, ...phones, display]) await until(() => resultText(page)).toBe(result);
    for (const page of [...phones, display]) {
      expect(await text(page, "poll-verdict")).toBe("未通过");
      expect(await page.getByTestId("poll-result-count").allTextContents()).toEqual(["2 票 · 66.7%", "1 票 · 33.3%", "0 票 · 0%"]);
      expect(await text(page, "poll-clause")).toBe("不少于应到人数的80%（含本数）：赞成 2 / 应到 3 = 66.7%");
    }
    expect(await display.getByTestId("display-poll").getAttribute("data-status")).toBe("published");
    await shot(chair, "poll-chair-result-1366.png");
    await shot(clerk, "poll-clerk-result-1366.png");
    for (const [i, phone] of phones.entries()) await shot(phone, `poll-member-result-${i + 1}-375.png`);
    await shot(display, "poll-display-result-1920.png");
    // Anyone can check the count after the close: the (anonymous) ballots add up to the result.
    // The published result is a summary line on the phone: open it first.
    await phones[0]!.getByTestId("poll-published-summary").click();
    await phones[0]!.getByTestId("poll-audit").click();
    await until(() => text(phones[0]!, "poll-audit-result")).toBe("投票人 3 · 选票 3 张 · 与公布的结果一致");
  }, 150_000);

  it("a named 同意/不同意 poll with a live tally for all and a time limit: a member changes the vote, the clerk enters a show of hands", async () => {
    const [li, yuan] = phones as [Page, Page, Page];
    const title = "关于设立议事公开栏的表决";
    await chair.getByTestId("poll-new").click();
    await chair.getByTestId("poll-title").fill(title);
    await chair.getByTestId("poll-form-consent").check();
    // 同意/不同意 proposes a consent rate of everyone entitled (80 % of 应到); here the chair
    // decides by a majority of the votes cast instead.
    expect(await chair.getByTestId("poll-rule-percent").isChecked()).toBe(true);
    expect(await chair.getByTestId("poll-percent").inputValue()).toBe("80%");
    expect(await chair.getByTestId("poll-percent-base").inputValue()).toBe("entitled");
    expect(await chair.getByTestId("poll-rule-majorityOfCast").isChecked()).toBe(false);
    await chair.getByTestId("poll-rule-percent").uncheck();
    await chair.getByTestId("poll-rule-majorityOfCast").check();
    await until(() => text(chair, "poll-counts-sentence")).toBe("；按实际投票数计算，未投票的不计入；开始表决后到会的不能投票");
    await chair.getByTestId("poll-named").check();
    await chair.getByTestId("poll-tally-all").check();
    await chair.getByTestId("poll-allow-change").check();
    await chair.getByTestId("poll-minutes").fill("5");
    await chair.getByTestId("poll-create-submit").click();
    await until(() => chair.locator('[data-testid="poll-item"][data-status="draft"]').count()).toBe(1);
    await chair.getByTestId("poll-open").click();
    await until(() => chair.locator('[data-testid="poll-item"][data-status="open"]').count()).toBe(1);
    // The open poll takes the display's place of the last result.
    await until(() => text(display, "display-poll-title")).toBe(title);

    await until(() => text(li, "poll-note")).toBe("记名投票 · 结束前可改票");
    expect(await text(li, "poll-countdown")).toMatch(/^剩余 [45]:\d\d$/);
    await vote(li, "agree");
    expect(await text(li, "poll-voted-note")).toBe("您的选择：同意");
    await until(() => text(chair, "poll-live-tally")).toBe("实时计票 同意 1 · 不同意 0");
    // Changing: the sheet again, with my earlier choice marked.
    await li.getByTestId("poll-change").click();
    expect(await li.locator('[data-testid="ballot-option"][data-option="agree"] input[type="radio"]').isChecked()).toBe(true);
    await vote(li, "disagree");
    await until(() => text(li, "poll-voted-note")).toBe("您的选择：不同意");
    await vote(yuan, "agree");
    await until(() => text(chair, "poll-live-tally")).toBe("实时计票 同意 1 · 不同意 1");
    // Everyone sees it while it runs (tallyVisibility all), the voters on their phones too.
    await until(() => text(yuan, "poll-live-tally")).toBe("实时计票 同意 1 · 不同意 1");
    await until(() => text(chair, "poll-turnout")).toBe("已投 2 · 应到 3 人 · 实到 3 人");

    // 张伟 is in the room without his phone at hand: the clerk counts his raised hand.
    await clerk.locator('[data-testid="poll-hands-input"][data-option="agree"]').fill("1");
    await clerk.getByTestId("poll-hands-submit").click();
    await until(() => text(chair, "poll-hands-entered")).toBe("已录入举手：同意 1、不同意 0");
    await shot(li, "poll-member-named-voted-375.png");
    await shot(clerk, "poll-clerk-hands-1366.png");

    await chair.getByTestId("poll-close").click();
    await chair.getByTestId("confirm-close-poll-confirm").click();
    await chair.getByTestId("poll-publish").click();
    await until(() => display.getByTestId("display-poll").getAttribute("data-status")).toBe("published");
    const result = await resultText(chair);
    // 2 of the 3 cast (one of them a raised hand) agree: a majority of the votes cast.
    expect(result).toBe(
      "通过 | 同意2 票 · 66.7% | 不同意1 票 · 33.3% | 超过投票数的半数：同意 2 / 投票 3 = 66.7% | 应到 3 人 · 实到 3 人 · 投票 3（含举手 1）",
    );
    for (const page of [clerk, ...phones, display]) await until(() => resultText(page)).toBe(result);
    // Two electronic ballots (李明's changed one counts once) and the hand: it adds up.
    await chair.locator('[data-testid="poll-item"][data-status="published"]').first().getByTestId("poll-audit").click();
    await until(() => text(chair, "poll-audit-result")).toBe("投票人 2 · 选票 2 张 · 与公布的结果一致");
    const dark = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "zh-CN" }).then((c) => c.newPage());
    const url = new URL(orAbort(await app.server.links.room(app.baseUrl, app.meetingId, "display")).url);
    url.search = "?theme=dark";
    await dark.goto(url.toString());
    await until(() => resultText(dark)).toBe(result);
    await shot(dark, "poll-display-result-dark-1920.png");
    await shot(yuan, "poll-member-named-result-375.png");
  }, 150_000);

  it("multiple choice: the chair types the options and 至少 1 / 至多 2; the phone offers checkboxes and 提交 within the range", async () => {
    const [li, yuan, zhang] = phones as [Page, Page, Page];
    const title = "选出优先改造的项目（至多两项）";
    await chair.getByTestId("poll-new").click();
    await chair.getByTestId("poll-title").fill(title);
    await chair.getByTestId("poll-form-multiple").check();
    await chair.getByTestId("poll-add-option").click();
    const options = chair.getByTestId("poll-option-input");
    for (const [i, label] of ["加装电梯", "外墙保温", "雨污分流"].entries()) await options.nth(i).fill(label);
    await chair.getByTestId("poll-min").fill("1");
    await chair.getByTestId("poll-max").fill("2");
    await chair.getByTestId("poll-named").check();
    await chair.getByTestId("poll-create-submit").click();
    await until(() => chair.locator('[data-testid="poll-item"][data-status="draft"]').count()).toBe(1);
    await chair.getByTestId("poll-open").click();
    await until(() => chair.locator('[data-testid="poll-item"][data-status="open"]').count()).toBe(1);

    // A second poll cannot open meanwhile: the refusal shows in the 表决 panel; the draft is deleted.
    await chair.getByTestId("poll-new").click();
    await chair.getByTestId("poll-title").fill("另一项表决");
    await chair.getByTestId("poll-create-submit").click();
    await until(() => chair.locator('[data-testid="poll-item"][data-status="draft"]').count()).toBe(1);
    await chair.getByTestId("poll-open").click();
    await until(() => text(chair, "poll-panel")).toContain(ERROR_MESSAGES.POLL_ALREADY_OPEN.zh);
    expect(await chair.getByTestId("poll-panel").getByTestId("error-notice").count()).toBe(1);
    await chair.getByTestId("poll-discard").click();
    await until(() => chair.locator('[data-testid="poll-item"][data-status="draft"]').count()).toBe(0);

    await until(() => text(li, "ballot-range")).toBe("至少选 1 项 · 至多选 2 项 · 已选 0 项");
    expect(await li.getByTestId("ballot-submit").isDisabled()).toBe(true);
    await li.locator('[data-testid="ballot-option"][data-option="o1"]').click();
    await li.locator('[data-testid="ballot-option"][data-option="o3"]').click();
    // The third would exceed 至多 2: it cannot be ticked.
    expect(await li.locator('[data-testid="ballot-option"][data-option="o2"] input').isDisabled()).toBe(true);
    expect(await text(li, "ballot-range")).toContain("已选 2 项");
    await shot(li, "poll-member-multiple-375.png");
    await li.getByTestId("ballot-submit").click();
    await until(() => text(li, "poll-voted-note")).toBe("您的选择：加装电梯、雨污分流");
    for (const [phone, option] of [
      [yuan, "o1"],
      [zhang, "o2"],
    ] as const) {
      await phone.locator(`[data-testid="ballot-option"][data-option="${option}"]`).click();
      await phone.getByTestId("ballot-submit").click();
      await until(() => text(phone, "poll-voted")).toContain("已投票");
    }
    await until(() => text(chair, "poll-turnout")).toBe("已投 3 · 应到 3 人 · 实到 3 人");
    await chair.getByTestId("poll-close").click();
    await chair.getByTestId("confirm-close-poll-confirm").click();
    await until(() => chair.locator('[data-testid="poll-item"][data-status="closed"]').count()).toBe(1);
    // 加装电梯 has 2 of the 3 votes cast: the only option with a majority.
    expect(await text(chair, "poll-verdict")).toBe("通过 · 加装电梯");
    expect(await chair.getByTestId("poll-result-count").allTextContents()).toEqual(["2 票 · 66.7%", "1 票 · 33.3%", "1 票 · 33.3%"]);
    await shot(chair, "poll-chair-multiple-result-1366.png");
  }, 150_000);
});

describe("a community owners' vote: per household, weighted, with a building clause", () => {
  const TITLE = "关于使用专项维修资金更换1号楼电梯的表决";
  let on: { app: AppUnderTest; browser: Browser };
  let chair: Page;
  /** 赵 and 钱 (1号楼), 孙 and 李 (2号楼); 吴 shares 孙's household and stays away. */
  let owners: Page[];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    on = {
      app: await startApp("幸福里小区业主表决（端到端测试）", [
        { name: "钟玉", role: "chair" },
        { name: "赵秀英", role: "member", household: "1号楼1单元101", voteWeight: 89.5 },
        { name: "钱国强", role: "member", household: "1号楼1单元102", voteWeight: 102.3 },
        { name: "孙丽", role: "member", household: "2号楼201", voteWeight: 120 },
        { name: "吴刚", role: "member", household: "2号楼201", voteWeight: 120 },
        { name: "李娜", role: "member", household: "2号楼202", voteWeight: 95.2 },
      ]),
      browser: await launchChromium(),
    };
    chair = await open("钟玉", DESKTOP, on);
    owners = [];
    for (const name of ["赵秀英", "钱国强", "孙丽", "李娜"]) owners.push(await open(name, PHONE, on));
  }, 240_000);

  afterAll(async () => {
    await on?.browser.close();
    await on?.app.close();
  });

  it("the chair sets it under 更多条件, the preview counts the households; three of four agree but 1号楼 falls short of 90 %: 未通过", async () => {
    await openMeetingAsChair(chair);
    await until(() => text(chair, "present")).toBe("4");
    await chair.getByTestId("poll-new").click();
    await chair.getByTestId("poll-title").fill(TITLE);
    await chair.getByTestId("poll-form-consent").check();
    await chair.getByTestId("poll-named").check();
    // Person by person, 吴刚 (away) is one of the five entitled and counts against the rule.
    await until(() => text(chair, "poll-eligible-preview")).toBe(
      "5 人应到，目前 4 人到会；未到会的人计入分母；开始表决后到会的不能投票（开始表决时冻结名单）通过条件：不少于应到人数的80%（含本数）",
    );
    await chair.getByTestId("poll-more-summary").click();
    // Latecomers may vote on arrival: a separate switch, which changes no base.
    await chair.getByTestId("poll-absent-may-vote").check();
    await until(() => text(chair, "poll-counts-sentence")).toBe("；未到会的人计入分母；未到会的到会后可补投");
    expect(await text(chair, "poll-more-summary")).toContain("到会后可补投");
    // One vote per household: 吴刚 shares 孙丽's household, which is present; 4 households, all present.
    await chair.getByTestId("poll-per-household").check();
    await until(() => text(chair, "poll-eligible-preview")).toContain("4 户应到，目前 4 户到会");
    await chair.getByTestId("poll-weighted").check();
    await chair.getByTestId("poll-rule-percent").uncheck();
    await chair.getByTestId("poll-rule-twoThirdsOfEntitled").check();
    await chair.getByTestId("poll-measure-twoThirdsOfEntitled").selectOption("both");
    await chair.getByTestId("poll-add-building").click();
    // The buildings come from the roster's households; 1号楼 first, 不少于 90 % by default.
    expect(await chair.getByTestId("poll-building-prefix").locator("option").allTextContents()).toEqual(["1号楼", "2号楼", "其他…"]);
    expect(await chair.getByTestId("poll-building-prefix").inputValue()).toBe("1号楼");
    expect(await chair.getByTestId("poll-building-percent").inputValue()).toBe("90%");
    await until(() => text(chair, "poll-eligible-preview")).toBe(
      "4 户应到，目前 4 户到会，权重合计 407；其中 1号楼 2 户；未到会的户计入分母；未到会的到会后可补投（开始表决时冻结名单）" +
        "通过条件：不少于应到户数的三分之二（含本数），且不少于应到权重的三分之二（含本数），且1号楼：不少于应到户数的90%（含本数）",
    );
    // The sticky top bar would cover part of a form taller than the window.
    await chair.getByTestId("poll-create").screenshot({ path: path.join(SHOTS, "poll-owners-create-form.png"), style: ".top-bar { visibility: hidden; }" });
    await shot(chair, "poll-owners-create-1366.png");
    await chair.getByTestId("poll-create-submit").click();
    await until(() => chair.getByTestId("poll-item").getAttribute("data-status")).toBe("draft");
    expect(await chair.getByTestId("poll-item").locator(".poll-item-meta").textContent()).toBe(
      "同意/不同意 · 记名 · 不少于应到户数的三分之二（含本数），且不少于应到权重的三分之二（含本数），且1号楼：不少于应到户数的90%（含本数）",
    );

    await chair.getByTestId("poll-open").click();
    await until(() => text(chair, "poll-turnout")).toBe("已投 0 · 应到 4 户 · 实到 4 户");
    const [zhao, qian, sun, li] = owners as [Page, Page, Page, Page];
    for (const [phone, option] of [
      [zhao, "agree"],
      [qian, "disagree"],
      [sun, "agree"],
      [li, "agree"],
    ] as const) {
      await until(() => text(phone, "poll-sheet-title")).toBe(TITLE);
      await vote(phone, option);
    }
    await until(() => text(chair, "poll-turnout")).toBe("已投 4 · 应到 4 户 · 实到 4 户");
    await chair.getByTestId("poll-close").click();
    await chair.getByTestId("confirm-close-poll-confirm").click();
    await until(() => text(chair, "poll-verdict")).toBe("未通过");
    expect((await chair.getByTestId("poll-clause").allTextContents()).map((line) => line.trim())).toEqual([
      "不少于应到户数的三分之二（含本数）：同意 3 / 应到户 4 = 75%",
      "不少于应到权重的三分之二（含本数）：同意 权重 304.7 / 应到权重 407 = 74.9%",
      "1号楼：不少于应到户数的90%（含本数）：同意 1 / 1号楼应到户 2 = 50%",
    ]);
    expect(await chair.getByTestId("poll-clause").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-passed")))).toEqual(["true", "true", "false"]);
    expect(await text(chair, "poll-counts")).toBe("应到 4 户 · 实到 4 户 · 投票 4 户 · 应到权重 407");
    await chair.getByTestId("poll-result").screenshot({ path: path.join(SHOTS, "poll-owners-result.png") });
    await shot(chair, "poll-owners-result-1366.png");
  }, 150_000);
});
