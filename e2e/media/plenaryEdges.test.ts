// The plenary media plane (issue 24): an origin Janus and two edge Janus processes, embedded.
// Speakers publish to the origin; listeners are spread over the edges, which the origin feeds
// (VideoRoom remote publishers). Floor control stays at the origin, so no edge plays a muted
// member. An edge is killed: its listeners are moved and hear again within seconds, and the
// restarted edge takes new listeners. The origin is killed: everyone is heard through the edges
// again once it is back. The built client, real Janus, Chromium with fake devices,
// inside the loopback-only namespace (docs/media.md, "Plenary edges").
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually, send, type TestClient } from "../../testing/server/harness.ts";
import { audioBytesOver, audioEnergyOver, openRecordingPeerConnections } from "./support/audio.ts";
import { giveFloorToPage } from "./support/floor.ts";
import { builtClientSuite } from "./support/mediaServer.ts";
import { emit, listen, newPage, publish } from "./support/socketMedia.ts";

const suite = builtClientSuite({ ws: 18950, admin: 17950, rtp: "26000-26299" }, { YST_JANUS_EDGES: "2" });

const energyOver = (page: Page, ms: number): Promise<number> => audioEnergyOver(page, "window.__pcs", ms);
const relay = () => suite.server.server.mediaRelay!;
const edges = () => suite.server.server.media.edges;

/** A test socket listening in a blank page to exactly the feeds of `shown`, bypassing the server's choice (as a modified client would). */
async function forcedListener(client: TestClient, meetingId: string, shown: string): Promise<Page> {
  const page = await newPage(suite.browser, suite.server);
  const forced = await relay().subscribe(
    meetingId,
    { participantId: client.welcome.me.id, connectionId: client.socket.id! },
    { shown: new Set([shown]), audible: new Set() },
  );
  expect(forced.feeds).toEqual([shown]);
  expect(await emit(client, "media.answer", { sdp: await listen(page, forced.sdp!) })).toEqual({ ok: true });
  return page;
}

it("listeners on two edges hear the floor holder and never a muted member; an edge dies and its listeners hear again", async () => {
  const { h, server } = suite;
  await eventually(() => expect(edges().map((e) => e.status())).toEqual(["up", "up"]), 20_000);
  const meeting = await h.createMeeting(server.server, "全体会议边缘节点测试", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member1 = await h.connect(server.url, meeting.tokens.member1);
  const member2 = await h.connect(server.url, meeting.tokens.member2);
  const speaker = await openRecordingPeerConnections(suite.browser, joinUrl(server.url, meeting.tokens.member1));
  const observer = await openRecordingPeerConnections(suite.browser, joinUrl(server.url, meeting.tokens.observer));
  const clerk = await openRecordingPeerConnections(suite.browser, joinUrl(server.url, meeting.tokens.clerk));
  const socketOf = async (key: "observer" | "clerk") =>
    (await server.server.io.in(`participant:${meeting.people[key].id}`).fetchSockets()).map((s) => s.id)[0]!;

  // 1. The floor holder is heard on both edges: each listener page on its own edge, the speaker forwarded to both.
  await giveFloorToPage(chair, member1, speaker, { pageOnly: true });
  await eventually(async () => expect(await energyOver(observer, 500)).toBeGreaterThan(0), 20_000);
  await eventually(async () => expect(await energyOver(clerk, 500)).toBeGreaterThan(0), 20_000);
  const placed = await relay().listeners(meeting.meetingId);
  expect(new Set([placed.get(await socketOf("observer")), placed.get(await socketOf("clerk"))])).toEqual(new Set(["edge-1", "edge-2"]));
  const speakerAtOrigin = (await relay().publishers(meeting.meetingId)).find((p) => p.participantId === meeting.people.member1.id)!;
  expect(speakerAtOrigin).toMatchObject({ muted: false, live: true });
  expect(speakerAtOrigin.edges.sort()).toEqual(["edge-1", "edge-2"]);

  // 2. A member publishes without the floor (as a modified client would): muted at the origin. Two
  // listeners that force a subscription to that member, one on each edge, receive nothing.
  expect((await publish(await newPage(suite.browser, server), member2, server, meeting.meetingId)).ok).toBe(true);
  const forced = [await forcedListener(chair, meeting.meetingId, meeting.people.member2.id)];
  forced.push(await forcedListener(await h.connect(server.url, meeting.tokens.chair), meeting.meetingId, meeting.people.member2.id));
  expect(new Set((await relay().listeners(meeting.meetingId)).values())).toEqual(new Set(["edge-1", "edge-2"]));
  const muted = (await relay().publishers(meeting.meetingId)).find((p) => p.participantId === meeting.people.member2.id)!;
  expect(muted).toMatchObject({ muted: true, live: true });
  expect(muted.edges.sort()).toEqual(["edge-1", "edge-2"]);
  await new Promise((r) => setTimeout(r, 2000));
  for (const page of forced) expect(await audioBytesOver(page, "[window.sub]", 1500)).toBe(0);
  // Positive control for the same subscriptions: the member is given the floor and is heard on both edges.
  expect((await send(member2, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people.member2.id })).ok).toBe(true);
  // (These blank pages do not play what they receive, so Chromium computes no audio energy: bytes, as in floor.test.ts.)
  for (const page of forced) await eventually(async () => expect(await audioBytesOver(page, "[window.sub]", 500)).toBeGreaterThan(1000), 15_000);
  for (const page of [observer, clerk]) await eventually(async () => expect(await energyOver(page, 500)).toBeGreaterThan(0), 20_000);

  // 3. The observer's edge is killed: the server moves its listeners, the page subscribes again
  // (on the surviving edge) and hears within seconds; the other edge's listener never stops hearing.
  const observerSocket = await socketOf("observer");
  const dead = edges().find((e) => e.id === placed.get(observerSocket))!;
  const killedAt = Date.now();
  process.kill(dead.pid()!, "SIGKILL");
  const survivorHears = energyOver(placed.get(await socketOf("clerk")) === dead.id ? observer : clerk, 3000);
  await eventually(async () => expect(await energyOver(observer, 300)).toBeGreaterThan(0), 15_000);
  const heardAgainMs = Date.now() - killedAt;
  console.log(`plenary edges: listener heard again ${heardAgainMs} ms after its edge was killed`);
  expect(heardAgainMs).toBeLessThan(8_000);
  expect(await survivorHears).toBeGreaterThan(0);
  expect((await relay().listeners(meeting.meetingId)).get(observerSocket)).not.toBe(dead.id);

  // 4. The dead edge is restarted and takes load again: a new listener is placed on it and hears the floor holder.
  await eventually(() => expect(dead.status()).toBe("up"), 20_000);
  const newcomer = await openRecordingPeerConnections(
    suite.browser,
    joinUrl(server.url, await server.server.tokens.issue({ participantId: meeting.people.observer.id, meetingId: meeting.meetingId, role: "observer" })),
  );
  await eventually(async () => expect(await energyOver(newcomer, 500)).toBeGreaterThan(0), 20_000);
  const onRestarted = [...(await relay().listeners(meeting.meetingId)).values()].filter((edge) => edge === dead.id);
  expect(onRestarted.length).toBeGreaterThan(0);
  expect(server.logs.filter((l) => /failed/.test(l.message))).toEqual([]);

  // 5. The origin dies: the edges' rooms lost their source and are dropped; once the origin is
  // back the speaker's page publishes again and every listener is heard through an edge again.
  await giveFloorToPage(chair, await h.connect(server.url, meeting.tokens.member1), speaker, { pageOnly: true });
  for (const page of [observer, clerk]) await eventually(async () => expect(await energyOver(page, 500)).toBeGreaterThan(0), 20_000);
  const origin = execFileSync("pgrep", ["-f", `janus -F ${path.join(server.dataDir, "janus")} -C`], { encoding: "utf8" }).trim();
  expect(origin).toMatch(/^\d+$/);
  process.kill(Number(origin), "SIGKILL");
  await eventually(() => expect(server.server.media.status()).not.toBe("up"), 10_000);
  await eventually(() => expect(server.server.media.status()).toBe("up"), 30_000);
  for (const page of [observer, clerk]) await eventually(async () => expect(await energyOver(page, 500)).toBeGreaterThan(0), 30_000);
  const after = [...(await relay().listeners(meeting.meetingId)).values()];
  expect(after.length).toBeGreaterThanOrEqual(2);
  expect(after.every((edge) => edge === "edge-1" || edge === "edge-2")).toBe(true);
}, 240_000);
