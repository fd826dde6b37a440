// 背靠背 by voice through the real Janus: while the worker side's caucus runs, its members talk in
// their own AudioBridge room (created by our server with a secret and pin it never sends), nobody
// else gets in — not through our server (refused before Janus is asked) and not at Janus without
// the pin — their microphones are muted in the meeting's room meanwhile, and when the caucus ends
// the room is destroyed at Janus and everyone in it dropped. Chromium with fake devices (a beep),
// everything in the loopback-only namespace (e2e/media/netns-run.sh). Then the built client's
// 加入内部语音 / 离开内部语音 in the side's panel.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { Role } from "../../core/roles.ts";
import { caucusRoomRule } from "../../server/src/caucus/caucusAudioHandlers.ts";
import { eventually, send, type TestClient } from "../../testing/server/harness.ts";
import { bargainingTable, type CaucusKey } from "../../testing/server/privateTalkMeetings.ts";
import { audioBytesOver } from "./support/audio.ts";
import { builtClientSuite, openAs } from "./support/mediaServer.ts";
import { janusOutsider, joinPrivateAudio, privateConnectionState, privateEnergyOver } from "./support/privateAudio.ts";
import { emit, listen, newPage as blankPage, publish } from "./support/socketMedia.ts";

const PORTS = { ws: 19688, admin: 19689, rtp: "23400-23500" };
const media = builtClientSuite(PORTS);

/** The page joins the side's audio room (support/privateAudio.ts). */
const caucusJoin = (page: Page, client: TestClient) => joinPrivateAudio(page, client, "media.caucusJoin");

/** The sides' private rooms (media/privateAudio.ts, keyed as caucusAudioHandlers.ts keys them). */
const sideRooms = () => ({
  inspect: (meetingId: string, side: "worker" | "enterprise") => media.server.server.privateAudio!.inspect(meetingId, caucusRoomRule(side).key),
});

it("the worker side's members talk in their own room that nobody else can join; their microphones leave the meeting's room; the room is gone when the caucus ends", async () => {
  const { meetingId, ids, clients } = await bargainingTable(media.h, media.server, { open: true });
  const { server, browser } = media;
  const caucusAudio = sideRooms();
  const [chiefPage, workerPage, enterprisePage, listenerPage] = [
    await blankPage(browser, server),
    await blankPage(browser, server),
    await blankPage(browser, server),
    await blankPage(browser, server),
  ];

  // Before any caucus: refused, nothing created at Janus.
  expect(await caucusJoin(workerPage, clients.worker1)).toMatchObject({ ok: false, error: { code: "NO_CAUCUS" } });
  expect(await caucusAudio.inspect(meetingId, "worker")).toBeNull();

  // The presiding worker chief is heard in the meeting's room: the observer receives the audio.
  expect((await publish(chiefPage, clients.workerChief, server, meetingId)).ok).toBe(true);
  const sub = await emit<{ sdp: string | null; feeds: string[] }>(clients.observer, "media.subscribe", {});
  expect(sub).toMatchObject({ ok: true, feeds: [ids.workerChief] });
  if (!sub.ok || !sub.sdp) throw new Error("no offer");
  expect(await emit(clients.observer, "media.answer", { sdp: await listen(listenerPage, sub.sdp) })).toEqual({ ok: true });
  await eventually(async () => expect(await audioBytesOver(listenerPage, "[window.sub]", 500)).toBeGreaterThan(1000), 15_000);

  expect(await send(clients.workerChief, { type: "bargaining.startCaucus" })).toMatchObject({ ok: true });

  // Refused by our server before Janus is asked: the other side (whose caucus does not run), and
  // everyone without a side; a malformed offer.
  expect(await caucusJoin(enterprisePage, clients.enterprise1)).toMatchObject({ ok: false, error: { code: "NO_CAUCUS" } });
  for (const key of ["recorder", "observer", "official", "chair"] as const) {
    expect(await caucusJoin(enterprisePage, clients[key]), key).toMatchObject({ ok: false, error: { code: "CAUCUS_NOT_MEMBER" } });
  }
  expect(await emit(clients.worker1, "media.caucusJoin", { sdp: "hello" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  expect(await caucusAudio.inspect(meetingId, "worker")).toBeNull();

  // The worker chief and a worker join: the chief's microphone leaves the meeting's room at once
  // (muted at Janus, the observer receives no more audio), and the two hear each other.
  expect(await caucusJoin(chiefPage, clients.workerChief)).toMatchObject({ ok: true });
  expect(await caucusJoin(workerPage, clients.worker1)).toMatchObject({ ok: true });
  expect((await server.server.mediaRelay!.publishers(meetingId)).find((p) => p.participantId === ids.workerChief)?.muted).toBe(true);
  await eventually(async () => expect(await audioBytesOver(listenerPage, "[window.sub]", 1000)).toBe(0), 10_000);
  expect((await caucusAudio.inspect(meetingId, "worker"))?.participants).toEqual([ids.workerChief, ids.worker1].sort());
  await eventually(async () => expect(await privateConnectionState(workerPage)).toBe("connected"), 15_000);
  await eventually(async () => expect(await privateEnergyOver(workerPage, 1000)).toBeGreaterThan(0.001), 15_000);
  await eventually(async () => expect(await privateEnergyOver(chiefPage, 1000)).toBeGreaterThan(0.001), 15_000);

  // The enterprise side withdraws too: its member gets its own room, never the workers'.
  expect(await send(clients.enterpriseChief, { type: "bargaining.startCaucus" })).toMatchObject({ ok: true });
  expect(await caucusJoin(enterprisePage, clients.enterprise1)).toMatchObject({ ok: true });
  const workerRoom = (await caucusAudio.inspect(meetingId, "worker"))!;
  const enterpriseRoom = (await caucusAudio.inspect(meetingId, "enterprise"))!;
  expect(enterpriseRoom.room).not.toBe(workerRoom.room);
  expect(workerRoom.participants).toEqual([ids.workerChief, ids.worker1].sort());
  expect(enterpriseRoom.participants).toEqual([ids.enterprise1]);

  // At Janus itself the room is private and needs the pin: without it, or with another, no entry.
  const janus = await janusOutsider(PORTS.ws);
  try {
    await expect(janus.handle.join({ room: workerRoom.room, display: "intruder" })).rejects.toThrow();
    await expect(janus.handle.join({ room: workerRoom.room, display: "intruder", pin: enterpriseRoom.pin })).rejects.toThrow();
    expect((await caucusAudio.inspect(meetingId, "worker"))?.participants).toEqual([ids.workerChief, ids.worker1].sort());

    // The chief leaves: heard in the meeting's room again; the worker alone hears nothing (a silent mix).
    expect(await emit(clients.workerChief, "media.caucusLeave", {})).toEqual({ ok: true });
    expect((await server.server.mediaRelay!.publishers(meetingId)).find((p) => p.participantId === ids.workerChief)?.muted).toBe(false);
    await eventually(async () => expect(await audioBytesOver(listenerPage, "[window.sub]", 500)).toBeGreaterThan(1000), 15_000);
    await eventually(async () => expect(await privateEnergyOver(workerPage, 1500)).toBeLessThan(0.0001), 15_000);

    // The workers' caucus ends: the room is destroyed at Janus, the worker is dropped, joining is refused.
    expect(await send(clients.workerChief, { type: "bargaining.endCaucus" })).toMatchObject({ ok: true });
    await eventually(async () => expect(await janus.handle.exists({ room: workerRoom.room })).toMatchObject({ exists: false }), 10_000);
    expect(await caucusAudio.inspect(meetingId, "worker")).toBeNull();
    await eventually(async () => expect(["disconnected", "failed", "closed"]).toContain(await privateConnectionState(workerPage)), 30_000);
    expect(await caucusJoin(workerPage, clients.worker1)).toMatchObject({ ok: false, error: { code: "NO_CAUCUS" } });
    // The enterprise side's room is untouched.
    expect(await janus.handle.exists({ room: enterpriseRoom.room })).toMatchObject({ exists: true });
    expect(await send(clients.enterpriseChief, { type: "bargaining.endCaucus" })).toMatchObject({ ok: true });
    await eventually(async () => expect(await janus.handle.exists({ room: enterpriseRoom.room })).toMatchObject({ exists: false }), 10_000);
  } finally {
    await janus.close();
  }
  expect(server.logs.filter((l) => /failed|could not/.test(l.message))).toEqual([]);
}, 120_000);

it("the built client: 加入内部语音 in the side's panel puts the member in the side's room, 离开内部语音 takes them out; the panel and the room go when the caucus ends", async () => {
  const { meetingId, ids, clients } = await bargainingTable(media.h, media.server, { open: true });
  const caucusAudio = sideRooms();
  const open = (key: CaucusKey, role: Role) => openAs(media, meetingId, ids[key], role);
  const worker = await open("worker1", "member");
  const enterprise = await open("enterprise1", "member");
  expect(await send(clients.workerChief, { type: "bargaining.startCaucus" })).toMatchObject({ ok: true });
  await worker.getByTestId("caucus-panel").waitFor();
  expect(await enterprise.getByTestId("caucus-audio").count()).toBe(0);

  await worker.getByTestId("caucus-audio-join").click();
  await worker.getByTestId("caucus-audio-leave").waitFor();
  expect(await worker.getByTestId("caucus-audio").textContent()).toContain("只有本方代表能听到您");
  expect((await caucusAudio.inspect(meetingId, "worker"))?.participants).toEqual([ids.worker1]);

  await worker.getByTestId("caucus-audio-leave").click();
  await worker.getByTestId("caucus-audio-join").waitFor();
  await eventually(async () => expect((await caucusAudio.inspect(meetingId, "worker"))?.participants).toEqual([]), 10_000);

  await worker.getByTestId("caucus-audio-join").click();
  await worker.getByTestId("caucus-audio-leave").waitFor();
  expect((await caucusAudio.inspect(meetingId, "worker"))?.participants).toEqual([ids.worker1]);
  expect(await send(clients.workerChief, { type: "bargaining.endCaucus" })).toMatchObject({ ok: true });
  await eventually(async () => expect(await worker.getByTestId("caucus-panel").count()).toBe(0), 10_000);
  await eventually(async () => expect(await caucusAudio.inspect(meetingId, "worker")).toBeNull(), 10_000);
  expect(media.server.logs.filter((l) => /failed|could not/.test(l.message))).toEqual([]);
}, 90_000);
