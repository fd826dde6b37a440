// End to end in a real Chromium at 375×667: the member's phone (issue 19). A long meeting title
// and agenda item wrap in the header instead of being cut; given the floor, the member sees
// 您已获得发言权 and their own clock stays on screen (sticky) however far they scroll, the one
// countdown on each phone (the speaker card shows none beside the sticky bar's); the next
// member reads 下一位是您 (and the phone vibrates); over time the clock says 已超时 +0:xx in red,
// never 剩余时间; an official who answered is not asked to mark the outcome, and the server
// refuses it; a published poll is one summary line that opens to the result.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { PollDefinition } from "../core/poll/schema.ts";
import { parseCommand } from "../core/meeting.ts";
import type { Actor } from "../core/roles.ts";
import { Harness, send, type TestClient } from "../testing/server/harness.ts";
import { PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { SHOTS, shot, textOf, until, visibleClocks } from "./support/page.ts";
import { joinBySocket, liveState, submitTo } from "./support/room.ts";

const TITLE = "关于老旧小区加装电梯、雨污分流改造和社区养老服务设施建设的专题协商恳谈会（第二次全体会议）";
const ITEM = "听取市住建局关于老旧小区加装电梯补贴标准和审批流程简化情况的通报并开展协商讨论";

let app: AppUnderTest;
let browser: Browser;
let harness: Harness;
/** The chair as a plain socket client: the commands the ballot box answers (poll.close). */
let chairSocket: TestClient;
/** 李明: the member who speaks. */
let li: Page;
/** 袁海霞: the member who is next, then listens. */
let yuan: Page;
/** 王建国: the invited official who interjects. */
let wang: Page;

const actor = async (name: string): Promise<Actor> => {
  const person = (await liveState(app)).roster.find((p) => p.name === name)!;
  return { participantId: person.id, role: person.role };
};
const run = async (name: string, command: unknown) => submitTo(app, await actor(name), command);

/**
 * Visible to the person holding the phone: inside the viewport and not covered by anything else
 * (the element at its centre is it or inside it; the bottom action and sticky bars cover things).
 */
async function seen(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight || box.right > window.innerWidth) return false;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}
const scrollToBottom = (page: Page) => page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
const colourOf = (locator: Locator, property: "color" | "background-color") => locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
const RED = "rgb(185, 28, 28)"; // --over

async function openPhone(name: string): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, locale: "zh-CN" });
  const page = await context.newPage();
  // Record the vibrations the page asks for (headless Chromium has no motor to feel).
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    Object.defineProperty(window, "__vibrations", { value: calls });
    Object.defineProperty(navigator, "vibrate", { value: (pattern: unknown) => (calls.push(pattern), true), configurable: true });
  });
  await page.goto(app.links.get(name)!);
  await page.getByTestId("me").waitFor();
  return page;
}

describe("the member's phone at 375×667", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp(TITLE, [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      { name: "李明", role: "member", sector: "科技界" },
      { name: "袁海霞", role: "member", sector: "经济界" },
      { name: "王建国", role: "official", unit: "市住建局" },
    ]);
    harness = new Harness();
    chairSocket = await joinBySocket(harness, app, "钟玉");
    browser = await launchChromium();
    const item = await app.server.agenda.append(app.meetingId, { title: ITEM, presenter: "市住建局", plannedMinutes: 30 });
    await run("钟玉", { type: "meeting.open" });
    await run("钟玉", { type: "agenda.goto", itemId: item.id });
    // A short limit, so the speech runs over within the test.
    await run("钟玉", { type: "floor.setCap", seconds: 30 });
    li = await openPhone("李明");
    yuan = await openPhone("袁海霞");
    wang = await openPhone("王建国");
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.cleanup();
    await app?.close();
  });

  it("the header shows the whole long title and the whole current item, wrapped", async () => {
    const title = yuan.locator(".top-bar h1");
    await until(() => textOf(yuan, "current-item")).toContain(ITEM);
    expect(await title.textContent()).toBe(TITLE);
    for (const part of [title, yuan.getByTestId("current-item")]) {
      // Nothing cut: the text fits its box (no ellipsis, no hidden overflow), over several lines.
      const { scrollWidth, clientWidth, height, lineHeight } = await part.evaluate((el) => ({
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
        height: el.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(el).lineHeight) || 20,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect(height).toBeGreaterThan(lineHeight * 1.5);
      expect(await seen(part)).toBe(true);
    }
    await shot(yuan, "phone-header-long-title-375.png");
  }, 60_000);

  it("given the floor: 您已获得发言权 on the speaker's phone, 下一位是您 (with a vibration) on the next one's", async () => {
    await li.getByTestId("request-floor").click();
    await until(() => li.getByTestId("my-position").count()).toBe(1);
    await yuan.getByTestId("request-floor").click();
    await until(async () => (await liveState(app)).queue.length).toBe(2);
    // 李明 is first: 下一位是您 on his phone before the floor.
    await until(() => li.getByTestId("you-are-next").count()).toBe(1);
    expect(await yuan.getByTestId("you-are-next").count()).toBe(0);

    await run("钟玉", { type: "floor.give", participantId: (await actor("李明")).participantId });
    await until(() => textOf(li, "floor-prompt")).toBe("您已获得发言权");
    expect(await seen(li.getByTestId("floor-prompt"))).toBe(true);
    expect(await seen(li.getByTestId("my-countdown"))).toBe(true);
    // One countdown on each phone, at the top with the speaker card in view: the sticky bar's.
    expect(await visibleClocks(li)).toEqual(["my-countdown"]);
    await until(() => visibleClocks(yuan)).toEqual(["floor-strip-countdown"]);
    await until(() => textOf(yuan, "you-are-next")).toBe("下一位是您 请准备发言");
    expect(await seen(yuan.getByTestId("you-are-next"))).toBe(true);
    expect(await yuan.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length)).toBeGreaterThan(0);
    // Given the floor buzzes too; 下一位是您 left his phone.
    expect(await li.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length)).toBeGreaterThanOrEqual(2);
    expect(await li.getByTestId("you-are-next").count()).toBe(0);
    await shot(li, "phone-floor-prompt-375.png");
    await shot(yuan, "phone-you-are-next-375.png");
  }, 90_000);

  it("the clock stays on screen when the speaker and a listener scroll to the bottom", async () => {
    for (const page of [li, yuan]) {
      await scrollToBottom(page);
      await until(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    }
    expect(await seen(li.getByTestId("my-countdown"))).toBe(true);
    expect(await textOf(li, "my-clock")).toMatch(/^我的剩余时间\s*0:\d\d$/);
    expect(await seen(yuan.getByTestId("floor-strip-countdown"))).toBe(true);
    expect(await textOf(yuan, "floor-strip")).toMatch(/^正在发言：李明\s*(剩余时间|最后一分钟) 0:\d\d$/);
    expect(await visibleClocks(li)).toEqual(["my-countdown"]);
    expect(await visibleClocks(yuan)).toEqual(["floor-strip-countdown"]);
    // The bottom action is there too, and does not hide the clock.
    expect(await seen(li.getByTestId("finish-speech"))).toBe(true);
    await shot(li, "phone-speaker-scrolled-375.png");
    await shot(yuan, "phone-listener-scrolled-375.png");
  }, 60_000);

  it("over time: 已超时 +0:xx in red on both phones (Over time in English), never 剩余时间 +", async () => {
    await until(() => textOf(li, "my-clock"), 45_000).toMatch(/^已超时\s*\+0:\d\d$/);
    await until(() => textOf(yuan, "floor-strip-clock")).toMatch(/^已超时 \+0:\d\d$/);
    for (const page of [li, yuan]) expect(await page.locator("main").textContent()).not.toMatch(/剩余时间\s*\+/);
    expect(await colourOf(li.getByTestId("my-floor-banner"), "background-color")).toBe(RED);
    expect(await colourOf(yuan.getByTestId("floor-strip-clock"), "color")).toBe(RED);
    await scrollToBottom(li);
    expect(await seen(li.getByTestId("my-countdown"))).toBe(true);
    expect(await seen(yuan.getByTestId("floor-strip-countdown"))).toBe(true);
    expect(await visibleClocks(li)).toEqual(["my-countdown"]);
    expect(await visibleClocks(yuan)).toEqual(["floor-strip-countdown"]);
    await shot(li, "phone-speaker-overtime-375.png");
    await shot(yuan, "phone-listener-overtime-375.png");
    // In English.
    await yuan.getByRole("button", { name: "English" }).click();
    await until(() => textOf(yuan, "floor-strip-clock")).toMatch(/^Over time \+0:\d\d$/);
    await shot(yuan, "phone-listener-overtime-en-375.png");
    await yuan.getByRole("button", { name: "中文" }).click();
    await until(() => textOf(yuan, "floor-strip-clock")).toMatch(/^已超时/);
  }, 90_000);

  it("the official who answered is not asked to mark the outcome; the server refuses it from them", async () => {
    await wang.getByTestId("request-interjection").click();
    await wang.getByTestId("interjection-point").fill("关于加装电梯的补贴标准");
    await wang.getByTestId("interjection-submit").click();
    await until(async () => (await liveState(app)).interjectionRequests.length).toBe(1);
    await run("钟玉", { type: "interjection.grant", requestId: (await liveState(app)).interjectionRequests[0]!.requestId });
    await until(() => wang.getByTestId("finish-interjection").count()).toBe(1);
    await wang.getByTestId("finish-interjection").click();
    await until(async () => (await liveState(app)).interjections.length).toBe(1);
    await until(() => wang.getByTestId("request-interjection").count()).toBe(1);
    // Nothing to mark on the official's phone: no 采纳/研究/说明, no 插话回应结果.
    for (const id of ["my-interjection-outcome", "interjection-outcome", "outcome-adopt", "outcome-study", "outcome-explain"]) {
      expect(await wang.getByTestId(id).count(), id).toBe(0);
    }
    expect(await wang.locator("body").textContent()).not.toMatch(/插话回应结果|采纳|研究|说明/);
    await shot(wang, "phone-official-after-interjection-375.png");
    // The server: the official may not, the chair may.
    const interjectionId = (await liveState(app)).interjections[0]!.interjectionId;
    const command = parseCommand({ type: "interjection.setOutcome", interjectionId, outcome: "adopt" });
    if (!command.ok) throw new Error(command.error.code);
    const room = await app.server.rooms.get(app.meetingId);
    expect(await room.submit(await actor("王建国"), command.value)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await run("钟玉", { type: "interjection.setOutcome", interjectionId, outcome: "adopt" });
    expect((await liveState(app)).interjections[0]!.outcome).toBe("adopt");
  }, 90_000);

  it("a published poll is one summary line that opens to the full result", async () => {
    await run("钟玉", { type: "floor.end" });
    const poll = PollDefinition.parse({
      title: "关于加装电梯补贴标准的意见",
      form: "yesNoAbstain",
      secret: true,
      rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }],
    });
    await run("钟玉", { type: "poll.create", poll });
    const pollId = (await liveState(app)).polls.at(-1)!.pollId;
    await run("钟玉", { type: "poll.open", pollId, confirmed: true });
    // 袁海霞 votes on her phone.
    await yuan.locator('[data-testid="ballot-option"][data-option="yes"]').click();
    await yuan.getByTestId("ballot-submit").click();
    await until(async () => (await yuan.getByTestId("poll-voted").textContent()) ?? "").toContain("已投票");
    expect((await send(chairSocket, { type: "poll.close", pollId })).ok).toBe(true);
    expect((await send(chairSocket, { type: "poll.publish", pollId })).ok).toBe(true);

    const card = yuan.getByTestId("poll-published");
    await until(() => textOf(yuan, "poll-published-summary")).toMatch(/^表决结果：关于加装电梯补贴标准的意见\s*通过\s*展开$/);
    await yuan.getByTestId("poll-published-summary").evaluate((el) => el.scrollIntoView({ block: "center" }));
    const height = (await card.boundingBox())!.height;
    expect(height).toBeLessThan(80);
    expect(await yuan.getByTestId("poll-result").isVisible()).toBe(false);
    expect(await seen(yuan.getByTestId("poll-published-summary"))).toBe(true);
    await shot(yuan, "phone-poll-collapsed-375.png");

    await yuan.getByTestId("poll-published-summary").click();
    await until(() => yuan.getByTestId("poll-result").isVisible()).toBe(true);
    // The native <details> opens at once; its toggle event (and so React's state) follows a task later.
    await until(() => card.getAttribute("data-expanded")).toBe("true");
    expect(await textOf(yuan, "poll-verdict")).toBe("通过");
    await shot(yuan, "phone-poll-expanded-375.png");
    await yuan.getByTestId("poll-published-summary").click();
    await until(() => yuan.getByTestId("poll-result").isVisible()).toBe(false);
  }, 90_000);
});
