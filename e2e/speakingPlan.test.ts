// End to end in a real Chromium: the speaking plan as the chair runs it. Two booked speeches on
// the item, an impromptu request and a point of order from members' phones; the 建议下一位 line
// follows the rules and its one button calls each speaker; pausing freezes the same remaining
// time on the chair's console, a member's phone and the room display, +1 分钟 adds a minute on all
// of them; an override with its reason is recorded; a guest added by name gets the floor.
//
// The organisers' plan (booked speeches) reaches the meeting through config.sync, submitted here
// as the system actor, exactly as the server's own sync does (no organiser REST for it is used).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { SYSTEM_ACTOR } from "../core/roles.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { memberCountdown, openDisplay, openJoinLink } from "./support/page.ts";
import { openMeetingAsChair } from "./support/chair.ts";

const SHOTS = path.join(import.meta.dirname, "../test-results/screenshots");
const ITEM = { id: "item-1", title: "老旧小区加装电梯方案", presenter: null, plannedMs: 30 * 60_000 };

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
let clerk: Page;
/** 李明: asks to speak (impromptu) on his phone. */
let li: Page;
/** 赵刚: raises a point of order on his phone. */
let zhao: Page;
let display: Page;

const open = (name: string, device: typeof PHONE | typeof DESKTOP): Promise<Page> => openJoinLink(browser, app.links.get(name)!, device);

const text = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).first().textContent()) ?? "").trim();
/** The countdown texts of the chair, a member's phone (its sticky floor bar) and the display, read together. */
const clocks = () => Promise.all([text(chair, "countdown"), memberCountdown(li), text(display, "display-countdown")]);
const seconds = (clock: string): number => {
  const match = /^(\+?)(\d+):(\d\d)$/.exec(clock);
  if (!match) throw new Error(`unexpected countdown text ${clock}`);
  const s = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -s : s;
};
const suggestion = async () => [await text(chair, "suggestion-name"), await text(chair, "suggestion-reasons")];
const speakerEverywhere = async (name: string) => {
  for (const page of [chair, clerk, li, zhao]) await until(() => text(page, "speaker-name")).toBe(name);
  await until(() => text(display, "display-speaker")).toBe(name);
};
/** expect.poll with room for a busy test machine (two shared cores). */
const until = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 20_000, interval: 100 });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name) });

describe("the speaking plan in the browser", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("政协界别协商会（端到端测试）", [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      { name: "袁海霞", role: "member", sector: "经济界" },
      { name: "孟庆", role: "member", sector: "教育界" },
      { name: "李明", role: "member", sector: "科技界" },
      { name: "赵刚", role: "member", sector: "医药卫生界" },
      { name: "钱芳", role: "member", sector: "社会福利界" },
    ]);
    browser = await launchChromium();
    chair = await open("钟玉", DESKTOP);
    clerk = await open("文书", DESKTOP);
    li = await open("李明", PHONE);
    zhao = await open("赵刚", PHONE);
    display = await openDisplay(browser, app);

    // The organisers' agenda item with two booked speeches, in their planned order.
    const meetingRoom = await app.server.rooms.get(app.meetingId);
    const state = meetingRoom.current;
    const id = (name: string) => state.roster.find((p) => p.name === name)!.id;
    const synced = await meetingRoom.submit(SYSTEM_ACTOR, {
      type: "config.sync",
      roster: state.roster,
      agenda: [ITEM],
      quorumRule: state.quorumRule,
      speechCaps: state.speechCaps,
      ordering: state.ordering,
      plan: [
        { bookingId: "b-1", participantId: id("袁海霞"), kind: "booked", agendaItemId: ITEM.id, title: "关于加装电梯资金分摊", text: "……" },
        { bookingId: "b-2", participantId: id("孟庆"), kind: "booked", agendaItemId: ITEM.id, title: "关于低层住户补偿", text: "……" },
      ],
    });
    expect(synced.ok).toBe(true);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("opening the meeting starts the item and puts its booked speakers in line, suggested in planned order", async () => {
    await openMeetingAsChair(chair);
    await until(() => chair.getByTestId("queue-item").allTextContents()).toEqual([expect.stringMatching(/袁海霞.*预约/), expect.stringMatching(/孟庆.*预约/)]);
    await until(suggestion).toEqual(["袁海霞", "预约发言 · 未发言"]);
    // Only booked speeches wait, in planned order: no rule sets anyone aside.
    await until(() => text(chair, "suggestion-rule")).toBe("依据：排队顺序");
  }, 150_000);

  it("an impromptu request and a point of order from the phones: the point of order is suggested first", async () => {
    await li.getByTestId("request-floor").click();
    await until(() => text(li, "my-position")).toContain("已申请 · 第 3 位");
    await zhao.getByTestId("request-point-of-order").click();
    await until(() => text(zhao, "my-position")).toContain("已申请 · 第 1 位");
    // The point of order goes ahead of everyone; 李明 is now fourth.
    await until(() => text(li, "my-position")).toContain("已申请 · 第 4 位");
    await until(suggestion).toEqual(["赵刚", "程序性发言 · 未发言"]);
    await until(() => text(chair, "suggestion-rule")).toBe("依据：程序性发言（始终最先）");
    await until(() => chair.getByTestId("queue-item").first().textContent()).toMatch(/赵刚.*程序性/);
    await until(() => li.getByTestId("queue-item").allTextContents()).toEqual([
      expect.stringMatching(/赵刚.*程序性/),
      expect.stringMatching(/袁海霞.*预约/),
      expect.stringMatching(/孟庆.*预约/),
      expect.stringMatching(/李明（我）.*即席/),
    ]);
    await shot(chair, "plan-chair-suggestion-1366.png");
    await shot(li, "plan-member-queued-375.png");
  }, 150_000);

  it("one button calls the point of order; the display shows its kind and the next three in suggested order", async () => {
    await chair.getByTestId("call-suggested").click();
    await speakerEverywhere("赵刚");
    for (const page of [chair, li]) await until(() => text(page, "speaker-card")).toContain("程序性");
    await until(() => display.getByTestId("display-next").locator("li").allTextContents()).toEqual([
      expect.stringContaining("袁海霞"),
      expect.stringContaining("孟庆"),
      "李明",
    ]);
    await until(() => display.getByTestId("display").getByTestId("kind-badge").textContent()).toBe("程序性");
    await until(suggestion).toEqual(["袁海霞", "预约发言 · 未发言"]);
    // 李明's impromptu request waits behind the booked speeches: the booked order, first priority.
    await until(() => text(chair, "suggestion-rule")).toBe("依据：预约顺序（第1优先）");
  }, 150_000);

  it("pausing freezes the same remaining time on every screen; +1 分钟 adds a minute everywhere; resuming counts down again", async () => {
    // Let the clock visibly run first.
    await until(async () => seconds(await text(chair, "countdown"))).toBeLessThan(119);
    await chair.getByTestId("pause-speech").click();
    await until(() => chair.getByTestId("clock-phase").getAttribute("data-paused")).toBe("true");
    await until(() => li.getByTestId("floor-strip-clock").getAttribute("data-paused")).toBe("true");
    await until(() => text(li, "floor-strip-clock")).toMatch(/^已暂停 \d+:\d\d$/);
    await until(() => text(display, "display-paused")).toBe("已暂停");
    await until(() => text(zhao, "my-countdown")).toMatch(/^\d+:\d\d$/);
    expect(await text(zhao, "my-floor-banner")).toContain("已暂停");

    const frozen = await clocks();
    expect(new Set(frozen).size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await clocks()).toEqual(frozen);
    expect(await text(zhao, "my-countdown")).toBe(frozen[0]);
    await shot(chair, "plan-chair-paused-1366.png");
    await shot(li, "plan-member-paused-375.png");
    await shot(zhao, "plan-member-speaking-paused-375.png");
    await shot(display, "plan-display-paused-1920.png");

    // +1 分钟 while paused: exactly a minute more on all three screens, still frozen.
    await chair.getByTestId("extend-1").click();
    const plusOne = `${Math.floor((seconds(frozen[0]!) + 60) / 60)}:${String((seconds(frozen[0]!) + 60) % 60).padStart(2, "0")}`;
    await until(clocks).toEqual([plusOne, plusOne, plusOne]);

    await chair.getByTestId("resume-speech").click();
    await until(() => chair.getByTestId("clock-phase").getAttribute("data-paused")).toBe("false");
    await until(() => li.getByTestId("floor-strip-clock").getAttribute("data-paused")).toBe("false");
    await until(() => display.getByTestId("display-paused").count()).toBe(0);
    await until(async () => Math.max(...(await clocks()).map(seconds))).toBeLessThan(seconds(plusOne));
    const running = (await clocks()).map(seconds);
    expect(Math.max(...running) - Math.min(...running)).toBeLessThanOrEqual(1);
    // The P shortcut pauses too, and resumes — with the focus on no control (after 继续 it stays on 暂停,
    // after P on 继续: there a key is the button's own).
    const blur = () => chair.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await blur();
    await chair.keyboard.press("p");
    await until(() => chair.getByTestId("clock-phase").getAttribute("data-paused")).toBe("true");
    await until(() => chair.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("resume-speech");
    await blur();
    await chair.keyboard.press("p");
    await until(() => chair.getByTestId("clock-phase").getAttribute("data-paused")).toBe("false");
  }, 150_000);

  it("the booked speakers follow in planned order, then the impromptu one, each with the one button", async () => {
    await chair.getByTestId("call-suggested").click();
    await speakerEverywhere("袁海霞");
    await until(() => text(li, "speaker-card")).toContain("预约");
    await until(suggestion).toEqual(["孟庆", "预约发言 · 未发言"]);
    // +2 分钟 and a custom +0.5 分钟, measured on a paused clock: exactly 2:30 more everywhere.
    await chair.getByTestId("pause-speech").click();
    await until(() => text(display, "display-paused")).toBe("已暂停");
    const before = await clocks();
    expect(new Set(before).size).toBe(1);
    await chair.getByTestId("extend-2").click();
    await chair.getByTestId("extend-custom-input").fill("0.5");
    await chair.getByTestId("extend-custom").click();
    const after = seconds(before[0]!) + 150;
    const afterText = `${Math.floor(after / 60)}:${String(after % 60).padStart(2, "0")}`;
    await until(clocks).toEqual([afterText, afterText, afterText]);
    await chair.getByTestId("resume-speech").click();
    await until(() => chair.getByTestId("clock-phase").getAttribute("data-paused")).toBe("false");

    // 李明 hands in a written speech meanwhile.
    await li.getByTestId("written-open").click();
    await li.getByTestId("written-text").fill("建议加装电梯同步改造楼道照明。");
    await shot(li, "plan-member-written-375.png");
    await li.getByTestId("written-submit").click();
    await until(() => text(li, "written-submitted")).toContain("已提交");
    await li.getByTestId("written-close").click();

    await chair.getByTestId("call-suggested").click();
    await speakerEverywhere("孟庆");
    await until(suggestion).toEqual(["李明", "未发言"]);
    // The chair shortens impromptu speeches to 4 minutes before calling him.
    await chair.getByTestId("cap-input-impromptu").fill("4");
    await chair.getByTestId("cap-setting-submit").click();
    await until(() => chair.getByTestId("cap-setting-submit").isDisabled()).toBe(true);
    await chair.getByTestId("call-suggested").click();
    await speakerEverywhere("李明");
    await until(async () => seconds(await text(li, "my-countdown"))).toBeLessThanOrEqual(240);
    await until(() => text(li, "speaker-card")).toContain("即席");
    await until(() => li.getByTestId("my-floor-banner").isVisible()).toBe(true);
    await until(async () => seconds(await text(li, "my-countdown"))).toBeGreaterThan(225);
    await shot(li, "plan-member-has-floor-375.png");
  }, 150_000);

  it("the clerk adds a guest by name and the chair a roster person without a device; the chair overrides the suggestion with a reason", async () => {
    // A written speech handed in on paper: the clerk enters it for its author.
    await clerk.getByTestId("written-on-behalf-open").click();
    await clerk.getByTestId("written-author").selectOption({ label: "孟庆 · 教育界" });
    await clerk.getByTestId("written-text").fill("书面意见：增加社区托育点。");
    await clerk.getByTestId("written-submit").click();
    await until(() => text(clerk, "written-submitted")).toContain("已提交");
    await clerk.getByTestId("written-close").click();

    await clerk.getByTestId("add-source-guest").check();
    await clerk.getByTestId("add-guest-name").fill("王来宾");
    await clerk.getByTestId("add-submit").click();
    await until(() => text(clerk, "add-done")).toContain("王来宾");

    await chair.getByTestId("add-search").fill("钱");
    await chair.getByTestId("add-person").selectOption({ label: "钱芳 · 社会福利界" });
    await chair.getByTestId("add-submit").click();
    await until(() => chair.getByTestId("queue-item").allTextContents()).toEqual([
      expect.stringMatching(/王来宾.*即席.*来宾/),
      expect.stringMatching(/钱芳.*即席/),
    ]);
    await until(suggestion).toEqual(["王来宾", "未发言"]);

    // The chair calls 钱芳 instead, saying why.
    await chair.getByTestId("queue-item").nth(1).getByTestId("give-floor").click();
    await until(() => text(chair, "override-prompt")).toContain("建议下一位是 王来宾");
    await chair.getByTestId("override-reason").fill("回应上一位发言");
    await shot(chair, "plan-chair-override-1366.png");
    await chair.getByTestId("override-confirm").click();
    await speakerEverywhere("钱芳");
  }, 150_000);

  it("the guest gets the floor and is shown by name; the record has kinds, the written speech and the override", async () => {
    await until(suggestion).toEqual(["王来宾", "未发言"]);
    await chair.getByTestId("call-suggested").click();
    await speakerEverywhere("王来宾");
    await until(() => text(li, "speaker-card")).toContain("来宾");
    await shot(display, "plan-display-guest-1920.png");
    await chair.getByTestId("end-speech").click();
    await chair.getByTestId("confirm-end-speech-confirm").click();
    await until(() => text(chair, "speaker-name")).toBe("暂无发言");

    for (const page of [clerk, chair]) {
      const rows = page.getByTestId("speech-record").getByTestId("record-row");
      await until(() => rows.allTextContents()).toEqual([
        expect.stringMatching(/赵刚.*程序性/),
        expect.stringMatching(/袁海霞.*预约/),
        expect.stringMatching(/李明.*书面.*建议加装电梯同步改造楼道照明/),
        expect.stringMatching(/孟庆.*预约/),
        expect.stringMatching(/李明.*即席/),
        expect.stringMatching(/孟庆.*书面.*增加社区托育点/),
        expect.stringMatching(/钱芳.*即席/),
        expect.stringMatching(/王来宾.*即席.*来宾/),
      ]);
      expect(await page.getByTestId("speech-record").getByTestId("record-item").allTextContents()).toEqual([`1. ${ITEM.title}`]);
      // The override, on its own line right under 钱芳's speech.
      expect(await page.getByTestId("speech-record").getByTestId("record-override").allTextContents()).toEqual([
        "改变建议顺序：原建议 王来宾，理由：回应上一位发言",
      ]);
      expect(await page.getByTestId("speech-record").locator("tbody tr").allTextContents()).toContainEqual(expect.stringMatching(/^改变建议顺序/));
    }
    await clerk.screenshot({ path: path.join(SHOTS, "plan-clerk-record-1366.png"), fullPage: true });
    await shot(chair, "plan-chair-after-1366.png");

    // What the log holds: the override with its reason, the guest by name.
    const log = await app.server.store.load(app.meetingId);
    const started = log.map((e) => e.event).filter((e) => e.type === "speech.started");
    expect(started.map((e) => [e.kind, e.guestName ?? null, e.override?.reason ?? null])).toEqual([
      ["pointOfOrder", null, null],
      ["booked", null, null],
      ["booked", null, null],
      ["impromptu", null, null],
      ["impromptu", null, "回应上一位发言"],
      ["impromptu", "王来宾", null],
    ]);
  }, 150_000);
});
