// Listener modes in auto (issue 24; docs/media.md, "Listener modes"): a listening page switches
// to audio only by itself and back, through the real Janus, with the built client and Chromium's
// fake camera. B's browser reports a slow network (DevTools network emulation, which the page sees
// through navigator.connection): B subscribes again without video at once, stays so after the
// network is fine again, and gets video back only after the long good spell. C's connection
// really loses packets (its UDP port squeezed to 120 kbit/s in the namespace): C measures the loss
// and goes to audio only after the sustained bad window. Inside the loopback-only namespace.
import { execFileSync } from "node:child_process";
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { joinUrl } from "../../server/src/links/urls.ts";
import { eventually } from "../../testing/server/harness.ts";
import { audioBytesOver, openRecordingPeerConnections } from "./support/audio.ts";
import { giveFloorToPage } from "./support/floor.ts";
import { builtClientSuite } from "./support/mediaServer.ts";

const suite = builtClientSuite({ ws: 18198, admin: 17198, rtp: "25500-25600" });

const open = (url: string): Promise<Page> => openRecordingPeerConnections(suite.browser, url);
const connectionsMade = (page: Page): Promise<number> => page.evaluate("window.__pcs.length") as Promise<number>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Inbound video bytes over `ms` on the page's open peer connections. */
async function videoBytesOver(page: Page, ms: number): Promise<number> {
  const read = async () =>
    (await page.evaluate(`(async () => {
      let bytes = 0;
      for (const pc of window.__pcs) {
        if (pc.connectionState === "closed") continue;
        (await pc.getStats()).forEach((s) => { if (s.type === "inbound-rtp" && s.kind === "video") bytes += s.bytesReceived; });
      }
      return bytes;
    })()`)) as number;
  const before = await read();
  await sleep(ms);
  return (await read()) - before;
}

/** The audio-only note under the speaker (absent with video) and its reason. */
const noteReason = async (page: Page): Promise<string | null> => {
  const note = page.getByTestId("audio-only-note");
  return (await note.count()) === 0 ? null : note.getAttribute("data-reason");
};

/** The local UDP port of the selected ICE candidate pair of the page's newest open peer connection. */
const selectedLocalPort = (page: Page): Promise<number> =>
  page.evaluate(`(async () => {
    const pc = window.__pcs.filter((p) => p.connectionState !== "closed").at(-1);
    const stats = await pc.getStats();
    let port = 0;
    stats.forEach((s) => {
      if (s.type !== "transport" || !s.selectedCandidatePairId) return;
      port = stats.get(stats.get(s.selectedCandidatePairId).localCandidateId).port;
    });
    return port;
  })()`) as Promise<number>;

// A narrow pipe for one UDP port (only u32 and htb exist here): what does not fit in 120 kbit/s
// and a short queue is dropped, as on a weak mobile line.
const tc = (...args: string[]) => execFileSync("/usr/sbin/tc", args, { stdio: "pipe" });
let squeezing = false;
function squeezeUdp(port: number): void {
  tc("qdisc", "add", "dev", "lo", "root", "handle", "1:", "htb", "default", "10");
  tc("class", "add", "dev", "lo", "parent", "1:", "classid", "1:10", "htb", "rate", "10gbit", "quantum", "200000");
  tc("class", "add", "dev", "lo", "parent", "1:", "classid", "1:20", "htb", "rate", "120kbit", "ceil", "120kbit");
  tc("qdisc", "add", "dev", "lo", "parent", "1:20", "handle", "20:", "pfifo", "limit", "8");
  squeezing = true;
  for (const end of ["sport", "dport"]) {
    tc(
      "filter",
      "add",
      "dev",
      "lo",
      "parent",
      "1:",
      "protocol",
      "ip",
      "prio",
      "1",
      "u32",
      "match",
      "ip",
      "protocol",
      "17",
      "0xff",
      "match",
      "ip",
      end,
      String(port),
      "0xffff",
      "flowid",
      "1:20",
    );
  }
}
function stopSqueezing(): void {
  if (squeezing) tc("qdisc", "del", "dev", "lo", "root");
  squeezing = false;
}
afterAll(stopSqueezing);

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
    await eventually(async () => expect(await videoBytesOver(page, 500)).toBeGreaterThan(5_000), 20_000);
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
  squeezeUdp(squeezedPort);

  // B at once (the hint needs no window): a new subscription without video, still hearing A.
  await expect.poll(() => noteReason(pageB), { timeout: 10_000 }).toBe("slowNetwork");
  console.log(`listen mode: audio only ${Date.now() - slowAt} ms after the slow-network hint`);
  // (The slow network delays the new offer and answer a little.)
  await eventually(async () => expect(await audioBytesOver(pageB, "window.__pcs", 1_000)).toBeGreaterThan(1_000), 15_000);
  expect(await videoBytesOver(pageB, 1_000)).toBe(0);
  expect(await connectionsMade(pageB)).toBe(before.b + 1);

  // C after the sustained bad window of measured loss (8 of 10 s bad), not at once.
  await expect.poll(() => noteReason(pageC), { timeout: 30_000, interval: 250 }).toBe("weak");
  const weakAfter = Date.now() - squeezedAt;
  console.log(`listen mode: audio only ${weakAfter} ms after the loss began`);
  expect(weakAfter).toBeGreaterThanOrEqual(8_000);
  // The new, audio-only connection (another port, not squeezed) hears A, and receives no video.
  await eventually(async () => expect(await audioBytesOver(pageC, "window.__pcs", 1_000)).toBeGreaterThan(1_000), 15_000);
  expect(await videoBytesOver(pageC, 1_000)).toBe(0);
  expect(await selectedLocalPort(pageC)).not.toBe(squeezedPort);
  stopSqueezing();

  // B's network is fine again: no flapping back — still audio only well into the good spell…
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const fineAt = Date.now();
  await sleep(20_000);
  expect(await noteReason(pageB)).toBe("slowNetwork");
  expect(await videoBytesOver(pageB, 1_000)).toBe(0);
  expect(await connectionsMade(pageB)).toBe(before.b + 1);
  // …and video again once it has lasted the upgrade period (60 s), on trial, then for good.
  await expect.poll(() => noteReason(pageB), { timeout: 60_000, interval: 500 }).toBeNull();
  const upAfter = Date.now() - fineAt;
  console.log(`listen mode: video again ${upAfter} ms after the network was fine`);
  expect(upAfter).toBeGreaterThanOrEqual(55_000);
  await eventually(async () => expect(await videoBytesOver(pageB, 1_000)).toBeGreaterThan(5_000), 15_000);
  expect(await connectionsMade(pageB)).toBe(before.b + 2);
  expect(server.logs.filter((l) => /failed/.test(l.message))).toEqual([]);
}, 240_000);
