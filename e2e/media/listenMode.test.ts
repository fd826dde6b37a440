// Listener modes in auto (issue 24; docs/media.md, "Listener modes"): a listening page switches
// to audio only by itself and back, through the real Janus, with the built client and Chromium's
// fake camera. B's browser reports a slow network (DevTools network emulation, which the page sees
// through navigator.connection): B subscribes again without video at once, stays so after the
// network is fine again, and gets video back only after the long good spell. C's connection
// really loses packets (its UDP port squeezed to 120 kbit/s in the namespace): C measures the loss
// and goes to audio only after the sustained bad window. Inside the loopback-only namespace.
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually } from "../../testing/server/harness.ts";
import { audioBytesOver, openRecordingPeerConnections, videoBytesOver } from "./support/audio.ts";
import { giveFloorToPage } from "./support/floor.ts";
import { builtClientSuite } from "./support/mediaServer.ts";
import { selectedLocalPort, squeezeUdp, stopShaping } from "./support/udpShaping.ts";

const suite = builtClientSuite({ ws: 18198, admin: 17198, rtp: "25500-25600" });

const open = (url: string): Promise<Page> => openRecordingPeerConnections(suite.browser, url);
const connectionsMade = (page: Page): Promise<number> => page.evaluate("window.__pcs.length") as Promise<number>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
afterAll(stopShaping);

/** The audio-only note under the speaker (absent with video) and its reason. */
const noteReason = async (page: Page): Promise<string | null> => {
  const note = page.getByTestId("audio-only-note");
  return (await note.count()) === 0 ? null : note.getAttribute("data-reason");
};

it("auto listening: a slow network hint or measured loss switches to audio only; video returns only after the long good spell", async () => {
  const { h, server } = suite;
  const meeting = await h.createMeeting(server.server, "收听方式测试", { open: true });
  const chair = await h.connect(server.url, meeting.tokens.chair);
  const member = await h.connect(server.url, meeting.tokens.member1);
  const pageA = await open(joinUrl(server.url, meeting.tokens.member1));
  const pageB = await open(joinUrl(server.url, meeting.tokens.observer));
  const pageC = await open(joinUrl(server.url, meeting.tokens.member2));

  await giveFloorToPage(chair, member, pageA, { pageOnly: true });
  // Both listen with video (auto, nothing against it).
  for (const page of [pageB, pageC]) {
    await eventually(async () => expect(await videoBytesOver(page, "window.__pcs", 500)).toBeGreaterThan(5_000), 20_000);
    expect(await noteReason(page)).toBeNull();
  }
  const before = { b: await connectionsMade(pageB), c: await connectionsMade(pageC) };

  // B: the browser reports a slow network. C: its connection loses what does not fit in 120 kbit/s.
  const cdp = await pageB.context().newCDPSession(pageB);
  await cdp.send("Network.enable");
  const slowAt = Date.now();
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 300, downloadThroughput: 300_000 / 8, uploadThroughput: 100_000 / 8 });
  const squeezedPort = await selectedLocalPort(pageC);
  expect(squeezedPort).toBeGreaterThan(0);
  const squeezedAt = Date.now();
  squeezeUdp(squeezedPort, "120kbit");

  // B at once (the hint needs no window): a new subscription without video, still hearing A.
  await expect.poll(() => noteReason(pageB), { timeout: 10_000 }).toBe("slowNetwork");
  console.log(`listen mode: audio only ${Date.now() - slowAt} ms after the slow-network hint`);
  // (The slow network delays the new offer and answer a little.)
  await eventually(async () => expect(await audioBytesOver(pageB, "window.__pcs", 1_000)).toBeGreaterThan(1_000), 15_000);
  expect(await videoBytesOver(pageB, "window.__pcs", 1_000)).toBe(0);
  expect(await connectionsMade(pageB)).toBe(before.b + 1);

  // C after the sustained bad window of measured loss (8 of 10 s bad), not at once.
  await expect.poll(() => noteReason(pageC), { timeout: 30_000, interval: 250 }).toBe("weak");
  const weakAfter = Date.now() - squeezedAt;
  console.log(`listen mode: audio only ${weakAfter} ms after the loss began`);
  // Not at once: looks come once a second, and the first bad one may already cover the second in
  // which the squeeze began, so 8 bad looks can end a little under 8 s after it (7.96 s seen).
  expect(weakAfter).toBeGreaterThanOrEqual(6_500);
  // The new, audio-only connection (another port, not squeezed) hears A, and receives no video.
  await eventually(async () => expect(await audioBytesOver(pageC, "window.__pcs", 1_000)).toBeGreaterThan(1_000), 15_000);
  expect(await videoBytesOver(pageC, "window.__pcs", 1_000)).toBe(0);
  expect(await selectedLocalPort(pageC)).not.toBe(squeezedPort);
  stopShaping();

  // B's network is fine again: no flapping back — still audio only well into the good spell…
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const fineAt = Date.now();
  await sleep(20_000);
  expect(await noteReason(pageB)).toBe("slowNetwork");
  expect(await videoBytesOver(pageB, "window.__pcs", 1_000)).toBe(0);
  expect(await connectionsMade(pageB)).toBe(before.b + 1);
  // …and video again once it has lasted the upgrade period (60 s), on trial, then for good.
  await expect.poll(() => noteReason(pageB), { timeout: 60_000, interval: 500 }).toBeNull();
  const upAfter = Date.now() - fineAt;
  console.log(`listen mode: video again ${upAfter} ms after the network was fine`);
  expect(upAfter).toBeGreaterThanOrEqual(55_000);
  await eventually(async () => expect(await videoBytesOver(pageB, "window.__pcs", 1_000)).toBeGreaterThan(5_000), 15_000);
  expect(await connectionsMade(pageB)).toBe(before.b + 2);
  expect(server.logs.filter((l) => /failed/.test(l.message))).toEqual([]);
}, 240_000);
