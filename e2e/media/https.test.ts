// HTTPS in the browser (issue 28; docs/media.md#turn, docs/deployment.md): a phone opening a join
// link on the deployment's name gets the microphone only over HTTPS. Here a CA made by the test signs
// yst.test's certificate, Caddy (a child process) is the TLS reverse proxy in front of our server
// (with Janus), and Chromium trusts the CA through an NSS database in its HOME, with yst.test mapped
// to 127.0.0.1. The same page over plain http on that name is no secure context and has no
// microphone; a browser that does not trust the CA is refused. Inside the loopback-only namespace.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { Harness, type TestServer } from "../../testing/server/harness.ts";
import { openRecordingPeerConnections } from "./support/audio.ts";
import { startCaddy, type Caddy } from "./support/caddy.ts";
import { giveFloorToPage } from "./support/floor.ts";
import { startMediaServer } from "./support/mediaServer.ts";
import { launchChromiumWithHome, makeTestCa, type TestCa } from "./support/testTls.ts";

const HOST = "yst.test";
const PROXY_PORT = 29443;
const ORIGIN = `https://${HOST}:${PROXY_PORT}`;

const h = new Harness();
let ca: TestCa;
let caddy: Caddy;
let server: TestServer;
let browser: Browser;
const homes: string[] = [];

beforeAll(async () => {
  ca = makeTestCa();
  server = await startMediaServer(
    h,
    { ws: 19988, admin: 19989, rtp: "28288-28415" },
    {
      YST_CLIENT_DIR: process.env.YST_E2E_CLIENT_DIR ?? path.join(import.meta.dirname, "../../dist/client"),
      YST_PUBLIC_URL: ORIGIN,
      YST_TRUST_PROXY: "loopback",
    },
  );
  const { certFile, keyFile } = ca.issue("site", [HOST]);
  caddy = await startCaddy({ host: HOST, port: PROXY_PORT, certFile, keyFile, upstreamPort: Number(new URL(server.url).port) });
  browser = await launchChromiumWithHome(ca.trustingHome(), [HOST]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h.cleanup();
  await caddy?.stop();
  ca?.remove();
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});

it("a join link on https://yst.test through the TLS proxy: a secure context, the microphone opens and is sent", async () => {
  const meeting = await h.createMeeting(server.server, "HTTPS 麦克风测试", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const page = await openRecordingPeerConnections(browser, joinUrl(ORIGIN, meeting.tokens.member1));
  expect(new URL(page.url()).origin).toBe(ORIGIN);
  // Served by Caddy with the test CA's certificate for yst.test (not some other way in).
  const health = await (await page.context().newPage()).goto(`${ORIGIN}/api/health`);
  expect(await health?.json()).toEqual({ ok: true });
  expect(await health?.securityDetails()).toMatchObject({ issuer: "Yishiting test CA", subjectName: HOST });
  expect(await page.evaluate("window.isSecureContext")).toBe(true);
  expect(
    await page.evaluate(`navigator.mediaDevices.getUserMedia({ audio: true }).then((s) => {
      const kinds = s.getTracks().map((t) => t.kind + ":" + t.readyState);
      s.getTracks().forEach((t) => t.stop());
      return kinds;
    })`),
  ).toEqual(["audio:live"]);
  // The app itself: given the floor, the member's tap opens the microphone and it is published
  // (its socket and SDP go through the proxy too).
  await giveFloorToPage(chair, member, page, { pageOnly: true });
  // 麦克风已开启 shows when the track is added; ICE and DTLS through the proxy's host finish a moment later.
  await expect.poll(() => page.evaluate(`window.__pcs.some((pc) => pc.connectionState === "connected")`), { timeout: 15_000 }).toBe(true);
  expect(caddy.output()).not.toMatch(/"level":"error"/);
}, 60_000);

it("the same page over plain http on that name is no secure context and gets no microphone", async () => {
  const meeting = await h.createMeeting(server.server, "HTTP 对照", { open: true });
  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await page.goto(joinUrl(`http://${HOST}:${new URL(server.url).port}`, meeting.tokens.member1));
  await page.getByTestId("me").waitFor();
  expect(await page.evaluate("window.isSecureContext")).toBe(false);
  expect(await page.evaluate("typeof navigator.mediaDevices")).toBe("undefined");
}, 60_000);

it("a browser that does not trust the test CA is refused by the proxy's certificate", async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "yst-untrusting-home-"));
  homes.push(home);
  const untrusting = await launchChromiumWithHome(home, [HOST]);
  try {
    const page = await untrusting.newPage();
    await expect(page.goto(`${ORIGIN}/api/health`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
  } finally {
    await untrusting.close();
  }
}, 60_000);
