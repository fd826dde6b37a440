// Drives the SDP relay from a test: Chromium pages (fake devices) make the offers and answers,
// a harness socket carries them, like the client does but with nothing in between to hide a bug.
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { VENUE_ID } from "../../../core/media/audible.ts";
import type { Ack } from "../../../core/protocol.ts";
import { eventually, type TestClient, type TestServer } from "../../../testing/server/harness.ts";

/** Emits a media request on a harness socket and waits for its acknowledgement. */
export function emit<T>(client: TestClient, event: string, payload: unknown): Promise<Ack<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${event}: no ack`)), 15_000);
    (client.socket.emit as (e: string, p: unknown, ack: (r: Ack<T>) => void) => void)(event, payload, (result) => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}

/** A blank page of the server's origin (a secure context for getUserMedia). */
export async function newPage(browser: Browser, server: TestServer): Promise<Page> {
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(`${server.url}/api/health`);
  await page.evaluate(`window.gathered = (pc) => pc.iceGatheringState === "complete" ? Promise.resolve() :
    new Promise((r) => pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && r()))`);
  return page;
}

/** The page publishes its fake microphone (and camera) through the socket (non-trickle); waits until Janus has it. */
export async function publish(
  page: Page,
  client: TestClient,
  server: TestServer,
  meetingId: string,
  media: { video?: boolean } = {},
): Promise<Ack<{ sdp: string }>> {
  const offer = await page.evaluate(`(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: ${media.video === true} });
    const pc = new RTCPeerConnection();
    window.pub = pc;
    for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly" });
    await pc.setLocalDescription(await pc.createOffer());
    await window.gathered(pc);
    return pc.localDescription.sdp;
  })()`);
  const ack = await emit<{ sdp: string }>(client, "media.publish", { sdp: offer });
  if (!ack.ok) return ack;
  await page.evaluate(`window.pub.setRemoteDescription({ type: "answer", sdp: ${JSON.stringify(ack.sdp)} })`);
  const me = client.welcome.display ? VENUE_ID : client.welcome.me.id; // a display publishes as the room
  await eventually(async () => expect((await server.server.mediaRelay!.publishers(meetingId)).find((p) => p.participantId === me)?.live).toBe(true), 15_000);
  return ack;
}

/** Listens in the page: answers Janus's offer, returns the answer SDP to send back. */
export async function listen(page: Page, offerSdp: string): Promise<string> {
  return (await page.evaluate(`(async () => {
    if (window.sub) window.sub.close();
    const pc = new RTCPeerConnection();
    window.sub = pc;
    await pc.setRemoteDescription({ type: "offer", sdp: ${JSON.stringify(offerSdp)} });
    await pc.setLocalDescription(await pc.createAnswer());
    await window.gathered(pc);
    return pc.localDescription.sdp;
  })()`)) as string;
}

/** Inbound RTP of one kind on the page's `window.sub`: bytes received and frames decoded so far. */
export async function inbound(page: Page, kind: "audio" | "video"): Promise<{ bytes: number; frames: number }> {
  return (await page.evaluate(`(async () => {
    let bytes = 0, frames = 0;
    (await window.sub.getStats()).forEach((s) => {
      if (s.type === "inbound-rtp" && s.kind === "${kind}") { bytes += s.bytesReceived; frames += s.framesDecoded ?? 0; }
    });
    return { bytes, frames };
  })()`)) as { bytes: number; frames: number };
}
