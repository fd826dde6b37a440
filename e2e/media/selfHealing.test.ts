// Self-healing (issue 24): a listener's peer connection breaks while its socket stays up — the
// UDP of its selected ICE candidate is dropped inside the namespace with tc — and the page
// re-negotiates by itself and hears the floor holder again, with no floor change and nothing else
// done by the test. And nothing is re-negotiated when nothing is wrong: not during a healthy
// speech (also while the speaker closes the microphone for a moment) and no loop after the speech
// ends (the speaker muted at Janus). The built client, real Janus, Chromium with fake devices,
// inside the loopback-only namespace (docs/media.md, "Self-healing").
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually, send } from "../../testing/server/harness.ts";
import { audioBytesOver, openRecordingPeerConnections } from "./support/audio.ts";
import { giveFloorToPage } from "./support/floor.ts";
import { builtClientSuite } from "./support/mediaServer.ts";
import { dropUdp, selectedLocalPort, stopShaping } from "./support/udpShaping.ts";

const suite = builtClientSuite({ ws: 18088, admin: 17088, rtp: "24200-24300" });

const open = (url: string): Promise<Page> => openRecordingPeerConnections(suite.browser, url);

const bytesOver = (page: Page, ms: number): Promise<number> => audioBytesOver(page, "window.__pcs", ms);
const connectionsMade = (page: Page): Promise<number> => page.evaluate("window.__pcs.length") as Promise<number>;
const micText = (page: Page) => page.getByTestId("mic-state").textContent();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
afterAll(stopShaping);

it("a listener whose connection breaks under a live socket re-negotiates by itself; no re-negotiation when nothing is wrong", async () => {
  const { h, server } = suite;
  const meeting = await h.createMeeting(server.server, "媒体自愈测试", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const pageA = await open(joinUrl(server.url, meeting.tokens.member1));
  const pageB = await open(joinUrl(server.url, meeting.tokens.observer));
  const socketsOfB = async () => (await server.server.io.in(`participant:${meeting.people.observer.id}`).fetchSockets()).map((s) => s.id);
  const socketB = await socketsOfB();
  expect(socketB).toHaveLength(1);

  await giveFloorToPage(chair, member, pageA, { pageOnly: true }); // from here on A is only the page
  await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 20_000);
  const speechId = (await server.server.rooms.get(meeting.meetingId)).current.floor?.speechId;
  expect(speechId).toBeTruthy();

  // 1. Nothing wrong: a healthy speech, and the speaker closing the microphone for a while (the
  // silenced track still sends): no page makes another peer connection.
  const healthy = { a: await connectionsMade(pageA), b: await connectionsMade(pageB) };
  expect(await bytesOver(pageB, 5_000)).toBeGreaterThan(10_000);
  await pageA.getByTestId("mic-toggle").click();
  await expect.poll(() => micText(pageA), { timeout: 5_000 }).toBe("麦克风已关闭");
  expect(await bytesOver(pageB, 6_000)).toBeGreaterThan(0);
  await pageA.getByTestId("mic-toggle").click();
  await expect.poll(() => micText(pageA), { timeout: 5_000 }).toBe("麦克风已开启");
  expect(await bytesOver(pageB, 2_000)).toBeGreaterThan(1000);
  expect({ a: await connectionsMade(pageA), b: await connectionsMade(pageB) }).toEqual(healthy);

  // 2. B's connection breaks: every UDP packet from or to its selected candidate's port is dropped.
  const port = await selectedLocalPort(pageB);
  expect(port).toBeGreaterThan(0);
  const broken = Date.now();
  dropUdp(port);
  try {
    await eventually(async () => expect(await bytesOver(pageB, 300)).toBe(0), 5_000);
    // The page notices and subscribes again by itself on a new connection (a new port), heard
    // while the old port is still dropped.
    await eventually(async () => expect(await connectionsMade(pageB)).toBeGreaterThan(healthy.b), 15_000);
    const renegotiated = Date.now() - broken;
    await eventually(async () => expect(await bytesOver(pageB, 300)).toBeGreaterThan(500), 15_000);
    const heard = Date.now() - broken;
    console.log(`self-healing: new peer connection ${renegotiated} ms after the break, heard again after ${heard} ms`);
    expect(heard).toBeLessThan(12_000);
    expect(await selectedLocalPort(pageB)).not.toBe(port);
  } finally {
    stopShaping();
  }
  // Exactly one new connection, and it stays: no further re-negotiation while it works.
  expect(await connectionsMade(pageB)).toBe(healthy.b + 1);
  expect(await bytesOver(pageB, 8_000)).toBeGreaterThan(20_000);
  expect(await connectionsMade(pageB)).toBe(healthy.b + 1);
  // All by itself: the same socket (no reconnect), the same speech, A untouched, nothing on screen.
  expect(await socketsOfB()).toEqual(socketB);
  expect((await server.server.rooms.get(meeting.meetingId)).current.floor?.speechId).toBe(speechId);
  expect(await connectionsMade(pageA)).toBe(healthy.a);
  expect(await micText(pageA)).toBe("麦克风已开启");
  expect(await pageB.getByTestId("media-unavailable").count()).toBe(0);

  // 3. The speech ends: A is muted at Janus and stops publishing; B listens again once for the
  // floor change and does not loop.
  const ended = { a: await connectionsMade(pageA), b: await connectionsMade(pageB) };
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  await expect.poll(() => micText(pageA), { timeout: 15_000 }).toBe("麦克风已关闭");
  await eventually(async () => expect(await bytesOver(pageB, 1000)).toBe(0), 10_000);
  await sleep(10_000);
  expect(await connectionsMade(pageB)).toBeLessThanOrEqual(ended.b + 1);
  expect(await connectionsMade(pageA)).toBeLessThanOrEqual(ended.a + 1);
  expect(await bytesOver(pageB, 1000)).toBe(0);
  expect(await socketsOfB()).toEqual(socketB);
}, 150_000);

it("a speaker whose connection breaks under a live socket publishes again by itself, microphone still on", async () => {
  const { h, server } = suite;
  const meeting = await h.createMeeting(server.server, "媒体自愈测试 发言人", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const A = meeting.people.member1.id;
  const pageA = await open(joinUrl(server.url, meeting.tokens.member1));
  const pageB = await open(joinUrl(server.url, meeting.tokens.observer));
  const socketsOfA = async () => (await server.server.io.in(`participant:${A}`).fetchSockets()).map((s) => s.id);
  await giveFloorToPage(chair, member, pageA, { pageOnly: true });
  await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 20_000);
  const socketA = await socketsOfA();
  expect(socketA).toHaveLength(1);
  const speechId = (await server.server.rooms.get(meeting.meetingId)).current.floor?.speechId;
  const before = await connectionsMade(pageA);

  const port = await selectedLocalPort(pageA);
  expect(port).toBeGreaterThan(0);
  const broken = Date.now();
  dropUdp(port);
  try {
    await eventually(async () => expect(await bytesOver(pageB, 300)).toBe(0), 5_000);
    await eventually(async () => expect(await connectionsMade(pageA)).toBeGreaterThan(before), 20_000);
    const republished = Date.now() - broken;
    await eventually(async () => expect(await bytesOver(pageB, 300)).toBeGreaterThan(500), 15_000);
    const heard = Date.now() - broken;
    console.log(`self-healing (speaker): published again ${republished} ms after the break, heard again after ${heard} ms`);
    expect(heard).toBeLessThan(20_000);
  } finally {
    stopShaping();
  }
  // The microphone the member opened stays open, on the same socket, in the same speech.
  expect(await micText(pageA)).toBe("麦克风已开启");
  expect(await connectionsMade(pageA)).toBe(before + 1);
  expect(await socketsOfA()).toEqual(socketA);
  expect((await server.server.rooms.get(meeting.meetingId)).current.floor?.speechId).toBe(speechId);
  const states = await server.server.mediaRelay!.publishers(meeting.meetingId);
  expect(states.find((p) => p.participantId === A)).toMatchObject({ muted: false, live: true });
  expect(await bytesOver(pageB, 3_000)).toBeGreaterThan(5_000);
}, 120_000);
