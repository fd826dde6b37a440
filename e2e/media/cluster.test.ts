// Audio across the nodes of one deployment (issue 23, docs/cluster.md "Media"): every node is given
// the same Janus (the operator's, YST_MEDIA=external); a meeting's media is run by the node that
// owns it, also for members whose sockets another node relays. The built client in Chromium (fake
// microphone), real PostgreSQL (the host's, through its socket) and a Redis of the namespace's own:
// all inside the loopback-only namespace (npm run test:media).
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { leaseHolder, testCluster, type TestCluster } from "../../testing/server/cluster.ts";
import { eventually, Harness, send, type ServerProcess } from "../../testing/server/harness.ts";
import { loadBalancer } from "../../testing/server/loadBalancer.ts";
import { launchChromium } from "../support/browser.ts";
import { audioBytesOver, openRecordingPeerConnections } from "./support/audio.ts";
import { giveFloorToPage } from "./support/floor.ts";
import { namespaceRedis, POSTGRES_SOCKET_URL } from "./support/namespaceServices.ts";
import { operatorJanus } from "./support/operatorJanus.ts";

const janus = operatorJanus({ ws: 18288, admin: 17288, rtp: { min: 24000, max: 24100 } }, "cluster-admin-secret-for-tests-0123456789");
const CLIENT_DIR = process.env.YST_E2E_CLIENT_DIR ?? path.join(import.meta.dirname, "../../dist/client");
const h = new Harness();
let browser: Browser;
let redis: { url: string; stop: () => Promise<void> };

beforeAll(async () => {
  expect(process.env.YST_IN_MEDIA_NETNS).toBe("1");
  redis = await namespaceRedis();
  await janus.start();
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
  await janus.remove();
  await redis?.stop();
});

const deployment = (): Promise<TestCluster> => testCluster(h, { postgresUrl: POSTGRES_SOCKET_URL, redisUrl: redis.url });
const nodeEnv = () => ({ ...janus.env(), YST_CLIENT_DIR: CLIENT_DIR });

const open = (url: string): Promise<Page> => openRecordingPeerConnections(browser, url);

/** Audio the page received over `ms`, on its peer connections from the `since`-th on (0: all of them). */
const bytesOver = (page: Page, ms: number, since = 0): Promise<number> => audioBytesOver(page, `window.__pcs.slice(${since})`, ms);
const peerConnections = (page: Page): Promise<number> => page.evaluate("window.__pcs.length") as Promise<number>;
const micText = (page: Page) => page.getByTestId("mic-state").textContent();
const hears = (page: Page, { timeout = 20_000, since = 0 } = {}) =>
  eventually(async () => expect(await bytesOver(page, 500, since)).toBeGreaterThan(1000), timeout);

it("a member whose socket another node relays is heard, and hears, through the owner's media; floor control holds", async () => {
  const cluster = await deployment();
  const a = await cluster.start("a", { env: nodeEnv() });
  const b = await cluster.start("b", { env: nodeEnv() });
  await eventually(() => expect([a.server.media.status(), b.server.media.status()]).toEqual(["up", "up"]), 20_000);
  const meeting = await h.createMeeting(a.server, "跨节点的音频", { open: true });
  expect(a.server.rooms.isLocal(meeting.meetingId)).toBe(true);

  const chair = await h.connect(a.url, meeting.tokens.chair);
  const speaker = await h.connect(b.url, meeting.tokens.member1);
  // The speaker and one listener on b (relayed to a), another listener on a.
  const speakerPage = await open(joinUrl(b.url, meeting.tokens.member1));
  const listenerOnB = await open(joinUrl(b.url, meeting.tokens.member2));
  const listenerOnA = await open(joinUrl(a.url, meeting.tokens.observer));
  expect(b.server.rooms.isLocal(meeting.meetingId)).toBe(false);
  await expect.poll(() => micText(speakerPage), { timeout: 15_000 }).toBe("麦克风已关闭");

  await giveFloorToPage(chair, speaker, speakerPage);
  await hears(listenerOnA);
  await hears(listenerOnB);
  // The owner runs the meeting's media, whichever node the speaker's socket came in through.
  const published = await a.server.mediaRelay!.publishers(meeting.meetingId);
  expect(published.find((p) => p.participantId === meeting.people.member1.id)).toMatchObject({ live: true, muted: false });
  expect(await b.server.mediaRelay!.publishers(meeting.meetingId)).toEqual([]);

  // The speech ends: muted at Janus by the owner, for listeners on both nodes.
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  await expect.poll(() => micText(speakerPage), { timeout: 15_000 }).toBe("麦克风已关闭");
  for (const page of [listenerOnA, listenerOnB]) await eventually(async () => expect(await bytesOver(page, 1000)).toBe(0), 10_000);
  expect([...a.logs, ...b.logs].filter((l) => /failed|INTERNAL/.test(l.message))).toEqual([]);
}, 120_000);

it("kill -9 of the owner mid-speech: the pages reconnect through the load balancer, renegotiate with the new owner, and the speaker is heard again", async () => {
  const cluster = await deployment();
  // The meeting and its links, made by a node that then leaves (it owns nothing afterwards).
  const setup = await cluster.start("setup", { listen: false });
  const meeting = await h.createMeeting(setup.server, "跨节点的音频（故障切换）");
  await setup.close();

  const nodes = new Map<string, ServerProcess>();
  for (const id of ["n1", "n2"]) nodes.set(id, await h.spawnServer(h.tempDir(), undefined, { ...cluster.env, ...nodeEnv(), YST_NODE_ID: id }));
  const lb = await loadBalancer(() => [...nodes.values()].filter((n) => n.child.exitCode === null && n.child.signalCode === null).map((n) => n.port));
  h.onCleanup(() => lb.close());

  const chair = await h.connect(lb.url, meeting.tokens.chair, { reconnect: true });
  expect(await send(chair, { type: "meeting.open" })).toMatchObject({ ok: true });
  const speaker = await h.connect(lb.url, meeting.tokens.member1, { reconnect: true });
  const speakerPage = await open(joinUrl(lb.url, meeting.tokens.member1));
  const listener = await open(joinUrl(lb.url, meeting.tokens.member2));
  await expect.poll(() => micText(speakerPage), { timeout: 20_000 }).toBe("麦克风已关闭");
  await giveFloorToPage(chair, speaker, speakerPage);
  await hears(listener);

  const owner = await leaseHolder(cluster.env.YST_DATABASE_URL!, meeting.meetingId);
  const [speakerPcs, listenerPcs] = [await peerConnections(speakerPage), await peerConnections(listener)];
  await nodes.get(owner)!.kill("SIGKILL");
  const killedAt = Date.now();
  // The other node takes the meeting over; the speech goes on (it is in the log), the pages
  // reconnect by themselves, publish and listen again through the new owner: audio arrives on
  // peer connections made after the kill.
  await hears(listener, { timeout: 45_000, since: listenerPcs });
  expect(await peerConnections(speakerPage)).toBeGreaterThan(speakerPcs);
  console.log(`media failover: the listener hears the speaker again ${Date.now() - killedAt} ms after the kill`);
  expect(await leaseHolder(cluster.env.YST_DATABASE_URL!, meeting.meetingId)).not.toBe(owner);
  await expect.poll(() => micText(speakerPage), { timeout: 15_000 }).toBe("麦克风已开启");
  await eventually(() => expect(chair.state.floor?.participantId).toBe(meeting.people.member1.id), 20_000);

  // And floor control is the new owner's: the speech ends, the listener hears nothing.
  await eventually(() => expect(chair.socket.connected).toBe(true), 20_000);
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  await eventually(async () => expect(await bytesOver(listener, 1000)).toBe(0), 15_000);
}, 180_000);
