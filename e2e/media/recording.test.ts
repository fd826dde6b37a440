// Per-speech recordings through the real Janus and janus-pp-rec: member A is given the floor and
// publishes (the fake microphone beeps), the speech ends, and a recording linked to that speech
// exists, is served to the meeting's staff only, and plays in Chromium. Inside the loopback-only
// namespace (e2e/media/netns-run.sh).
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually, Harness, send, type TestClient, type TestServer } from "../../testing/server/harness.ts";
import { launchChromium } from "../support/browser.ts";
import { startMediaServer } from "./support/mediaServer.ts";
import { newPage, publish } from "./support/socketMedia.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startMediaServer(
    h,
    { ws: 18788, admin: 17788, rtp: "21200-21300" },
    {
      // The built client (npm run build; `npm test` builds it first).
      YST_CLIENT_DIR: process.env.YST_CLIENT_DIR ?? path.join(import.meta.dirname, "../../dist/client"),
    },
  );
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function speechOf(chair: TestClient): Promise<string> {
  return eventually(() => {
    const floor = chair.state.floor;
    if (!floor) throw new Error("nobody has the floor yet");
    return floor.speechId;
  });
}

async function rowsOf(speechId: string) {
  return server.server.db.speechRecording.findMany({ where: { speechId }, orderBy: { part: "asc" } });
}

const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) } });

/** Loads the recording (fetched with the clerk's token, as the client does) into an <audio> in the page, and plays it. */
async function playInPage(page: Page, url: string, token: string): Promise<{ duration: number; advanced: number; peak: number }> {
  return (await page.evaluate(`(async () => {
    const response = await fetch(${JSON.stringify(url)}, { headers: { Authorization: "Bearer " + ${JSON.stringify(token)} } });
    const blob = await response.blob();
    const audio = document.createElement("audio");
    audio.src = URL.createObjectURL(blob);
    document.body.append(audio);
    await new Promise((resolve, reject) => { audio.onloadedmetadata = resolve; audio.onerror = () => reject(new Error("audio error " + audio.error?.code)); });
    await audio.play();
    const start = audio.currentTime;
    await new Promise((r) => setTimeout(r, 800));
    const advanced = audio.currentTime - start;
    audio.pause();
    const decoded = await new AudioContext().decodeAudioData(await blob.arrayBuffer());
    let peak = 0;
    for (const sample of decoded.getChannelData(0)) peak = Math.max(peak, Math.abs(sample));
    return { duration: audio.duration, advanced, peak };
  })()`)) as { duration: number; advanced: number; peak: number };
}

it("records A's speech, links it to the speech, serves it to the meeting's staff only, and it plays", async () => {
  const meeting = await h.createMeeting(server.server, "录音测试", { open: true });
  const A = meeting.people.member1.id;
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const a = await h.connect(server.url, meeting.tokens.member1);
  const pageA = await newPage(browser, server);

  // A is given the floor and only then publishes (as the client does): recording starts with the publisher.
  expect((await send(a, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: A })).ok).toBe(true);
  const speechId = await speechOf(chair);
  expect((await publish(pageA, a, server, meeting.meetingId)).ok).toBe(true);
  await sleep(3000);
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);

  const [row] = await eventually(async () => {
    const rows = await rowsOf(speechId);
    expect(rows).toHaveLength(1);
    return rows;
  }, 20_000);
  expect(row).toMatchObject({ meetingId: meeting.meetingId, speechId, participantId: A, part: 1, status: "ready" });
  expect(row!.durationMs).toBeGreaterThan(1000);
  expect(row!.durationMs).toBeLessThan(10_000);
  // Only the final Ogg file is left in the meeting's folder (the .mjr files are removed).
  await server.server.recorder.idle();
  const folder = path.join(server.config.recordingsDir, meeting.meetingId);
  expect(fs.readdirSync(folder)).toEqual([row!.file]);

  // The API: listed and served to the clerk (Range works); a member gets FORBIDDEN, nobody 401.
  const base = `${server.url}/api/meetings/${meeting.meetingId}/recordings`;
  const list = await get(base, meeting.tokens.clerk);
  expect(list.status).toBe(200);
  expect(((await list.json()) as { recordings: unknown[] }).recordings).toEqual([
    expect.objectContaining({ id: row!.id, speechId, participantId: A, part: 1, status: "ready", durationMs: row!.durationMs, bytes: row!.bytes }),
  ]);
  const audio = await get(`${base}/${row!.id}`, meeting.tokens.clerk);
  expect(audio.status).toBe(200);
  expect(audio.headers.get("content-type")).toBe("audio/ogg");
  const bytes = Buffer.from(await audio.arrayBuffer());
  expect(bytes.length).toBe(row!.bytes);
  expect(bytes.toString("latin1", 0, 4)).toBe("OggS");
  const ranged = await get(`${base}/${row!.id}`, meeting.tokens.clerk, { Range: "bytes=0-99" });
  expect(ranged.status).toBe(206);
  expect((await ranged.arrayBuffer()).byteLength).toBe(100);
  const refused = await get(`${base}/${row!.id}`, meeting.tokens.member2);
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  const anonymous = await get(`${base}/${row!.id}`);
  expect(anonymous.status).toBe(401);

  // It plays in Chromium: a real duration, time advances, and the beep is in the samples.
  const player = await newPage(browser, server);
  const played = await playInPage(player, `${base}/${row!.id}`, meeting.tokens.clerk);
  await player.context().close();
  expect(played.duration).toBeGreaterThan(1);
  expect(played.advanced).toBeGreaterThan(0.2);
  expect(played.peak).toBeGreaterThan(0.05);

  // A speaks again while already publishing: recording starts with the floor; a republish in
  // the middle (a reconnect) starts part 2 of the same speech.
  expect((await send(a, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: A })).ok).toBe(true);
  const second = await speechOf(chair);
  expect(second).not.toBe(speechId);
  await sleep(2000);
  expect((await publish(pageA, a, server, meeting.meetingId)).ok).toBe(true);
  await sleep(2000);
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  const parts = await eventually(async () => {
    const rows = await rowsOf(second);
    expect(rows).toHaveLength(2);
    return rows;
  }, 20_000);
  expect(parts.map((p) => [p.part, p.status])).toEqual([
    [1, "ready"],
    [2, "ready"],
  ]);
  for (const p of parts) expect(p.durationMs).toBeGreaterThan(1000);

  // Nobody else was recorded (the chair publishes nothing here; the floor is free now).
  expect(await server.server.db.speechRecording.count({ where: { meetingId: meeting.meetingId } })).toBe(3);
  expect(server.logs.filter((l) => /recording|failed/.test(l.message))).toEqual([]);
  await pageA.context().close();
}, 120_000);

it("in the built client the clerk replays the speech from the record; the speaker's page never asks for recordings", async () => {
  const meeting = await h.createMeeting(server.server, "录音界面测试", { open: true });
  const A = meeting.people.member1.id;
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const a = await h.connect(server.url, meeting.tokens.member1);
  const open = async (token: string) => {
    const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
    await page.goto(joinUrl(server.url, token));
    await page.getByTestId("me").waitFor();
    return page;
  };
  const pageA = await open(meeting.tokens.member1);
  const asked: string[] = [];
  pageA.on("request", (request) => {
    if (request.url().includes("/recordings")) asked.push(request.url());
  });
  const clerk = await open(meeting.tokens.clerk);

  expect((await send(a, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: A })).ok).toBe(true);
  // Given the floor, the member opens the microphone with a tap (issue 19).
  await pageA.getByTestId("mic-toggle").click();
  await expect.poll(() => pageA.getByTestId("mic-state").textContent(), { timeout: 30_000 }).toBe("麦克风已开启");
  await sleep(3000);
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);

  // The record refreshes until the recording is ready, then plays it.
  const play = clerk.getByTestId("speech-record").getByTestId("recording-play");
  await expect.poll(() => play.count(), { timeout: 30_000 }).toBe(1);
  expect(await play.textContent()).toContain("发言录音");
  await play.click();
  await clerk.getByTestId("recording-audio").waitFor();
  const played = (await clerk.evaluate(`(async () => {
    const el = document.querySelector('[data-testid="recording-audio"]');
    const within = (p, ms, what) => Promise.race([p, new Promise((_, reject) => setTimeout(() => reject(new Error(what + " timed out: readyState " + el.readyState + ", paused " + el.paused + ", error " + el.error?.code + ", duration " + el.duration)), ms))]);
    if (el.readyState < 1) await within(new Promise((r) => el.addEventListener("loadedmetadata", r, { once: true })), 5000, "metadata");
    if (el.paused) await within(el.play(), 5000, "play");
    const start = el.currentTime;
    await new Promise((r) => setTimeout(r, 800));
    return { duration: el.duration, advanced: el.currentTime - start };
  })()`)) as { duration: number; advanced: number };
  expect(played.duration).toBeGreaterThan(1);
  expect(played.advanced).toBeGreaterThan(0.2);

  expect(await pageA.getByTestId("recording-play").count()).toBe(0);
  expect(asked).toEqual([]);
}, 120_000);

// Last in this file: it shuts the server down.
it("a speech still running when the server shuts down keeps what was recorded so far", async () => {
  const meeting = await h.createMeeting(server.server, "录音·停机", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const a = await h.connect(server.url, meeting.tokens.member1);
  expect((await send(a, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: meeting.people.member1.id })).ok).toBe(true);
  const speechId = await speechOf(chair);
  const page = await newPage(browser, server);
  expect((await publish(page, a, server, meeting.meetingId)).ok).toBe(true);
  await sleep(3000);
  await server.close(); // mid-speech

  // The row was stored before the database closed: a restarted server (no media) has it.
  const again = await h.startServer({ dataDir: server.dataDir });
  const rows = await again.server.db.speechRecording.findMany({ where: { speechId } });
  expect(rows.map((r) => [r.part, r.status])).toEqual([[1, "ready"]]);
  expect(rows[0]!.durationMs).toBeGreaterThan(1500);
  await page.context().close();
}, 120_000);
