// 背靠背 by voice through the real Janus: while the worker side's caucus runs, its members talk in
// their own AudioBridge room (created by our server with a secret and pin it never sends), nobody
// else gets in — not through our server (refused before Janus is asked) and not at Janus without
// the pin — their microphones are muted in the meeting's room meanwhile, and when the caucus ends
// the room is destroyed at Janus and everyone in it dropped. Chromium with fake devices (a beep),
// everything in the loopback-only namespace (e2e/media/netns-run.sh). Then the built client's
// 加入内部语音 / 离开内部语音 in the side's panel.
import path from "node:path";
import Janode from "janode";
import AudioBridgePlugin, { type AudioBridgeHandle } from "janode/plugins/audiobridge";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Role } from "../../core/roles.ts";
import { caucusRoomRule } from "../../server/src/caucus/caucusAudioHandlers.ts";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually, Harness, send, type TestClient, type TestServer } from "../../testing/server/harness.ts";
import { launchChromium } from "../support/browser.ts";
import { audioBytesOver } from "./support/audio.ts";
import { startMediaServer } from "./support/mediaServer.ts";
import { emit, listen, newPage as blankPage, publish } from "./support/socketMedia.ts";

const PORTS = { ws: 19688, admin: 19689, rtp: "23400-23500" };
const h = new Harness();
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // The built client (npm run build), or YST_E2E_CLIENT_DIR: a build elsewhere.
  server = await startMediaServer(h, PORTS, { YST_CLIENT_DIR: process.env.YST_E2E_CLIENT_DIR ?? path.join(import.meta.dirname, "../../dist/client") });
  browser = await launchChromium({ fakeMedia: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
});

type Key = "workerChief" | "worker1" | "worker2" | "enterpriseChief" | "enterprise1" | "enterprise2" | "recorder" | "observer" | "official" | "chair";
const ROSTER: readonly { key: Key; name: string; role: Role; side: "worker" | "enterprise" | null; chief: boolean }[] = [
  { key: "workerChief", name: "王工会", role: "member", side: "worker", chief: true },
  { key: "worker1", name: "李职工", role: "member", side: "worker", chief: false },
  { key: "worker2", name: "赵职工", role: "member", side: "worker", chief: false },
  { key: "enterpriseChief", name: "陈人事", role: "member", side: "enterprise", chief: true },
  { key: "enterprise1", name: "周财务", role: "member", side: "enterprise", chief: false },
  { key: "enterprise2", name: "吴生产", role: "member", side: "enterprise", chief: false },
  { key: "recorder", name: "孙记录", role: "clerk", side: null, chief: false },
  { key: "observer", name: "钱区总", role: "observer", side: null, chief: false },
  { key: "official", name: "郑人社", role: "official", side: null, chief: false },
  { key: "chair", name: "冯主持", role: "chair", side: null, chief: false },
];

/** A bargaining meeting (three a side, the §19–§24 minimum), open, everyone connected. */
async function table(): Promise<{ meetingId: string; ids: Record<Key, string>; clients: Record<Key, TestClient> }> {
  const { meeting, participants } = await server.server.meetings.create(
    "某某公司2027年度工资集体协商",
    ROSTER.map(({ name, role, side, chief }) => ({ name, role, side, chief })),
  );
  await server.server.db.meeting.update({ where: { id: meeting.id }, data: { kind: "bargaining" } });
  const ids = Object.fromEntries(ROSTER.map((p, i) => [p.key, participants[i]!.id])) as Record<Key, string>;
  const clients = Object.fromEntries(
    await Promise.all(
      ROSTER.map(async (p) => [
        p.key,
        await h.connect(server.url, await server.server.tokens.issue({ participantId: ids[p.key], meetingId: meeting.id, role: p.role })),
      ]),
    ),
  ) as Record<Key, TestClient>;
  expect(await send(clients.workerChief, { type: "meeting.open" })).toMatchObject({ ok: true });
  return { meetingId: meeting.id, ids, clients };
}

/** The page joins the side's audio room with its fake microphone (send and receive), playing what it hears. */
async function caucusJoin(page: Page, client: TestClient): Promise<{ ok: boolean; error?: { code: string } }> {
  const offer = await page.evaluate(`(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    if (window.caucus) window.caucus.close();
    const pc = new RTCPeerConnection();
    window.caucus = pc;
    pc.addTransceiver(stream.getAudioTracks()[0], { direction: "sendrecv" });
    pc.ontrack = (event) => {
      const audio = document.createElement("audio");
      audio.srcObject = new MediaStream([event.track]);
      audio.autoplay = true;
      document.body.append(audio);
      void audio.play().catch(() => undefined);
    };
    await pc.setLocalDescription(await pc.createOffer());
    await window.gathered(pc);
    return pc.localDescription.sdp;
  })()`);
  const ack = await emit<{ sdp: string }>(client, "media.caucusJoin", { sdp: offer });
  if (ack.ok) await page.evaluate(`window.caucus.setRemoteDescription({ type: "answer", sdp: ${JSON.stringify(ack.sdp)} })`);
  return ack;
}

/** Audio energy (inbound-rtp totalAudioEnergy) the page's caucus connection received during `ms`: the mix is sent even when silent, so bytes prove nothing. */
async function energyOver(page: Page, ms: number): Promise<number> {
  const read = async () =>
    (await page.evaluate(`(async () => {
      let energy = 0;
      (await window.caucus.getStats()).forEach((s) => { if (s.type === "inbound-rtp" && s.kind === "audio") energy += s.totalAudioEnergy ?? 0; });
      return energy;
    })()`)) as number;
  const before = await read();
  await new Promise((r) => setTimeout(r, ms));
  return (await read()) - before;
}

const connectionState = (page: Page) => page.evaluate(`window.caucus.connectionState`) as Promise<string>;

/** The sides' private rooms (media/privateAudio.ts, keyed as caucusAudioHandlers.ts keys them). */
const sideRooms = () => ({
  inspect: (meetingId: string, side: "worker" | "enterprise") => server.server.privateAudio!.inspect(meetingId, caucusRoomRule(side).key),
});

/** A janode handle of our own on the AudioBridge, as anyone reaching Janus's API would have. */
async function outsider(): Promise<{ handle: AudioBridgeHandle; close: () => Promise<void> }> {
  const connection = await Janode.connect({ address: { url: `ws://127.0.0.1:${PORTS.ws}` }, max_retries: 0 });
  const session = await connection.create();
  const handle = await session.attach<AudioBridgeHandle>(AudioBridgePlugin);
  return { handle, close: () => connection.close() };
}

it("the worker side's members talk in their own room that nobody else can join; their microphones leave the meeting's room; the room is gone when the caucus ends", async () => {
  const { meetingId, ids, clients } = await table();
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
  await eventually(async () => expect(await connectionState(workerPage)).toBe("connected"), 15_000);
  await eventually(async () => expect(await energyOver(workerPage, 1000)).toBeGreaterThan(0.001), 15_000);
  await eventually(async () => expect(await energyOver(chiefPage, 1000)).toBeGreaterThan(0.001), 15_000);

  // The enterprise side withdraws too: its member gets its own room, never the workers'.
  expect(await send(clients.enterpriseChief, { type: "bargaining.startCaucus" })).toMatchObject({ ok: true });
  expect(await caucusJoin(enterprisePage, clients.enterprise1)).toMatchObject({ ok: true });
  const workerRoom = (await caucusAudio.inspect(meetingId, "worker"))!;
  const enterpriseRoom = (await caucusAudio.inspect(meetingId, "enterprise"))!;
  expect(enterpriseRoom.room).not.toBe(workerRoom.room);
  expect(workerRoom.participants).toEqual([ids.workerChief, ids.worker1].sort());
  expect(enterpriseRoom.participants).toEqual([ids.enterprise1]);

  // At Janus itself the room is private and needs the pin: without it, or with another, no entry.
  const janus = await outsider();
  try {
    await expect(janus.handle.join({ room: workerRoom.room, display: "intruder" })).rejects.toThrow();
    await expect(janus.handle.join({ room: workerRoom.room, display: "intruder", pin: enterpriseRoom.pin })).rejects.toThrow();
    expect((await caucusAudio.inspect(meetingId, "worker"))?.participants).toEqual([ids.workerChief, ids.worker1].sort());

    // The chief leaves: heard in the meeting's room again; the worker alone hears nothing (a silent mix).
    expect(await emit(clients.workerChief, "media.caucusLeave", {})).toEqual({ ok: true });
    expect((await server.server.mediaRelay!.publishers(meetingId)).find((p) => p.participantId === ids.workerChief)?.muted).toBe(false);
    await eventually(async () => expect(await audioBytesOver(listenerPage, "[window.sub]", 500)).toBeGreaterThan(1000), 15_000);
    await eventually(async () => expect(await energyOver(workerPage, 1500)).toBeLessThan(0.0001), 15_000);

    // The workers' caucus ends: the room is destroyed at Janus, the worker is dropped, joining is refused.
    expect(await send(clients.workerChief, { type: "bargaining.endCaucus" })).toMatchObject({ ok: true });
    await eventually(async () => expect(await janus.handle.exists({ room: workerRoom.room })).toMatchObject({ exists: false }), 10_000);
    expect(await caucusAudio.inspect(meetingId, "worker")).toBeNull();
    await eventually(async () => expect(["disconnected", "failed", "closed"]).toContain(await connectionState(workerPage)), 30_000);
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
  const { meetingId, ids, clients } = await table();
  const caucusAudio = sideRooms();
  const open = async (key: Key, role: Role) => {
    const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
    await page.goto(joinUrl(server.url, await server.server.tokens.issue({ participantId: ids[key], meetingId, role })));
    await page.getByTestId("me").waitFor();
    return page;
  };
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
  expect(server.logs.filter((l) => /failed|could not/.test(l.message))).toEqual([]);
}, 90_000);
