// Audio received by a page, from its peer connections' inbound RTP statistics.
import type { Browser, Page } from "playwright-core";

/**
 * Audio RTP bytes received by the peer connections that `connections` (a JavaScript expression
 * evaluated in the page, giving an array of RTCPeerConnection) names, during `ms` milliseconds.
 */
export const audioBytesOver = (page: Page, connections: string, ms: number): Promise<number> => inboundOver(page, connections, "audio", "bytesReceived", ms);

/** Video RTP bytes those peer connections received during `ms`. */
export const videoBytesOver = (page: Page, connections: string, ms: number): Promise<number> => inboundOver(page, connections, "video", "bytesReceived", ms);

/**
 * Audio energy (inbound-rtp totalAudioEnergy) those peer connections received during `ms`: what
 * was heard, not just sent (a mix or a muted slot may send encoded silence, so bytes prove nothing).
 */
export const audioEnergyOver = (page: Page, connections: string, ms: number): Promise<number> =>
  inboundOver(page, connections, "audio", "totalAudioEnergy", ms);

async function inboundOver(page: Page, connections: string, kind: "audio" | "video", field: "bytesReceived" | "totalAudioEnergy", ms: number): Promise<number> {
  const read = async () =>
    (await page.evaluate(`(async () => {
      let sum = 0;
      for (const pc of ${connections}) {
        if (pc.connectionState === "closed") continue;
        (await pc.getStats()).forEach((s) => { if (s.type === "inbound-rtp" && s.kind === "${kind}") sum += s.${field} ?? 0; });
      }
      return sum;
    })()`)) as number;
  const before = await read();
  await new Promise((r) => setTimeout(r, ms));
  return (await read()) - before;
}

/**
 * Plays what the page's `window.sub` receives, as a listener's page does: Chromium computes the
 * received audio's energy (audioEnergyOver) only for audio that is played.
 */
export const playSubscription = (page: Page): Promise<unknown> =>
  page.evaluate(`(() => {
    const audio = new Audio();
    audio.srcObject = new MediaStream(window.sub.getReceivers().map((r) => r.track));
    return audio.play();
  })()`);

/** An init script that keeps every RTCPeerConnection the page makes in `window.__pcs`, so a test can read their statistics. */
export const RECORD_PEER_CONNECTIONS = `window.__pcs = []; { const Original = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Original { constructor(...args) { super(...args); window.__pcs.push(this); } }; }`;

/**
 * Opens a join link in its own context (Chinese), keeping the page's peer connections
 * (`window.__pcs`), and waits for the person's screen. `before`: more script run before the page's own (e.g. a stored preference).
 */
export async function openRecordingPeerConnections(browser: Browser, url: string, before = ""): Promise<Page> {
  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await page.addInitScript(RECORD_PEER_CONNECTIONS + before);
  await page.goto(url);
  await page.getByTestId("me").waitFor();
  return page;
}
