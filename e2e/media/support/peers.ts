// Browser peers driven by the test through real sockets (no client code): a page publishes its
// fake camera and microphone, or answers a subscription offer, and the test reads what arrived.
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import type { Ack } from "../../../server/src/core/protocol.ts";
import { eventually, type TestClient, type TestServer } from "../../../server/src/testing/harness.ts";

export function emit<T>(client: TestClient, event: string, payload: unknown): Promise<Ack<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${event}: no ack`)), 15_000);
    (client.socket.emit as (e: string, p: unknown, ack: (r: Ack<T>) => void) => void)(event, payload, (result) => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}

/** A blank page of our origin (a secure context, so getUserMedia works). */
export async function peerPage(browser: Browser, server: TestServer): Promise<Page> {
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(`${server.url}/api/health`);
  await page.evaluate(`window.gathered = (pc) => pc.iceGatheringState === "complete" ? Promise.resolve() :
    new Promise((r) => pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && r()))`);
  return page;
}

/** Publishes the page's fake microphone (and camera) as `window.pub`; waits until Janus has it. */
export async function publishFrom(page: Page, client: TestClient, server: TestServer, meetingId: string, as: string, media: { video: boolean }): Promise<void> {
  const offer = await page.evaluate(`(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: ${media.video} });
    const pc = new RTCPeerConnection();
    window.pub = pc;
    for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly" });
    await pc.setLocalDescription(await pc.createOffer());
    await window.gathered(pc);
    return pc.localDescription.sdp;
  })()`);
  const ack = await emit<{ sdp: string }>(client, "media.publish", { sdp: offer });
  if (!ack.ok) throw new Error(`media.publish: ${ack.error.code}`);
  await page.evaluate(`window.pub.setRemoteDescription({ type: "answer", sdp: ${JSON.stringify(ack.sdp)} })`);
  await eventually(async () => expect((await server.server.mediaRelay!.publishers(meetingId)).find((p) => p.participantId === as)?.live).toBe(true), 15_000);
}

/** Answers a subscription offer in the page (`window.sub`); returns the answer SDP. */
export async function answerIn(page: Page, offerSdp: string): Promise<string> {
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

/** Inbound RTP of one kind on `window.sub`: bytes received and frames decoded (video) so far. */
export async function inbound(page: Page, kind: "audio" | "video"): Promise<{ bytes: number; frames: number }> {
  return (await page.evaluate(`(async () => {
    let bytes = 0, frames = 0;
    (await window.sub.getStats()).forEach((s) => {
      if (s.type === "inbound-rtp" && s.kind === "${kind}") { bytes += s.bytesReceived; frames += s.framesDecoded ?? 0; }
    });
    return { bytes, frames };
  })()`)) as { bytes: number; frames: number };
}
