// External media server (YST_MEDIA=external): a Janus that is not ours — started here as its
// operator would, with the same kind of configuration — watched over its Admin API, used through
// janode, survived when it goes away, never stopped by us; and an external edge for listeners
// (YST_JANUS_EDGE_URLS). Inside the loopback-only namespace.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually, Harness, send, type TestClient, type TestServer } from "../../testing/server/harness.ts";
import { launchChromium } from "../support/browser.ts";
import { audioBytesOver } from "./support/audio.ts";
import { operatorJanus } from "./support/operatorJanus.ts";
import { emit, listen, newPage, publish } from "./support/socketMedia.ts";

const SECRET = "external-admin-secret-for-tests-0123456789";
const janus = operatorJanus({ ws: 18688, admin: 17688, rtp: { min: 21000, max: 21100 } }, SECRET);
/** An edge for a plenary's listeners (YST_JANUS_EDGE_URLS), another operator's Janus. */
const edge = operatorJanus({ ws: 18689, admin: 17689, rtp: { min: 21101, max: 21200 } }, SECRET);
const h = new Harness();
let browser: Browser;

beforeAll(async () => {
  expect(process.env.YST_IN_MEDIA_NETNS).toBe("1");
  await janus.start();
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
  await janus.remove();
  await edge.remove();
});

const external = (secret: string): Promise<TestServer> => h.startServer({ env: janus.env(secret) });

/** A real offer from the page (so a refusal can only be about media being unavailable). */
const offer = (page: Page): Promise<string> =>
  page.evaluate(`(async () => {
    const pc = new RTCPeerConnection();
    pc.addTransceiver("audio", { direction: "sendonly" });
    await pc.setLocalDescription(await pc.createOffer());
    await window.gathered(pc);
    const sdp = pc.localDescription.sdp;
    pc.close();
    return sdp;
  })()`);

/** media.status messages a client receives, in order. */
function statuses(client: TestClient): boolean[] {
  const seen: boolean[] = [];
  client.socket.on("media.status" as never, ((status: { available: boolean }) => seen.push(status.available)) as never);
  return seen;
}

it("a wrong admin secret never counts as up: media stays unavailable and says so", async () => {
  const server = await external("not-the-secret");
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(server.server.media.status()).not.toBe("up");
  const meeting = await h.createMeeting(server.server, "外部媒体·错误口令", { open: true });
  const member = await h.connect(server.url, meeting.tokens.member1);
  expect(member.welcome.media.available).toBe(false);
  const sdp = await offer(await newPage(browser, server));
  expect(await emit(member, "media.publish", { sdp })).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });
  await server.close();
});

it("uses the external Janus for the floor, survives it going away and coming back, and never stops it", async () => {
  const server = await external(SECRET);
  await eventually(() => expect(server.server.media.status()).toBe("up"), 20_000);
  const meeting = await h.createMeeting(server.server, "外部媒体", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const a = await h.connect(server.url, meeting.tokens.member1);
  const b = await h.connect(server.url, meeting.tokens.observer);
  expect(b.welcome.media.available).toBe(true);
  const seenByB = statuses(b);
  const [pageA, pageB] = [await newPage(browser, server), await newPage(browser, server)];
  const bytesOver = (page: Page, ms: number) => audioBytesOver(page, "[window.sub]", ms);

  /** A publishes, B listens; B hears A while A holds the floor. */
  const speakAndListen = async () => {
    expect((await publish(pageA, a, server, meeting.meetingId)).ok).toBe(true);
    const sub = await emit<{ sdp: string | null; feeds: string[] }>(b, "media.subscribe", {});
    expect(sub).toMatchObject({ ok: true, feeds: [meeting.people.member1.id] });
    if (!sub.ok || !sub.sdp) throw new Error("no offer");
    expect(await emit(b, "media.answer", { sdp: await listen(pageB, sub.sdp) })).toEqual({ ok: true });
    await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 15_000);
  };

  expect((await send(a, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people.member1.id })).ok).toBe(true);
  await speakAndListen();

  // The operator's Janus goes away: everyone is told media is unavailable, requests say so.
  await janus.stop();
  await eventually(() => expect(server.server.media.status()).not.toBe("up"), 15_000);
  await eventually(() => expect(seenByB).toEqual([false]), 5000);
  expect(await emit(a, "media.publish", { sdp: await offer(pageA) })).toMatchObject({ ok: false, error: { code: "MEDIA_UNAVAILABLE" } });

  // It comes back: available again, and the floor holder is heard again after re-negotiating.
  await janus.start();
  await eventually(() => expect(server.server.media.status()).toBe("up"), 20_000);
  await eventually(() => expect(seenByB).toEqual([false, true]), 5000);
  await speakAndListen();
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  await eventually(async () => expect(await bytesOver(pageB, 1000)).toBe(0), 10_000);

  // Closing our server leaves the operator's Janus running.
  await server.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(janus.process?.exitCode).toBeNull();
  expect(janus.process?.signalCode).toBeNull();
}, 120_000);

it("an external edge (YST_JANUS_EDGE_URLS) carries the listeners; when it goes away they listen at the origin", async () => {
  await edge.start();
  const server = await h.startServer({ env: { ...janus.env(SECRET), YST_JANUS_EDGE_URLS: "ws://127.0.0.1:18689" } });
  await eventually(() => expect([server.server.media.status(), server.server.media.edges[0]?.status()]).toEqual(["up", "up"]), 20_000);
  expect(server.server.media.edges[0]?.slotAddress).toBe("127.0.0.1");
  const meeting = await h.createMeeting(server.server, "外部媒体·边缘节点", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const a = await h.connect(server.url, meeting.tokens.member1);
  const b = await h.connect(server.url, meeting.tokens.observer);
  let moved = 0;
  b.socket.on("media.moved" as never, (() => moved++) as never);
  const [pageA, pageB] = [await newPage(browser, server), await newPage(browser, server)];
  expect((await publish(pageA, a, server, meeting.meetingId)).ok).toBe(true);
  expect((await send(a, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people.member1.id })).ok).toBe(true);
  const listenNow = async () => {
    const sub = await emit<{ sdp: string | null }>(b, "media.subscribe", {});
    if (!sub.ok || !sub.sdp) throw new Error(`no offer: ${JSON.stringify(sub)}`);
    expect(await emit(b, "media.answer", { sdp: await listen(pageB, sub.sdp) })).toEqual({ ok: true });
    await eventually(async () => expect(await audioBytesOver(pageB, "[window.sub]", 500)).toBeGreaterThan(1000), 15_000);
    return (await server.server.mediaRelay!.listeners(meeting.meetingId)).get(b.socket.id!);
  };
  expect(await listenNow()).toBe("edge-1");

  // The edge goes away: the listener is told to subscribe again (media.moved), and is served by the origin.
  await edge.stop();
  await eventually(() => expect(moved).toBeGreaterThan(0), 10_000);
  expect(await listenNow()).toBeNull();
  await server.close();
}, 90_000);
