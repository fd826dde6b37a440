// Video of the speaker, and audio-only mode, through the real Janus: the subscription's stream
// map says whose each track is, and an audio-only subscription carries no video at all; the built
// client shows the floor holder's video in 正在发言 and stops receiving video in 仅音频 mode.
// Chromium with fake devices, inside the loopback-only namespace (e2e/media/netns-run.sh).
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SubscribeResult } from "../../core/protocol.ts";
import { eventually, Harness, send, type TestServer } from "../../testing/server/harness.ts";
import { displayUrl, joinUrl } from "../../server/src/links/urls.ts";
import { launchChromium, PHONE } from "../support/browser.ts";
import { audioBytesOver, RECORD_PEER_CONNECTIONS, videoBytesOver } from "./support/audio.ts";
import { startMediaServer } from "./support/mediaServer.ts";
import { emit, inbound, listen, newPage, publish } from "./support/socketMedia.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startMediaServer(
    h,
    { ws: 18688, admin: 17688, rtp: "21000-21100" },
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

it("a listener receives the floor holder's video, mapped to them; in audio-only mode only the audio", async () => {
  const meeting = await h.createMeeting(server.server, "视频测试", { open: true });
  const A = meeting.people.member1.id;
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const a = await h.connect(server.url, meeting.tokens.member1);
  const b = await h.connect(server.url, meeting.tokens.observer);
  const [pageA, pageB] = [await newPage(browser, server), await newPage(browser, server)];

  expect((await publish(pageA, a, server, meeting.meetingId, { video: true })).ok).toBe(true);
  expect((await send(a, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: A })).ok).toBe(true);

  // Full subscription: an audio and a video section, both A's.
  const full = await emit<SubscribeResult>(b, "media.subscribe", {});
  if (!full.ok || !full.sdp) throw new Error("no offer");
  expect(full.feeds).toEqual([A]);
  expect(full.streams.map((s) => [s.kind, s.participantId]).sort()).toEqual([
    ["audio", A],
    ["video", A],
  ]);
  expect(await emit(b, "media.answer", { sdp: await listen(pageB, full.sdp) })).toEqual({ ok: true });
  // The video track of A's mid plays in a (muted) video element: real frames, still coming.
  const videoMid = full.streams.find((s) => s.kind === "video")!.mid;
  await pageB.evaluate(`(() => {
    const video = document.createElement("video");
    video.muted = true; video.autoplay = true; video.playsInline = true;
    const track = window.sub.getTransceivers().find((t) => t.mid === ${JSON.stringify(videoMid)}).receiver.track;
    video.srcObject = new MediaStream([track]);
    document.body.append(video);
    window.video = video;
  })()`);
  await eventually(async () => expect(await pageB.evaluate("window.video.videoWidth")).toBeGreaterThan(0), 15_000);
  const before = await inbound(pageB, "video");
  await new Promise((r) => setTimeout(r, 1000));
  const after = await inbound(pageB, "video");
  expect(after.frames).toBeGreaterThan(before.frames);
  expect(after.bytes).toBeGreaterThan(before.bytes);

  // Audio-only: the meeting's mix (docs/media.md, "Audio-only mix"): one audio section, whoever is
  // heard (here A), and no video section, so no video RTP can reach the browser.
  const audioOnly = await emit<SubscribeResult>(b, "media.subscribe", { audioOnly: true });
  if (!audioOnly.ok || !audioOnly.sdp) throw new Error("no offer");
  expect(audioOnly.mixed).toBe(true);
  expect(audioOnly.feeds).toEqual([A]);
  expect(audioOnly.streams).toEqual([]);
  expect(audioOnly.sdp.match(/^m=audio/gm)).toHaveLength(1);
  expect(audioOnly.sdp).not.toMatch(/^m=video/m);
  expect(await emit(b, "media.answer", { sdp: await listen(pageB, audioOnly.sdp) })).toEqual({ ok: true });
  await eventually(async () => {
    const first = await inbound(pageB, "audio");
    await new Promise((r) => setTimeout(r, 500));
    expect((await inbound(pageB, "audio")).bytes - first.bytes).toBeGreaterThan(1000);
  }, 15_000);
  expect(await inbound(pageB, "video")).toEqual({ bytes: 0, frames: 0 });
  expect(await pageB.evaluate(`window.sub.getReceivers().filter((r) => r.track.kind === "video").length`)).toBe(0);

  // A bad mode is refused; the subscription stays as it was.
  expect(await emit(b, "media.subscribe", { audioOnly: "x" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  expect(server.logs.filter((l) => /failed/.test(l.message))).toEqual([]);
}, 90_000);

async function open(url: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "zh-CN", ...PHONE })).newPage();
  await page.addInitScript(RECORD_PEER_CONNECTIONS);
  await page.goto(url);
  await page.getByTestId("me").waitFor();
  return page;
}

const frames = (page: Page) =>
  page
    .getByTestId("speaker-video")
    .locator("video")
    .evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);

it("the built client shows the floor holder's video in 正在发言; 仅音频 keeps the sound and drops the video", async () => {
  const meeting = await h.createMeeting(server.server, "视频界面测试", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const pageA = await open(joinUrl(server.url, meeting.tokens.member1));
  const pageB = await open(joinUrl(server.url, meeting.tokens.observer));

  expect((await send(member, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people.member1.id })).ok).toBe(true);
  // Given the floor, the member opens the microphone with a tap (issue 19).
  await pageA.getByTestId("mic-toggle").click();
  await expect.poll(() => pageA.getByTestId("mic-state").textContent(), { timeout: 15_000 }).toBe("麦克风已开启");
  // A sees their own camera; B receives it: real frames, still coming.
  await expect.poll(() => pageA.getByTestId("speaker-video").count(), { timeout: 15_000 }).toBe(1);
  const video = pageB.getByTestId("speaker-video").locator("video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 20_000 }).toBeGreaterThan(0);
  expect(await video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
  const before = await frames(pageB);
  await expect.poll(() => frames(pageB), { timeout: 5_000 }).toBeGreaterThan(before);
  await pageB.screenshot({ path: "test-results/video-member-phone.png", timeout: 60_000 });
  // The room display (not the venue terminal) shows it too, and publishes nothing.
  const display = await (await browser.newContext({ locale: "zh-CN", viewport: { width: 1920, height: 1080 } })).newPage();
  await display.goto(displayUrl(server.url, await h.displayToken(server.server, meeting.meetingId)));
  const onDisplay = display.getByTestId("speaker-video").locator("video");
  await expect.poll(() => onDisplay.evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 20_000 }).toBeGreaterThan(0);
  await display.screenshot({ path: "test-results/video-display.png", timeout: 60_000 });
  expect((await server.server.mediaRelay!.publishers(meeting.meetingId)).map((p) => p.participantId)).toEqual([meeting.people.member1.id]);
  await display.context().close();

  // 仅音频 in the settings panel: B subscribes again, hears A, and receives no video at all.
  await pageB.getByTestId("media-settings-open").click();
  await pageB.getByTestId("audio-only").check();
  await pageB.getByTestId("media-settings-close").click();
  await pageB.getByTestId("audio-only-note").waitFor();
  expect(await pageB.getByTestId("speaker-video").count()).toBe(0);
  await eventually(async () => expect(await audioBytesOver(pageB, "window.__pcs", 500)).toBeGreaterThan(1000), 15_000);
  expect(await videoBytesOver(pageB, "window.__pcs", 1500)).toBe(0);

  // Back to video: it returns.
  await pageB.getByTestId("media-settings-open").click();
  await pageB.getByTestId("audio-only").uncheck();
  await pageB.getByTestId("media-settings-close").click();
  await eventually(async () => expect(await videoBytesOver(pageB, "window.__pcs", 500)).toBeGreaterThan(1000), 15_000);
  expect(server.logs.filter((l) => /failed/.test(l.message))).toEqual([]);
}, 300_000); // several Chromium pages on a shared 2-core machine (about 40 s when it is not loaded)
