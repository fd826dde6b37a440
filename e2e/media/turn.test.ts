// TURN over TLS (issue 28; docs/media.md#turn): a participant whose network lets no UDP through to
// the media server still speaks and hears the floor, through coturn over TLS with the short-lived
// credentials our server minted for them. coturn is a child process with a generated configuration
// and a certificate of a CA made here; Chromium trusts that CA through an NSS database in its HOME.
// UDP to and from Janus's RTP ports (and to coturn's UDP/DTLS ports) is dropped with tc, except the
// relay's own traffic (coturn ↔ Janus); the built client, real Janus, inside the loopback-only namespace.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ack, IceServersResult } from "../../core/protocol.ts";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually, Harness, type TestClient, type TestServer } from "../../testing/server/harness.ts";
import { audioEnergyOver, openRecordingPeerConnections } from "./support/audio.ts";
import { startCoturn, type Coturn } from "./support/coturn.ts";
import { giveFloorToPage } from "./support/floor.ts";
import { startMediaServer } from "./support/mediaServer.ts";
import { newPage } from "./support/socketMedia.ts";
import { launchChromiumWithHome, makeTestCa, type TestCa } from "./support/testTls.ts";
import { blockUdpToMedia, unblockUdp } from "./support/udpBlock.ts";

const TURN_HOST = "turn.yst.test";
const PORTS = { ws: 19888, admin: 19889, rtp: "28160-28287", turn: 29478, turnTls: 29479, relay: { min: 29568, max: 29599 } };
const SECRET = "coturn-static-auth-secret-for-the-test";
/** Listen to the speakers' feeds (not the audio mix): the media goes straight between the page and Janus. */
const FULL = `localStorage.setItem("yst.mediaPrefs", JSON.stringify({ listenMode: "full" }));`;

const h = new Harness();
let ca: TestCa;
let coturn: Coturn;
let server: TestServer;
let browser: Browser;
let untrusting: Browser | undefined;
let emptyHome: string | undefined;

beforeAll(async () => {
  ca = makeTestCa();
  const { certFile, keyFile } = ca.issue("turn", [TURN_HOST]);
  coturn = await startCoturn({ port: PORTS.turn, tlsPort: PORTS.turnTls, relay: PORTS.relay, secret: SECRET, certFile, keyFile });
  server = await startMediaServer(
    h,
    { ws: PORTS.ws, admin: PORTS.admin, rtp: PORTS.rtp },
    {
      YST_CLIENT_DIR: process.env.YST_E2E_CLIENT_DIR ?? path.join(import.meta.dirname, "../../dist/client"),
      YST_TURN_URLS: `turns:${TURN_HOST}:${PORTS.turnTls}?transport=tcp,turn:${TURN_HOST}:${PORTS.turn}?transport=udp`,
      YST_TURN_SECRET: SECRET,
      YST_TURN_TTL_SECONDS: "600",
    },
  );
  browser = await launchChromiumWithHome(ca.trustingHome(), [TURN_HOST]);
}, 60_000);

afterAll(async () => {
  unblockUdp();
  await browser?.close();
  await untrusting?.close();
  await h.cleanup();
  await coturn?.stop();
  ca?.remove();
  if (emptyHome) fs.rmSync(emptyHome, { recursive: true, force: true });
});

/** The selected ICE candidate pair of the page's newest open peer connection: its two ends. */
const selectedPair = (page: Page) =>
  page.evaluate(`(async () => {
    const pc = window.__pcs.filter((p) => p.connectionState !== "closed").at(-1);
    const stats = await pc.getStats();
    let pair = null;
    stats.forEach((s) => {
      if (s.type !== "transport" || !s.selectedCandidatePairId) return;
      const selected = stats.get(s.selectedCandidatePairId);
      const local = stats.get(selected.localCandidateId), remote = stats.get(selected.remoteCandidateId);
      pair = { state: selected.state, local: { type: local.candidateType, protocol: local.protocol, relayProtocol: local.relayProtocol, url: local.url },
        remote: { type: remote.candidateType, address: remote.address } };
    });
    return pair;
  })()`) as Promise<{
    state: string;
    local: { type: string; protocol: string; relayProtocol?: string; url?: string };
    remote: { type: string; address: string };
  } | null>;

/** The candidates a page gathers with the given ICE servers (relay only), and the errors Chromium reports on the way. */
const gatherRelay = (page: Page, iceServers: unknown) =>
  page.evaluate(`(async () => {
    const pc = new RTCPeerConnection({ iceServers: ${JSON.stringify(iceServers)}, iceTransportPolicy: "relay" });
    const errors = [];
    pc.addEventListener("icecandidateerror", (e) => errors.push({ url: e.url, code: e.errorCode, text: e.errorText }));
    pc.addTransceiver("audio");
    await pc.setLocalDescription(await pc.createOffer());
    await Promise.race([window.gathered(pc), new Promise((r) => setTimeout(r, 15000))]);
    const relays = pc.localDescription.sdp.split("\\r\\n").filter((l) => l.startsWith("a=candidate:") && l.includes(" typ relay"));
    pc.close();
    return { relays, errors };
  })()`) as Promise<{ relays: string[]; errors: { url: string; code: number; text: string }[] }>;

const iceServersOf = async (client: TestClient): Promise<IceServersResult["iceServers"]> => {
  const answer = await (client.socket.timeout(5_000).emitWithAck as (e: string, p: unknown) => Promise<Ack<IceServersResult>>)("media.iceServers", {});
  if (!answer.ok) throw new Error(`media.iceServers refused: ${answer.error.code}`);
  return answer.iceServers;
};

it("Chromium checks the TURN server's certificate: TURN over TLS works once it trusts the CA, not before", async () => {
  const meeting = await h.createMeeting(server.server, "TURN 证书", { open: true });
  const member = await h.connect(server.url, meeting.tokens.member1);
  const turns = (await iceServersOf(member)).map((s) => ({ ...s, urls: s.urls.filter((u) => u.startsWith("turns:")) }));
  expect(turns[0]?.urls).toEqual([`turns:${TURN_HOST}:${PORTS.turnTls}?transport=tcp`]);

  const trusted = await gatherRelay(await newPage(browser, server), turns);
  expect(trusted.relays.length).toBeGreaterThan(0);

  emptyHome = fs.mkdtempSync(path.join(os.tmpdir(), "yst-untrusting-home-"));
  untrusting = await launchChromiumWithHome(emptyHome, [TURN_HOST]);
  const refused = await gatherRelay(await newPage(untrusting, server), turns);
  expect(refused.relays).toEqual([]);
  expect(refused.errors.length).toBeGreaterThan(0);
  await untrusting.close();
  untrusting = undefined;
}, 60_000);

it("with no UDP to the media server, a participant speaks and hears the floor through TURN over TLS", async () => {
  const block = blockUdpToMedia({ janus: { port: 28160, size: 128 }, relay: { port: PORTS.relay.min, size: 32 }, turnUdp: { port: PORTS.turn, size: 2 } });
  const meeting = await h.createMeeting(server.server, "TURN 中继收听测试", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const speaker = await openRecordingPeerConnections(browser, joinUrl(server.url, meeting.tokens.member1), FULL);
  const listener = await openRecordingPeerConnections(browser, joinUrl(server.url, meeting.tokens.observer), FULL);

  await giveFloorToPage(chair, member, speaker, { pageOnly: true });
  await eventually(async () => expect(await audioEnergyOver(listener, "window.__pcs", 500)).toBeGreaterThan(0), 30_000);

  // Both ends went through coturn over TLS to Janus's candidate; direct UDP was tried and dropped.
  for (const page of [listener, speaker])
    expect(await selectedPair(page)).toMatchObject({
      state: "succeeded",
      local: { type: "relay", relayProtocol: "tls" },
      remote: { type: "host", address: "127.0.0.2" },
    });
  expect(block.dropped()).toBeGreaterThan(0);
  // coturn saw our opaque usernames, never a participant's id or name.
  const log = coturn.log();
  expect(log).toMatch(/user <\d+:[A-Za-z0-9_-]{22}>/);
  for (const person of [meeting.people.member1, meeting.people.observer]) {
    expect(log).not.toContain(person.id);
    expect(log).not.toContain(person.name);
  }
}, 90_000);
