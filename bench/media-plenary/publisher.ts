// The one real publisher of `bench:media`: a headless Chromium page with the fake camera and
// microphone (Opus + VP8), on a blank page of a tiny local HTTP server (a secure context for
// getUserMedia). It publishes audio+video to the origin's VideoRoom (the mix takes its audio from there).
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../e2e/support/browser.ts";

const GATHERED = `window.gathered = (pc) => pc.iceGatheringState === "complete" ? Promise.resolve() :
  new Promise((r) => pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && r()));`;

export interface SentStats {
  audioPackets: number;
  videoPackets: number;
  bytes: number;
  frames: number;
}

export class PublisherPage {
  private server: http.Server | undefined;
  private browser: Browser | undefined;
  private page: Page | undefined;

  async open(): Promise<void> {
    this.server = http.createServer((_req, res) => res.end("<!doctype html><title>bench</title>"));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const port = (this.server.address() as AddressInfo).port;
    this.browser = await launchChromium({ fakeMedia: true });
    this.page = await (await this.browser.newContext()).newPage();
    await this.page.goto(`http://127.0.0.1:${port}/`);
    await this.page.evaluate(GATHERED);
  }

  private get p(): Page {
    if (!this.page) throw new Error("publisher page not open");
    return this.page;
  }

  /** The fake microphone and camera as a sendonly offer (non-trickle): window.pc[name]. */
  async offer(name: string, video: boolean): Promise<string> {
    return (await this.p.evaluate(`(async () => {
      window.pcs = window.pcs || {};
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: ${video} });
      const pc = new RTCPeerConnection();
      window.pcs[${JSON.stringify(name)}] = pc;
      for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly" });
      await pc.setLocalDescription(await pc.createOffer());
      await window.gathered(pc);
      return pc.localDescription.sdp;
    })()`)) as string;
  }

  async answer(name: string, sdp: string): Promise<void> {
    await this.p.evaluate(`window.pcs[${JSON.stringify(name)}].setRemoteDescription({ type: "answer", sdp: ${JSON.stringify(sdp)} })`);
  }

  /** What peer connection `name` has sent so far (outbound-rtp). */
  async sent(name: string): Promise<SentStats> {
    return (await this.p.evaluate(`(async () => {
      const r = { audioPackets: 0, videoPackets: 0, bytes: 0, frames: 0 };
      const pc = window.pcs[${JSON.stringify(name)}];
      if (!pc) return r;
      (await pc.getStats()).forEach((s) => {
        if (s.type !== "outbound-rtp") return;
        r.bytes += s.bytesSent + (s.headerBytesSent || 0);
        if (s.kind === "audio") r.audioPackets += s.packetsSent;
        else { r.videoPackets += s.packetsSent; r.frames += s.framesEncoded || 0; }
      });
      return r;
    })()`)) as SentStats;
  }

  /**
   * Raises the priority of this process's Chromium processes (nice -5): on a machine shared with
   * other work the publisher's encoder would otherwise starve and send fewer packets, which would
   * change what every mode relays. Janus and the receivers keep the normal priority.
   */
  renice(priority = -5): number {
    const parent = new Map<number, number>();
    const comm = new Map<number, string>();
    for (const d of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const raw = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        comm.set(Number(d), raw.slice(raw.indexOf("(") + 1, raw.lastIndexOf(")")));
        parent.set(Number(d), Number(raw.slice(raw.lastIndexOf(")") + 2).split(" ")[1]));
      } catch {
        // gone
      }
    }
    const ours = (pid: number): boolean => {
      for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
      return false;
    };
    let count = 0;
    for (const [pid, name] of comm) {
      if (!name.startsWith("chrom") || !ours(pid)) continue;
      try {
        os.setPriority(pid, priority);
        count++;
      } catch {
        // gone, or not permitted: the run goes on at normal priority
      }
    }
    return count;
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
