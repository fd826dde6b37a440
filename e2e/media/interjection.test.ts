// An interjection through the same floor mechanism: when the chair grants it, the official is
// heard and the interrupted member goes silent at the media server; when it ends, the member is
// heard again and the official is muted. Real Janus, Chromium with fake devices, inside the
// loopback-only namespace (npm run test:media).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { staffClient } from "../../testing/server/api.ts";
import { eventually, Harness, send, type TestClient, type TestServer } from "../../testing/server/harness.ts";
import { launchChromium } from "../support/browser.ts";
import { audioBytesOver } from "./support/audio.ts";
import { startMediaServer } from "./support/mediaServer.ts";
import { emit, listen, newPage, publish } from "./support/socketMedia.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startMediaServer(h, { ws: 18988, admin: 17988, rtp: "21600-21700" });
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
});

const bytesOver = (page: Page, ms: number): Promise<number> => audioBytesOver(page, "[window.sub]", ms);

/** B listens to exactly these publishers (bypassing the server's choice, as a modified client might). */
async function listenTo(b: TestClient, page: Page, meetingId: string, ids: string[]): Promise<void> {
  const sub = await server.server.mediaRelay!.subscribe(
    meetingId,
    { participantId: b.welcome.me.id, connectionId: b.socket.id! },
    { shown: new Set(ids), audible: new Set() },
  );
  expect(sub.feeds.sort()).toEqual([...ids].sort());
  expect(await emit(b, "media.answer", { sdp: await listen(page, sub.sdp!) })).toEqual({ ok: true });
}

it("granting an interjection makes the official heard and the interrupted member silent at Janus, and back after", async () => {
  const meeting = await h.createMeeting(server.server, "插话媒体测试", { open: true });
  // An invited official, added by the secretariat (the harness's cast has none).
  const { client: org } = await staffClient(server.server, server.url, "secretariat", "organiser");
  const added = await org.post(`/api/meetings/${meeting.meetingId}/participants`, { name: "王局长", role: "official", unit: "区住建局" });
  expect(added.status).toBe(201);
  const O: string = added.body.participant.id;
  const A = meeting.people.member1.id;
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const a = await h.connect(server.url, meeting.tokens.member1);
  const o = await h.connect(server.url, await server.server.tokens.issue({ participantId: O, meetingId: meeting.meetingId, role: "official" }));
  const b = await h.connect(server.url, meeting.tokens.observer);
  const [pageA, pageO, pageB] = [await newPage(browser, server), await newPage(browser, server), await newPage(browser, server)];

  expect((await send(a, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: A })).ok).toBe(true);
  expect((await publish(pageA, a, server, meeting.meetingId)).ok).toBe(true);
  // The official's microphone is already published, muted at Janus until the grant.
  expect((await publish(pageO, o, server, meeting.meetingId)).ok).toBe(true);
  const muted = async () => Object.fromEntries((await server.server.mediaRelay!.publishers(meeting.meetingId)).map((p) => [p.participantId, p.muted]));
  await eventually(async () => expect(await muted()).toEqual({ [A]: false, [O]: true }), 10_000);

  // B listens through the server's choice: the member speaking.
  const sub = await emit<{ sdp: string | null; feeds: string[] }>(b, "media.subscribe", {});
  expect(sub).toMatchObject({ ok: true, feeds: [A] });
  if (!sub.ok || !sub.sdp) throw new Error("no offer");
  expect(await emit(b, "media.answer", { sdp: await listen(pageB, sub.sdp) })).toEqual({ ok: true });
  await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 15_000);

  // The official interjects: granted, the official is heard, the member is muted at Janus.
  expect((await send(o, { type: "interjection.request", point: "回应电梯加装补贴" })).ok).toBe(true);
  const requestId = (await server.server.rooms.get(meeting.meetingId)).current.interjectionRequests[0]!.requestId;
  expect((await send(chair, { type: "interjection.grant", requestId })).ok).toBe(true);
  await eventually(async () => expect(await muted()).toEqual({ [A]: true, [O]: false }), 10_000);
  const during = await emit<{ sdp: string | null; feeds: string[] }>(b, "media.subscribe", {});
  expect(during).toMatchObject({ ok: true, feeds: [O] });
  expect(await emit(b, "media.answer", { sdp: await listen(pageB, (during as { sdp: string }).sdp) })).toEqual({ ok: true });
  await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 15_000);
  // Even a subscription to the member's feed carries nothing while the official interjects.
  await listenTo(b, pageB, meeting.meetingId, [A]);
  await new Promise((r) => setTimeout(r, 1500));
  expect(await bytesOver(pageB, 1500)).toBe(0);

  // The official ends it: the member is heard again (same subscription), the official muted.
  expect((await send(o, { type: "interjection.end" })).ok).toBe(true);
  await eventually(async () => expect(await muted()).toEqual({ [A]: false, [O]: true }), 10_000);
  await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 15_000);
  expect(server.logs.filter((l) => /failed/.test(l.message))).toEqual([]);
}, 120_000);
