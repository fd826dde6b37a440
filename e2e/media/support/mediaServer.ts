// A real Yishiting server with an embedded Janus for the media tests (inside the loopback-only
// namespace: ICE only on 127.0.0.2). Each test file takes its own ports so files can run apart.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { Role } from "../../../core/roles.ts";
import { joinUrl } from "../../../server/src/links/urls.ts";
import { eventually, Harness, type TestServer } from "../../../testing/server/harness.ts";
import { DESKTOP, launchChromium, type PHONE } from "../../support/browser.ts";
import { openJoinLink } from "../../support/page.ts";

export async function startMediaServer(h: Harness, ports: { ws: number; admin: number; rtp: string }, env: Record<string, string> = {}): Promise<TestServer> {
  expect(process.env.YST_IN_MEDIA_NETNS).toBe("1");
  const server = await h.startServer({
    env: {
      YST_MEDIA: "embedded",
      YST_JANUS_WS_PORT: String(ports.ws),
      YST_JANUS_ADMIN_PORT: String(ports.admin),
      YST_JANUS_RTP_PORTS: ports.rtp,
      YST_JANUS_ICE_ENFORCE: "127.0.0.2",
      ...env,
    },
  });
  await eventually(() => expect(server.server.media.status()).toBe("up"), 20_000);
  return server;
}

/** What a media test file shares: its harness, its server and its browser (set before its tests run). */
export interface MediaSuite {
  h: Harness;
  server: TestServer;
  browser: Browser;
}

/**
 * A media server serving the built client (npm run build, or YST_E2E_CLIENT_DIR: a build
 * elsewhere; `env`: more of its settings) and Chromium with fake devices (a beep), started before the file's tests and closed
 * after them.
 */
export function builtClientSuite(ports: { ws: number; admin: number; rtp: string }, env: Record<string, string> = {}): MediaSuite {
  const suite = { h: new Harness() } as MediaSuite;
  beforeAll(async () => {
    suite.server = await startMediaServer(suite.h, ports, {
      YST_CLIENT_DIR: process.env.YST_E2E_CLIENT_DIR ?? path.join(import.meta.dirname, "../../../dist/client"),
      ...env,
    });
    suite.browser = await launchChromium({ fakeMedia: true });
  }, 60_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.h.cleanup();
  });
  return suite;
}

/** Opens the participant's join link of the suite's server in their own context (Chinese) on the device and waits for their screen. */
export async function openAs(
  suite: MediaSuite,
  meetingId: string,
  participantId: string,
  role: Role,
  device: typeof DESKTOP | typeof PHONE = DESKTOP,
): Promise<Page> {
  return openJoinLink(suite.browser, joinUrl(suite.server.url, await suite.server.server.tokens.issue({ participantId, meetingId, role })), device);
}
