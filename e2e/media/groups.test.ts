// 分组讨论 through the real Janus: a group meeting is a media room of its own. A member given the
// floor by the group's convener publishes into the group meeting's room and is heard there; the
// plenary's room carries nobody meanwhile; a plenary socket may not publish into the group's room.
// Chromium with fake devices; everything in the loopback-only namespace (npm run test:media).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ack, GroupEntry } from "../../core/protocol.ts";
import { eventually, Harness, send, type TestClient, type TestServer } from "../../testing/server/harness.ts";
import { launchChromium } from "../support/browser.ts";
import { audioBytesOver } from "./support/audio.ts";
import { startMediaServer } from "./support/mediaServer.ts";
import { emit, listen, newPage as blankPage, publish as publishOn } from "./support/socketMedia.ts";

const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startMediaServer(h, { ws: 18620, admin: 17620, rtp: "27400-27500" });
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
});

async function ok(client: TestClient, command: unknown): Promise<void> {
  const ack = await send(client, command);
  if (!ack.ok) throw new Error(`${(command as { type: string }).type} refused: ${ack.error.code}`);
}

/** Enters my group from the plenary's socket and connects to its meeting, waiting until the server has opened it. */
async function enterGroup(plenary: TestClient): Promise<TestClient> {
  const entry: Ack<GroupEntry> = await plenary.socket.timeout(5_000).emitWithAck("groups.enter", {});
  if (!entry.ok) throw new Error(`groups.enter: ${entry.error.code}`);
  const client = await h.connect(server.url, entry.token);
  await eventually(() => expect(client.state.status).toBe("open"), 10_000);
  return client;
}

it("the convener gives a member the floor in the group meeting and the group hears them through its own room; the plenary's room carries nobody", async () => {
  const plenary = await h.createMeeting(server.server, "区政协全体会议（媒体）", { open: true });
  const { people, tokens } = plenary;
  const chair = await h.connect(server.url, tokens.chair);
  const [m1, m2, watcher] = [
    await h.connect(server.url, tokens.member1),
    await h.connect(server.url, tokens.member2),
    await h.connect(server.url, tokens.observer),
  ];
  await ok(chair, {
    type: "groups.define",
    method: "hand",
    groups: [
      {
        groupId: "g1",
        name: "第一组",
        topic: null,
        place: "第一会议室",
        convenerId: people.member1.id,
        clerkId: null,
        memberIds: [people.member1.id, people.member2.id, people.observer.id],
      },
    ],
  });
  await ok(chair, { type: "groups.open" });
  const [convener, speaker, listener] = [await enterGroup(m1), await enterGroup(m2), await enterGroup(watcher)];
  const groupId = speaker.welcome.meeting.id;
  expect(groupId).not.toBe(plenary.meetingId);
  expect(convener.welcome.me.role).toBe("chair");
  expect(listener.welcome.media.available).toBe(true);

  // The member publishes into the group meeting's room, is given the floor by the convener, and the group hears them.
  const [pageSpeaker, pageListener, pagePlenary] = [await blankPage(browser, server), await blankPage(browser, server), await blankPage(browser, server)];
  expect((await publishOn(pageSpeaker, speaker, server, groupId)).ok).toBe(true);
  await ok(speaker, { type: "queue.request" });
  await ok(convener, { type: "floor.give", participantId: speaker.welcome.me.id });
  const sub = await emit<{ sdp: string | null; feeds: string[] }>(listener, "media.subscribe", {});
  expect(sub).toMatchObject({ ok: true, feeds: [speaker.welcome.me.id] });
  if (!sub.ok || !sub.sdp) throw new Error("no offer from the group's room");
  expect(await emit(listener, "media.answer", { sdp: await listen(pageListener, sub.sdp) })).toEqual({ ok: true });
  await eventually(async () => expect(await audioBytesOver(pageListener, "[window.sub]", 500)).toBeGreaterThan(1000), 15_000);
  const inGroup = await server.server.mediaRelay!.publishers(groupId);
  expect(inGroup.map((p) => [p.participantId, p.muted])).toEqual([[speaker.welcome.me.id, false]]);

  // The plenary's room has no publisher, and a plenary listener gets no feed of the group's speaker.
  expect(await server.server.mediaRelay!.publishers(plenary.meetingId)).toEqual([]);
  const plenarySub = await emit<{ sdp: string | null; feeds: string[] }>(chair, "media.subscribe", {});
  expect(plenarySub).toMatchObject({ ok: true });
  if (plenarySub.ok) {
    expect(plenarySub.feeds).not.toContain(speaker.welcome.me.id);
    if (plenarySub.sdp) expect(await emit(chair, "media.answer", { sdp: await listen(pagePlenary, plenarySub.sdp) })).toEqual({ ok: true });
  }

  // The call back closes the group meeting: its speech ends and the speaker is muted at Janus.
  await ok(chair, { type: "groups.recall", seconds: 0 });
  await eventually(() => expect(speaker.state.status).toBe("closed"), 10_000);
  await eventually(async () => expect(await audioBytesOver(pageListener, "[window.sub]", 1000)).toBe(0), 10_000);
  expect(server.logs.filter((l) => /failed/.test(l.message))).toEqual([]);
}, 120_000);
