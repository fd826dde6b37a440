// 单独谈话 by voice through the real Janus: while the mediators talk with one party separately
// (背靠背, state.mediation.talk), the mediators and that party talk in a private AudioBridge room of
// THAT talk (created by our server with a secret and pin it never sends); the other party — also
// named 张丽 — the clerk and the observer are refused by our server, and nobody gets in at Janus
// without the pin; a mediator's microphone leaves the meeting's room meanwhile, so the other party
// does not hear them there; when the talk ends the room is destroyed at Janus and everyone in it
// dropped, and the next talk gets a fresh room. Chromium with fake devices (a beep), everything in
// the loopback-only namespace (e2e/media/netns-run.sh). Then the built client's 加入单独谈话语音 /
// 离开单独谈话语音 in the session card on the party's phone.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { Role } from "../../core/roles.ts";
import { eventually, send, type TestClient } from "../../testing/server/harness.ts";
import { mediationSession, type SessionKey } from "../../testing/server/privateTalkMeetings.ts";
import { PHONE } from "../support/browser.ts";
import { audioBytesOver } from "./support/audio.ts";
import { builtClientSuite, openAs } from "./support/mediaServer.ts";
import { janusOutsider, joinPrivateAudio, privateConnectionState, privateEnergyOver } from "./support/privateAudio.ts";
import { emit, listen, newPage as blankPage, publish } from "./support/socketMedia.ts";

const PORTS = { ws: 19788, admin: 19789, rtp: "23600-23700" };
const media = builtClientSuite(PORTS);

/** The page joins the talk's audio room (support/privateAudio.ts). */
const talkJoin = (page: Page, client: TestClient) => joinPrivateAudio(page, client, "media.talkJoin");

/** The meeting's private rooms at our server: the one talk room now (its key names the party and the start). */
function talkRoom(meetingId: string) {
  const audio = media.server.server.privateAudio!;
  const keys = audio.keys(meetingId).filter((key) => key.startsWith("talk:"));
  expect(keys.length).toBeLessThanOrEqual(1);
  return keys[0] === undefined ? Promise.resolve(null) : audio.inspect(meetingId, keys[0]).then((room) => room && { key: keys[0]!, ...room });
}

it("the party in the talk and a mediator hear each other in the talk's own room; the other 张丽 is refused and no longer hears the mediator in the meeting's room; the room is gone when the talk ends", async () => {
  const { meetingId, ids, clients } = await mediationSession(media.h, media.server, { open: true });
  const { server, browser } = media;
  const relay = server.server.mediaRelay!;
  const [chairPage, partyAPage, partyBPage] = [await blankPage(browser, server), await blankPage(browser, server), await blankPage(browser, server)];

  // The joint session: no talk to join, nothing created at Janus.
  expect(await talkJoin(partyAPage, clients.partyA)).toMatchObject({ ok: false, error: { code: "NO_SEPARATE_TALK" } });
  expect(await talkRoom(meetingId)).toBeNull();

  // The 主持调解员 is heard in the meeting's room: the other 张丽 receives the audio.
  expect((await publish(chairPage, clients.chair, server, meetingId)).ok).toBe(true);
  const sub = await emit<{ sdp: string | null; feeds: string[] }>(clients.partyB, "media.subscribe", {});
  expect(sub).toMatchObject({ ok: true, feeds: [ids.chair] });
  if (!sub.ok || !sub.sdp) throw new Error("no offer");
  expect(await emit(clients.partyB, "media.answer", { sdp: await listen(partyBPage, sub.sdp) })).toEqual({ ok: true });
  await eventually(async () => expect(await audioBytesOver(partyBPage, "[window.sub]", 500)).toBeGreaterThan(1000), 15_000);

  expect(await send(clients.chair, { type: "mediation.startSeparateTalk", partyId: ids.partyA })).toMatchObject({ ok: true });

  // Refused by our server before Janus is asked: the other party, the clerk, the observer; a malformed offer.
  for (const key of ["partyB", "clerk", "observer"] as const) {
    expect(await talkJoin(partyBPage, clients[key]), key).toMatchObject({ ok: false, error: { code: "TALK_AUDIO_NOT_MEMBER" } });
  }
  expect(await emit(clients.partyA, "media.talkJoin", { sdp: "hello" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  expect(await talkRoom(meetingId)).toBeNull();

  // The party in the talk and the chair join: the chair's microphone leaves the meeting's room at
  // once (muted at Janus: the other 张丽 receives no more audio there), and the two hear each other.
  expect(await talkJoin(partyAPage, clients.partyA)).toMatchObject({ ok: true });
  expect(await talkJoin(chairPage, clients.chair)).toMatchObject({ ok: true });
  expect((await relay.publishers(meetingId)).find((p) => p.participantId === ids.chair)?.muted).toBe(true);
  await eventually(async () => expect(await audioBytesOver(partyBPage, "[window.sub]", 1000)).toBe(0), 10_000);
  const room = (await talkRoom(meetingId))!;
  expect(room.key).toMatch(new RegExp(`^talk:${ids.partyA}:\\d+$`));
  expect(room.participants).toEqual([ids.chair, ids.partyA].sort());
  await eventually(async () => expect(await privateConnectionState(partyAPage)).toBe("connected"), 15_000);
  await eventually(async () => expect(await privateEnergyOver(partyAPage, 1000)).toBeGreaterThan(0.001), 15_000);
  await eventually(async () => expect(await privateEnergyOver(chairPage, 1000)).toBeGreaterThan(0.001), 15_000);
  // The other party still cannot get in, and hears nothing of them in the meeting's room.
  expect(await talkJoin(partyBPage, clients.partyB)).toMatchObject({ ok: false, error: { code: "TALK_AUDIO_NOT_MEMBER" } });
  expect(await audioBytesOver(partyBPage, "[window.sub]", 1000)).toBe(0);

  const janus = await janusOutsider(PORTS.ws);
  try {
    // At Janus itself the room is private and needs the pin.
    await expect(janus.handle.join({ room: room.room, display: "intruder" })).rejects.toThrow();
    expect((await talkRoom(meetingId))?.participants).toEqual([ids.chair, ids.partyA].sort());

    // The talk ends: the room is destroyed at Janus, the party is dropped, the chair is heard in the
    // meeting's room again, and joining is refused.
    expect(await send(clients.chair, { type: "mediation.endSeparateTalk" })).toMatchObject({ ok: true });
    await eventually(async () => expect(await janus.handle.exists({ room: room.room })).toMatchObject({ exists: false }), 10_000);
    expect(await talkRoom(meetingId)).toBeNull();
    await eventually(async () => expect(["disconnected", "failed", "closed"]).toContain(await privateConnectionState(partyAPage)), 30_000);
    expect((await relay.publishers(meetingId)).find((p) => p.participantId === ids.chair)?.muted).toBe(false);
    await eventually(async () => expect(await audioBytesOver(partyBPage, "[window.sub]", 500)).toBeGreaterThan(1000), 15_000);
    expect(await talkJoin(partyAPage, clients.partyA)).toMatchObject({ ok: false, error: { code: "NO_SEPARATE_TALK" } });

    // The next talk, with the other 张丽 (started by the police officer): a fresh room; now the first may not.
    expect(await send(clients.police, { type: "mediation.startSeparateTalk", partyId: ids.partyB })).toMatchObject({ ok: true });
    expect(await talkJoin(partyAPage, clients.partyA)).toMatchObject({ ok: false, error: { code: "TALK_AUDIO_NOT_MEMBER" } });
    expect(await talkJoin(partyBPage, clients.partyB)).toMatchObject({ ok: true });
    const next = (await talkRoom(meetingId))!;
    expect(next.key).toMatch(new RegExp(`^talk:${ids.partyB}:\\d+$`));
    expect(next.room).not.toBe(room.room);
    expect(next.participants).toEqual([ids.partyB]);
    expect(await send(clients.police, { type: "mediation.endSeparateTalk" })).toMatchObject({ ok: true });
    await eventually(async () => expect(await janus.handle.exists({ room: next.room })).toMatchObject({ exists: false }), 10_000);
  } finally {
    await janus.close();
  }
  expect(server.logs.filter((l) => /failed|could not/.test(l.message))).toEqual([]);
}, 120_000);

it("the built client: 加入单独谈话语音 in the session card on the party's phone puts her in the talk's room, 离开单独谈话语音 takes her out; the other party has no such button; the control and the room go when the talk ends", async () => {
  const { meetingId, ids, clients } = await mediationSession(media.h, media.server, { open: true });
  const open = (key: SessionKey, role: Role) => openAs(media, meetingId, ids[key], role, PHONE);
  const partyA = await open("partyA", "member");
  const partyB = await open("partyB", "member");
  await partyA.getByTestId("mediation-session").waitFor();
  expect(await partyA.getByTestId("talk-audio").count()).toBe(0);

  expect(await send(clients.chair, { type: "mediation.startSeparateTalk", partyId: ids.partyA })).toMatchObject({ ok: true });
  await partyA.getByTestId("talk-audio-join").waitFor();
  expect(await partyA.getByTestId("talk-audio-join").textContent()).toBe("加入单独谈话语音");
  await eventually(async () => expect(await partyB.getByTestId("mediation-talk").getAttribute("data-kind")).toBe("elsewhere"), 10_000);
  expect(await partyB.getByTestId("talk-audio").count()).toBe(0);

  await partyA.getByTestId("talk-audio-join").click();
  await partyA.getByTestId("talk-audio-leave").waitFor();
  expect(await partyA.getByTestId("talk-audio-leave").textContent()).toBe("离开单独谈话语音");
  expect(await partyA.getByTestId("talk-audio").textContent()).toContain("只有调解员和谈话当事人能听到您");
  expect((await talkRoom(meetingId))?.participants).toEqual([ids.partyA]);
  // Nothing on the phone scrolls sideways.
  expect(await partyA.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);

  await partyA.getByTestId("talk-audio-leave").click();
  await partyA.getByTestId("talk-audio-join").waitFor();
  await eventually(async () => expect((await talkRoom(meetingId))?.participants).toEqual([]), 10_000);

  await partyA.getByTestId("talk-audio-join").click();
  await partyA.getByTestId("talk-audio-leave").waitFor();
  expect((await talkRoom(meetingId))?.participants).toEqual([ids.partyA]);
  expect(await send(clients.chair, { type: "mediation.endSeparateTalk" })).toMatchObject({ ok: true });
  await eventually(async () => expect(await partyA.getByTestId("talk-audio").count()).toBe(0), 10_000);
  await eventually(async () => expect(await talkRoom(meetingId)).toBeNull(), 10_000);
  expect(media.server.logs.filter((l) => /failed|could not/.test(l.message))).toEqual([]);
}, 90_000);
