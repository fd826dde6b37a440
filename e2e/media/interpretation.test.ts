// The interpretation channel (传译, issue 24) through the built client, real Janus and Chromium with
// fake devices, inside the loopback-only namespace. A member's page holds the floor; the chair names
// another member interpreter into 英语, whose phone shows the banner, opens the microphone with a tap
// and publishes (voice only) while listening to the floor. A listener's page switches 原声 → 传译 →
// 原声: each switch subscribes again, and the subscribe acknowledgement's channel and audio streams
// (recorded in the page) and the audio energy of that stream's mid say whom it hears: the floor
// holder, then the interpreter (silent when the interpreter closes the microphone, although the floor
// holder goes on), then the floor holder again. Stopping the interpretation takes a listener on 传译
// back to the floor by itself, and the interpreter's page stops publishing. After a speech with an
// interpreter the clerk's record lists 发言录音 and 传译录音.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually, send } from "../../testing/server/harness.ts";
import { PHONE } from "../support/browser.ts";
import { RECORD_PEER_CONNECTIONS } from "./support/audio.ts";
import { giveFloorToPage } from "./support/floor.ts";
import { builtClientSuite } from "./support/mediaServer.ts";

const suite = builtClientSuite({ ws: 18298, admin: 17298, rtp: "25700-25800" });
const SHOTS = process.env.YST_INTERP_SHOTS ?? path.join(import.meta.dirname, "../../test-results/screenshots/interpretation");

/**
 * Keeps every media.subscribe acknowledgement the page receives in `window.__acks` (socket.io ack
 * packets `43<id>[{…}]` over the page's WebSocket; the client uses the websocket transport only).
 */
const RECORD_SUBSCRIBE_ACKS = `window.__acks = []; { const Original = window.WebSocket;
  window.WebSocket = class extends Original { constructor(...args) { super(...args);
    this.addEventListener("message", (event) => {
      if (typeof event.data !== "string") return;
      const match = /^43\\d+(\\[[\\s\\S]*\\])$/.exec(event.data);
      if (!match) return;
      try { const [ack] = JSON.parse(match[1]); if (ack && Array.isArray(ack.feeds)) window.__acks.push({ channel: ack.channel, feeds: ack.feeds, streams: ack.streams, at: Date.now() }); } catch {}
    }); } }; }`;

interface SubscribeAck {
  channel?: "floor" | "interpretation";
  feeds: string[];
  streams: { mid: string; kind: "audio" | "video"; participantId: string }[];
}

async function openPage(token: string, device?: typeof PHONE): Promise<Page> {
  const page = await (await suite.browser.newContext({ locale: "zh-CN", ...device })).newPage();
  await page.addInitScript(RECORD_PEER_CONNECTIONS);
  await page.addInitScript(RECORD_SUBSCRIBE_ACKS);
  await page.goto(joinUrl(suite.server.url, token));
  await page.getByTestId("me").waitFor();
  return page;
}

const acks = (page: Page): Promise<SubscribeAck[]> => page.evaluate("window.__acks") as Promise<SubscribeAck[]>;
const lastAck = async (page: Page): Promise<SubscribeAck | undefined> => (await acks(page)).at(-1);
/** Whose audio the page's latest subscription carries. */
const audioOf = (ack: SubscribeAck | undefined): string[] => (ack?.streams ?? []).filter((s) => s.kind === "audio").map((s) => s.participantId);

/** Audio energy received per mid on the page's newest open peer connection that receives audio, during `ms`. */
async function energyByMid(page: Page, ms: number): Promise<Record<string, number>> {
  const read = async () =>
    (await page.evaluate(`(async () => {
      const out = {};
      for (const pc of window.__pcs) {
        if (pc.connectionState === "closed") continue;
        (await pc.getStats()).forEach((s) => { if (s.type === "inbound-rtp" && s.kind === "audio") out[s.mid] = (out[s.mid] ?? 0) + (s.totalAudioEnergy ?? 0); });
      }
      return out;
    })()`)) as Record<string, number>;
  const before = await read();
  await new Promise((r) => setTimeout(r, ms));
  const after = await read();
  return Object.fromEntries(Object.entries(after).map(([mid, e]) => [mid, e - (before[mid] ?? 0)]));
}

/** The energy of `participantId`'s audio stream in the page's latest subscription, during `ms`. */
async function energyFrom(page: Page, participantId: string, ms = 1500): Promise<number> {
  const ack = await lastAck(page);
  const mid = ack?.streams.find((s) => s.kind === "audio" && s.participantId === participantId)?.mid;
  if (mid === undefined) return -1;
  return (await energyByMid(page, ms))[mid] ?? 0;
}

const micText = (page: Page) => page.getByTestId("mic-state").textContent();

it("a listener switches 原声 → 传译 → 原声 and hears the floor holder, then the interpreter, then the floor holder; stop goes back to the floor", async () => {
  const { h, server } = suite;
  fs.mkdirSync(SHOTS, { recursive: true });
  const meeting = await h.createMeeting(server.server, "传译通道测试", { open: true });
  const speakerId = meeting.people.member1.id;
  const interpreterId = meeting.people.member2.id;
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const speaker = await openPage(meeting.tokens.member1);
  const listener = await openPage(meeting.tokens.observer, PHONE);
  const interpreter = await openPage(meeting.tokens.member2, PHONE);

  // 1. The floor holder is heard on the floor channel (no interpretation yet, no choice).
  await giveFloorToPage(chair, member, speaker, { pageOnly: true });
  await eventually(async () => expect(audioOf(await lastAck(listener))).toEqual([speakerId]), 20_000);
  await eventually(async () => expect(await energyFrom(listener, speakerId, 500)).toBeGreaterThan(0), 20_000);
  expect(await listener.getByTestId("channel-choice").count()).toBe(0);

  // 2. The chair names member2 interpreter into 英语: the banner, the microphone tapped open, published.
  expect((await send(chair, { type: "interpretation.start", participantId: interpreterId, language: "英语" })).ok).toBe(true);
  await interpreter.getByTestId("interpreter-banner").waitFor();
  expect(await interpreter.getByTestId("interpreter-banner").textContent()).toContain("您正在为本场传译（英语）");
  expect(await interpreter.getByTestId("mic-toggle").getAttribute("data-state")).toBe("off");
  await interpreter.getByTestId("mic-toggle").click();
  await expect.poll(() => micText(interpreter), { timeout: 15_000 }).toBe("麦克风已开启");
  await interpreter.screenshot({ path: path.join(SHOTS, "interpretation-interpreter-mic-375-zh.png") });
  const publishers = await server.server.mediaRelay!.publishers(meeting.meetingId);
  expect(publishers.find((p) => p.participantId === interpreterId)).toMatchObject({ muted: false, live: true });
  // The interpreter listens to the floor (and has no choice of their own).
  expect(await interpreter.getByTestId("channel-choice").count()).toBe(0);
  await eventually(async () => expect(audioOf(await lastAck(interpreter))).toEqual([speakerId]), 15_000);
  await eventually(async () => expect(await energyFrom(interpreter, speakerId, 500)).toBeGreaterThan(0), 15_000);

  // 3. The listener's phone offers 原声 / 传译（英语）, 原声 chosen: still the floor holder.
  await listener.getByTestId("channel-choice").waitFor();
  expect(await listener.getByTestId("channel-floor").isChecked()).toBe(true);
  await listener.screenshot({ path: path.join(SHOTS, "interpretation-listener-375-zh.png") });
  expect(audioOf(await lastAck(listener))).toEqual([speakerId]);

  // 4. 传译: a new subscription on the interpretation channel with the interpreter's voice alone.
  const before = (await acks(listener)).length;
  await listener.getByTestId("channel-choice").getByText("传译（英语）").click();
  await eventually(async () => expect((await lastAck(listener))?.channel).toBe("interpretation"), 15_000);
  expect((await acks(listener)).length).toBeGreaterThan(before);
  expect(audioOf(await lastAck(listener))).toEqual([interpreterId]);
  expect((await lastAck(listener))!.feeds).toContain(interpreterId);
  await eventually(async () => expect(await energyFrom(listener, interpreterId, 500)).toBeGreaterThan(0), 15_000);
  const heardInterpreter = await energyFrom(listener, interpreterId, 2000);
  expect(heardInterpreter).toBeGreaterThan(0);
  console.log(`interpretation: the interpreter's stream on the listener, energy ${heardInterpreter.toFixed(4)} in 2 s`);
  // The floor holder's voice is not in it: the interpreter closes the microphone and the channel goes
  // silent while the floor holder goes on speaking (heard by the interpreter's page).
  const subscriptions = (await acks(listener)).length;
  await interpreter.getByTestId("mic-toggle").click();
  await expect.poll(() => micText(interpreter), { timeout: 5_000 }).toBe("麦克风已关闭");
  await eventually(async () => expect(await energyFrom(listener, interpreterId, 1000)).toBe(0), 10_000);
  // The silenced microphone still sends (silence): the listener's connection is not taken for broken.
  await new Promise((r) => setTimeout(r, 5000));
  expect(await energyFrom(interpreter, speakerId, 1000)).toBeGreaterThan(0);
  expect(audioOf(await lastAck(listener))).toEqual([interpreterId]);
  await interpreter.getByTestId("mic-toggle").click();
  await expect.poll(() => micText(interpreter), { timeout: 5_000 }).toBe("麦克风已开启");
  await eventually(async () => expect(await energyFrom(listener, interpreterId, 500)).toBeGreaterThan(0), 10_000);
  expect((await acks(listener)).length).toBe(subscriptions);

  // 5. Back to 原声: the floor holder again.
  await listener.getByTestId("channel-choice").getByText("原声").click();
  await eventually(async () => expect((await lastAck(listener))?.channel ?? "floor").toBe("floor"), 15_000);
  expect(audioOf(await lastAck(listener))).toEqual([speakerId]);
  await eventually(async () => expect(await energyFrom(listener, speakerId, 500)).toBeGreaterThan(0), 15_000);

  // 6. 传译 again, then the chair stops the interpretation: the listener is taken back to the floor
  // by itself, the choice and the banner go, the interpreter's page stops publishing.
  await listener.getByTestId("channel-choice").getByText("传译（英语）").click();
  await eventually(async () => expect((await lastAck(listener))?.channel).toBe("interpretation"), 15_000);
  await eventually(async () => expect(await energyFrom(listener, interpreterId, 500)).toBeGreaterThan(0), 15_000);
  expect((await send(chair, { type: "interpretation.stop" })).ok).toBe(true);
  await eventually(async () => expect((await lastAck(listener))?.channel ?? "floor").toBe("floor"), 15_000);
  expect(audioOf(await lastAck(listener))).toEqual([speakerId]);
  await eventually(async () => expect(await energyFrom(listener, speakerId, 500)).toBeGreaterThan(0), 15_000);
  expect(await listener.getByTestId("channel-choice").count()).toBe(0);
  expect(await interpreter.getByTestId("interpreter-banner").count()).toBe(0);
  // Muted at Janus, and the page closed its publication (as a member's after the turn).
  await eventually(async () => {
    const states = await server.server.mediaRelay!.publishers(meeting.meetingId);
    expect(states.find((p) => p.participantId === interpreterId)).toMatchObject({ muted: true, live: false });
  }, 15_000);
  await expect.poll(() => micText(interpreter), { timeout: 5_000 }).toBe("麦克风已关闭");
  expect(server.logs.filter((l) => /failed/.test(l.message))).toEqual([]);
}, 180_000);

it("the clerk's record lists the speech's recording and the interpreter's as 传译录音", async () => {
  const { h, server } = suite;
  const meeting = await h.createMeeting(server.server, "传译录音测试", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const speaker = await openPage(meeting.tokens.member1);
  const interpreter = await openPage(meeting.tokens.member2, PHONE);
  const clerk = await openPage(meeting.tokens.clerk);
  expect((await send(chair, { type: "interpretation.start", participantId: meeting.people.member2.id, language: "维吾尔语" })).ok).toBe(true);
  await interpreter.getByTestId("mic-toggle").click();
  await expect.poll(() => micText(interpreter), { timeout: 15_000 }).toBe("麦克风已开启");
  await giveFloorToPage(chair, member, speaker, { pageOnly: true });
  await new Promise((r) => setTimeout(r, 3000));
  expect((await send(chair, { type: "floor.end" })).ok).toBe(true);

  const plays = clerk.getByTestId("speech-record").getByTestId("recording-play");
  await expect.poll(() => plays.count(), { timeout: 40_000 }).toBe(2);
  const labels = await plays.allTextContents();
  expect(labels[0]).toContain("发言录音");
  expect(labels[1]).toContain("传译录音");
  expect(await plays.nth(0).getAttribute("data-interpretation")).toBe("false");
  expect(await plays.nth(1).getAttribute("data-interpretation")).toBe("true");
}, 120_000);
