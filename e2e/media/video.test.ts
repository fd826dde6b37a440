// Video of the speaker, and audio-only mode, through the real Janus: the subscription's stream
// map says whose each track is, and an audio-only subscription carries no video at all.
// Chromium with fake devices, inside the loopback-only namespace (e2e/media/netns-run.sh).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SubscribeResult } from "../../server/src/core/protocol.ts";
import { eventually, Harness, send, type TestServer } from "../../server/src/testing/harness.ts";
import { launchChromium } from "../support/browser.ts";
import { startMediaServer } from "./support/mediaServer.ts";
import { emit, inbound, listen, newPage, publish } from "./support/socketMedia.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startMediaServer(h, { ws: 18688, admin: 17688, rtp: "21000-21100" });
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
  expect(full.streams.map((s) => [s.kind, s.participantId]).sort()).toEqual([["audio", A], ["video", A]]);
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

  // Audio-only: Janus offers only A's audio, so no video RTP can reach the browser.
  const audioOnly = await emit<SubscribeResult>(b, "media.subscribe", { audioOnly: true });
  if (!audioOnly.ok || !audioOnly.sdp) throw new Error("no offer");
  expect(audioOnly.feeds).toEqual([A]);
  expect(audioOnly.streams.map((s) => [s.kind, s.participantId])).toEqual([["audio", A]]);
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
