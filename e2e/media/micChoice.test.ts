// The media session and the settings panel together, with the real Janus (npm run test:media):
// the floor holder publishes the microphone chosen in 音视频设置; a saved microphone that is
// gone falls back to the default; and when the browser refuses the microphone, the microphone
// state says why and what to do instead of a bare "refused".
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { Harness, send, type TestMeeting, type TestServer } from "../../testing/server/harness.ts";
import { RECORD_PEER_CONNECTIONS } from "./support/audio.ts";
import { launchChromium } from "../support/browser.ts";
import { startMediaServer } from "./support/mediaServer.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;
let refusingBrowser: Browser;

beforeAll(async () => {
  server = await startMediaServer(
    h,
    { ws: 18888, admin: 17888, rtp: "21400-21500" },
    {
      YST_CLIENT_DIR: path.join(import.meta.dirname, "../../dist/client"),
    },
  );
  browser = await launchChromium({ fakeMedia: true });
  refusingBrowser = await launchChromium({ fakeMedia: true, refuseMedia: true });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await refusingBrowser?.close();
  await h.cleanup();
});

async function open(on: Browser, url: string, initScript?: string): Promise<Page> {
  const context = await on.newContext({ locale: "zh-CN" });
  await context.addInitScript(RECORD_PEER_CONNECTIONS);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId("me").waitFor();
  return page;
}

const sentMicrophones = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs
      .filter((pc) => pc.connectionState !== "closed")
      .flatMap((pc) => pc.getSenders())
      .flatMap((s) => (s.track?.kind === "audio" ? [s.track.label] : [])),
  );

/** Gives the member the floor; their page then opens the microphone with a tap (mic-toggle). */
async function giveFloor(meeting: TestMeeting, who: "member1" | "member2"): Promise<void> {
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens[who]);
  expect((await send(member, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people[who].id })).ok).toBe(true);
}

it("the floor holder publishes the microphone chosen in the settings panel", async () => {
  const meeting = await h.createMeeting(server.server, "设备选择测试", { open: true });
  const page = await open(browser, joinUrl(server.url, meeting.tokens.member1));
  await page.getByTestId("media-settings-open").click();
  await page.getByTestId("mic-select").selectOption({ label: "Fake Audio Input 2" });
  await page.keyboard.press("Escape");

  await giveFloor(meeting, "member1");
  await page.getByTestId("mic-toggle").click();
  await expect.poll(() => page.getByTestId("mic-state").textContent(), { timeout: 15_000 }).toBe("麦克风已开启");
  expect(await sentMicrophones(page)).toEqual(["Fake Audio Input 2"]);
}, 90_000);

it("a saved microphone that is gone falls back to the default", async () => {
  const meeting = await h.createMeeting(server.server, "设备拔出测试", { open: true });
  const unplugged = `localStorage.setItem("yst.mediaPrefs", JSON.stringify({ micId: "unplugged-headset", audioOnly: true }))`;
  const page = await open(browser, joinUrl(server.url, meeting.tokens.member1), unplugged);
  await giveFloor(meeting, "member1");
  await page.getByTestId("mic-toggle").click();
  await expect.poll(() => page.getByTestId("mic-state").textContent(), { timeout: 15_000 }).toBe("麦克风已开启");
  expect(await sentMicrophones(page)).toEqual(["Fake Default Audio Input"]);
}, 90_000);

it("a refused microphone: the microphone state says why and what to do", async () => {
  const meeting = await h.createMeeting(server.server, "麦克风权限测试", { open: true });
  const page = await open(refusingBrowser, joinUrl(server.url, meeting.tokens.member2));
  await expect.poll(() => page.getByTestId("mic-state").textContent(), { timeout: 10_000 }).toBe("麦克风已关闭");
  await giveFloor(meeting, "member2");
  await page.getByTestId("mic-toggle").click();
  await expect
    .poll(() => page.getByTestId("mic-state").textContent(), { timeout: 15_000 })
    .toContain("麦克风权限被拒绝：请在浏览器地址栏的权限设置中允许使用麦克风");
  expect(await sentMicrophones(page)).toEqual([]);
}, 90_000);
