// Floor-driven audio through the real Janus: SDP relayed through our authenticated socket,
// muting at the media server (VideoRoom `moderate`). Chromium with fake devices; everything in
// the loopback-only namespace (npm run test:media, e2e/media/netns-run.sh).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually, Harness, send, type TestClient, type TestServer } from "../../testing/server/harness.ts";
import { launchChromium } from "../support/browser.ts";
import { audioBytesOver } from "./support/audio.ts";
import { startMediaServer } from "./support/mediaServer.ts";
import { emit, listen, newPage as blankPage, publish as publishOn } from "./support/socketMedia.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startMediaServer(h, { ws: 18388, admin: 17388, rtp: "20400-20500" });
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
});

const newPage = () => blankPage(browser, server);
const publish = (page: Page, client: TestClient, meetingId: string) => publishOn(page, client, server, meetingId);
const bytesOver = (page: Page, ms: number): Promise<number> => audioBytesOver(page, "[window.sub]", ms);

it("A is heard by B only while A holds the floor; C without the floor is muted at Janus", async () => {
  const meeting = await h.createMeeting(server.server, "媒体测试", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const a = await h.connect(server.url, meeting.tokens.member1);
  const c = await h.connect(server.url, meeting.tokens.member2);
  const b = await h.connect(server.url, meeting.tokens.observer);
  expect(b.welcome.media.available).toBe(true);
  const [pageA, pageB, pageC] = [await newPage(), await newPage(), await newPage()];

  // Authorization and validation through real sockets: nobody else is affected.
  expect(await emit(b, "media.publish", { sdp: "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  expect(await emit(a, "media.publish", { sdp: "hello" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  expect(await emit(a, "media.publish", { sdp: "v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n" })).toMatchObject({
    ok: false,
    error: { code: "VALIDATION" },
  });
  // Passes our checks but Janus refuses it: a clear VALIDATION for the sender only.
  expect(await emit(a, "media.publish", { sdp: "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  expect(await emit(a, "media.answer", { sdp: 5 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });

  // A publishes before having the floor: muted at Janus from the start.
  const published = await publish(pageA, a, meeting.meetingId);
  expect(published.ok).toBe(true);
  expect(await server.server.media.status()).toBe("up");
  expect((await send(a, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people.member1.id })).ok).toBe(true);

  // B listens: receives A (the floor holder); the audio bytes flow.
  const sub = await emit<{ sdp: string | null; feeds: string[] }>(b, "media.subscribe", {});
  expect(sub).toMatchObject({ ok: true, feeds: [meeting.people.member1.id] });
  if (!sub.ok || !sub.sdp) throw new Error("no offer");
  expect(sub.sdp).not.toMatch(/secret/i);
  expect(await emit(b, "media.answer", { sdp: await listen(pageB, sub.sdp) })).toEqual({ ok: true });
  await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 15_000);

  // The speech ends: A is muted at Janus, B receives no more audio from A.
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  await eventually(async () => expect(await bytesOver(pageB, 1000)).toBe(0), 10_000);

  // C publishes without the floor (as a modified client would): muted at Janus, so even a
  // subscription that includes C's feed (bypassing the server's choice of feeds) hears nothing.
  expect((await publish(pageC, c, meeting.meetingId)).ok).toBe(true);
  const states = await server.server.mediaRelay!.publishers(meeting.meetingId);
  expect(states.find((p) => p.participantId === meeting.people.member2.id)?.muted).toBe(true);
  expect(states.find((p) => p.participantId === meeting.people.member1.id)?.muted).toBe(true);
  const forced = await server.server.mediaRelay!.subscribe(
    meeting.meetingId,
    { participantId: meeting.people.observer.id, connectionId: b.socket.id! },
    { shown: new Set([meeting.people.member2.id]), audible: new Set() },
  );
  expect(forced.feeds).toEqual([meeting.people.member2.id]);
  expect(await emit(b, "media.answer", { sdp: await listen(pageB, forced.sdp!) })).toEqual({ ok: true });
  await new Promise((r) => setTimeout(r, 2000));
  expect(await bytesOver(pageB, 1500)).toBe(0);
  // Positive control for the same subscription: once C is given the floor, B hears C.
  expect((await send(c, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people.member2.id })).ok).toBe(true);
  await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 15_000);

  expect(await emit(a, "media.leave", {})).toEqual({ ok: true });
  expect(server.logs.filter((l) => /failed/.test(l.message))).toEqual([]);
}, 90_000);
