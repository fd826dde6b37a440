// Fan-out benchmark orchestrator (`npm run bench`, see docs/performance.md). For each N it runs
// the real Yishiting server and a plain `ws` broadcast baseline, each in its own child process,
// against the same load generator (another child), and prints latency, memory and the ratios.
// Environment: BENCH_N="50,500,2000", BENCH_UPDATES (per N), BENCH_WARMUP.
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import type { FromLoad, FromServer, MemorySample, ServerKind, ToLoad, ToServer, UpdateSamples } from "./ipc.ts";
import { fmt, summarize, type Summary } from "./stats.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SIZES = (process.env.BENCH_N ?? "50,500,2000").split(",").map(Number);
const CHAIRS = 5; // the chairs take turns: each stays under the 10 commands/s per-connection limit
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const updatesFor = (n: number): number => Number(process.env.BENCH_UPDATES ?? (n >= 2000 ? 200 : 300));
const INTERVAL_MS = 25;
const CONNECT_CONCURRENCY = 50;
const WATCHDOG_MS = 10 * 60_000;

const TARGET = { n: 2000, p50: 100, p99: 250, ratio: 1.5, kbPerMember: 40 };

const children = new Set<ChildProcess>();

/** A child process on IPC: `expect` waits for its next message of a type (or its error/exit). */
class Child<In, Out extends { type: string }> {
  private readonly process: ChildProcess;
  private readonly inbox: Out[] = [];
  private wake: () => void = () => undefined;
  private failure: Error | null = null;

  constructor(script: string, args: string[]) {
    // Raise the descriptor limit for 2,000+ sockets per process, then become node.
    const shell = 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"';
    const node = [process.execPath, "--expose-gc", "--import", "tsx", path.join(ROOT, script), ...args];
    this.process = spawn("bash", ["-c", shell, "bash", ...node], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    children.add(this.process);
    this.process.on("message", (message: Out & { message?: string }) => {
      if (message.type === "error") this.failure = new Error(`${path.basename(script)}: ${message.message}`);
      else this.inbox.push(message);
      this.wake();
    });
    this.process.on("exit", (code, signal) => {
      children.delete(this.process);
      this.failure ??= new Error(`${path.basename(script)} exited (${code ?? signal})`);
      this.wake();
    });
  }

  send(message: In): void {
    this.process.send(message as object);
  }

  async expect<T extends Out["type"]>(type: T, timeoutMs: number): Promise<Extract<Out, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type);
      if (index >= 0) return this.inbox.splice(index, 1)[0] as Extract<Out, { type: T }>;
      if (this.failure) throw this.failure;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no '${type}' within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => (clearTimeout(timer), resolve());
      });
    }
  }

  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill("SIGKILL");
  }
}

interface CaseResult {
  kind: ServerKind;
  n: number;
  updates: number;
  connectSeconds: number;
  last: Summary;
  first: Summary;
  ack: Summary;
  cpuMsPerUpdate: number;
  rssKbPerMember: number;
  heapKbPerMember: number;
}

async function measure(kind: ServerKind, n: number): Promise<CaseResult> {
  const server = new Child<ToServer, FromServer>(`bench/fanout/${kind}Server.ts`, [String(n), String(CHAIRS)]);
  const load = new Child<ToLoad, FromLoad>("bench/fanout/loadClients.ts", []);
  const memory = async (): Promise<MemorySample> => {
    server.send({ type: "memory" });
    return server.expect("memory", 30_000);
  };
  try {
    const ready = await server.expect("ready", 180_000);
    const url = `ws://127.0.0.1:${ready.port}/socket.io/?EIO=4&transport=websocket`;
    load.send({ type: "connect", url, who: "chairs", clients: ready.chairs, concurrency: CHAIRS, timeoutMs: 30_000 });
    await load.expect("connected", 35_000);
    const before = await memory();
    load.send({ type: "connect", url, who: "members", clients: ready.members, concurrency: CONNECT_CONCURRENCY, timeoutMs: 180_000 });
    const connected = await load.expect("connected", 185_000);
    const after = await memory();
    if (after.connections !== n + CHAIRS) throw new Error(`${kind}: server sees ${after.connections} sockets, expected ${n + CHAIRS}`);
    const updates = updatesFor(n);
    load.send({ type: "run", warmup: WARMUP, updates, intervalMs: INTERVAL_MS, timeoutMs: 10_000 });
    const samples: UpdateSamples = await load.expect("result", 300_000);
    const end = await memory();
    return {
      kind,
      n,
      updates: samples.last.length,
      connectSeconds: connected.ms / 1000,
      last: summarize(samples.last),
      first: summarize(samples.first),
      ack: summarize(samples.ack),
      cpuMsPerUpdate: (end.cpuBeforeGc - after.cpuAfterGc) / 1000 / (WARMUP + updates + 2),
      rssKbPerMember: (after.rss - before.rss) / 1024 / n,
      heapKbPerMember: (after.heapUsed - before.heapUsed) / 1024 / n,
    };
  } finally {
    load.kill();
    server.send({ type: "stop" });
    await server.expect("stopped", 10_000).catch(() => undefined);
    server.kill();
  }
}

function report(results: CaseResult[]): void {
  const cpu = os.cpus();
  console.log(`\nFan-out benchmark — ${new Date().toISOString()}`);
  console.log(`${cpu.length} × ${cpu[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`);
  console.log(`${CHAIRS} chairs + N members per meeting; warm-up ${WARMUP} updates; times in ms from the chair's send\n`);
  console.log("| N | server | updates | connect s | last p50 | last p99 | last max | first p50 | ack p50 | server CPU ms/update | RSS KB/member | heap KB/member |");
  console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    console.log(
      `| ${r.n} | ${r.kind} | ${r.updates} | ${fmt(r.connectSeconds)} | ${fmt(r.last.p50)} | ${fmt(r.last.p99)} | ${fmt(r.last.max)} | ` +
        `${fmt(r.first.p50)} | ${fmt(r.ack.p50)} | ${fmt(r.cpuMsPerUpdate, 2)} | ${fmt(r.rssKbPerMember)} | ${fmt(r.heapKbPerMember)} |`,
    );
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
  const memory = Math.max(y.rssKbPerMember, y.heapKbPerMember);
  const checks: [string, boolean][] = [
    [`last-client p50 ${fmt(y.last.p50)} ms ≤ ${TARGET.p50} ms`, y.last.p50 <= TARGET.p50],
    [`last-client p99 ${fmt(y.last.p99)} ms ≤ ${TARGET.p99} ms`, y.last.p99 <= TARGET.p99],
    [`p50 ratio to baseline ${fmt(y.last.p50 / b.last.p50, 2)} ≤ ${TARGET.ratio}`, y.last.p50 / b.last.p50 <= TARGET.ratio],
    [`memory ${fmt(memory)} KB per member (max of RSS, heap) ≤ ${TARGET.kbPerMember} KB`, memory <= TARGET.kbPerMember],
  ];
  console.log(`\nTargets at N = ${TARGET.n}:`);
  for (const [label, met] of checks) console.log(`  ${met ? "met    " : "NOT met"}  ${label}`);
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`[bench] still running after ${WATCHDOG_MS / 60_000} min, giving up`);
    for (const child of children) child.kill("SIGKILL");
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();
  const results: CaseResult[] = [];
  for (const n of SIZES) {
    for (const kind of ["yishiting", "baseline"] as const) {
      const started = Date.now();
      const result = await measure(kind, n);
      results.push(result);
      console.error(`[bench] N=${n} ${kind}: last p50 ${fmt(result.last.p50)} ms, p99 ${fmt(result.last.p99)} ms (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  report(results);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill("SIGKILL");
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  console.error("[bench] failed:", error);
  for (const child of children) child.kill("SIGKILL");
  process.exit(1);
});
