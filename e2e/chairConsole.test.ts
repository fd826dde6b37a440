// End to end in a real Chromium at 1366×768, the chair's console (issue 19, part 1): during a
// speech the speech bar (暂停, +1/+2 分钟, 结束发言) and the count of pending 插话 requests are on
// screen — in the viewport and not covered — before and after scrolling, in Chinese and in English;
// weighty actions ask first (宣布开会 below the quorum says how many are present of how many needed;
// 结束发言, 结束表决, 宣布散会), cancelling changes nothing and confirming does it, also by keyboard;
// a named poll shows who has and has not voted yet, live, and a secret poll shows nothing per person.
import fs from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PollDefinition } from "../core/poll/schema.ts";
import type { Actor } from "../core/roles.ts";
import { Harness, type TestClient } from "../testing/server/harness.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { DESKTOP, launchChromium } from "./support/browser.ts";
import { openJoinLink, shot, SHOTS, textOf, until } from "./support/page.ts";
import { joinBySocket, liveState, submitTo, voteBySocket } from "./support/room.ts";

const MEMBERS = ["李明", "袁海霞", "张伟", "王芳", "陈静"];

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
let harness: Harness;
const sockets = new Map<string, TestClient>();
const ids = new Map<string, string>();
const actor = (name: string, role: Actor["role"]): Actor => ({ participantId: ids.get(name)!, role });

/** In the viewport and not covered: the element itself (or a child) is what a click at its centre hits. */
async function onScreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

const DOCK = ["pause-speech", "extend-1", "extend-2", "end-speech", "dock-interjection-count"];
async function dockOnScreen(): Promise<Record<string, boolean>> {
  const seen: Record<string, boolean> = {};
  for (const id of DOCK) seen[id] = await onScreen(chair.getByTestId(id));
  return seen;
}
const allOnScreen = Object.fromEntries(DOCK.map((id) => [id, true]));

const status = async () => (await liveState(app)).status;

describe("the chair's console at 1366×768", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("街道议事会（主持人控制台）", [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      ...MEMBERS.map((name, i) => ({ name, role: "member" as const, sector: i % 2 ? "经济界" : "科技界" })),
      { name: "王建国", role: "official", unit: "市住建局" },
      { name: "刘洋", role: "official", unit: "区民政局" },
    ]);
    for (const p of (await liveState(app)).roster) ids.set(p.name, p.id);
    harness = new Harness();
    browser = await launchChromium();
    chair = await openJoinLink(browser, app.links.get("钟玉")!, DESKTOP);
    // Two of five members online: 实到 2, the majority quorum needs 3.
    for (const name of MEMBERS.slice(0, 2)) sockets.set(name, await joinBySocket(harness, app, name));
  }, 240_000);

  afterAll(async () => {
    await harness?.cleanup();
    await browser?.close();
    await app?.close();
  });

  it("宣布开会 below the quorum says 实到 2 of 3 needed and asks; 取消 (Esc) opens nothing, 仍然宣布开会 opens", async () => {
    await until(() => textOf(chair, "present")).toBe("2");
    await chair.getByTestId("open-meeting").click();
    const dialog = chair.getByTestId("confirm-open-meeting");
    await dialog.waitFor();
    expect(await textOf(chair, "quorum-warning")).toBe("实到 2 人，法定人数需 3 人（应到 5 人），还差 1 人。仍要宣布开会吗？");
    // The safe choice has the focus: Enter or Esc would not open the meeting.
    expect(await chair.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("confirm-open-meeting-cancel");
    await shot(chair, "chair-confirm-open-below-quorum-1366.png");
    await chair.keyboard.press("Escape");
    await until(() => dialog.count()).toBe(0);
    expect(await status()).toBe("scheduled");
    expect(await chair.getByTestId("open-meeting").isVisible()).toBe(true);

    await chair.getByTestId("open-meeting").click();
    await chair.getByTestId("confirm-open-meeting-confirm").click();
    await until(() => status()).toBe("open");
    await chair.getByTestId("close-meeting").waitFor();
  }, 120_000);

  it("during a speech the speech bar and the 插话 count stay on screen, also scrolled to the bottom and to the top", async () => {
    for (const name of MEMBERS.slice(2)) sockets.set(name, await joinBySocket(harness, app, name));
    await until(() => textOf(chair, "present")).toBe("5");
    // A long queue and a speech, so the centre column is taller than the screen.
    for (const name of MEMBERS) await submitTo(app, actor(name, "member"), { type: "queue.request" });
    await submitTo(app, actor("钟玉", "chair"), { type: "floor.give", participantId: ids.get("李明") });
    await until(() => textOf(chair, "speaker-name")).toBe("李明");
    await until(() => chair.getByTestId("dock-interjection-count").getAttribute("data-count")).toBe("0");
    expect(await dockOnScreen()).toEqual(allOnScreen);

    // Two officials ask to interject: the count on the bar says 2, on screen, without scrolling.
    await submitTo(app, actor("王建国", "official"), { type: "interjection.request", point: "加装电梯的补贴标准" });
    await submitTo(app, actor("刘洋", "official"), { type: "interjection.request" });
    await until(() => textOf(chair, "dock-interjection-count")).toBe("2");
    expect(await chair.evaluate(() => window.scrollY)).toBe(0);
    expect(await dockOnScreen()).toEqual(allOnScreen);
    expect(await textOf(chair, "dock-interjections")).toBe("待处理插话 2");
    await shot(chair, "chair-speech-dock-1366.png");

    // The page is taller than the screen: scrolled to the bottom and back to the top, the bar stays.
    expect(await chair.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true);
    await chair.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await until(() => chair.evaluate(() => window.scrollY > 0)).toBe(true);
    expect(await dockOnScreen()).toEqual(allOnScreen);
    await shot(chair, "chair-speech-dock-scrolled-1366.png");
    await chair.evaluate(() => window.scrollTo(0, 0));

    // In English: the same bar on screen, every word inside its button, ASCII punctuation only.
    await chair.getByRole("button", { name: "English" }).click();
    await until(() => textOf(chair, "dock-interjections")).toBe("Pending interjections 2");
    expect(await dockOnScreen()).toEqual(allOnScreen);
    expect(await textOf(chair, "dock-countdown")).toMatch(/^(Time left|Over time) \+?\d+:\d\d$/);
    const buttons = chair.getByTestId("speech-dock").locator("button");
    expect((await buttons.allTextContents()).map((b) => b.replace(/\s+/g, " ").trim())).toEqual([
      "Pending interjections 2",
      "Pause P",
      "+1 min +",
      "+2 min",
      "End speech E",
    ]);
    const overflowing = await buttons.evaluateAll((all) =>
      all.filter((b) => b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight).map((b) => b.textContent),
    );
    expect(overflowing).toEqual([]);
    expect(await textOf(chair, "speech-dock")).not.toMatch(/[\u3000-\u303f\uff00-\uffef…]/);
    // Beside it, the attendance list breaks no name or button over two lines (王建国, "Check in").
    const broken = await chair
      .getByTestId("attendance-list")
      .locator(".name, button")
      .evaluateAll((all) =>
        all
          .filter((e) => {
            const range = document.createRange();
            range.selectNodeContents(e);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
          })
          .map((e) => e.textContent),
      );
    expect(broken).toEqual([]);
    await shot(chair, "chair-speech-dock-en-1366.png");
    await chair.getByRole("button", { name: "中文" }).click();
    await until(() => textOf(chair, "dock-interjections")).toBe("待处理插话 2");

    // The count leads to the list: a click scrolls the 插话申请 into view.
    await chair.getByTestId("dock-interjections").click();
    await until(() => onScreen(chair.getByTestId("interjection-requests").locator("h2"))).toBe(true);
    await chair.evaluate(() => window.scrollTo(0, 0));
    // The bar works: +1 分钟 adds a minute to the speech.
    const before = (await liveState(app)).floor!.extendedMs;
    await chair.getByTestId("extend-1").click();
    await until(async () => (await liveState(app)).floor!.extendedMs).toBe(before + 60_000);
  }, 120_000);

  it("结束发言 asks first: 取消 keeps the speech; confirming by keyboard (Tab, Enter) ends it; E asks too", async () => {
    await chair.getByTestId("end-speech").click();
    const dialog = chair.getByTestId("confirm-end-speech");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("李明 的发言将结束");
    await shot(chair, "chair-confirm-end-speech-1366.png");
    await chair.getByTestId("confirm-end-speech-cancel").click();
    await until(() => dialog.count()).toBe(0);
    expect((await liveState(app)).floor?.participantId).toBe(ids.get("李明"));

    // The shortcut E asks as well; Esc cancels.
    await chair.locator("body").click({ position: { x: 5, y: 300 } });
    await chair.keyboard.press("e");
    await dialog.waitFor();
    await chair.keyboard.press("Escape");
    await until(() => dialog.count()).toBe(0);
    expect((await liveState(app)).floor?.participantId).toBe(ids.get("李明"));

    // Keyboard only: the focus starts on 取消, Tab reaches 结束发言, Enter does it.
    await chair.getByTestId("end-speech").focus();
    await chair.keyboard.press("Enter");
    await dialog.waitFor();
    await chair.keyboard.press("Tab");
    expect(await chair.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("confirm-end-speech-confirm");
    await chair.keyboard.press("Enter");
    await until(async () => (await liveState(app)).floor).toBe(null);
    await until(() => textOf(chair, "speaker-name")).toBe("暂无发言");
  }, 120_000);

  it("a named poll: the chair sees who has voted and who has not yet, live; 结束表决 asks first", async () => {
    const poll = PollDefinition.parse({
      title: "关于议事规则修订的表决",
      form: "yesNoAbstain",
      secret: false,
      rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }],
    });
    await submitTo(app, actor("钟玉", "chair"), { type: "poll.create", poll });
    const pollId = (await liveState(app)).polls.at(-1)!.pollId;
    await submitTo(app, actor("钟玉", "chair"), { type: "poll.open", pollId, confirmed: true });
    const voters = chair.getByTestId("poll-voters");
    await voters.waitFor();
    await until(() => textOf(chair, "poll-voters-voted")).toBe("已投票 0无");
    expect((await chair.getByTestId("poll-nonvoter").allTextContents()).sort()).toEqual([...MEMBERS].sort());

    await voteBySocket(sockets.get("袁海霞")!, pollId, ["yes"]);
    await voteBySocket(sockets.get("张伟")!, pollId, ["no"]);
    await until(async () => (await chair.getByTestId("poll-voter").allTextContents()).sort()).toEqual(["张伟", "袁海霞"].sort());
    expect((await chair.getByTestId("poll-nonvoter").allTextContents()).sort()).toEqual(["李明", "王芳", "陈静"].sort());
    expect(await chair.getByTestId("poll-voters-waiting").getAttribute("data-count")).toBe("3");
    // Who voted, never how: no choice next to a name.
    expect(await voters.textContent()).not.toMatch(/赞成|反对|弃权/);
    await voters.scrollIntoViewIfNeeded();
    expect(await onScreen(voters)).toBe(true);
    await shot(chair, "chair-named-poll-voters-1366.png");

    // 结束表决: 取消 keeps it open (a further ballot still counts), confirming closes it.
    await chair.getByTestId("poll-close").click();
    const dialog = chair.getByTestId("confirm-close-poll");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("「关于议事规则修订的表决」结束后不能再投票");
    await shot(chair, "chair-confirm-close-poll-1366.png");
    await chair.getByTestId("confirm-close-poll-cancel").click();
    await until(() => dialog.count()).toBe(0);
    expect((await liveState(app)).polls.at(-1)!.status).toBe("open");
    await voteBySocket(sockets.get("李明")!, pollId, ["yes"]);
    await until(() => chair.getByTestId("poll-voter").count()).toBe(3);
    await chair.getByTestId("poll-close").click();
    await chair.getByTestId("confirm-close-poll-confirm").click();
    await until(async () => (await liveState(app)).polls.at(-1)!.status).toBe("closed");
    await until(() => voters.count()).toBe(0);
    await submitTo(app, actor("钟玉", "chair"), { type: "poll.publish", pollId });
  }, 120_000);

  it("a secret poll: the turnout only, nothing per person", async () => {
    const poll = PollDefinition.parse({
      title: "无记名表决",
      form: "yesNoAbstain",
      secret: true,
      rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }],
    });
    await submitTo(app, actor("钟玉", "chair"), { type: "poll.create", poll });
    const pollId = (await liveState(app)).polls.at(-1)!.pollId;
    await submitTo(app, actor("钟玉", "chair"), { type: "poll.open", pollId, confirmed: true });
    await voteBySocket(sockets.get("王芳")!, pollId, ["yes"]);
    await until(() => chair.locator(`[data-testid="poll-item"][data-status="open"] [data-testid="poll-turnout"]`).textContent()).toContain("已投 1");
    expect(await chair.getByTestId("poll-voters").count()).toBe(0);
    expect(await chair.getByTestId("poll-voter").count()).toBe(0);
    await chair.getByTestId("poll-close").click();
    await chair.getByTestId("confirm-close-poll-confirm").click();
    await until(async () => (await liveState(app)).polls.at(-1)!.status).toBe("closed");
  }, 120_000);

  it("宣布散会 asks first: 取消 keeps the meeting open, confirming closes it", async () => {
    await chair.evaluate(() => window.scrollTo(0, 0));
    await chair.getByTestId("close-meeting").click();
    const dialog = chair.getByTestId("confirm-close-meeting");
    await dialog.waitFor();
    await shot(chair, "chair-confirm-close-meeting-1366.png");
    await chair.getByTestId("confirm-close-meeting-cancel").click();
    await until(() => dialog.count()).toBe(0);
    expect(await status()).toBe("open");
    await chair.getByTestId("close-meeting").click();
    await chair.getByTestId("confirm-close-meeting-confirm").click();
    await until(() => status()).toBe("closed");
  }, 120_000);
});
