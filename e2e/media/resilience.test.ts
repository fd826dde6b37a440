// The floor survives trouble on the media path: the speaker's connection drops and comes back
// (the speech goes on, the page publishes again and is heard again), and Janus itself crashes
// and is restarted by the supervisor (every page re-negotiates; floor control applies again).
// The built client, real Janus, Chromium with fake devices, inside the loopback-only namespace.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually, Harness, send, type TestServer } from "../../testing/server/harness.ts";
import { launchChromium } from "../support/browser.ts";
import { audioBytesOver, openRecordingPeerConnections } from "./support/audio.ts";
import { giveFloorToPage } from "./support/floor.ts";
import { startMediaServer } from "./support/mediaServer.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startMediaServer(
    h,
    { ws: 18588, admin: 17588, rtp: "20800-20900" },
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

const open = (url: string): Promise<Page> => openRecordingPeerConnections(browser, url);

const bytesOver = (page: Page, ms: number): Promise<number> => audioBytesOver(page, "window.__pcs", ms);
const micText = (page: Page) => page.getByTestId("mic-state").textContent();

/** The Janus process of this server (its configuration lives in the server's data folder). */
function janusPid(): number {
  const out = execFileSync("pgrep", ["-f", `janus -F ${path.join(server.dataDir, "janus")}`], { encoding: "utf8" });
  const pids = out.trim().split("\n").map(Number);
  expect(pids).toHaveLength(1);
  return pids[0]!;
}

it("keeps the floor through a dropped connection and through a Janus crash, and is heard again each time", async () => {
  const meeting = await h.createMeeting(server.server, "媒体恢复测试", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const A = meeting.people.member1.id;
  const pageA = await open(joinUrl(server.url, meeting.tokens.member1));
  const pageB = await open(joinUrl(server.url, meeting.tokens.observer));

  await giveFloorToPage(chair, member, pageA, { pageOnly: true }); // from here on A is only the page
  await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 20_000);
  const speechId = (await server.server.rooms.get(meeting.meetingId)).current.floor?.speechId;

  // 1. A's connection drops (the transport closes under the socket, as on a network loss).
  const sockets = await server.server.io.in(`participant:${A}`).fetchSockets();
  expect(sockets.length).toBe(1);
  const dropped = sockets[0]!.id;
  server.server.io.sockets.sockets.get(dropped)!.conn.close();
  // The page reconnects by itself, keeps the floor and publishes again; B hears A again.
  await eventually(async () => {
    const again = await server.server.io.in(`participant:${A}`).fetchSockets();
    expect(again.map((s) => s.id).filter((id) => id !== dropped)).toHaveLength(1);
  }, 20_000);
  await expect.poll(() => micText(pageA), { timeout: 20_000 }).toBe("麦克风已开启");
  await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 20_000);
  expect((await server.server.rooms.get(meeting.meetingId)).current.floor?.speechId).toBe(speechId);

  // 2. Janus crashes. The supervisor restarts it; the pages hear that media went away and came
  // back, publish and subscribe again, and floor control applies to the new room.
  const crashed = janusPid();
  process.kill(crashed, "SIGKILL");
  await eventually(() => expect(server.server.media.status()).not.toBe("up"), 10_000);
  await eventually(() => expect(server.server.media.status()).toBe("up"), 30_000);
  expect(janusPid()).not.toBe(crashed);
  await eventually(async () => expect(await bytesOver(pageB, 500)).toBeGreaterThan(1000), 30_000);
  await expect.poll(() => micText(pageA), { timeout: 10_000 }).toBe("麦克风已开启");
  const states = await server.server.mediaRelay!.publishers(meeting.meetingId);
  expect(states.find((p) => p.participantId === A)).toMatchObject({ muted: false, live: true });
  expect((await server.server.rooms.get(meeting.meetingId)).current.floor?.speechId).toBe(speechId);

  // And the floor still governs: the speech ends, A goes silent at the media server.
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  await expect.poll(() => micText(pageA), { timeout: 15_000 }).toBe("麦克风已关闭");
  await eventually(async () => expect(await bytesOver(pageB, 1000)).toBe(0), 15_000);
}, 150_000);
