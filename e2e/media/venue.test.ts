// The room (会场) as a media participant: the venue terminal (the built display page opened with
// its own link, whose token may publish) publishes the room's microphone and camera and member B
// hears it; the chair mutes the room from the console and B's existing subscription carries no
// more audio from the room (Janus `moderate`, not the client); unmuted, B hears the room again. A
// plain display does not publish. Revoking the terminal's link drops it and its feed at once.
// Real Janus, Chromium with fake devices, inside the loopback-only namespace (netns-run.sh).
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { VENUE_ID } from "../../core/media/audible.ts";
import type { SubscribeResult } from "../../core/protocol.ts";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually, Harness, type TestServer } from "../../testing/server/harness.ts";
import { DESKTOP, launchChromium, PHONE } from "../support/browser.ts";
import { startMediaServer } from "./support/mediaServer.ts";
import { emit, inbound, listen, newPage } from "./support/socketMedia.ts";
import { orAbort } from "../../server/src/http/apiError.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startMediaServer(
    h,
    { ws: 18788, admin: 17788, rtp: "21200-21300" },
    {
      YST_CLIENT_DIR: process.env.YST_E2E_CLIENT_DIR ?? path.join(import.meta.dirname, "../../dist/client"),
    },
  );
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
});

async function open(url: string, device: typeof PHONE | typeof DESKTOP, ready: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "zh-CN", ...device })).newPage();
  await page.goto(url);
  await page.getByTestId(ready).waitFor();
  return page;
}

/** Audio bytes B's subscription received over `ms`. */
async function audioOver(page: Page, ms: number): Promise<number> {
  const before = (await inbound(page, "audio")).bytes;
  await new Promise((r) => setTimeout(r, ms));
  return (await inbound(page, "audio")).bytes - before;
}

it("the venue terminal is heard; the chair mutes the room at the media server and unmutes it", async () => {
  const meeting = await h.createMeeting(server.server, "会场测试", { open: true });
  const link = async (kind: "display" | "venue") => orAbort(await server.server.links.room(server.url, meeting.meetingId, kind)).url;

  // A plain display only listens; the venue terminal publishes the room.
  const plain = await open(await link("display"), DESKTOP, "display");
  const terminal = await open(await link("venue"), DESKTOP, "display");
  await expect.poll(() => terminal.getByTestId("venue-terminal").getAttribute("data-live"), { timeout: 20_000 }).toBe("true");
  await eventually(async () => expect((await server.server.mediaRelay!.publishers(meeting.meetingId)).map((p) => p.participantId)).toEqual([VENUE_ID]), 15_000);
  expect(await plain.getByTestId("venue-terminal").count()).toBe(0);

  // Member B listens through a bare socket and page: the room's audio and video, mapped to the room.
  const b = await h.connect(server.url, meeting.tokens.member2);
  const pageB = await newPage(browser, server);
  const sub = await emit<SubscribeResult>(b, "media.subscribe", {});
  if (!sub.ok || !sub.sdp) throw new Error("no offer");
  expect(sub.feeds).toEqual([VENUE_ID]);
  expect(sub.streams.map((s) => [s.kind, s.participantId]).sort()).toEqual([
    ["audio", VENUE_ID],
    ["video", VENUE_ID],
  ]);
  expect(await emit(b, "media.answer", { sdp: await listen(pageB, sub.sdp) })).toEqual({ ok: true });
  await eventually(async () => expect(await audioOver(pageB, 500)).toBeGreaterThan(1000), 15_000);

  // A member's page shows the room's video, labelled 会场.
  const member = await open(joinUrl(server.url, meeting.tokens.member1), PHONE, "me");
  const venueVideo = member.getByTestId("venue-video");
  await expect.poll(() => venueVideo.locator("video").evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 }).toBeGreaterThan(0);
  expect(await venueVideo.locator("figcaption").textContent()).toBe("会场");

  // The chair mutes the room from the console: B's subscription, unchanged, carries no audio.
  const chair = await open(joinUrl(server.url, meeting.tokens.chair), DESKTOP, "me");
  const toggle = chair.getByTestId("venue-mute-toggle");
  expect(await toggle.textContent()).toBe("静音会场");
  await toggle.click();
  await expect.poll(() => toggle.textContent(), { timeout: 10_000 }).toBe("取消静音");
  expect(await chair.getByTestId("venue-mute-state").textContent()).toBe("会场麦克风已静音");
  await eventually(async () => expect((await server.server.mediaRelay!.publishers(meeting.meetingId))[0]?.muted).toBe(true), 10_000);
  await eventually(async () => expect(await audioOver(pageB, 1500)).toBe(0), 10_000);
  // Every screen says so: the member, the room display, the venue terminal.
  for (const page of [member, plain, terminal]) await expect.poll(() => page.getByTestId("venue-muted").textContent(), { timeout: 10_000 }).toBe("会场已静音");
  // Only the microphone is muted: the member's page, which subscribed again when the room was
  // muted, still shows the room's camera (frames keep coming).
  const frames = () => venueVideo.locator("video").evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
  const before = await frames();
  await expect.poll(frames, { timeout: 20_000 }).toBeGreaterThan(before + 10);
  await member.screenshot({ path: "test-results/venue-muted-member-phone.png", timeout: 60_000 });
  await chair.screenshot({ path: "test-results/venue-muted-chair.png", timeout: 60_000 });

  // Unmuted: the same subscription carries the room's audio again.
  await toggle.click();
  await expect.poll(() => toggle.textContent(), { timeout: 10_000 }).toBe("静音会场");
  await eventually(async () => expect(await audioOver(pageB, 500)).toBeGreaterThan(1000), 15_000);
  expect(await member.getByTestId("venue-muted").count()).toBe(0);

  // The organisers revoke the terminal's link: the page is dropped at once, saying why, and the
  // room's feed is gone; opened again (its token kept for the tab), it is refused. The plain display stays.
  await server.server.links.revokeRoom(meeting.meetingId, "venue");
  await terminal.getByTestId("refused").waitFor({ timeout: 15_000 });
  await eventually(
    async () => expect((await server.server.mediaRelay!.publishers(meeting.meetingId)).map((p) => p.participantId)).not.toContain(VENUE_ID),
    15_000,
  );
  await terminal.reload();
  await terminal.getByTestId("refused").waitFor({ timeout: 15_000 });
  expect(await plain.getByTestId("display-offline").count()).toBe(0);
  expect(server.logs.filter((l) => /failed/.test(l.message))).toEqual([]);
}, 300_000); // several Chromium pages on a shared 2-core machine (about 40 s when it is not loaded)
