// Instruments the Yishiting server child for a measured window, from outside the server code:
// the SQLite transactions of its one connection (BEGIN → COMMIT, through better-sqlite3, which
// Prisma's adapter prepares every statement with), the event log's appends, the archive's
// reindexes, the event loop's delay, CPU time, and optionally a CPU profile.
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";
import { monitorEventLoopDelay, performance, PerformanceObserver } from "node:perf_hooks";
import Database from "better-sqlite3";
import type { YishitingServer } from "../../server/src/server.ts";
import { cpuMicros } from "../fanout/ipc.ts";
import type { ProbeResult } from "./ipc.ts";

interface Window {
  start: number;
  ticker: ReturnType<typeof setInterval>;
  cpu: number;
  result: ProbeResult;
  open: { start: number; statements: number } | null;
}

let window: Window | null = null;

const statementKey = (sql: string): string => sql.replace(/\s+/g, " ").trim().split(" ").slice(0, 3).join(" ").slice(0, 40);

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

/** Records a statement of the window: opens or closes its transaction, or is a write committed by itself. */
function timed(w: Window, sql: string, t0: number, t1: number): void {
  if (sql === "BEGIN") w.open = { start: t0, statements: 0 };
  else if (sql === "COMMIT" && w.open) {
    w.result.transactions.push({ startMs: w.open.start - w.start, holdMs: t1 - w.open.start, commitMs: t1 - t0, statements: w.open.statements });
    w.open = null;
  } else if (w.open) w.open.statements += 1;
  else if (WRITE.test(sql)) w.result.transactions.push({ startMs: t0 - w.start, holdMs: t1 - t0, commitMs: t1 - t0, statements: 1 });
}

/**
 * Wraps each statement's run while a window is open, so that a transaction is timed from its
 * BEGIN to its COMMIT, and a write outside one (SQLite commits it by itself) as one statement.
 * Installed before the server opens its database.
 */
function installSqlProbe(): void {
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    const statement = prepare.call(this, sql);
    const w = window;
    if (!w) return statement;
    const key = statementKey(sql);
    w.result.statements[key] = (w.result.statements[key] ?? 0) + 1;
    // Prisma runs a write with RETURNING through all(), others through run().
    for (const method of ["run", "all"] as const) {
      const original = statement[method] as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = function (this: Database.Statement, ...args: unknown[]) {
        const t0 = performance.now();
        const result = original.apply(this, args);
        if (window === w) timed(w, sql, t0, performance.now());
        return result;
      };
    }
    return statement;
  } as typeof prepare;
}

installSqlProbe();

const loop = monitorEventLoopDelay({ resolution: 5 });
const profiler = new inspector.Session();
const post = (method: string): Promise<unknown> =>
  new Promise((resolve, reject) => profiler.post(method, (error, result) => (error ? reject(error) : resolve(result))));
let profiling: string | null = null;
const gcObserver = new PerformanceObserver((list) => {
  const gc = window?.result.gc;
  if (!gc) return;
  for (const entry of list.getEntries()) {
    gc.count += 1;
    gc.totalMs += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
  }
});

/** Times the server's event-log appends and archive reindexes while a window is open. */
export function instrument(server: YishitingServer): void {
  const append = server.store.append.bind(server.store);
  server.store.append = async (meetingId, events) => {
    const w = window;
    const t0 = performance.now();
    await append(meetingId, events);
    if (w && window === w) w.result.appendMs.push(performance.now() - t0);
  };
  const reindex = server.archive.reindex.bind(server.archive);
  server.archive.reindex = async (meetingId) => {
    const w = window;
    const t0 = performance.now();
    await reindex(meetingId);
    if (w && window === w) w.result.reindexes.push({ startMs: t0 - w.start, ms: performance.now() - t0 });
  };
}

export async function startWindow(name: string): Promise<void> {
  const start = performance.now();
  const result: ProbeResult = {
    wallMs: 0,
    cpuMs: 0,
    loopDelay: { p50: 0, p99: 0, max: 0 },
    stalls: [],
    gc: { count: 0, totalMs: 0, maxMs: 0 },
    appendMs: [],
    transactions: [],
    reindexes: [],
    statements: {},
    profile: null,
  };
  // A 10 ms ticker: a gap of more than 50 ms between two ticks is a stall (when, how long, and the CPU used meanwhile).
  let last = start;
  let lastCpu = cpuMicros();
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = cpuMicros();
    if (now - last > 50) result.stalls.push({ startMs: last - start, ms: now - last, cpuMs: (cpu - lastCpu) / 1000 });
    last = now;
    lastCpu = cpu;
  }, 10);
  window = { start, ticker, cpu: cpuMicros(), open: null, result };
  gcObserver.observe({ entryTypes: ["gc"] });
  loop.reset();
  loop.enable();
  const dir = process.env.BENCH_PROFILE_DIR;
  if (dir) {
    profiler.connect();
    await post("Profiler.enable");
    await post("Profiler.start");
    profiling = path.join(dir, `${name}.cpuprofile`);
  }
}

export async function stopWindow(): Promise<ProbeResult> {
  const w = window;
  if (!w) throw new Error("no window open");
  window = null;
  clearInterval(w.ticker);
  gcObserver.disconnect();
  loop.disable();
  const ms = (ns: number): number => ns / 1e6;
  w.result.wallMs = performance.now() - w.start;
  w.result.cpuMs = (cpuMicros() - w.cpu) / 1000;
  w.result.loopDelay = { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) };
  if (profiling) {
    const { profile } = (await post("Profiler.stop")) as { profile: object };
    profiler.disconnect();
    fs.mkdirSync(path.dirname(profiling), { recursive: true });
    fs.writeFileSync(profiling, JSON.stringify(profile));
    w.result.profile = profiling;
    profiling = null;
  }
  return w.result;
}
