// `npm run bench:media` (docs/performance.md, "Media capacity with thin receivers"): Janus's CPU and
// bandwidth per listener in each listening mode of a plenary, with hundreds of thin WebRTC
// receivers (werift, receiverWorker.ts) instead of browsers, in one run:
//   single-av, single-audio — one Janus, listeners subscribe to the publisher directly (today);
//   edge-av, edge-audio     — the publisher remotized (publish_remotely) into a slot on an edge Janus;
//   mix                     — the product's audio mix: the publisher's audio forwarded into an
//                             AudioBridge on the origin, its mix to a Streaming mountpoint on the
//                             edge, listeners `watch` it.
// One real publisher (headless Chromium, fake camera and microphone: Opus + VP8) into the origin.
// Per mode, listeners are added in steps; at each step Janus's own CPU time (utime+stime from
// /proc/<pid>/stat, per process), the bytes the receivers get, and every receiver's packets/s are
// measured over a window split into sub-windows (medians). A mode's ramp stops when more than 1 % of
// its receivers starve. Marginal costs are least-squares slopes; the 2,000-listener deployment is
// recomputed from them. Runs only inside the loopback-only namespace (e2e/media/netns-run.sh).
//
// Environment: BENCH_MEDIA_QUICK=1 (small counts, short windows: a check in under 3 minutes),
// BENCH_MEDIA_STEPS (listener counts, e.g. "0,100,200"), BENCH_MEDIA_MODES (e.g. "single-av,mix"),
// BENCH_MEDIA_WINDOW_MS, BENCH_MEDIA_SUB_WINDOWS, BENCH_MEDIA_RECEIVER_PROCS (default 3),
// BENCH_MEDIA_EVENT_LOOPS (Janus's event_loops; default 0: one thread per handle).
import os from "node:os";
import Janode from "janode";
import { MODE_LABEL, MODES, modeEdge, modeVideo, Plane, type Listener, type Mode } from "./plane.ts";
import { PublisherPage, type SentStats } from "./publisher.ts";
import { ReceiverPool, type RxCount } from "./receivers.ts";
import { CLK_TCK, fit, fmt, loTxBytes, median, rssMiB, sleep, threads, udpCounters } from "./stats.ts";

const env = process.env;
const QUICK = env.BENCH_MEDIA_QUICK === "1";
const numbers = (text: string) =>
  text
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isFinite(n));
const STEPS = numbers(env.BENCH_MEDIA_STEPS ?? (QUICK ? "0,10,20" : "0,100,200,300,400,600,800,1000"));
const MODE_LIST = (env.BENCH_MEDIA_MODES?.split(",") ?? MODES).filter((m): m is Mode => (MODES as string[]).includes(m));
const WINDOW_MS = Number(env.BENCH_MEDIA_WINDOW_MS ?? (QUICK ? 6_000 : 15_000));
const SUB_WINDOWS = Number(env.BENCH_MEDIA_SUB_WINDOWS ?? (QUICK ? 3 : 5));
const SETTLE_MS = QUICK ? 2_000 : 4_000;
const RECEIVER_PROCS = Number(env.BENCH_MEDIA_RECEIVER_PROCS ?? 3);
const CONCURRENCY = 12;
/** Set-up time allowed per step: a base plus per listener added. */
const STEP_BASE_MS = 30_000;
const PER_LISTENER_MS = 300;
const WATCHDOG_MS = (QUICK ? 6 : 60) * 60_000;
/** A receiver starves below these shares of what the source sends (audio, video packets/s). */
const AUDIO_SHARE = 0.8;
const VIDEO_SHARE = 0.7;
/** A ramp stops at the first step in which more than this share of receivers starve. */
const STARVING_STOP = 0.01;
/** Per packet on the wire beyond the UDP payload the receivers count: UDP 8 + IPv4 20. */
const UDP_IP = 28;
const PLENARY = 2_000;
const EDGE_CORES = 4;

interface Step {
  mode: Mode;
  listeners: number;
  setupS: number;
  /** % of one core, median of the sub-windows. */
  originCpu: number;
  edgeCpu: number;
  originCpuSub: number[];
  edgeCpuSub: number[];
  receiversCpu: number;
  benchCpu: number;
  originRssMiB: number;
  edgeRssMiB: number;
  edgeThreads: number;
  originThreads: number;
  /** Everything the receivers got (UDP payload: SRTP packets), kbit/s, median of the sub-windows. */
  egressKbps: number;
  /** The same with UDP/IPv4 headers. */
  egressWireKbps: number;
  loMbps: number;
  /** UDP datagrams/s sent in the namespace, and dropped because a socket's receive buffer was full (a slow receiver). */
  udpOutPps: number;
  udpRcvbufDropsPs: number;
  /** Per receiver over the window: packets/s (audio + video) median and worst, audio and video medians. */
  ppsMedian: number;
  ppsWorst: number;
  audioPpsMedian: number;
  videoPpsMedian: number;
  wireKbpsPerListener: number;
  /** What the source sends (packets/s) in this mode: the publisher's, or the mix's 50. */
  sourceAudioPps: number;
  sourceVideoPps: number;
  starving: number;
  starvingExamples: string[];
  /** Set when the source itself sent under 70 % of its reference rate (the publisher's browser starved). */
  sourceStarved: string | null;
  load1: number;
}

const steps: Step[] = [];
/** The publisher's first measured video packets/s: a starved publisher browser sends fewer, and the step is not counted. */
let referenceVideoPps = 0;
const stops: Partial<Record<Mode, string>> = {};

// ---------------------------------------------------------------- measuring

interface Snapshot {
  t: number;
  origin: number;
  edge: number;
  receivers: number;
  bench: number;
  lo: number;
  udp: ReturnType<typeof udpCounters>;
  rx: Map<number, RxCount>;
  sent: SentStats;
}

class Bench {
  readonly publisher = new PublisherPage();
  readonly pool = new ReceiverPool(RECEIVER_PROCS);
  readonly plane = new Plane(this.publisher, this.pool);
  listeners: Listener[] = [];

  async snapshot(): Promise<Snapshot> {
    const sent = await this.publisher.sent("videoroom");
    const { rx, ticks } = await this.pool.counts();
    const cpu = process.cpuUsage();
    return {
      t: performance.now(),
      origin: this.plane.origin.ticks(),
      edge: this.plane.edge.ticks(),
      receivers: ticks,
      bench: (cpu.user + cpu.system) / 1e6,
      lo: loTxBytes(),
      udp: udpCounters(),
      rx,
      sent,
    };
  }

  async addListeners(mode: Mode, target: number, deadline: number): Promise<void> {
    let started = this.listeners.length;
    let failed = false;
    const add = async () => {
      while (started < target && !failed) {
        if (Date.now() > deadline) throw new Error(`set-up over budget (${this.listeners.length} of ${target} listeners)`);
        started++;
        this.listeners.push(await this.plane.subscribe(mode));
      }
    };
    // Every worker stops at the first failure; all settle before the error is reported.
    const results = await Promise.allSettled(Array.from({ length: CONCURRENCY }, () => add().catch((e: unknown) => ((failed = true), Promise.reject(e)))));
    const rejected = results.find((r) => r.status === "rejected");
    if (rejected) throw (rejected as PromiseRejectedResult).reason;
  }

  /** Until every receiver's audio packet count rises (or the deadline). */
  async waitFlowing(deadline: number): Promise<string | null> {
    let before = (await this.pool.counts()).rx;
    for (;;) {
      await sleep(1_000);
      const now = (await this.pool.counts()).rx;
      const still = this.listeners.filter((l) => !((now.get(l.receiver)?.audio ?? 0) > (before.get(l.receiver)?.audio ?? 0)));
      if (still.length === 0) return null;
      if (Date.now() > deadline)
        return `${still.length} of ${this.listeners.length} receivers get no audio (connection states ${JSON.stringify(await this.pool.states())})`;
      before = now;
    }
  }

  async measure(mode: Mode, setupS: number): Promise<Step> {
    await sleep(SETTLE_MS);
    const snaps = [await this.snapshot()];
    for (let i = 0; i < SUB_WINDOWS; i++) {
      await sleep(WINDOW_MS / SUB_WINDOWS);
      snaps.push(await this.snapshot());
    }
    const pct = (a: number, b: number, s: number) => ((b - a) / CLK_TCK / s) * 100;
    const subs = snaps.slice(1).map((b, i) => {
      const a = snaps[i]!;
      const s = (b.t - a.t) / 1000;
      let bytes = 0;
      let packets = 0;
      for (const l of this.listeners) {
        const x = b.rx.get(l.receiver);
        const y = a.rx.get(l.receiver);
        bytes += (x?.bytes ?? 0) - (y?.bytes ?? 0);
        packets += (x?.audio ?? 0) + (x?.video ?? 0) - (y?.audio ?? 0) - (y?.video ?? 0);
      }
      return {
        origin: pct(a.origin, b.origin, s),
        edge: pct(a.edge, b.edge, s),
        receivers: pct(a.receivers, b.receivers, s),
        bench: ((b.bench - a.bench) / s) * 100,
        lo: ((b.lo - a.lo) * 8) / 1e6 / s,
        udpOut: (b.udp.out - a.udp.out) / s,
        udpDrops: (b.udp.rcvbufErrors - a.udp.rcvbufErrors + b.udp.inErrors - a.udp.inErrors) / s,
        egress: (bytes * 8) / 1000 / s,
        wire: ((bytes + UDP_IP * packets) * 8) / 1000 / s,
      };
    });
    const first = snaps[0]!;
    const last = snaps[snaps.length - 1]!;
    const seconds = (last.t - first.t) / 1000;
    const sourceAudioPps = mode === "mix" ? 50 : (last.sent.audioPackets - first.sent.audioPackets) / seconds;
    const sourceVideoPps = modeVideo(mode) ? (last.sent.videoPackets - first.sent.videoPackets) / seconds : 0;
    const per = this.listeners.map((l) => {
      const x = last.rx.get(l.receiver);
      const y = first.rx.get(l.receiver);
      const audio = ((x?.audio ?? 0) - (y?.audio ?? 0)) / seconds;
      const video = ((x?.video ?? 0) - (y?.video ?? 0)) / seconds;
      const bytes = (x?.bytes ?? 0) - (y?.bytes ?? 0);
      return { id: l.receiver, audio, video, wireKbps: ((bytes + UDP_IP * (audio + video) * seconds) * 8) / 1000 / seconds };
    });
    if (modeVideo(mode) && referenceVideoPps === 0) referenceVideoPps = sourceVideoPps;
    const sourceStarved =
      modeVideo(mode) && sourceVideoPps < VIDEO_SHARE * referenceVideoPps
        ? `the publisher sent ${fmt(sourceVideoPps)} video packets/s, under ${VIDEO_SHARE * 100} % of its first ${fmt(referenceVideoPps)}`
        : sourceAudioPps < AUDIO_SHARE * 50
          ? `the source sent ${fmt(sourceAudioPps)} audio packets/s`
          : null;
    const starving = per.filter((p) => p.audio < AUDIO_SHARE * sourceAudioPps || (modeVideo(mode) && p.video < VIDEO_SHARE * sourceVideoPps));
    const step: Step = {
      mode,
      listeners: this.listeners.length,
      setupS,
      originCpu: median(subs.map((s) => s.origin)),
      edgeCpu: median(subs.map((s) => s.edge)),
      originCpuSub: subs.map((s) => +s.origin.toFixed(2)),
      edgeCpuSub: subs.map((s) => +s.edge.toFixed(2)),
      receiversCpu: median(subs.map((s) => s.receivers)),
      benchCpu: median(subs.map((s) => s.bench)),
      originRssMiB: rssMiB(this.plane.origin.pid),
      edgeRssMiB: rssMiB(this.plane.edge.pid),
      originThreads: threads(this.plane.origin.pid),
      edgeThreads: threads(this.plane.edge.pid),
      egressKbps: median(subs.map((s) => s.egress)),
      egressWireKbps: median(subs.map((s) => s.wire)),
      loMbps: median(subs.map((s) => s.lo)),
      udpOutPps: median(subs.map((s) => s.udpOut)),
      udpRcvbufDropsPs: median(subs.map((s) => s.udpDrops)),
      ppsMedian: median(per.map((p) => p.audio + p.video)),
      ppsWorst: per.length ? Math.min(...per.map((p) => p.audio + p.video)) : NaN,
      audioPpsMedian: median(per.map((p) => p.audio)),
      videoPpsMedian: median(per.map((p) => p.video)),
      wireKbpsPerListener: median(per.map((p) => p.wireKbps)),
      sourceAudioPps,
      sourceVideoPps,
      starving: starving.length,
      starvingExamples: starving.slice(0, 3).map((p) => `receiver ${p.id}: audio ${fmt(p.audio)}/s, video ${fmt(p.video)}/s`),
      sourceStarved,
      load1: os.loadavg()[0]!,
    };
    steps.push(step);
    printRow(step);
    return step;
  }

  async dropListeners(): Promise<void> {
    const listeners = this.listeners;
    this.listeners = [];
    for (let i = 0; i < listeners.length; i += 50) await Promise.all(listeners.slice(i, i + 50).map((l) => l.handle.detach().catch(() => undefined)));
    await this.pool.close(listeners.map((l) => l.receiver));
    await sleep(2_000);
  }

  async close(): Promise<void> {
    this.pool.stop();
    await this.publisher.close();
    await this.plane.stop();
  }
}

// ---------------------------------------------------------------- output

const HEADER =
  "| mode | listeners | origin Janus CPU % (sub-windows) | edge Janus CPU % (sub-windows) | egress kbit/s on the wire (all listeners) | per listener kbit/s | packets/s per receiver median / worst (source audio + video) | starving | UDP datagrams/s sent; dropped at full receive buffers | receivers CPU % | RSS MiB origin / edge | threads origin / edge | load | set-up s |";
function printRow(s: Step): void {
  console.log(
    `| ${s.mode} | ${s.listeners} | ${fmt(s.originCpu)} (${s.originCpuSub.map((x) => fmt(x)).join(" / ")}) | ${fmt(s.edgeCpu)} (${s.edgeCpuSub.map((x) => fmt(x)).join(" / ")}) | ${fmt(s.egressWireKbps, 0)} | ${fmt(s.wireKbpsPerListener)} | ${fmt(s.ppsMedian)} / ${fmt(s.ppsWorst)} (${fmt(s.sourceAudioPps)} + ${fmt(s.sourceVideoPps)}) | ${s.starving} | ${fmt(s.udpOutPps, 0)}; ${fmt(s.udpRcvbufDropsPs, 0)} | ${fmt(s.receiversCpu)} | ${fmt(s.originRssMiB)} / ${fmt(s.edgeRssMiB)} | ${s.originThreads} / ${s.edgeThreads} | ${fmt(s.load1, 2)} | ${fmt(s.setupS)} |` +
      (s.starving ? `  STARVING: ${s.starvingExamples.join("; ")}` : "") +
      (s.sourceStarved ? `  SOURCE STARVED: ${s.sourceStarved}` : ""),
  );
}

// ---------------------------------------------------------------- the run

const janusThreading = () => {
  const loops = Number(process.env.BENCH_MEDIA_EVENT_LOOPS ?? "0");
  return loops > 0 ? `Janus event_loops ${loops}` : "Janus: a thread per handle";
};

async function ramp(bench: Bench, mode: Mode): Promise<void> {
  if (modeEdge(mode) && mode !== "mix") await bench.plane.remotize();
  else await bench.plane.unremotize();
  if (mode === "mix") {
    await bench.plane.startMix();
    bench.publisher.renice();
  }
  let stop = `the last step (${STEPS[STEPS.length - 1]}) was reached`;
  for (const target of STEPS) {
    const started = Date.now();
    const deadline = started + STEP_BASE_MS + PER_LISTENER_MS * Math.max(0, target - bench.listeners.length);
    try {
      await bench.addListeners(mode, target, deadline);
    } catch (error) {
      stop = `step ${target}: ${String(error).split("\n")[0]}`;
      break;
    }
    const notFlowing = target > 0 ? await bench.waitFlowing(deadline) : null;
    if (notFlowing) {
      stop = `step ${target}: ${notFlowing}`;
      break;
    }
    let step = await bench.measure(mode, (Date.now() - started) / 1000);
    // The publisher's browser starved by other work on the machine: measure again (twice at most).
    for (let retry = 0; retry < 2 && step.sourceStarved; retry++) {
      steps.splice(steps.indexOf(step), 1);
      console.log(`(${mode} ${target}: ${step.sourceStarved}; measuring again)`);
      step = await bench.measure(mode, (Date.now() - started) / 1000);
    }
    if (step.starving > STARVING_STOP * step.listeners) {
      stop = `step ${target}: ${step.starving} of ${step.listeners} receivers starving (${step.starvingExamples[0]})`;
      break;
    }
    if (step.sourceStarved) {
      stop = `step ${target}: ${step.sourceStarved} (the machine is saturated)`;
      break;
    }
  }
  stops[mode] = stop;
  console.log(`${mode}: stopped: ${stop}`);
  await bench.dropListeners();
}

interface ModeSummary {
  mode: Mode;
  label: string;
  servedSteps: number[];
  largestServed: number;
  /** Slope of the CPU of the Janus the listeners are on (origin for single, edge otherwise), % of a core per listener. */
  cpuPerListener: number;
  /** Slope of origin + edge CPU. */
  totalCpuPerListener: number;
  /** Slope of the bytes on the wire to all listeners, kbit/s per listener; and the median receiver's. */
  wireKbpsPerListener: number;
  medianReceiverKbps: number;
  /** The median receiver's wire rate at steps where the source sent at its full rate: what the 2,000-listener bandwidth uses. */
  fullRateKbps: number;
  /** Packets/s the median receiver got, and Janus CPU per packet sent (µs): the slope over that rate. */
  packetsPerListener: number;
  usPerPacket: number;
  /** Janus CPU per packet sent (µs) as the slope of its CPU over the packets/s all its listeners get (robust to a source that slows down). */
  usPerPacketFit: number;
  originCpuMedian: number;
  ratioToSingleAv: number;
  ratioToSingleAudio: number;
  plenary: { cores: number; coresWithHeadroom: number; edges: number; gbps: number };
  stop: string;
}

function summarize(): ModeSummary[] {
  const served = (mode: Mode) => steps.filter((s) => s.mode === mode && s.starving <= STARVING_STOP * s.listeners && !s.sourceStarved);
  const base: Partial<Record<Mode, number>> = {};
  const out: ModeSummary[] = [];
  for (const mode of MODE_LIST) {
    const xs = served(mode);
    const cpuOf = (s: Step) => (modeEdge(mode) ? s.edgeCpu : s.originCpu);
    const cpuPerListener = fit(xs.map((s) => ({ x: s.listeners, y: cpuOf(s) }))).slope;
    const totalCpuPerListener = fit(xs.map((s) => ({ x: s.listeners, y: s.originCpu + s.edgeCpu }))).slope;
    const wireKbpsPerListener = fit(xs.map((s) => ({ x: s.listeners, y: s.egressWireKbps }))).slope;
    if (mode === "single-av" || mode === "single-audio") base[mode] = cpuPerListener;
    const cores = (PLENARY * cpuPerListener) / 100;
    // Bandwidth per listener at the source's full rate (a publisher slowed by a saturated machine sends less).
    const fullRate = xs.filter(
      (s) =>
        s.listeners > 0 && s.ppsMedian >= 0.95 * (s.sourceAudioPps + s.sourceVideoPps) && (!modeVideo(mode) || s.sourceVideoPps >= 0.9 * referenceVideoPps),
    );
    const fullRateKbps = fullRate.length ? median(fullRate.map((s) => s.wireKbpsPerListener)) : wireKbpsPerListener;
    out.push({
      mode,
      label: MODE_LABEL[mode],
      servedSteps: xs.map((s) => s.listeners),
      largestServed: Math.max(0, ...xs.map((s) => s.listeners)),
      cpuPerListener,
      totalCpuPerListener,
      wireKbpsPerListener,
      medianReceiverKbps: median(xs.filter((s) => s.listeners > 0).map((s) => s.wireKbpsPerListener)),
      packetsPerListener: median(xs.filter((s) => s.listeners > 0).map((s) => s.ppsMedian)),
      usPerPacket: (cpuPerListener / 100 / median(xs.filter((s) => s.listeners > 0).map((s) => s.ppsMedian))) * 1e6,
      usPerPacketFit: (fit(xs.map((s) => ({ x: s.listeners * (s.listeners > 0 ? s.ppsMedian : 0), y: cpuOf(s) }))).slope / 100) * 1e6,
      originCpuMedian: median(xs.map((s) => s.originCpu)),
      ratioToSingleAv: NaN,
      ratioToSingleAudio: NaN,
      fullRateKbps,
      plenary: { cores, coresWithHeadroom: cores * 2, edges: Math.ceil((cores * 2) / EDGE_CORES), gbps: (PLENARY * fullRateKbps) / 1e6 },
      stop: stops[mode] ?? "not run",
    });
  }
  for (const m of out) {
    m.ratioToSingleAv = m.cpuPerListener / (base["single-av"] ?? NaN);
    m.ratioToSingleAudio = m.cpuPerListener / (base["single-audio"] ?? NaN);
  }
  return out;
}

async function main(): Promise<void> {
  if (env.YST_IN_MEDIA_NETNS !== "1") {
    console.error("bench:media must run inside the loopback-only namespace: npm run bench:media (bash e2e/media/netns-run.sh …)");
    process.exit(2);
  }
  Janode.Logger.setLevel("none");
  const watchdog = setTimeout(() => {
    console.error(`bench:media: gave up after ${WATCHDOG_MS / 60_000} minutes`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  const begun = new Date();
  const bench = new Bench();
  let failure: unknown;
  try {
    await bench.plane.start();
    await bench.publisher.open();
    const { audioMid } = await bench.plane.publish();
    const reniced = bench.publisher.renice();
    console.log(
      `bench:media (thin receivers): ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; ` +
        `origin Janus pid ${bench.plane.origin.pid}, edge pid ${bench.plane.edge.pid}; ${janusThreading()}; ${RECEIVER_PROCS} receiver processes; steps ${STEPS.join(",")}; ` +
        `window ${WINDOW_MS / 1000} s in ${SUB_WINDOWS} sub-windows; started ${begun.toISOString()}; publisher's audio mid ${audioMid}; ${reniced} publisher browser processes at nice -5`,
    );
    console.log(HEADER);
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const mode of MODE_LIST) await ramp(bench, mode);
  } catch (error) {
    failure = error;
    console.error("bench:media failed:", error);
  } finally {
    await bench.close();
  }
  const summary = summarize();
  console.log("");
  console.log(
    "| mode | served steps | Janus CPU per listener, % of a core (the listeners' Janus) | origin+edge per listener | ratio to single-Janus A/V (same run) | ratio to single-Janus audio-only | wire kbit/s per listener (slope; median receiver; at the full source rate) | packets/s per listener; Janus µs per packet (per listener; fit over packets) | origin CPU % (median) | 2,000 listeners: cores busy / with 50 % headroom / 4-core edges | 2,000 listeners: Gbit/s | stopped |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const m of summary)
    console.log(
      `| ${m.label} | ${m.servedSteps.join(",")} | ${fmt(m.cpuPerListener, 4)} | ${fmt(m.totalCpuPerListener, 4)} | ${fmt(m.ratioToSingleAv, 2)} | ${fmt(m.ratioToSingleAudio, 2)} | ${fmt(m.wireKbpsPerListener)}; ${fmt(m.medianReceiverKbps)}; ${fmt(m.fullRateKbps)} | ${fmt(m.packetsPerListener)}; ${fmt(m.usPerPacket)} (${fmt(m.usPerPacketFit)}) | ${fmt(m.originCpuMedian)} | ${fmt(m.plenary.cores)} / ${fmt(m.plenary.coresWithHeadroom)} / ${m.plenary.edges} | ${fmt(m.plenary.gbps, 3)} | ${m.stop} |`,
    );
  console.log("Figures are noisy: Janus's own CPU time on a 2-core machine shared with other work (see the load column).");
  const json = {
    date: begun.toISOString(),
    quick: QUICK,
    machine: { cores: os.cpus().length, model: os.cpus()[0]?.model, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version },
    windowS: WINDOW_MS / 1000,
    subWindows: SUB_WINDOWS,
    receiverProcesses: RECEIVER_PROCS,
    steps: STEPS,
    summary,
    samples: steps,
    failure: failure ? String(failure) : undefined,
  };
  console.log(`BENCH_MEDIA_JSON ${JSON.stringify(json)}`);
  clearTimeout(watchdog);
  process.exit(failure ? 1 : 0);
}

void main();
