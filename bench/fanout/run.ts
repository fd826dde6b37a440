// Fan-out benchmark orchestrator (`npm run bench`, see docs/performance.md). For each N it runs
// the real Yishiting server and a plain `ws` broadcast baseline, each in its own child process,
// against the same load generator (another child), and prints latency, memory and the ratios.
// Environment: BENCH_N="50,500,2000", BENCH_UPDATES (per N), BENCH_WARMUP, BENCH_SERVER_NODE_ARGS
// (extra node flags for the server children, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import os from "node:os";
import { Child, runBenchmark } from "../shared/child.ts";
import type { FromLoad, FromServer, MemorySample, ServerKind, ToLoad, ToServer } from "./ipc.ts";
import { fmt, summarize, type Summary } from "./stats.ts";

const SIZES = (process.env.BENCH_N ?? "50,500,2000").split(",").map(Number);
const CHAIRS = 5; // the chairs take turns: each stays under the 10 commands/s per-connection limit
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const updatesFor = (n: number): number => Number(process.env.BENCH_UPDATES ?? (n >= 2000 ? 200 : 300));
const INTERVAL_MS = 20;
const CONNECT_CONCURRENCY = 50;
const WATCHDOG_MS = 10 * 60_000;

const TARGET = { n: 2000, p50: 100, p99: 250, ratio: 1.5, kbPerMember: 40 };

interface CaseResult extends Memory {
  kind: ServerKind;
  n: number;
  updates: number;
  connectSeconds: number;
  last: Summary;
  first: Summary;
  ack: Summary;
  cpuMsPerUpdate: number;
  loadCpuMsPerUpdate: number;
  packetBytes: number;
  /** 1-minute load average of the machine when the case ended. */
  loadAverage: number;
}

const KINDS: readonly ServerKind[] = ["yishiting", "baseline"];

/** Growth per member from before the members joined to after (forced GC), KB. */
interface Memory {
  rssKb: number;
  /** RSS less V8's young generation (a fixed-cap buffer that grows under any allocation burst). */
  rssOldKb: number;
  heapKb: number;
}

interface Connected extends Memory {
  kind: ServerKind;
  server: Child<ToServer, FromServer>;
  connectSeconds: number;
  after: MemorySample;
}

const memory = async (server: Child<ToServer, FromServer>): Promise<MemorySample> => {
  server.send({ type: "memory" });
  return server.expect("memory", 30_000);
};

/** Starts one server and connects its chairs, then (memory sampled around it) its members. */
async function start(kind: ServerKind, n: number, load: Child<ToLoad, FromLoad>, servers: Child<ToServer, FromServer>[]): Promise<Connected> {
  const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = new Child<ToServer, FromServer>(`bench/fanout/${kind}Server.ts`, [String(n), String(CHAIRS)], serverNodeArgs);
  servers.push(server);
  const ready = await server.expect("ready", 180_000);
  const url = `ws://127.0.0.1:${ready.port}/socket.io/?EIO=4&transport=websocket`;
  load.send({ type: "connect", target: kind, url, who: "chairs", clients: ready.chairs, concurrency: CHAIRS, timeoutMs: 30_000 });
  await load.expect("connected", 35_000);
  const before = await memory(server);
  load.send({ type: "connect", target: kind, url, who: "members", clients: ready.members, concurrency: CONNECT_CONCURRENCY, timeoutMs: 180_000 });
  const connected = await load.expect("connected", 185_000);
  const after = await memory(server);
  const mb = (m: MemorySample): string =>
    `rss ${fmt(m.rss / 2 ** 20)} young ${fmt(m.youngGeneration / 2 ** 20)} heapTotal ${fmt(m.heapTotal / 2 ** 20)} heapUsed ${fmt(m.heapUsed / 2 ** 20)}`;
  console.error(`[bench] N=${n} ${kind}: joined in ${fmt(connected.ms / 1000)} s; MiB before: ${mb(before)}; after: ${mb(after)}`);
  if (after.connections !== n + CHAIRS) throw new Error(`${kind}: server sees ${after.connections} sockets, expected ${n + CHAIRS}`);
  const perMember = (bytes: (m: MemorySample) => number): number => (bytes(after) - bytes(before)) / 1024 / n;
  return {
    kind,
    server,
    connectSeconds: connected.ms / 1000,
    after,
    rssKb: perMember((m) => m.rss),
    rssOldKb: perMember((m) => m.rss - m.youngGeneration),
    heapKb: perMember((m) => m.heapUsed),
  };
}

/** One N: both servers, one load generator holding both sets of clients, updates alternating. */
async function measure(n: number): Promise<CaseResult[]> {
  const load = new Child<ToLoad, FromLoad>("bench/fanout/loadClients.ts", []);
  const servers: Child<ToServer, FromServer>[] = [];
  try {
    const connected: Connected[] = [];
    for (const kind of KINDS) connected.push(await start(kind, n, load, servers));
    const updates = updatesFor(n);
    load.send({ type: "run", warmup: WARMUP, updates, intervalMs: INTERVAL_MS, timeoutMs: 10_000 });
    const { results } = await load.expect("result", 300_000);
    const loadAverage = os.loadavg()[0] ?? Number.NaN;
    const out: CaseResult[] = [];
    for (const c of connected) {
      const end = await memory(c.server);
      const samples = results.find((r) => r.target === c.kind)?.samples;
      if (!samples) throw new Error(`no samples for ${c.kind}`);
      out.push({
        kind: c.kind,
        n,
        updates: samples.last.length,
        connectSeconds: c.connectSeconds,
        last: summarize(samples.last),
        first: summarize(samples.first),
        ack: summarize(samples.ack),
        // Every command since the members joined: meeting.open, two queue.request, warm-up and measured updates.
        cpuMsPerUpdate: (end.cpuBeforeGc - c.after.cpuAfterGc) / 1000 / (3 + WARMUP + updates),
        loadCpuMsPerUpdate: samples.cpuMicros / 1000 / updates,
        packetBytes: samples.packetBytes,
        loadAverage,
        rssKb: c.rssKb,
        rssOldKb: c.rssOldKb,
        heapKb: c.heapKb,
      });
    }
    return out;
  } finally {
    load.kill();
    await Promise.all(servers.map((server) => stop(server)));
  }
}

async function stop(server: Child<ToServer, FromServer>): Promise<void> {
  server.send({ type: "stop" });
  await server.expect("stopped", 10_000).catch(() => undefined);
  await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  server.kill();
}

function report(results: CaseResult[]): void {
  const cpu = os.cpus();
  console.log(`\nFan-out benchmark — ${new Date().toISOString()}`);
  console.log(`${cpu.length} × ${cpu[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`);
  console.log(
    `${CHAIRS} chairs + N members; ${WARMUP} warm-up updates, then the two servers' updates alternate; ` +
      `times in ms from the chair's send to the last (first) client having the update, or to the chair's ack\n`,
  );
  console.log(
    "| N | server | updates | packet bytes | last p50 | last p99 | last max | first p50 | ack p50 | server CPU ms/update | load-gen CPU ms/update | load avg |",
  );
  console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    console.log(
      `| ${r.n} | ${r.kind} | ${r.updates} | ${r.packetBytes} | ${fmt(r.last.p50)} | ${fmt(r.last.p99)} | ${fmt(r.last.max)} | ` +
        `${fmt(r.first.p50)} | ${fmt(r.ack.p50)} | ${fmt(r.cpuMsPerUpdate)} | ${fmt(r.loadCpuMsPerUpdate)} | ${fmt(r.loadAverage)} |`,
    );
  }
  console.log("\nServer memory growth per member (before → after the members joined, forced GC), KB; time for all to join:\n");
  console.log("| N | server | join s | RSS | RSS less young generation | V8 heap used |");
  console.log("|---:|---|---:|---:|---:|---:|");
  for (const r of results) {
    console.log(`| ${r.n} | ${r.kind} | ${fmt(r.connectSeconds)} | ${fmt(r.rssKb)} | ${fmt(r.rssOldKb)} | ${fmt(r.heapKb)} |`);
  }
  console.log("\n| N | last p50 ratio (yishiting / baseline) | last p99 ratio |");
  console.log("|---:|---:|---:|");
  for (const n of SIZES) {
    const y = results.find((r) => r.n === n && r.kind === "yishiting");
    const b = results.find((r) => r.n === n && r.kind === "baseline");
    if (y && b) console.log(`| ${n} | ${fmt(y.last.p50 / b.last.p50, 2)} | ${fmt(y.last.p99 / b.last.p99, 2)} |`);
  }
  const y = results.find((r) => r.n === TARGET.n && r.kind === "yishiting");
  const b = results.find((r) => r.n === TARGET.n && r.kind === "baseline");
  if (!y || !b) return;
  const ratio = y.last.p50 / b.last.p50;
  const checks: [string, boolean][] = [
    [`last-client p50 ${fmt(y.last.p50)} ms ≤ ${TARGET.p50} ms`, y.last.p50 <= TARGET.p50],
    [`last-client p99 ${fmt(y.last.p99)} ms ≤ ${TARGET.p99} ms`, y.last.p99 <= TARGET.p99],
    [`last-client p50 ratio to baseline ${fmt(ratio, 2)} ≤ ${TARGET.ratio}`, ratio <= TARGET.ratio],
    [`memory: RSS growth ${fmt(y.rssKb)} KB per member ≤ ${TARGET.kbPerMember} KB (V8 heap used: ${fmt(y.heapKb)} KB)`, y.rssKb <= TARGET.kbPerMember],
  ];
  console.log(`\nTargets at N = ${TARGET.n}:`);
  for (const [label, met] of checks) console.log(`  ${met ? "met    " : "NOT met"}  ${label}`);
}

async function main(): Promise<void> {
  const results: CaseResult[] = [];
  for (const n of SIZES) {
    const started = Date.now();
    for (const result of await measure(n)) {
      results.push(result);
      console.error(`[bench] N=${n} ${result.kind}: last p50 ${fmt(result.last.p50)} ms, p99 ${fmt(result.last.p99)} ms`);
    }
    console.error(`[bench] N=${n} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  report(results);
}

runBenchmark(main, WATCHDOG_MS);
