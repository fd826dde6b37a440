// End to end in a real Chromium: the speech countdown for people who cannot see it well or at all
// (issue 27). The room display's speaker and clock pass axe's WCAG 2.1 AA checks (contrast above
// all) in the light and the dark theme, Chinese and English, in every phase: running, paused, the
// last minute and over time; so do the clocks of the member's phone and the chair's console over
// time. Screen readers hear the clock's news once each (the new speaker, 剩余 1 分钟, 发言时间到, a
// pause, the resumption), never its ticking digits; so with an interjection's own clock (who
// interjects, 插话剩余 1 分钟, 插话时间到), in a second meeting on the same server whose
// interjection runs alongside the speech's last minute. The rest of that minute is not waited for:
// the test moves the server's clock on and the screens take it up on reconnecting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Actor } from "../core/roles.ts";
import { orAbort } from "../server/src/http/apiError.ts";
import { joinUrl } from "../server/src/links/urls.ts";
import { announcements, recordAnnouncements, seriousViolations } from "./support/a11y.ts";
import { DESKTOP, PHONE, launchChromium } from "./support/browser.ts";
import { startApp, type AppUnderTest } from "./support/appServer.ts";
import { shot, textOf, until } from "./support/page.ts";
import { liveState, submitTo } from "./support/room.ts";

type Language = "zh" | "en";
type Theme = "light" | "dark";

let app: AppUnderTest;
let browser: Browser;
let chair: Page;
/** 李明: speaks first, then listens. */
let li: Page;
/** 袁海霞: listens, then speaks second. */
let yuan: Page;
/** 孟庆: listens throughout, in English. */
let meng: Page;
const displays: { theme: Theme; language: Language; page: Page }[] = [];
/** How far the server's clock runs ahead of the real one (moveClockOn). */
let aheadMs = 0;
/** The second meeting, for the interjection: its id and its people's join links. */
let second: string;
const secondLinks = new Map<string, string>();
/** 王建国: the official who interjects (zh); 赵德明: the speaker he answers (zh); 孙莉: listens (en). */
let wang: Page;
let zhao: Page;
let sun: Page;

const actor = async (name: string, meetingId = app.meetingId): Promise<Actor> => {
  const person = (await liveState(app, meetingId)).roster.find((p) => p.name === name)!;
  return { participantId: person.id, role: person.role };
};
const run = async (name: string, command: unknown) => submitTo(app, await actor(name), command);
/** A command in the second meeting. */
const runSecond = async (name: string, command: unknown) => submitTo(app, await actor(name, second), command, second);

/** A context whose pages start in `language` (the app keeps the choice in localStorage). */
async function pageIn(language: Language, device: typeof PHONE | typeof DESKTOP | { viewport: { width: number; height: number } }): Promise<Page> {
  const context = await browser.newContext({ ...device, locale: "zh-CN" });
  await context.addInitScript((lang) => localStorage.setItem("yst.lang", lang), language);
  return context.newPage();
}
async function openPerson(name: string, language: Language, device: typeof PHONE | typeof DESKTOP, links = app.links): Promise<Page> {
  const page = await pageIn(language, device);
  await page.goto(links.get(name)!);
  await page.getByTestId("me").waitFor();
  return page;
}
async function openDisplayIn(theme: Theme, language: Language): Promise<Page> {
  const page = await pageIn(language, { viewport: { width: 1920, height: 1080 } });
  const url = new URL(orAbort(await app.server.links.room(app.baseUrl, app.meetingId, "display")).url);
  if (theme === "dark") url.searchParams.set("theme", "dark");
  await page.goto(url.toString());
  await page.getByTestId("display").waitFor();
  return page;
}

/**
 * Moves the server's clock on by `ms` and drops every connection: the screens reconnect at once and
 * take the server's time again, as on any reconnect (the clocks jump, as a tab waking from sleep).
 * The rest of a minute need not be waited for in real time.
 */
function moveClockOn(ms: number): void {
  aheadMs += ms;
  for (const socket of app.server.io.of("/").sockets.values()) socket.conn.close();
}

/** The display's floor panel's phase (running, warning, overrun) and whether it is paused. */
const displayPhase = (page: Page) =>
  page.evaluate(() => {
    const floor = document.querySelector(".display-floor");
    const phase = [...(floor?.classList ?? [])].find((c) => c.startsWith("phase-"))?.slice("phase-".length) ?? null;
    return { phase, paused: document.querySelector(".display-clock.paused") !== null };
  });

/** Every display in `phase` (paused or not), then axe on each: no serious or critical violation. */
async function displaysPass(phase: string, paused: boolean, shotName: string) {
  for (const { page } of displays) await until(() => displayPhase(page)).toEqual({ phase, paused });
  for (const { theme, language, page } of displays) {
    expect(await seriousViolations(page), `display ${theme} ${language} ${phase}${paused ? " paused" : ""}`).toEqual([]);
    await shot(page, `a11y-display-${shotName}-${theme}-${language}-1920.png`);
  }
}

/**
 * How many times the page's live regions said `text` since recording started (within what they said:
 * messages of the same moment, like a new speaker and my new place in line, are said together).
 */
const said = async (page: Page, text: string) => (await announcements(page)).filter((a) => a.text.includes(text)).length;
/** Anything said that reads like a clock (4:05, 0:59, +0:12): the ticking digits. */
const digitsSaid = async (page: Page) => (await announcements(page)).map((a) => a.text).filter((text) => /\d+:\d\d/.test(text));

/** The clock-bearing parts of a person's screen: the speaker card, the phone's floor bar, the chair's dock. */
const CLOCKS = '[data-testid="speaker-card"], [data-testid="member-floor-bar"], [data-testid="speech-dock"]';

describe("the countdown, seen from the back of the room and heard through a screen reader", () => {
  beforeAll(async () => {
    app = await startApp(
      "无障碍计时测试会",
      [
        { name: "钟玉", role: "chair" },
        { name: "李明", role: "member", sector: "科技界" },
        { name: "袁海霞", role: "member", sector: "经济界" },
        { name: "孟庆", role: "member", sector: "教育界" },
      ],
      { now: () => Date.now() + aheadMs },
    );
    browser = await launchChromium();
    const item = await app.server.agenda.append(app.meetingId, { title: "社区养老服务设施建设", presenter: null, plannedMinutes: 30 });
    await run("钟玉", { type: "meeting.open" });
    await run("钟玉", { type: "agenda.goto", itemId: item.id });
    // The first speech runs long enough to look at its running phase at leisure.
    await run("钟玉", { type: "floor.setCap", seconds: 300 });
    await run("李明", { type: "queue.request" });
    await run("袁海霞", { type: "queue.request" });
    chair = await openPerson("钟玉", "zh", DESKTOP);
    li = await openPerson("李明", "zh", PHONE);
    yuan = await openPerson("袁海霞", "zh", PHONE);
    meng = await openPerson("孟庆", "en", PHONE);
    for (const theme of ["light", "dark"] as const) {
      for (const language of ["zh", "en"] as const) displays.push({ theme, language, page: await openDisplayIn(theme, language) });
    }
    // The second meeting: its interjections capped at 62 s (its minute mark 2 s in), 赵德明 speaking,
    // 王建国 asking to interject.
    const { meeting, participants } = await app.server.meetings.create("无障碍插话计时测试会", [
      { name: "杨秀英", role: "chair" },
      { name: "赵德明", role: "member", sector: "经济界" },
      { name: "孙莉", role: "member", sector: "教育界" },
      { name: "王建国", role: "official", unit: "市住建局" },
    ]);
    second = meeting.id;
    await app.server.db.meeting.update({ where: { id: second }, data: { interjectionCapSeconds: 62 } });
    for (const p of participants)
      secondLinks.set(p.name, joinUrl(app.baseUrl, await app.server.tokens.issue({ participantId: p.id, meetingId: second, role: p.role })));
    await runSecond("杨秀英", { type: "meeting.open" });
    await runSecond("赵德明", { type: "queue.request" });
    await runSecond("杨秀英", { type: "floor.give", participantId: (await actor("赵德明", second)).participantId });
    await runSecond("王建国", { type: "interjection.request" });
    wang = await openPerson("王建国", "zh", PHONE, secondLinks);
    zhao = await openPerson("赵德明", "zh", PHONE, secondLinks);
    sun = await openPerson("孙莉", "en", PHONE, secondLinks);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a running speech: the displays pass axe; in 5 s nothing reads the clock's digits aloud, the speaker is said once", async () => {
    for (const page of [chair, li, yuan, meng]) await recordAnnouncements(page);
    await run("钟玉", { type: "floor.give", participantId: (await actor("李明")).participantId });
    const given = Date.now();
    for (const { page } of displays) await until(() => textOf(page, "display-speaker")).toBe("李明");
    await displaysPass("running", false, "running");

    // Five seconds of a running speech (at least; axe took some of them).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, given + 5_000 - Date.now())));
    for (const page of [chair, li, yuan, meng]) expect(await digitsSaid(page)).toEqual([]);
    expect(await said(li, "您已获得发言权")).toBe(1);
    expect(await said(yuan, "正在发言：李明")).toBe(1);
    expect(await said(meng, "Now speaking: 李明")).toBe(1);
    expect(await said(chair, "正在发言：李明")).toBe(1);
  }, 120_000);

  it("paused and resumed: the displays pass axe paused; the pause and the resumption are said once each", async () => {
    await run("钟玉", { type: "floor.pause" });
    await displaysPass("running", true, "paused");
    await until(() => said(yuan, "发言已暂停")).toBe(1);
    await until(() => said(meng, "The speech is paused")).toBe(1);
    await run("钟玉", { type: "floor.resume" });
    await until(() => said(yuan, "发言继续")).toBe(1);
    await until(() => said(li, "发言继续")).toBe(1);
    expect(await said(yuan, "发言已暂停")).toBe(1);
  }, 120_000);

  it("the next speaker is said once; the last minute and over time: the minute mark and the end said once each, every screen passes axe; an interjection's own clock likewise", async () => {
    // 62 s: the one-minute mark comes 2 s into the speech; the end a minute later, reached by
    // moving the clock on once the mark has been said.
    await run("钟玉", { type: "floor.setCap", seconds: 62 });
    await run("钟玉", { type: "floor.end" });
    for (const page of [chair, li, yuan, meng]) await recordAnnouncements(page);
    await run("钟玉", { type: "floor.give", participantId: (await actor("袁海霞")).participantId });
    // Meanwhile in the second meeting the chair grants 王建国's interjection (62 s).
    for (const page of [wang, zhao, sun]) await recordAnnouncements(page);
    await runSecond("杨秀英", { type: "interjection.grant", requestId: (await liveState(app, second)).interjectionRequests[0]!.requestId });

    await until(() => said(li, "剩余 1 分钟")).toBe(1);
    expect(await said(li, "正在发言：袁海霞")).toBe(1);
    expect(await said(yuan, "您已获得发言权")).toBe(1);
    await until(() => said(yuan, "剩余 1 分钟")).toBe(1);
    await until(() => said(meng, "1 min left")).toBe(1);
    expect(await said(meng, "Now speaking: 袁海霞")).toBe(1);

    // Who interjects, said once; then the interjection's minute mark.
    await until(() => said(wang, "您正在插话")).toBe(1);
    await until(() => said(zhao, "王建国 插话回应 赵德明")).toBe(1);
    await until(() => said(sun, "王建国 responds to 赵德明")).toBe(1);
    await until(() => said(wang, "插话剩余 1 分钟")).toBe(1);
    await until(() => said(zhao, "插话剩余 1 分钟")).toBe(1);
    await until(() => said(sun, "Interjection: 1 min left")).toBe(1);

    await displaysPass("warning", false, "last-minute");
    expect(await seriousViolations(yuan, CLOCKS), "speaker's phone, last minute").toEqual([]);

    // Over time: the clock moved on by a minute (both marks were 2 s in, so both clocks are now past their end).
    moveClockOn(60_000);
    for (const { page } of displays) await until(() => displayPhase(page), 30_000).toEqual({ phase: "overrun", paused: false });
    await until(() => said(li, "发言时间到")).toBe(1);
    await until(() => said(yuan, "发言时间到")).toBe(1);
    await until(() => said(meng, "Speaking time is up")).toBe(1);
    await until(() => said(wang, "插话时间到")).toBe(1);
    await until(() => said(zhao, "插话时间到")).toBe(1);
    await until(() => said(sun, "Interjection time is up")).toBe(1);
    await displaysPass("overrun", false, "overrun");
    expect(await seriousViolations(yuan, CLOCKS), "speaker's phone, over time").toEqual([]);
    expect(await seriousViolations(li, CLOCKS), "listener's phone, over time").toEqual([]);
    expect(await seriousViolations(meng, CLOCKS), "listener's phone (en), over time").toEqual([]);
    expect(await seriousViolations(chair, CLOCKS), "chair's console, over time").toEqual([]);
    await shot(yuan, "a11y-phone-speaker-overrun-375.png");
    await shot(meng, "a11y-phone-listener-overrun-en-375.png");
    await shot(chair, "a11y-chair-overrun-1366.png");

    // Two seconds more over time: nothing else said, each mark still once, no digits ever.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const page of [li, yuan]) {
      expect(await said(page, "剩余 1 分钟")).toBe(1);
      expect(await said(page, "发言时间到")).toBe(1);
    }
    for (const page of [wang, zhao]) {
      expect(await said(page, "插话剩余 1 分钟")).toBe(1);
      expect(await said(page, "插话时间到")).toBe(1);
    }
    expect(await said(sun, "Interjection: 1 min left")).toBe(1);
    expect(await said(sun, "Interjection time is up")).toBe(1);
    for (const page of [chair, li, yuan, meng, wang, zhao, sun]) expect(await digitsSaid(page)).toEqual([]);
  }, 180_000);
});
