// The chair's console at 1366×768 with the speaker's video showing (real Janus, fake camera): the
// video shrinks, and the speech bar (暂停, +1/+2 分钟, 结束发言) and the count of pending 插话
// requests stay in the viewport and uncovered, without scrolling and after scrolling to the bottom.
// Chromium with fake devices, inside the loopback-only namespace (e2e/media/netns-run.sh).
import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseCommand } from "../../core/meeting.ts";
import type { Actor } from "../../core/roles.ts";
import { joinUrl } from "../../server/src/links/urls.ts";
import { Harness, type TestServer } from "../../testing/server/harness.ts";
import { DESKTOP, PHONE, launchChromium } from "../support/browser.ts";
import { SHOTS } from "../support/page.ts";
import { startMediaServer } from "./support/mediaServer.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startMediaServer(
    h,
    { ws: 19388, admin: 19389, rtp: "22000-22100" },
    { YST_CLIENT_DIR: process.env.YST_E2E_CLIENT_DIR ?? path.join(import.meta.dirname, "../../dist/client") },
  );
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
});

/** In the viewport and not covered: the element itself (or a child) is what a click at its centre hits. */
const onScreen = (locator: Locator): Promise<boolean> =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });

const DOCK = ["pause-speech", "extend-1", "extend-2", "end-speech", "dock-interjection-count"];
const dockOnScreen = async (page: Page) => Object.fromEntries(await Promise.all(DOCK.map(async (id) => [id, await onScreen(page.getByTestId(id))] as const)));
const allOnScreen = Object.fromEntries(DOCK.map((id) => [id, true]));

it("with the speaker's video on the console, the speech bar and the 插话 count are on screen at 1366×768", async () => {
  const yst = server.server;
  const { meeting, participants } = await yst.meetings.create("街道议事会（视频）", [
    { name: "钟玉", role: "chair" },
    { name: "李明", role: "member", sector: "科技界" },
    { name: "袁海霞", role: "member", sector: "经济界" },
    { name: "王建国", role: "official", unit: "市住建局" },
    { name: "刘洋", role: "official", unit: "区民政局" },
  ]);
  const person = (name: string) => participants.find((p) => p.name === name)!;
  const link = async (name: string) =>
    joinUrl(server.url, await yst.tokens.issue({ participantId: person(name).id, meetingId: meeting.id, role: person(name).role }));
  const submit = async (name: string, input: unknown) => {
    const command = parseCommand(input);
    if (!command.ok) throw new Error(command.error.code);
    const actor: Actor = { participantId: person(name).id, role: person(name).role };
    expect(await (await yst.rooms.get(meeting.id)).submit(actor, command.value)).toMatchObject({ ok: true });
  };
  await submit("钟玉", { type: "meeting.open" });

  const chair = await (await browser.newContext({ ...DESKTOP, locale: "zh-CN" })).newPage();
  await chair.goto(await link("钟玉"));
  await chair.getByTestId("me").waitFor();
  const speaker = await (await browser.newContext({ ...PHONE, locale: "zh-CN" })).newPage();
  await speaker.goto(await link("李明"));
  await speaker.getByTestId("me").waitFor();

  await submit("李明", { type: "queue.request" });
  await submit("袁海霞", { type: "queue.request" });
  await submit("钟玉", { type: "floor.give", participantId: person("李明").id });
  // Where the member opens their own microphone by a tap (the organisers' default), they tap it.
  const micToggle = speaker.getByTestId("mic-toggle");
  await expect.poll(async () => (await micToggle.count()) > 0 || (await chair.getByTestId("speaker-video").count()) > 0, { timeout: 30_000 }).toBe(true);
  if ((await micToggle.count()) > 0 && (await micToggle.getAttribute("data-state")) === "off") await micToggle.click();
  // The speaker's camera reaches the chair's console: real frames in 正在发言.
  const video = chair.getByTestId("speaker-video").locator("video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 30_000 }).toBeGreaterThan(0);

  await submit("王建国", { type: "interjection.request", point: "加装电梯的补贴标准" });
  await submit("刘洋", { type: "interjection.request" });
  await expect.poll(() => chair.getByTestId("dock-interjection-count").textContent(), { timeout: 15_000 }).toBe("2");

  // Without scrolling: the bar, the count, the video and the countdown are all on screen.
  expect(await chair.evaluate(() => window.scrollY)).toBe(0);
  expect(await dockOnScreen(chair)).toEqual(allOnScreen);
  expect(await onScreen(chair.getByTestId("speaker-video"))).toBe(true);
  expect(await onScreen(chair.getByTestId("countdown"))).toBe(true);
  await chair.screenshot({ path: path.join(SHOTS, "chair-speech-video-1366.png"), timeout: 60_000 });

  // Scrolled to the bottom: the bar stays.
  await chair.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await dockOnScreen(chair)).toEqual(allOnScreen);
  await chair.screenshot({ path: path.join(SHOTS, "chair-speech-video-scrolled-1366.png"), timeout: 60_000 });
}, 300_000);
