// One speech makes one recording, through the real Janus and janus-pp-rec: member A is given the
// floor and publishes (the fake microphone beeps); the chair pauses and resumes the speech; an
// official interjects (A keeps publishing, muted at Janus, as the client does while holding the
// floor); the speech ends. Exactly one recording exists for the speech, as long as the whole
// speech, and the recordings list marks the pause and the interjection inside it. Inside the
// loopback-only namespace (e2e/media/netns-run.sh).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { staffClient } from "../../testing/server/api.ts";
import { eventually, Harness, send, type TestServer } from "../../testing/server/harness.ts";
import { launchChromium } from "../support/browser.ts";
import { startMediaServer } from "./support/mediaServer.ts";
import { newPage, publish } from "./support/socketMedia.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startMediaServer(h, { ws: 19488, admin: 19489, rtp: "23000-23100" });
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("a speech with a pause and an interjection is one recording, with both marked", async () => {
  const meeting = await h.createMeeting(server.server, "一次发言一段录音", { open: true });
  const { client: org } = await staffClient(server.server, server.url, "secretariat", "organiser");
  const added = await org.post(`/api/meetings/${meeting.meetingId}/participants`, { name: "王局长", role: "official", unit: "区住建局" });
  expect(added.status).toBe(201);
  const O: string = added.body.participant.id;
  const A = meeting.people.member1.id;
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const a = await h.connect(server.url, meeting.tokens.member1);
  const o = await h.connect(server.url, await server.server.tokens.issue({ participantId: O, meetingId: meeting.meetingId, role: "official" }));
  const [pageA, pageO] = [await newPage(browser, server), await newPage(browser, server)];

  expect((await send(a, { type: "queue.request" })).ok).toBe(true);
  expect((await send(chair, { type: "floor.give", participantId: A })).ok).toBe(true);
  const speechId = chair.state.floor?.speechId ?? (await eventually(() => chair.state.floor!.speechId));
  const began = Date.now();
  expect((await publish(pageA, a, server, meeting.meetingId)).ok).toBe(true);
  await sleep(1500);
  // The chair pauses the clock and resumes it: the same take goes on.
  expect((await send(chair, { type: "floor.pause" })).ok).toBe(true);
  await sleep(1000);
  expect((await send(chair, { type: "floor.resume" })).ok).toBe(true);
  await sleep(1000);
  // An interjection: the official publishes and is heard; A stays published (muted at Janus).
  expect((await send(o, { type: "interjection.request" })).ok).toBe(true);
  const requestId = (await server.server.rooms.get(meeting.meetingId)).current.interjectionRequests[0]!.requestId;
  expect((await send(chair, { type: "interjection.grant", requestId })).ok).toBe(true);
  expect((await publish(pageO, o, server, meeting.meetingId)).ok).toBe(true);
  const muted = async () => Object.fromEntries((await server.server.mediaRelay!.publishers(meeting.meetingId)).map((p) => [p.participantId, p.muted]));
  await eventually(async () => expect(await muted()).toEqual({ [A]: true, [O]: false }), 10_000);
  await sleep(1500);
  expect((await send(o, { type: "interjection.end" })).ok).toBe(true);
  await eventually(async () => expect((await muted())[A]).toBe(false), 10_000);
  await sleep(1000);
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);
  const spoke = Date.now() - began;

  // Exactly one recording for the speech (none for the official: the interjection is not a speech).
  await server.server.recorder.idle();
  const rows = await eventually(async () => {
    const found = await server.server.db.speechRecording.findMany({ where: { meetingId: meeting.meetingId } });
    expect(found).toHaveLength(1);
    return found;
  }, 20_000);
  await sleep(500);
  expect(await server.server.db.speechRecording.count({ where: { meetingId: meeting.meetingId } })).toBe(1);
  const [row] = rows;
  expect(row).toMatchObject({ speechId, participantId: A, part: 1, status: "ready" });
  // It runs from A's publishing to the end of the speech: the pause and the interjection inside it.
  console.log(`speech ${spoke} ms, recording ${row!.durationMs} ms`);
  expect(row!.durationMs).toBeGreaterThan(spoke - 2500);
  expect(row!.durationMs).toBeLessThan(spoke + 2000);

  // The recordings list: that one recording, with the pause and the interjection marked.
  const list = await fetch(`${server.url}/api/meetings/${meeting.meetingId}/recordings`, { headers: { Authorization: `Bearer ${meeting.tokens.clerk}` } });
  expect(list.status).toBe(200);
  const { recordings } = (await list.json()) as {
    recordings: { id: string; markers: { kind: string; startMs: number; endMs: number | null; participantId?: string }[] }[];
  };
  expect(recordings).toHaveLength(1);
  const [pause, interjection] = recordings[0]!.markers;
  expect(recordings[0]!.markers.map((m) => m.kind)).toEqual(["pause", "interjection"]);
  expect(pause!.startMs).toBeGreaterThan(1000);
  expect(pause!.endMs! - pause!.startMs).toBeGreaterThan(800);
  expect(interjection!.participantId).toBe(O);
  expect(interjection!.startMs).toBeGreaterThan(pause!.endMs!);
  expect(interjection!.endMs! - interjection!.startMs).toBeGreaterThan(1200);
  expect(interjection!.endMs!).toBeLessThan(row!.durationMs);
}, 120_000);
