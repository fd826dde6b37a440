// Media capacity benchmark with browsers (`npm run bench:media:browsers`, see docs/performance.md, "Media capacity"):
// Janus's CPU and memory per listener and per publisher, with real Chromium pages (fake camera
// and microphone) publishing and listening through the real server with its embedded Janus.
// Runs only inside the loopback-only network namespace (e2e/media/netns-run.sh): all media flows
// 127.0.0.2 ↔ 127.0.0.2.
//
// Figures: Janus's own CPU time (utime+stime of its process from /proc/<pid>/stat, as % of one
// core — robust to other load on the machine, unlike wall-clock figures), Janus's RSS (VmRSS),
// and what the listeners receive (getStats inbound-rtp bytes and decoded frames). Phases:
//   1. baselines: Janus idle; Janus with the meeting's VideoRoom created and no streams;
//   2. one publisher (the chair, audio+video, through `media.publish`), audio+video listeners
//      added in steps (0, 2, 4, 8 …) until a step's pages starve or its setup takes too long;
//   3. the same with audio-only subscriptions (`{ audioOnly: true }`: streams [{ feed, mid: <audio mid> }]);
//   4. 1..4 publishers (audio+video), 2 listeners subscribed to all of them.
// Marginal costs are least-squares slopes over the steps. Prints a table and one JSON line.
//
// Environment: BENCH_MEDIA_STEPS / BENCH_MEDIA_AUDIO_STEPS (listener counts, comma-separated),
// BENCH_MEDIA_WINDOW_MS (steady window per step, default 15000), BENCH_MEDIA_STEP_BUDGET_MS and
// BENCH_MEDIA_LISTENER_BUDGET_MS (setup time allowed per step: default 60000 + 20000 per added listener), BENCH_MEDIA_PCS_PER_PAGE (peer connections per
// listener page, default 1: one page per listener), BENCH_MEDIA_PUBLISHERS (default 4),
// BENCH_MEDIA_PHASES (default "av,audio,publishers").
import fs from "node:fs";
import os from "node:os";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../e2e/support/browser.ts";
import type { Ack } from "../core/protocol.ts";
import { checkSdp } from "../server/src/media/sdp.ts";
import { CLK_TCK, fit, median, sleep } from "./media-plenary/stats.ts";
import type { MediaRelay } from "../server/src/media/mediaRelay.ts";
import { eventually, Harness, type TestClient, type TestServer } from "../testing/server/harness.ts";

const env = process.env;
const list = (value: string) =>
  value
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isFinite(n));
const AV_STEPS = list(env.BENCH_MEDIA_STEPS ?? "0,2,4,8,12,16,20,24,28,32,40");
const AUDIO_STEPS = list(env.BENCH_MEDIA_AUDIO_STEPS ?? "0,2,4,8,12,16,20,24,28,32,40,48");
const WINDOW_MS = Number(env.BENCH_MEDIA_WINDOW_MS ?? 15_000);
const SUB_WINDOWS = 3;
const SETTLE_MS = 4_000;
const STEP_BUDGET_MS = Number(env.BENCH_MEDIA_STEP_BUDGET_MS ?? 60_000);
const LISTENER_BUDGET_MS = Number(env.BENCH_MEDIA_LISTENER_BUDGET_MS ?? 20_000);
const PCS_PER_PAGE = Math.max(1, Number(env.BENCH_MEDIA_PCS_PER_PAGE ?? 1));
const PUBLISHERS = Number(env.BENCH_MEDIA_PUBLISHERS ?? 4);
const PUBLISHER_LISTENERS = 2;
const PHASES = new Set((env.BENCH_MEDIA_PHASES ?? "av,audio,publishers").split(","));
const WATCHDOG_MS = 40 * 60_000;
const PORTS = { ws: 18588, admin: 17588, rtp: "22000-23999" };
/** A listener starves when it decodes fewer than this share of the frames the publisher sends. */
const STARVING_FPS_SHARE = 0.7;
/** … or receives less than this share of the median listener's audio bytes. */
const STARVING_AUDIO_SHARE = 0.5;

// ---------------------------------------------------------------- /proc readings

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number;
}

function procStat(pid: number): ProcStat | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = raw.lastIndexOf(")");
    const comm = raw.slice(raw.indexOf("(") + 1, close);
    const fields = raw.slice(close + 2).split(" "); // fields[0] is the state (field 3)
    return { pid, ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // gone
  }
}

function allProcs(): ProcStat[] {
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => procStat(Number(d)))
    .filter((p): p is ProcStat => p !== null);
}

function rssKiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) : NaN;
}

/** Our own Janus: the `janus` child of this process (other engineers may run theirs). */
function findJanus(): number {
  const janus = allProcs().find((p) => p.ppid === process.pid && p.comm === "janus");
  if (!janus) throw new Error("no janus child process found");
  return janus.pid;
}

/** CPU ticks of everything this process started except Janus: the Chromium processes. */
function browserTicks(janusPid: number): number {
  const procs = allProcs();
  const children = new Map<number, ProcStat[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let total = 0;
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (child.pid === janusPid) continue;
      total += child.ticks;
      walk(child.pid);
    }
  };
  walk(process.pid);
  return total;
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "–");

// ---------------------------------------------------------------- browsers

const GATHERED = `window.gathered = (pc) => pc.iceGatheringState === "complete" ? Promise.resolve() :
  new Promise((r) => pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && r()));
  window.subs = window.subs || [];`;

async function newPage(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${url}/api/health`, { timeout: 120_000 }); // any page of our origin: a secure context
  await page.evaluate(GATHERED);
  return { context, page };
}

/** The page's fake microphone and camera as a sendonly offer (non-trickle). */
async function publisherOffer(page: Page): Promise<string> {
  return (await page.evaluate(`(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    const pc = new RTCPeerConnection();
    window.pub = pc;
    for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly" });
    await pc.setLocalDescription(await pc.createOffer());
    await window.gathered(pc);
    return pc.localDescription.sdp;
  })()`)) as string;
}

/** Answers Janus's offer in slot `slot` of the page's listening connections. */
async function answerIn(page: Page, slot: number, offer: string): Promise<string> {
  return (await page.evaluate(`(async () => {
    if (window.subs[${slot}]) window.subs[${slot}].close();
    const pc = new RTCPeerConnection();
    window.subs[${slot}] = pc;
    await pc.setRemoteDescription({ type: "offer", sdp: ${JSON.stringify(offer)} });
    await pc.setLocalDescription(await pc.createAnswer());
    await window.gathered(pc);
    return pc.localDescription.sdp;
  })()`)) as string;
}

interface RxStats {
  /** RTP payload bytes (getStats bytesReceived counts no headers). */
  audioBytes: number;
  videoBytes: number;
  /** On the wire: payload + RTP headers + per packet the SRTP tag (10) and UDP/IPv4 (28). */
  wireBytes: number;
  frames: number;
  width: number;
  height: number;
}

const SRTP_UDP_IP_BYTES = 10 + 8 + 20;

async function pageRx(page: Page): Promise<RxStats[]> {
  return (await page.evaluate(`(async () => Promise.all(window.subs.map(async (pc) => {
    const r = { audioBytes: 0, videoBytes: 0, wireBytes: 0, frames: 0, width: 0, height: 0 };
    if (!pc || pc.connectionState === "closed") return r;
    (await pc.getStats()).forEach((s) => {
      if (s.type !== "inbound-rtp") return;
      r.wireBytes += s.bytesReceived + (s.headerBytesReceived || 0) + ${SRTP_UDP_IP_BYTES} * (s.packetsReceived || 0);
      if (s.kind === "audio") r.audioBytes += s.bytesReceived;
      if (s.kind === "video") { r.videoBytes += s.bytesReceived; r.frames += s.framesDecoded || 0; r.width = s.frameWidth || r.width; r.height = s.frameHeight || r.height; }
    });
    return r;
  })))()`)) as RxStats[];
}

async function publisherTx(page: Page): Promise<{ frames: number; bytes: number }> {
  return (await page.evaluate(`(async () => {
    const r = { frames: 0, bytes: 0 };
    (await window.pub.getStats()).forEach((s) => {
      if (s.type === "outbound-rtp") { r.bytes += s.bytesSent; if (s.kind === "video") r.frames += s.framesEncoded || 0; }
    });
    return r;
  })()`)) as { frames: number; bytes: number };
}

// ---------------------------------------------------------------- the set-up

interface Listener {
  id: string;
  page: Page;
  slot: number;
}

interface Publisher {
  participantId: string;
  page: Page;
}

interface Sample {
  phase: string;
  label: string;
  listeners: number;
  publishers: number;
  /** Janus CPU, % of one core, over the whole window and per sub-window. */
  janusCpu: number;
  janusCpuSub: number[];
  janusRssMiB: number;
  browserCpu: number;
  benchCpu: number;
  load1: number;
  /** Per listener, median: kbit/s received (audio, video) and decoded frames per second. */
  audioKbps: number;
  videoKbps: number;
  /** Per listener, median: everything received (audio+video) as it goes over the network. */
  wireKbps: number;
  fps: number;
  minAudioKbps: number;
  minFps: number;
  /** Per publisher: frames per second sent (the first publisher's). */
  sentFps: number;
  /** All publishers together, RTP payload kbit/s sent to Janus. */
  ingressKbps: number;
  resolution: string;
  setupS: number;
  starving: string[];
}

class Bench {
  readonly h = new Harness();
  server!: TestServer;
  chair!: TestClient;
  meetingId = "";
  chairId = "";
  janusPid = 0;
  pubBrowser!: Browser;
  subBrowser!: Browser;
  readonly contexts: BrowserContext[] = [];
  readonly publishers: Publisher[] = [];
  listeners: Listener[] = [];
  private pages: Page[] = [];
  private nextId = 0;
  /** The first publisher's frame rate when first measured: a starving publisher browser sends fewer. */
  private referenceFps = 0;
  readonly samples: Sample[] = [];

  relay(): MediaRelay {
    const relay = this.server.server.mediaRelay;
    if (!relay) throw new Error("no media relay");
    return relay;
  }

  async start(): Promise<void> {
    this.server = await this.h.startServer({
      env: {
        YST_MEDIA: "embedded",
        YST_JANUS_WS_PORT: String(PORTS.ws),
        YST_JANUS_ADMIN_PORT: String(PORTS.admin),
        YST_JANUS_RTP_PORTS: PORTS.rtp,
        YST_JANUS_ICE_ENFORCE: "127.0.0.2",
      },
    });
    await eventually(() => {
      if (this.server.server.media.status() !== "up") throw new Error(`media ${this.server.server.media.status()}`);
    }, 30_000);
    this.janusPid = findJanus();
    const meeting = await this.h.createMeeting(this.server.server, "媒体容量测试", { open: true });
    this.meetingId = meeting.meetingId;
    this.chairId = meeting.people.chair.id;
    this.chair = await this.h.connect(this.server.url, meeting.tokens.chair);
    this.pubBrowser = await launchChromium({ fakeMedia: true });
    this.subBrowser = await launchChromium({ fakeMedia: true });
  }

  /**
   * The VideoRoom exists once someone subscribes (nobody publishes yet: no offer). The room
   * keeps the audible set it is created with until the next floor change: the chair.
   */
  async createRoom(): Promise<void> {
    const result = await this.relay().subscribe(
      this.meetingId,
      { participantId: "bench-room", connectionId: "bench-room" },
      { shown: new Set([this.chairId]), audible: new Set([this.chairId]) },
    );
    if (result.sdp !== null) throw new Error("unexpected offer");
  }

  private async page(browser: Browser): Promise<Page> {
    const { context, page } = await newPage(browser, this.server.url);
    this.contexts.push(context);
    return page;
  }

  /** The chair publishes through the socket API, as the client does; always audible. */
  async publishChair(): Promise<void> {
    const page = await this.page(this.pubBrowser);
    const offer = await publisherOffer(page);
    const ack = await new Promise<Ack<{ sdp: string }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("media.publish: no ack")), 20_000);
      (this.chair.socket.emit as (e: string, p: unknown, cb: (r: Ack<{ sdp: string }>) => void) => void)("media.publish", { sdp: offer }, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
    if (!ack.ok) throw new Error(`media.publish: ${JSON.stringify(ack.error)}`);
    await page.evaluate(`window.pub.setRemoteDescription({ type: "answer", sdp: ${JSON.stringify(ack.sdp)} })`);
    await this.waitLive(this.chairId);
    this.publishers.push({ participantId: this.chairId, page });
  }

  /** Further publishers through the relay (the meeting has one chair); made audible below. */
  async publishExtra(): Promise<void> {
    const participantId = `bench-publisher-${this.publishers.length + 1}`;
    const page = await this.page(this.pubBrowser);
    const offer = checkSdp(await publisherOffer(page));
    if (!offer) throw new Error("publisher offer failed our SDP checks");
    const audible = new Set([...this.publishers.map((p) => p.participantId), participantId]);
    await this.relay().applyAudible(this.meetingId, audible);
    const answer = await this.relay().publish(this.meetingId, { participantId, connectionId: participantId }, offer, audible);
    await page.evaluate(`window.pub.setRemoteDescription({ type: "answer", sdp: ${JSON.stringify(answer)} })`);
    await this.waitLive(participantId);
    this.publishers.push({ participantId, page });
    const states = await this.relay().publishers(this.meetingId);
    if (states.some((p) => p.muted !== false)) throw new Error(`a publisher is muted: ${JSON.stringify(states)}`);
  }

  private async waitLive(participantId: string): Promise<void> {
    await eventually(async () => {
      const me = (await this.relay().publishers(this.meetingId)).find((p) => p.participantId === participantId);
      if (!me?.live) throw new Error(`publisher ${participantId} not live`);
    }, 20_000);
  }

  /** A listening slot: a new page, or the next peer connection of the last page. */
  private async slot(): Promise<{ page: Page; slot: number }> {
    const used = this.listeners.length;
    const pageIndex = Math.floor(used / PCS_PER_PAGE);
    while (this.pages.length <= pageIndex) this.pages.push(await this.page(this.subBrowser));
    return { page: this.pages[pageIndex]!, slot: used % PCS_PER_PAGE };
  }

  /** Audio+video of every publisher, through the relay as `media.subscribe` does it. */
  async subscribeAv(listener: Listener): Promise<void> {
    const audible = new Set(this.publishers.map((p) => p.participantId));
    const { sdp } = await this.relay().subscribe(this.meetingId, { participantId: listener.id, connectionId: listener.id }, { shown: audible, audible });
    if (!sdp) throw new Error("no offer for a listener");
    await this.relay().answer(this.meetingId, listener.id, await answerIn(listener.page, listener.slot, sdp));
  }

  /** Audio only: `{ audioOnly: true }`, the streams [{ feed, mid: <audio mid> }] of every publisher. */
  async subscribeAudio(listener: Listener): Promise<void> {
    const audible = new Set(this.publishers.map((p) => p.participantId));
    const { sdp } = await this.relay().subscribe(
      this.meetingId,
      { participantId: listener.id, connectionId: listener.id },
      { shown: audible, audible },
      { audioOnly: true },
    );
    if (!sdp) throw new Error("no offer for an audio-only listener");
    if (/^m=video/m.test(sdp)) throw new Error("audio-only offer has video");
    await this.relay().answer(this.meetingId, listener.id, await answerIn(listener.page, listener.slot, sdp));
  }

  async addListener(kind: "av" | "audio"): Promise<void> {
    const { page, slot } = await this.slot();
    const listener: Listener = { id: `bench-listener-${++this.nextId}`, page, slot };
    if (kind === "av") await this.subscribeAv(listener);
    else await this.subscribeAudio(listener);
    this.listeners.push(listener);
  }

  async dropListeners(): Promise<void> {
    for (const l of this.listeners) await this.relay().leave(this.meetingId, { participantId: l.id, connectionId: l.id });
    this.listeners = [];
    const pages = this.pages;
    this.pages = [];
    for (const page of pages) await page.context().close();
  }

  async rx(): Promise<RxStats[]> {
    const out: RxStats[] = [];
    for (const page of this.pages) out.push(...(await pageRx(page)));
    return out.slice(0, this.listeners.length);
  }

  /** Until every listener receives audio (and video) bytes. */
  async waitFlowing(video: boolean, deadline: number): Promise<boolean> {
    const before = await this.rx();
    for (;;) {
      await sleep(500);
      const now = await this.rx();
      const ok = now.every((r, i) => r.audioBytes > (before[i]?.audioBytes ?? 0) && (!video || r.frames > (before[i]?.frames ?? 0)));
      if (ok) return true;
      if (Date.now() > deadline) {
        const states: string[] = [];
        for (const page of this.pages)
          states.push(...((await page.evaluate("window.subs.map((pc) => pc.connectionState + '/' + pc.iceConnectionState)")) as string[]));
        console.log(`listeners not flowing: connection states ${states.join(", ")}; bytes ${JSON.stringify(now)}`);
        return false;
      }
    }
  }

  async measure(phase: string, label: string, setupS: number, video: boolean): Promise<Sample> {
    await sleep(SETTLE_MS);
    const rx0 = await this.rx();
    const tx0 = await Promise.all(this.publishers.map((p) => publisherTx(p.page)));
    const t0 = performance.now();
    const j0 = procStat(this.janusPid)!.ticks;
    const b0 = browserTicks(this.janusPid);
    const c0 = process.cpuUsage();
    const sub: number[] = [];
    const rss: number[] = [];
    let last = { t: t0, ticks: j0 };
    for (let i = 0; i < SUB_WINDOWS; i++) {
      await sleep(WINDOW_MS / SUB_WINDOWS);
      const t = performance.now();
      const ticks = procStat(this.janusPid)!.ticks;
      sub.push(((ticks - last.ticks) / CLK_TCK / ((t - last.t) / 1000)) * 100);
      rss.push(rssKiB(this.janusPid) / 1024);
      last = { t, ticks };
    }
    const seconds = (last.t - t0) / 1000;
    const janusCpu = ((last.ticks - j0) / CLK_TCK / seconds) * 100;
    const browserCpu = ((browserTicks(this.janusPid) - b0) / CLK_TCK / seconds) * 100;
    const c = process.cpuUsage(c0);
    const benchCpu = ((c.user + c.system) / 1e6 / seconds) * 100;
    const rx1 = await this.rx();
    const tx1 = await Promise.all(this.publishers.map((p) => publisherTx(p.page)));
    const elapsed = (performance.now() - t0) / 1000;
    const per = rx1.map((r, i) => {
      const r0 = rx0[i] ?? { audioBytes: 0, videoBytes: 0, wireBytes: 0, frames: 0 };
      return {
        wireKbps: ((r.wireBytes - r0.wireBytes) * 8) / 1000 / elapsed,
        audioKbps: ((r.audioBytes - r0.audioBytes) * 8) / 1000 / elapsed,
        videoKbps: ((r.videoBytes - r0.videoBytes) * 8) / 1000 / elapsed,
        fps: (r.frames - r0.frames) / elapsed,
      };
    });
    // The first publisher's frame rate; what all publishers send (RTP payload) is what Janus takes in.
    const sentFps = tx1[0] && tx0[0] ? (tx1[0].frames - tx0[0].frames) / elapsed : 0;
    const ingressKbps = tx1.reduce((a, t, i) => a + ((t.bytes - (tx0[i]?.bytes ?? 0)) * 8) / 1000 / elapsed, 0);
    const audioMedian = median(per.map((p) => p.audioKbps));
    const starving: string[] = [];
    if (video && this.referenceFps === 0) this.referenceFps = sentFps;
    if (video && sentFps < STARVING_FPS_SHARE * this.referenceFps) starving.push(`publisher: ${f1(sentFps)} fps sent of ${f1(this.referenceFps)} at first`);
    per.forEach((p, i) => {
      if (p.audioKbps < STARVING_AUDIO_SHARE * audioMedian || p.audioKbps === 0) starving.push(`listener ${i + 1}: audio ${f1(p.audioKbps)} kbit/s`);
      // Each listener decodes every publisher's video: compare with what one publisher sends, times the feeds.
      else if (video && p.fps < STARVING_FPS_SHARE * sentFps * this.publishers.length)
        starving.push(`listener ${i + 1}: ${f1(p.fps)} fps of ${f1(sentFps * this.publishers.length)} sent`);
    });
    const sample: Sample = {
      phase,
      label,
      listeners: this.listeners.length,
      publishers: this.publishers.length,
      janusCpu,
      janusCpuSub: sub,
      janusRssMiB: median(rss),
      browserCpu,
      benchCpu,
      load1: os.loadavg()[0]!,
      audioKbps: audioMedian,
      videoKbps: median(per.map((p) => p.videoKbps)),
      wireKbps: median(per.map((p) => p.wireKbps)),
      fps: median(per.map((p) => p.fps)),
      minAudioKbps: Math.min(...per.map((p) => p.audioKbps)),
      minFps: Math.min(...per.map((p) => p.fps)),
      sentFps,
      ingressKbps,
      resolution: rx1.find((r) => r.width > 0) ? `${rx1.find((r) => r.width > 0)!.width}x${rx1.find((r) => r.width > 0)!.height}` : "",
      setupS,
      starving,
    };
    this.samples.push(sample);
    printRow(sample);
    return sample;
  }

  async close(): Promise<void> {
    await this.pubBrowser?.close().catch(() => undefined);
    await this.subBrowser?.close().catch(() => undefined);
    await this.h.cleanup();
  }
}

// ---------------------------------------------------------------- output

const HEADER =
  "| phase | step | publishers | listeners | Janus CPU % of a core (3 sub-windows) | Janus RSS MiB | audio kbit/s per listener | video kbit/s per listener | on the wire kbit/s per listener | fps per listener (min) / sent | publishers send kbit/s | browsers CPU % | bench+server CPU % | load avg | setup s |";
function printRow(s: Sample): void {
  console.log(
    `| ${s.phase} | ${s.label} | ${s.publishers} | ${s.listeners} | ${f1(s.janusCpu)} (${s.janusCpuSub.map(f1).join(" / ")}) | ${f1(s.janusRssMiB)} | ${f1(s.audioKbps)} | ${f1(s.videoKbps)} | ${f1(s.wireKbps)} | ${f1(s.fps)} (${f1(s.minFps)}) / ${f1(s.sentFps)} | ${f1(s.ingressKbps)} | ${f1(s.browserCpu)} | ${f1(s.benchCpu)} | ${f2(s.load1)} | ${f1(s.setupS)} |` +
      (s.starving.length ? `  STARVING: ${s.starving.slice(0, 3).join("; ")}${s.starving.length > 3 ? ` (+${s.starving.length - 3})` : ""}` : ""),
  );
}

// ---------------------------------------------------------------- phases

async function listenerSteps(bench: Bench, phase: "av" | "audio", steps: number[]): Promise<{ reached: number; stop: string }> {
  const video = phase === "av";
  let reached = 0;
  let stop = "the last configured step was reached";
  for (const target of steps) {
    const started = Date.now();
    const budget = STEP_BUDGET_MS + LISTENER_BUDGET_MS * Math.max(0, target - bench.listeners.length);
    const deadline = started + budget;
    let overBudget = false;
    try {
      while (bench.listeners.length < target) {
        await bench.addListener(phase);
        if (Date.now() > deadline) {
          overBudget = true;
          break;
        }
      }
    } catch (error) {
      // A page that does not even load (or an offer that cannot be answered) in time: the browser starves.
      stop = `step ${target}: setting up listener ${bench.listeners.length + 1} failed after ${((Date.now() - started) / 1000).toFixed(0)} s (${String(error).split("\n")[0]})`;
      break;
    }
    if (overBudget || !(await bench.waitFlowing(video, deadline))) {
      stop = `step ${target}: setup exceeded ${budget / 1000} s (${bench.listeners.length} listeners set up)`;
      break;
    }
    const setupS = (Date.now() - started) / 1000;
    const sample = await bench.measure(phase, String(target), setupS, video);
    if (sample.starving.length > 0) {
      stop = `step ${target}: ${sample.starving.length} listener(s) starving (${sample.starving[0]})`;
      break;
    }
    reached = target;
  }
  console.log(`${phase}: largest step with every listener fully served: ${reached}; stopped because ${stop}`);
  return { reached, stop };
}

async function publisherSteps(bench: Bench): Promise<void> {
  await bench.dropListeners();
  for (let i = 0; i < PUBLISHER_LISTENERS; i++) await bench.addListener("av");
  for (let k = bench.publishers.length; k <= PUBLISHERS; k++) {
    const started = Date.now();
    if (k > bench.publishers.length) await bench.publishExtra();
    for (const l of bench.listeners) await bench.subscribeAv(l);
    if (!(await bench.waitFlowing(true, started + STEP_BUDGET_MS))) throw new Error(`publishers ${k}: listeners receive nothing`);
    await bench.measure("publishers", `${k} pub`, (Date.now() - started) / 1000, true);
  }
}

interface Slope {
  cpuPerUnit: number;
  rssMiBPerUnit: number;
  points: number;
}

function slopes(samples: Sample[], x: (s: Sample) => number): Slope {
  return {
    cpuPerUnit: fit(samples.map((s) => ({ x: x(s), y: s.janusCpu }))).slope,
    rssMiBPerUnit: fit(samples.map((s) => ({ x: x(s), y: s.janusRssMiB }))).slope,
    points: samples.length,
  };
}

async function main(): Promise<void> {
  if (env.YST_IN_MEDIA_NETNS !== "1") {
    console.error("bench:media:browsers must run inside the loopback-only namespace: npm run bench:media:browsers (bash e2e/media/netns-run.sh …)");
    process.exit(2);
  }
  const watchdog = setTimeout(() => {
    console.error(`bench:media: gave up after ${WATCHDOG_MS / 60_000} minutes`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  const bench = new Bench();
  const stops: Record<string, { reached: number; stop: string }> = {};
  const begun = new Date();
  try {
    await bench.start();
    console.log(
      `Media capacity: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ` +
        `Janus pid ${bench.janusPid}; window ${WINDOW_MS / 1000} s per step in ${SUB_WINDOWS} sub-windows; ${PCS_PER_PAGE} peer connection(s) per listener page; started ${begun.toISOString()}`,
    );
    console.log(HEADER);
    console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    await bench.measure("baseline", "Janus idle", 0, false);
    await bench.createRoom();
    await bench.measure("baseline", "room, no streams", 0, false);
    await bench.publishChair();
    if (PHASES.has("av")) stops.av = await listenerSteps(bench, "av", AV_STEPS);
    if (PHASES.has("audio")) {
      await bench.dropListeners();
      stops.audio = await listenerSteps(bench, "audio", AUDIO_STEPS);
    }
    if (PHASES.has("publishers")) await publisherSteps(bench);
  } catch (error) {
    console.error("bench:media failed:", error);
    process.exitCode = 1;
  } finally {
    await bench.close();
  }

  // Marginal costs: least squares over the steps where every listener was served.
  const served = (phase: string) => bench.samples.filter((s) => s.phase === phase && s.starving.length === 0);
  const av = served("av");
  const audio = served("audio");
  const pubs = served("publishers");
  const idle = bench.samples.find((s) => s.label === "room, no streams");
  const largest = (xs: Sample[]) => xs.reduce<Sample | undefined>((a, s) => (!a || s.listeners > a.listeners ? s : a), undefined);
  const summary = {
    date: begun.toISOString(),
    machine: { cores: os.cpus().length, model: os.cpus()[0]?.model, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version },
    windowS: WINDOW_MS / 1000,
    pcsPerPage: PCS_PER_PAGE,
    perAvListener: slopes(av, (s) => s.listeners),
    perAudioListener: slopes(audio, (s) => s.listeners),
    perPublisherWith2Listeners: slopes(pubs, (s) => s.publishers),
    bitrate: {
      avAudioKbps: median(av.filter((s) => s.listeners > 0).map((s) => s.audioKbps)),
      avVideoKbps: median(av.filter((s) => s.listeners > 0).map((s) => s.videoKbps)),
      audioOnlyKbps: median(audio.filter((s) => s.listeners > 0).map((s) => s.audioKbps)),
      avWireKbps: median(av.filter((s) => s.listeners > 0).map((s) => s.wireKbps)),
      audioOnlyWireKbps: median(audio.filter((s) => s.listeners > 0).map((s) => s.wireKbps)),
      sentFps: median(av.filter((s) => s.listeners > 0).map((s) => s.sentFps)),
      resolution: av.find((s) => s.resolution)?.resolution ?? "",
    },
    largest: {
      av: largest(av) && {
        listeners: largest(av)!.listeners,
        janusCpu: largest(av)!.janusCpu,
        ratioToIdle: largest(av)!.janusCpu / (idle?.janusCpu ?? NaN),
        ratioToZeroListeners: largest(av)!.janusCpu / (av.find((s) => s.listeners === 0)?.janusCpu ?? NaN),
      },
      audio: largest(audio) && {
        listeners: largest(audio)!.listeners,
        janusCpu: largest(audio)!.janusCpu,
        ratioToIdle: largest(audio)!.janusCpu / (idle?.janusCpu ?? NaN),
        ratioToZeroListeners: largest(audio)!.janusCpu / (audio.find((s) => s.listeners === 0)?.janusCpu ?? NaN),
      },
    },
    stops,
    samples: bench.samples.map((s) => ({ ...s, janusCpu: +s.janusCpu.toFixed(2), janusCpuSub: s.janusCpuSub.map((x) => +x.toFixed(2)) })),
  };
  console.log("");
  console.log("| marginal cost (least squares) | Janus CPU % of a core | Janus RSS MiB | steps |");
  console.log("|---|---:|---:|---:|");
  console.log(
    `| per audio+video listener (1 publisher) | ${f3(summary.perAvListener.cpuPerUnit)} | ${f3(summary.perAvListener.rssMiBPerUnit)} | ${av.length} |`,
  );
  console.log(
    `| per audio-only listener (1 publisher) | ${f3(summary.perAudioListener.cpuPerUnit)} | ${f3(summary.perAudioListener.rssMiBPerUnit)} | ${audio.length} |`,
  );
  console.log(
    `| per publisher (audio+video, ${PUBLISHER_LISTENERS} listeners subscribed to all) | ${f3(summary.perPublisherWith2Listeners.cpuPerUnit)} | ${f3(summary.perPublisherWith2Listeners.rssMiBPerUnit)} | ${pubs.length} |`,
  );
  console.log(
    `Received per listener (median): audio ${f1(summary.bitrate.avAudioKbps)} kbit/s + video ${f1(summary.bitrate.avVideoKbps)} kbit/s (${summary.bitrate.resolution}, ${f1(summary.bitrate.sentFps)} fps sent); audio-only ${f1(summary.bitrate.audioOnlyKbps)} kbit/s (RTP payload); on the wire (with RTP/SRTP/UDP/IPv4 headers): ${f1(summary.bitrate.avWireKbps)} and ${f1(summary.bitrate.audioOnlyWireKbps)} kbit/s`,
  );
  console.log(`BENCH_MEDIA_JSON ${JSON.stringify(summary)}`);
  clearTimeout(watchdog);
  process.exit(process.exitCode ?? 0);
}

void main();
