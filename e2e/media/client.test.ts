// The built client with the real Janus: the floor holder's page publishes its (fake) microphone
// and says "麦克风已开启"; a listener's page receives that audio; when the speech ends the page
// says "麦克风已关闭" and no audio arrives. Inside the loopback-only namespace (npm run test:media).
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually, Harness, send, type TestServer } from "../../testing/server/harness.ts";
import { launchChromium } from "../support/browser.ts";
import { audioBytesOver, openRecordingPeerConnections } from "./support/audio.ts";
import { giveFloorToPage } from "./support/floor.ts";
import { startMediaServer } from "./support/mediaServer.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startMediaServer(
    h,
    { ws: 18488, admin: 17488, rtp: "20600-20700" },
    {
      YST_CLIENT_DIR: path.join(import.meta.dirname, "../../dist/client"),
    },
  );
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
});

const open = (url: string): Promise<Page> => openRecordingPeerConnections(browser, url);

const bytesOver = (page: Page, ms: number): Promise<number> => audioBytesOver(page, "window.__pcs", ms);

it("the floor holder's page opens the microphone and the listener hears it; it closes when the speech ends", async () => {
  const meeting = await h.createMeeting(server.server, "媒体界面测试", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const pageA = await open(joinUrl(server.url, meeting.tokens.member1));
  const pageB = await open(joinUrl(server.url, meeting.tokens.observer));
  await expect.poll(() => pageA.getByTestId("mic-state").textContent(), { timeout: 10_000 }).toBe("麦克风已关闭");
  await expect(pageB.getByTestId("media-unavailable").count()).resolves.toBe(0);

  await giveFloorToPage(chair, member, pageA);
  await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 20_000);

  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  await expect.poll(() => pageA.getByTestId("mic-state").textContent(), { timeout: 15_000 }).toBe("麦克风已关闭");
  await eventually(async () => expect(await bytesOver(pageB, 1000)).toBe(0), 10_000);
  expect(server.logs.filter((l) => /failed/.test(l.message))).toEqual([]);
}, 90_000);
