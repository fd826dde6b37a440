// The member's phone at 375×667 with the real Janus (issue 19): given the floor, the member reads
// 您已获得发言权 and a microphone button that is plainly off (slashed icon, 麦克风已关闭, 点击打开麦克风);
// the tap opens it (microphone icon, 麦克风已开启); a second tap closes it again. While the speaker's
// video plays, the clock stays on screen on the speaker's and a listener's phone, scrolled or not.
// Inside the loopback-only namespace (npm run test:media).
import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { Harness, send, type TestServer } from "../../testing/server/harness.ts";
import { launchChromium, PHONE } from "../support/browser.ts";
import { SHOTS } from "../support/page.ts";
import { startMediaServer } from "./support/mediaServer.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startMediaServer(
    h,
    { ws: 19588, admin: 19589, rtp: "23200-23300" },
    { YST_CLIENT_DIR: process.env.YST_E2E_CLIENT_DIR ?? path.join(import.meta.dirname, "../../dist/client") },
  );
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
});

async function open(url: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "zh-CN", ...PHONE })).newPage();
  await page.goto(url);
  await page.getByTestId("me").waitFor();
  return page;
}

/** In the viewport and not covered: the element at its centre is it or inside it. */
const seen = (locator: Locator): Promise<boolean> =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight || box.right > window.innerWidth) return false;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name), timeout: 60_000 });
const iconOf = (toggle: Locator) => toggle.locator(".mic-toggle-icon path").getAttribute("d");

it("given the floor: 您已获得发言权, the microphone opens on a tap and looks different on and off; the clock stays on screen while the video plays", async () => {
  const meeting = await h.createMeeting(server.server, "关于老旧小区加装电梯和社区养老服务设施建设的专题协商恳谈会", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const speaker = await open(joinUrl(server.url, meeting.tokens.member1));
  const listener = await open(joinUrl(server.url, meeting.tokens.member2));
  await expect.poll(() => speaker.getByTestId("mic-state").textContent(), { timeout: 10_000 }).toBe("麦克风已关闭");

  expect((await send(member, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people.member1.id })).ok).toBe(true);
  await expect.poll(() => speaker.getByTestId("floor-prompt").textContent(), { timeout: 15_000 }).toContain("您已获得发言权");
  const toggle = speaker.getByTestId("mic-toggle");
  await toggle.waitFor();
  // Off until the member taps: nothing is sent.
  expect(await toggle.getAttribute("data-state")).toBe("off");
  expect(await toggle.textContent()).toBe("麦克风已关闭点击打开麦克风");
  expect(await seen(toggle)).toBe(true);
  expect(await seen(speaker.getByTestId("floor-prompt"))).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await speaker.getByTestId("mic-state").textContent()).toBe("麦克风已关闭");
  expect(await listener.getByTestId("speaker-video").count()).toBe(0);
  const offIcon = await iconOf(toggle);
  await shot(speaker, "phone-mic-off-375.png");

  await toggle.click();
  await expect.poll(() => toggle.getAttribute("data-state"), { timeout: 15_000 }).toBe("on");
  expect(await toggle.textContent()).toBe("麦克风已开启点击关闭麦克风");
  expect(await speaker.getByTestId("mic-state").textContent()).toBe("麦克风已开启");
  expect(await iconOf(toggle)).not.toBe(offIcon);
  expect(await toggle.locator(".mic-toggle-icon").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(22, 101, 52)");

  // The listener receives the speaker's video; the clock stays in sight, at the top and scrolled.
  const video = listener.getByTestId("speaker-video").locator("video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(() => speaker.getByTestId("speaker-video").count(), { timeout: 15_000 }).toBe(1);
  for (const [page, clock] of [
    [speaker, "my-countdown"],
    [listener, "floor-strip-countdown"],
  ] as const) {
    expect(await seen(page.getByTestId(clock)), clock).toBe(true);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await seen(page.getByTestId(clock)), `${clock}, scrolled`).toBe(true);
  }
  expect(await seen(speaker.getByTestId("mic-toggle"))).toBe(true);
  await shot(speaker, "phone-mic-on-scrolled-375.png");
  await shot(listener, "phone-listener-video-scrolled-375.png");
  await speaker.evaluate(() => window.scrollTo(0, 0));
  await listener.evaluate(() => window.scrollTo(0, 0));
  await shot(speaker, "phone-mic-on-375.png");
  await shot(listener, "phone-listener-video-375.png");

  // A second tap closes it again (the publication stays, silenced: still one recording).
  await toggle.click();
  await expect.poll(() => toggle.getAttribute("data-state"), { timeout: 15_000 }).toBe("off");
  expect(await speaker.getByTestId("mic-state").textContent()).toBe("麦克风已关闭");
  expect(await iconOf(toggle)).toBe(offIcon);

  // The speech ends: no button, and the next floor starts closed again.
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  await expect.poll(() => toggle.count(), { timeout: 15_000 }).toBe(0);
  expect((await send(member, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people.member1.id })).ok).toBe(true);
  await expect.poll(() => toggle.getAttribute("data-state"), { timeout: 15_000 }).toBe("off");
}, 150_000);

it("where the organisers set it, the microphone opens by itself on being given the floor and still closes on a tap", async () => {
  const meeting = await h.createMeeting(server.server, "社区议事会（获得发言权时自动打开麦克风）", { open: true });
  await server.server.meetings.update(meeting.meetingId, { micOpensOnFloor: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const speaker = await open(joinUrl(server.url, meeting.tokens.member1));
  await expect.poll(() => speaker.getByTestId("mic-state").textContent(), { timeout: 10_000 }).toBe("麦克风已关闭");

  expect((await send(member, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people.member1.id })).ok).toBe(true);
  const toggle = speaker.getByTestId("mic-toggle");
  await expect.poll(() => toggle.getAttribute("data-state").catch(() => null), { timeout: 15_000 }).toBe("on");
  expect(await speaker.getByTestId("mic-state").textContent()).toBe("麦克风已开启");
  await toggle.click();
  await expect.poll(() => toggle.getAttribute("data-state"), { timeout: 15_000 }).toBe("off");
  expect(await speaker.getByTestId("mic-state").textContent()).toBe("麦克风已关闭");
}, 90_000);
