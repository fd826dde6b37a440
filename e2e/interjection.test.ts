// End to end in a real Chromium: interjections (插话回应). A member has the floor; an invited
// official asks to interject with the point they answer; the chair grants it from the 插话申请
// list; the member's countdown freezes on the chair's console, the member's phone and the room
// display while the interjection's own clock runs; the official ends it and the countdown runs
// again everywhere; the chair marks the outcome 采纳 and the record shows the interjection
// nested under the speech with it. A declined request says 主持人未同意 on the official's phone,
// one that lapses when the next speech starts says 已过期; switched off, the action is gone.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { memberCountdown, openDisplay, openJoinLink } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";
import { openMeetingAsChair } from "./support/chair.ts";

const SHOTS = path.join(import.meta.dirname, "../test-results/screenshots");

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
let clerk: Page;
/** 李明: the member who speaks. */
let li: Page;
/** 王建国: the invited official (住建局) who interjects. */
let wang: Page;
let display: Page;

const open = (name: string, device: typeof PHONE | typeof DESKTOP): Promise<Page> => openJoinLink(browser, app.links.get(name)!, device);

const text = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).first().textContent()) ?? "").trim();
/** The speech's countdown on the chair's console, the member's phone (his own, in the sticky bar) and the display, read together. */
const clocks = () => Promise.all([text(chair, "countdown"), memberCountdown(li), text(display, "display-countdown")]);
/** The interjection's own countdown on the same three screens and the official's phone. */
const interjectionClocks = () =>
  Promise.all([
    text(chair, "interjection-countdown"),
    text(li, "interjection-countdown"),
    text(display, "display-interjection-countdown"),
    text(wang, "my-interjection-countdown"),
  ]);
const seconds = (clock: string): number => {
  const match = /^(\+?)(\d+):(\d\d)$/.exec(clock);
  if (!match) throw new Error(`unexpected countdown text ${clock}`);
  const s = Number(match[2]) * 60 + Number(match[3]);
  return match[1] ? -s : s;
};
/** expect.poll with room for a busy test machine (two shared cores). */
const until = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 20_000, interval: 100 });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function askToInterject(point: string) {
  await wang.getByTestId("request-interjection").click();
  await wang.getByTestId("interjection-point").fill(point);
  await wang.getByTestId("interjection-submit").click();
  await until(() => text(wang, "interjection-requested")).toContain("已申请插话");
  await until(() => chair.getByTestId("interjection-request").count()).toBe(1);
}

describe("interjections in the browser", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startApp("老旧小区改造恳谈会（端到端测试）", [
      { name: "钟玉", role: "chair" },
      { name: "文书", role: "clerk" },
      { name: "李明", role: "member", sector: "科技界" },
      { name: "袁海霞", role: "member", sector: "经济界" },
      { name: "王建国", role: "official", unit: "市住建局" },
    ]);
    browser = await launchChromium();
    chair = await open("钟玉", DESKTOP);
    clerk = await open("文书", DESKTOP);
    li = await open("李明", PHONE);
    wang = await open("王建国", PHONE);
    display = await openDisplay(browser, app);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("the member gets the floor; the official's 申请插话 appears only once someone speaks", async () => {
    await openMeetingAsChair(chair);
    await until(() => wang.getByTestId("request-floor").count()).toBe(1);
    // Nothing to answer yet.
    expect(await wang.getByTestId("request-interjection").count()).toBe(0);
    await li.getByTestId("request-floor").click();
    await until(() => chair.getByTestId("queue-item").count()).toBe(1);
    await chair.getByTestId("call-suggested").click();
    for (const page of [chair, clerk, li, wang]) await until(() => text(page, "speaker-name")).toBe("李明");
    await until(() => text(display, "display-speaker")).toBe("李明");
    await until(() => wang.getByTestId("request-interjection").count()).toBe(1);
    // Members may not interject in this meeting (the default): no such action on 李明's phone.
    expect(await li.getByTestId("request-interjection").count()).toBe(0);
  }, 150_000);

  it("the official asks with a point; the chair sees it in the 插话申请 list, separate from the queue", async () => {
    // Let the speech's clock visibly run first.
    const start = seconds(await text(chair, "countdown"));
    await until(async () => seconds(await text(chair, "countdown"))).toBeLessThan(start - 1);
    await askToInterject("关于加装电梯的补贴标准");
    const request = chair.getByTestId("interjection-request");
    expect(await request.textContent()).toMatch(/王建国.*列席.*市住建局.*要点：关于加装电梯的补贴标准.*已等待 \d+:\d\d/);
    expect(await chair.getByTestId("queue").count()).toBe(0);
    await shot(wang, "interjection-official-requested-375.png");
    await shot(chair, "interjection-chair-request-1366.png");
  }, 150_000);

  it("granted: the speech's countdown freezes on every screen while the interjection's own clock runs", async () => {
    await chair.getByTestId("grant-interjection").click();
    await until(() => text(wang, "my-interjection")).toContain("主持人已同意 · 您正在插话");
    for (const page of [chair, clerk, li]) await until(() => text(page, "interjection-title")).toBe("王建国 插话回应 李明");
    for (const page of [chair, clerk]) await until(() => text(page, "clock-phase")).toBe("暂停（插话中）");
    await until(() => text(display, "display-interjection-title")).toBe("王建国 插话回应 李明");
    await until(() => text(display, "display-paused")).toBe("暂停（插话中）");
    await until(() => text(li, "my-floor-banner")).toContain("暂停（插话中） · 麦克风已关闭");
    expect(await text(chair, "interjection-card")).toContain("插话");
    expect(await text(chair, "interjection-card")).toContain("要点：关于加装电梯的补贴标准");
    await until(() => chair.getByTestId("interjection-request").count()).toBe(0);

    // The chair cannot resume the speech meanwhile: the interjection holds its clock.
    expect(await chair.getByTestId("resume-speech").isDisabled()).toBe(true);
    // The live record already lists the running speech with the interjection into it.
    await until(() => text(clerk, "record-row-live")).toMatch(/^李明 即席\d\d:\d\d:\d\d正在发言$/);
    expect(await text(clerk, "record-interjection")).toContain("插话中");

    const frozen = await clocks();
    expect(new Set(frozen).size).toBe(1);
    const first = (await interjectionClocks()).map(seconds);
    await sleep(2_500);
    expect(await clocks()).toEqual(frozen);
    // The interjection's clock counts down from the 2-minute cap, alike everywhere (within a second).
    const later = (await interjectionClocks()).map(seconds);
    expect(Math.max(...later)).toBeLessThan(Math.min(...first));
    expect(Math.max(...later) - Math.min(...later)).toBeLessThanOrEqual(1);
    expect(Math.max(...later)).toBeLessThanOrEqual(120);
    await shot(chair, "interjection-chair-running-1366.png");
    await shot(li, "interjection-member-running-375.png");
    await shot(wang, "interjection-official-running-375.png");
    await shot(display, "interjection-display-running-1920.png");
    await shot(clerk, "interjection-clerk-running-1366.png");
  }, 150_000);

  it("the official ends the interjection: the member's countdown runs again on every screen", async () => {
    const frozen = seconds((await clocks())[0]!);
    await wang.getByTestId("finish-interjection").click();
    await until(() => chair.getByTestId("clock-phase").getAttribute("data-paused")).toBe("false");
    await until(() => text(li, "my-clock")).toMatch(/^我的剩余时间\s*\d+:\d\d$/);
    await until(() => display.getByTestId("display-paused").count()).toBe(0);
    for (const page of [chair, clerk, li]) await until(() => page.getByTestId("interjection-card").count()).toBe(0);
    await until(() => display.getByTestId("display-interjection").count()).toBe(0);
    await until(async () => Math.max(...(await clocks()).map(seconds))).toBeLessThan(frozen);
    const running = (await clocks()).map(seconds);
    expect(Math.max(...running) - Math.min(...running)).toBeLessThanOrEqual(1);
    // It resumed where it stopped: the pause did not cost the member time.
    expect(Math.min(...running)).toBeGreaterThan(frozen - 10);
  }, 150_000);

  it("the chair marks the outcome 采纳 (the official's phone does not ask them); a second request declined says 主持人未同意", async () => {
    // The outcome of an answer is the chair's or the clerk's to mark, not the official's (issue 19).
    expect(await wang.getByTestId("my-interjection-outcome").count()).toBe(0);
    expect(await wang.getByTestId("outcome-adopt").count()).toBe(0);
    const state = await liveState(app);
    const chairActor = { participantId: state.roster.find((p) => p.name === "钟玉")!.id, role: "chair" as const };
    await submitTo(app, chairActor, { type: "interjection.setOutcome", interjectionId: state.interjections[0]!.interjectionId, outcome: "adopt" });
    await until(() => clerk.getByTestId("record-interjection").getAttribute("data-outcome")).toBe("adopt");

    await askToInterject("补充说明资金来源");
    await chair.getByTestId("decline-interjection").click();
    await until(() => text(wang, "interjection-fate")).toContain("主持人未同意");
    expect(await wang.getByTestId("interjection-fate").getAttribute("data-fate")).toBe("declined");
    await until(() => chair.getByTestId("interjection-request").count()).toBe(0);
    await shot(wang, "interjection-official-declined-375.png");
  }, 150_000);

  it("a request still waiting when the next speech starts lapses: 已过期, not declined", async () => {
    await askToInterject("再补充一点");
    await yuanAsksAndIsCalled();
    await until(() => wang.getByTestId("interjection-fate").getAttribute("data-fate")).toBe("expired");
    expect(await text(wang, "interjection-fate")).toContain("已过期");
    await until(() => chair.getByTestId("interjection-request").count()).toBe(0);
  }, 150_000);

  it("the record nests the interjection under the speech it interrupted, with its point, duration and outcome", async () => {
    for (const page of [chair, clerk]) {
      const rows = page.getByTestId("speech-record").locator("tbody tr");
      await until(() => rows.allTextContents()).toEqual([
        expect.stringMatching(/^李明.*即席/),
        expect.stringMatching(/^↳王建国 插话\d\d:\d\d:\d\d\d\d:\d\d:\d\d\d+:\d\d—$/),
        expect.stringMatching(/^要点：关于加装电梯的补贴标准回应结果 ?采纳/),
      ]);
    }
    expect(await clerk.getByTestId("record-interjection").getAttribute("data-outcome")).toBe("adopt");
    // The clerk can change it: 研究, seen by the chair too.
    await clerk.getByTestId("record-interjection-detail").getByTestId("outcome-study").click();
    await until(() => chair.getByTestId("record-interjection").getAttribute("data-outcome")).toBe("study");
    // Statistics: the 插话 tab (the clerk's panel is open).
    await clerk.getByRole("tab", { name: "插话" }).click();
    await until(() => text(clerk, "stats-interjections-overall")).toMatch(/^插话 1 次 · 共 \d+:\d\d · 采纳 0 · 研究 1 · 说明 0 · 未标记 0$/);
    expect(await clerk.getByTestId("stats-interjections").getByTestId("stats-table").locator("tbody tr").allTextContents()).toEqual([
      expect.stringMatching(/^王建国1\d+:\d\d0$/),
    ]);
    await shot(clerk, "interjection-clerk-record-1366.png");
  }, 150_000);

  it("switched off for the item, the official's action is gone (and the core refuses: INTERJECTIONS_OFF)", async () => {
    await until(() => wang.getByTestId("request-interjection").count()).toBe(1);
    await chair.getByTestId("interjections-enabled").uncheck();
    await until(() => text(wang, "interjections-off")).toBe("本议题不允许插话");
    expect(await wang.getByTestId("request-interjection").count()).toBe(0);
    const room = await app.server.rooms.get(app.meetingId);
    const official = room.current.roster.find((p) => p.name === "王建国")!;
    const refused = await room.submit({ participantId: official.id, role: "official" }, { type: "interjection.request" });
    expect(refused.ok ? null : refused.error.code).toBe("INTERJECTIONS_OFF");
    expect(refused.ok ? null : refused.error.message.zh).toBe("本议题不允许插话");
    await shot(wang, "interjection-official-off-375.png");
    await chair.getByTestId("interjections-enabled").check();
    await until(() => wang.getByTestId("request-interjection").count()).toBe(1);
  }, 150_000);
});

async function yuanAsksAndIsCalled() {
  const yuan = await open("袁海霞", PHONE);
  await yuan.getByTestId("request-floor").click();
  await until(() => chair.getByTestId("queue-item").count()).toBe(1);
  await chair.getByTestId("call-suggested").click();
  await until(() => text(chair, "speaker-name")).toBe("袁海霞");
  await yuan.context().close();
}
