// The audio-only mix (issue 24; docs/media.md, "Audio-only mix"): listeners who chose 仅音频 hear
// the meeting's AudioBridge mix through a Streaming mountpoint on their edge — one audio stream
// whoever is heard, no video — while the floor is still decided at the origin's VideoRoom. A
// member publishing without the floor adds nothing to the mix; given the floor, they are heard
// in the same subscription without re-negotiating, and a listener on the mix keeps its connection
// through floor changes. The edge dies: the mix listener is moved to
// the origin's mountpoint and hears again. The built client, real Janus (an origin and one
// edge), Chromium with fake devices, inside the loopback-only namespace.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually, send } from "../../testing/server/harness.ts";
import { audioBytesOver, audioEnergyOver, openRecordingPeerConnections, videoBytesOver } from "./support/audio.ts";
import { giveFloorToPage } from "./support/floor.ts";
import { builtClientSuite } from "./support/mediaServer.ts";
import { emit, listen, newPage, publish } from "./support/socketMedia.ts";

const suite = builtClientSuite({ ws: 18750, admin: 17750, rtp: "27000-27299" }, { YST_JANUS_EDGES: "1" });

const relay = () => suite.server.server.mediaRelay!;
/** The member's device chose 仅音频 (audio only) before the page opened. */
const AUDIO_ONLY = `localStorage.setItem("yst.mediaPrefs", JSON.stringify({ listenMode: "audioOnly" }));`;
/** Encoded silence is ~150 B/s of audio payload, a speaking fake microphone several kB/s. */
const SPEECH_BYTES_PER_S = 2000;
const connectionsMade = (page: Page): Promise<number> => page.evaluate("window.__pcs.length") as Promise<number>;
const bytesPerSecond = async (page: Page, connections: string) => (await audioBytesOver(page, connections, 2000)) / 2;

it("audio-only listeners hear the floor through the mix, never a muted member, and are moved when their edge dies", async () => {
  const { h, server } = suite;
  await eventually(() => expect(server.server.media.edges.map((e) => e.status())).toEqual(["up"]), 20_000);
  const meeting = await h.createMeeting(server.server, "全体会议混音收听测试", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member1 = await h.connect(server.url, meeting.tokens.member1);
  const member2 = await h.connect(server.url, meeting.tokens.member2);
  const speaker = await openRecordingPeerConnections(suite.browser, joinUrl(server.url, meeting.tokens.member1));
  const observer = await openRecordingPeerConnections(suite.browser, joinUrl(server.url, meeting.tokens.observer), AUDIO_ONLY);
  const clerk = await openRecordingPeerConnections(suite.browser, joinUrl(server.url, meeting.tokens.clerk));
  const socketOf = async (key: "observer" | "clerk") =>
    (await server.server.io.in(`participant:${meeting.people[key].id}`).fetchSockets()).map((s) => s.id)[0]!;

  // 1. The floor holder is heard by the audio-only observer through the mix on the edge (no video
  // at all); the clerk listens in full to the feeds.
  await giveFloorToPage(chair, member1, speaker, { pageOnly: true });
  await eventually(async () => expect(await audioEnergyOver(observer, "window.__pcs", 500)).toBeGreaterThan(0), 20_000);
  await eventually(async () => expect(await videoBytesOver(clerk, "window.__pcs", 500)).toBeGreaterThan(1000), 20_000);
  expect(await videoBytesOver(observer, "window.__pcs", 1000)).toBe(0);
  const mixListeners = await relay().mixListeners(meeting.meetingId);
  expect(mixListeners).toContain(await socketOf("observer"));
  expect(mixListeners).not.toContain(await socketOf("clerk"));
  expect((await relay().listeners(meeting.meetingId)).get(await socketOf("observer"))).toBe("edge-1");

  // 2. A member publishes without the floor (as a modified client would): muted at the origin.
  // The speech ends; a mix listener that asks for that member gets the mix, which stays silent
  // (encoded silence only) until the member is given the floor — then the same subscription
  // carries their voice, with no new offer.
  const observerConnections = await connectionsMade(observer);
  const rogue = await newPage(suite.browser, server);
  expect((await publish(rogue, member2, server, meeting.meetingId)).ok).toBe(true);
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  await eventually(async () =>
    expect((await relay().publishers(meeting.meetingId)).find((p) => p.participantId === meeting.people.member1.id)?.muted).toBe(true),
  );
  const forcedPage = await newPage(suite.browser, server);
  const forced = await relay().subscribe(
    meeting.meetingId,
    { participantId: meeting.people.chair.id, connectionId: chair.socket.id! },
    { shown: new Set([meeting.people.member2.id]), audible: new Set() },
    { audioOnly: true },
  );
  expect(forced).toMatchObject({ mixed: true, feeds: [meeting.people.member2.id] });
  expect(forced.sdp).not.toMatch(/^m=video/m);
  expect(await emit(chair, "media.answer", { sdp: await listen(forcedPage, forced.sdp!) })).toEqual({ ok: true });
  await eventually(async () => expect(await audioBytesOver(forcedPage, "[window.sub]", 500)).toBeGreaterThan(0), 10_000);
  expect(await bytesPerSecond(forcedPage, "[window.sub]")).toBeLessThan(SPEECH_BYTES_PER_S / 4);
  expect((await send(member2, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people.member2.id })).ok).toBe(true);
  await eventually(async () => expect(await bytesPerSecond(forcedPage, "[window.sub]")).toBeGreaterThan(SPEECH_BYTES_PER_S), 15_000);
  // Someone who may be heard never gets the mix, even audio-only: they would hear themselves in it.
  const own = await relay().subscribe(
    meeting.meetingId,
    { participantId: meeting.people.member2.id, connectionId: member2.socket.id! },
    { shown: new Set([meeting.people.member2.id, meeting.people.chair.id]), audible: new Set([meeting.people.member2.id]) },
    { audioOnly: true },
  );
  expect(own.mixed).toBe(false);
  // The observer's page kept its subscription through both floor changes (the mix follows the
  // floor by itself: no new negotiation) and hears the new speaker.
  await eventually(async () => expect(await audioEnergyOver(observer, "window.__pcs", 500)).toBeGreaterThan(0), 20_000);
  expect(await connectionsMade(observer)).toBe(observerConnections);
  expect(await relay().mixListeners(meeting.meetingId)).toContain(await socketOf("observer"));

  // 3. The edge is killed: the observer is told (media.moved), subscribes anew at the origin's mountpoint and hears again.
  const edge = server.server.media.edges[0]!;
  const killedAt = Date.now();
  process.kill(edge.pid()!, "SIGKILL");
  await eventually(async () => expect((await relay().listeners(meeting.meetingId)).get(await socketOf("observer"))).toBeNull(), 15_000);
  await eventually(async () => expect(await audioEnergyOver(observer, "window.__pcs", 300)).toBeGreaterThan(0), 15_000);
  console.log(`audio mix: listener heard again ${Date.now() - killedAt} ms after its edge was killed`);
  expect(await relay().mixListeners(meeting.meetingId)).toContain(await socketOf("observer"));
  expect(await connectionsMade(observer)).toBe(observerConnections + 1);
  expect(await videoBytesOver(observer, "window.__pcs", 1000)).toBe(0);
  expect(server.logs.filter((l) => /mix/.test(l.message))).toEqual([]);
}, 180_000);
