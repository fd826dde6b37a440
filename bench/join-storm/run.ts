// Join-storm benchmark (`npm run bench:join`, see docs/performance.md "Join storm, restart and many
// meetings"). Against the real server (child process, SQLite file) and a plain `ws` baseline
// (child process) in the same run, with thin raw-WebSocket clients (another child):
// 1. storm: N members of one open meeting connect at the same moment; per member, connect → `sync`;
//    the baseline sends each member a `sync` of the same bytes as Yishiting sent it;
// 2. crash: with everyone present, kill -9 the server, start it again on the same data folder and
//    port; the clients reconnect with auth.lastSeq; per client, server listening → catch-up `sync`;
//    members marked absent meanwhile (the log and what one member received); the baseline restarts
//    and resends the same bytes as Yishiting's catch-ups;
// 3. multi: MEETINGS × MEMBERS connected, every chair sends queue.move at a steady rate; ack latency,
//    the servers alternating in slices; the Yishiting server's SQLite transactions, appends, archive
//    reindexes and event-loop delay in the same windows (probe.ts).
// Environment: BENCH_N ("500,2000"), BENCH_CASES ("storm,crash,multi"), BENCH_RECONNECT ("fixed":
// 100–300 ms, or "socketio": the browser client's backoff), BENCH_MULTI ("50x40"), BENCH_MULTI_RATE
// (commands per second per chair, 2), BENCH_MULTI_SECONDS (20 per server), BENCH_PROFILE_DIR (CPU
// profiles of the Yishiting server per window), BENCH_SERVER_NODE_ARGS, and the experiments of
// yishitingServer.ts (BENCH_SQLITE_SYNCHRONOUS, BENCH_NO_ARCHIVE).
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fmt, percentile, summarize, type Summary } from "../fanout/stats.ts";
import { Child, runBenchmark, ROOT } from "../shared/child.ts";
import { sleep } from "../shared/wire.ts";
import type {
  BaselineSetup,
  FromLoad,
  FromServer,
  ProbeResult,
  ReconnectPolicy,
  RecoverySamples,
  RunSamples,
  ServerKind,
  StormSamples,
  ToLoad,
  ToServer,
} from "./ipc.ts";

const SIZES = (process.env.BENCH_N ?? "500,2000").split(",").map(Number);
const CASES = new Set((process.env.BENCH_CASES ?? "storm,crash,multi").split(","));
const POLICY: ReconnectPolicy = process.env.BENCH_RECONNECT === "socketio" ? { kind: "socketio" } : { kind: "fixed", minMs: 100, maxMs: 300 };
const [MEETINGS, PER_MEETING] = (process.env.BENCH_MULTI ?? "50x40").split("x").map(Number) as [number, number];
const RATE = Number(process.env.BENCH_MULTI_RATE ?? 2);
const MULTI_SECONDS = Number(process.env.BENCH_MULTI_SECONDS ?? 20);
const SLICES = 10;
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
const WATCHDOG_MS = 10 * 60_000;
const STORM_MS = 240_000;
const RECOVER_MS = 180_000;
const TARGET = { stormP99Ms: 2000, crashP99Ms: 2000, absent: 0, snapshotBytes: 16 * 1024, multiAckP99Ms: 20, n: 2000 };

type Server = Child<ToServer, FromServer>;
type Load = Child<ToLoad, FromLoad>;

const yishiting = (args: string[]): Server => new Child("bench/join-storm/yishitingServer.ts", args, SERVER_NODE_ARGS);
async function baseline(setup: BaselineSetup): Promise<{ server: Server; ready: Extract<FromServer, { type: "ready" }> }> {
  const server: Server = new Child("bench/join-storm/baselineServer.ts", []);
  server.send({ type: "configure", ...setup });
  return { server, ready: await server.expect("ready", 60_000) };
}

async function stop(server: Server): Promise<void> {
  await server.ask({ type: "stop" }, "stopped", 20_000).catch(() => undefined);
  await Promise.race([server.exited, sleep(10_000)]);
  server.kill();
}

const loadAverage = (): number => os.loadavg()[0] ?? Number.NaN;
const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);
const dataDirs: string[] = [];

// ---------------------------------------------------------------------------------------------
// 1 + 2: storm and crash at one N.
interface StormResult {
  kind: ServerKind;
  n: number;
  connectToSync: Summary;
  openToSync: Summary;
  totalMs: number;
  firstBytes: number;
  lastBytes: number;
  maxBytes: number;
  failures: number;
  gaps: number;
  duplicates: number;
  serverCpuMs: number;
  /** SQL statements the server prepared in the storm (Prisma prepares each query), by their first words. */
  statements: Record<string, number>;
  loadAverage: number;
}

interface CrashResult {
  kind: ServerKind;
  n: number;
  /** kill -9 → the new process listening, ms. */
  restartMs: number;
  fromListening: Summary;
  connectToSync: Summary;
  attemptsMean: number;
  catchUpBytes: Summary;
  eventCatchUps: number;
  clients: number;
  missing: number;
  gaps: number;
  duplicates: number;
  /** Yishiting: the log after the kill, and presence once everyone was back. */
  leftInLog: number | null;
  excusedInLog: number | null;
  arrivedInLog: number | null;
  eventsInLog: Record<string, number> | null;
  observed: Record<string, number>;
  observedLeft: number;
  presentBefore: number | null;
  presentAfter: number | null;
  serverCpuMs: number | null;
  statements: Record<string, number>;
  loadAverage: number;
}

function stormResult(kind: ServerKind, n: number, s: StormSamples, gaps: number, duplicates: number, probe: ProbeResult): StormResult {
  return {
    kind,
    n,
    connectToSync: summarize(s.connectToSync),
    openToSync: summarize(s.openToSync),
    totalMs: s.totalMs,
    firstBytes: s.firstBytes,
    lastBytes: s.lastBytes,
    maxBytes: Math.max(...s.syncBytes),
    failures: s.failures,
    gaps,
    duplicates,
    serverCpuMs: probe.cpuMs,
    statements: probe.statements,
    loadAverage: loadAverage(),
  };
}

async function present(server: Server, meetingId: string): Promise<{ present: number; seq: number }> {
  return server.ask({ type: "present", meetingId }, "present", 30_000);
}

async function stormAndCrash(n: number, load: Load): Promise<{ storms: StormResult[]; crashes: CrashResult[] }> {
  const storms: StormResult[] = [];
  const crashes: CrashResult[] = [];
  let y = yishiting(["storm", String(n)]);
  let b: Server | null = null;
  try {
    const ready = await y.expect("ready", 180_000);
    dataDirs.push(ready.dataDir);
    const meeting = ready.meetings[0]!;
    load.send({ type: "join", target: "yishiting", port: ready.port, meetings: [meeting], who: "chairs", concurrency: 1, timeoutMs: 30_000 });
    await load.expect("joined", 35_000);
    load.send({ type: "commands", target: "yishiting", commands: [{ meeting: 0, who: "chair", command: { type: "meeting.open" } }], timeoutMs: 30_000 });
    await load.expect("commanded", 35_000);
    console.error(`[bench] N=${n}: Yishiting storm …`);

    y.send({ type: "probe.start", name: `storm-${n}` });
    load.send({ type: "storm", target: "yishiting", port: ready.port, meeting, policy: POLICY, timeoutMs: STORM_MS });
    const ys = await load.expect("stormed", STORM_MS + 10_000);
    const yProbe = await y.ask({ type: "probe.stop" }, "probe", 60_000);
    storms.push(stormResult("yishiting", n, ys.samples, ys.gaps, ys.duplicates, yProbe));
    console.error(`[bench] N=${n}: Yishiting storm p99 ${fmt(storms.at(-1)!.connectToSync.p99)} ms, total ${fmt(ys.samples.totalMs / 1000)} s`);
    // Everyone present (the batched arrivals) before the crash.
    let before = await present(y, meeting.meetingId);
    for (const deadline = Date.now() + 60_000; before.present < n + 1 && Date.now() < deadline; before = await present(y, meeting.meetingId)) await sleep(500);

    const started = await baseline({ port: 0, syncBytes: ys.samples.syncBytes, meetings: 0, membersPerMeeting: 0 });
    b = started.server;
    dataDirs.push(started.ready.dataDir);
    console.error(`[bench] N=${n}: baseline storm …`);
    b.send({ type: "probe.start", name: `storm-baseline-${n}` });
    load.send({ type: "storm", target: "baseline", port: started.ready.port, meeting: started.ready.meetings[0]!, policy: POLICY, timeoutMs: STORM_MS });
    const bs = await load.expect("stormed", STORM_MS + 10_000);
    const bProbe = await b.ask({ type: "probe.stop" }, "probe", 60_000);
    storms.push(stormResult("baseline", n, bs.samples, bs.gaps, bs.duplicates, bProbe));

    if (!CASES.has("crash")) return { storms, crashes };
    // Crash Yishiting.
    console.error(`[bench] N=${n}: Yishiting kill -9 with ${before.present} present at seq ${before.seq} …`);
    load.send({ type: "arm", target: "yishiting", policy: POLICY });
    const armed = await load.expect("armed", 30_000);
    if (armed.unknownSeq > 0) throw new Error(`${armed.unknownSeq} clients have no seq to resume from`);
    const killedAt = Date.now();
    y.kill();
    await y.exited;
    y = yishiting(["resume", ready.dataDir, String(ready.port), ready.secret]);
    const again = await y.expect("ready", 120_000);
    y.send({ type: "probe.start", name: `recovery-${n}` });
    load.send({ type: "recover", target: "yishiting", listeningAt: again.listeningAt, timeoutMs: RECOVER_MS });
    const yr = await load.expect("recovered", RECOVER_MS + 10_000);
    await sleep(1000); // the arrival batch of the last ones back
    const yrProbe = await y.ask({ type: "probe.stop" }, "probe", 60_000);
    const after = await present(y, meeting.meetingId);
    const log = await y.ask({ type: "log", meetingId: meeting.meetingId, afterSeq: before.seq }, "log", 60_000);
    crashes.push(
      crashResult("yishiting", n, again.listeningAt - killedAt, yr.samples, yr.gaps, yr.duplicates, yrProbe, {
        log,
        before: before.present,
        after: after.present,
      }),
    );
    console.error(`[bench] N=${n}: Yishiting back p99 ${fmt(crashes.at(-1)!.fromListening.p99)} ms after listening; attendance.left in the log: ${log.left}`);

    // Crash the baseline: it resends the same bytes as each member's Yishiting catch-up.
    load.send({ type: "arm", target: "baseline", policy: POLICY });
    await load.expect("armed", 30_000);
    const bKilledAt = Date.now();
    b.kill();
    await b.exited;
    const restarted = await baseline({ port: started.ready.port, syncBytes: yr.samples.syncBytes, meetings: 0, membersPerMeeting: 0 });
    b = restarted.server;
    dataDirs.push(restarted.ready.dataDir);
    b.send({ type: "probe.start", name: `recovery-baseline-${n}` });
    load.send({ type: "recover", target: "baseline", listeningAt: restarted.ready.listeningAt, timeoutMs: RECOVER_MS });
    const br = await load.expect("recovered", RECOVER_MS + 10_000);
    const brProbe = await b.ask({ type: "probe.stop" }, "probe", 60_000);
    crashes.push(crashResult("baseline", n, restarted.ready.listeningAt - bKilledAt, br.samples, br.gaps, br.duplicates, brProbe, null));
    return { storms, crashes };
  } finally {
    for (const target of ["yishiting", "baseline"] as const) {
      load.send({ type: "close", target });
      await load.expect("closed", 30_000).catch(() => undefined);
    }
    await stop(y);
    if (b) await stop(b);
  }
}

function crashResult(
  kind: ServerKind,
  n: number,
  restartMs: number,
  s: RecoverySamples,
  gaps: number,
  duplicates: number,
  probe: ProbeResult,
  yishitingSide: { log: Extract<FromServer, { type: "log" }>; before: number; after: number } | null,
): CrashResult {
  return {
    kind,
    n,
    restartMs,
    fromListening: summarize(s.fromListening),
    connectToSync: summarize(s.connectToSync),
    attemptsMean: s.attempts.reduce((a, x) => a + x, 0) / Math.max(1, s.attempts.length),
    catchUpBytes: summarize(s.syncBytes),
    eventCatchUps: s.eventCatchUps,
    clients: s.attempts.length,
    missing: s.missing,
    gaps,
    duplicates,
    leftInLog: yishitingSide?.log.left ?? null,
    excusedInLog: yishitingSide?.log.excused ?? null,
    arrivedInLog: yishitingSide?.log.arrived ?? null,
    eventsInLog: yishitingSide?.log.types ?? null,
    observed: s.observed,
    observedLeft: s.observedLeft,
    presentBefore: yishitingSide?.before ?? null,
    presentAfter: yishitingSide?.after ?? null,
    serverCpuMs: probe.cpuMs,
    statements: probe.statements,
    loadAverage: loadAverage(),
  };
}

// ---------------------------------------------------------------------------------------------
// 3: many meetings at once.
interface MultiResult {
  kind: ServerKind;
  commands: number;
  ack: Summary;
  refused: Record<string, number>;
  missing: number;
  /** Server CPU time over the server's windows, % of one core. */
  cpuPercent: number;
  loadCpuPercent: number;
  loopDelayP99: number;
  loopDelayMax: number;
  /** The event loop's stalls over 50 ms: [s since the first window started, ms, CPU ms meanwhile] (slices laid end to end). */
  stalls: [number, number, number][];
  gc: { count: number; totalMs: number; maxMs: number };
  /** ack p99 per slice, in order. */
  sliceP99: number[];
  /** The 1-second buckets (by send time, slices laid end to end) with the worst ack p99: [second, p99, commands]. */
  worstSeconds: [number, number, number][];
  /** Yishiting only: where the time goes. */
  append: Summary | null;
  transactions: number;
  hold: Summary | null;
  commit: Summary | null;
  longestHolds: { atMs: number; holdMs: number; statements: number }[];
  reindexes: number;
  reindexMs: Summary | null;
  /** From the first reindex's start to the last one's end, s since the first window started (slices laid end to end). */
  reindexSpan: [number, number] | null;
  statements: Record<string, number>;
  profiles: string[];
  loadAverage: number;
  /** The raw samples per slice (the JSON file only). */
  slices: RunSamples[];
}

async function multi(load: Load): Promise<{ results: MultiResult[]; pragmas: Record<string, string> }> {
  const y = yishiting(["multi", String(MEETINGS), String(PER_MEETING)]);
  let b: Server | null = null;
  try {
    const ready = await y.expect("ready", 300_000);
    dataDirs.push(ready.dataDir);
    const started = await baseline({ port: 0, syncBytes: [], meetings: MEETINGS, membersPerMeeting: PER_MEETING });
    b = started.server;
    dataDirs.push(started.ready.dataDir);
    const servers: Record<ServerKind, Server> = { yishiting: y, baseline: b };
    for (const [target, r] of [
      ["yishiting", ready],
      ["baseline", started.ready],
    ] as const) {
      for (const who of ["chairs", "members"] as const) {
        load.send({ type: "join", target, port: r.port, meetings: r.meetings, who, concurrency: 50, timeoutMs: 180_000 });
        const joined = await load.expect("joined", 185_000);
        console.error(`[bench] multi ${target}: ${who} joined in ${fmt(joined.ms / 1000)} s`);
      }
    }
    // Each meeting: open, and two members ask for the floor (the chair then moves the first of them).
    const prepare = ready.meetings.flatMap((_, m) => [
      { meeting: m, who: "chair" as const, command: { type: "meeting.open" } },
      { meeting: m, who: 0, command: { type: "queue.request" } },
      { meeting: m, who: 1, command: { type: "queue.request" } },
    ]);
    load.send({ type: "commands", target: "yishiting", commands: prepare, timeoutMs: 30_000 });
    await load.expect("commanded", 120_000);
    await sleep(1000);

    const sliceMs = (MULTI_SECONDS * 1000) / SLICES;
    const runs: Record<ServerKind, { samples: RunSamples[]; probes: ProbeResult[]; loadCpuMs: number }> = {
      yishiting: { samples: [], probes: [], loadCpuMs: 0 },
      baseline: { samples: [], probes: [], loadCpuMs: 0 },
    };
    for (let slice = 0; slice < SLICES; slice++) {
      const order: ServerKind[] = slice % 2 === 0 ? ["yishiting", "baseline"] : ["baseline", "yishiting"];
      for (const target of order) {
        servers[target].send({ type: "probe.start", name: `multi-${target}-${slice}` });
        load.send({ type: "run", target, durationMs: sliceMs, ratePerChair: RATE, timeoutMs: 30_000 });
        const ran = await load.expect("ran", sliceMs + 40_000);
        runs[target].samples.push(ran.samples);
        runs[target].loadCpuMs += ran.loadCpuMs;
        runs[target].probes.push(await servers[target].ask({ type: "probe.stop" }, "probe", 60_000));
        console.error(`[bench] multi ${target} slice ${slice + 1}/${SLICES}: ack p99 ${fmt(percentile(ran.samples.ack, 99))} ms`);
      }
    }
    const results = (["yishiting", "baseline"] as const).map((kind) => multiResult(kind, runs[kind].samples, runs[kind].probes, runs[kind].loadCpuMs, sliceMs));
    return { results, pragmas: ready.pragmas };
  } finally {
    for (const target of ["yishiting", "baseline"] as const) {
      load.send({ type: "close", target });
      await load.expect("closed", 30_000).catch(() => undefined);
    }
    await stop(y);
    if (b) await stop(b);
  }
}

function multiResult(kind: ServerKind, samples: RunSamples[], probes: ProbeResult[], loadCpuMs: number, sliceMs: number): MultiResult {
  const ack = samples.flatMap((s) => s.ack);
  const refused: Record<string, number> = {};
  for (const s of samples) for (const [code, count] of Object.entries(s.refused)) refused[code] = (refused[code] ?? 0) + count;
  const wall = probes.reduce((a, p) => a + p.wallMs, 0);
  const buckets = new Map<number, number[]>();
  samples.forEach((s, slice) =>
    s.sentAt.forEach((at, i) => {
      const second = Math.floor((slice * sliceMs + at) / 1000);
      buckets.set(second, [...(buckets.get(second) ?? []), s.ack[i]!]);
    }),
  );
  const worstSeconds = [...buckets]
    .map(([second, xs]): [number, number, number] => [second, percentile(xs, 99), xs.length])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  const transactions = probes.flatMap((p, slice) => p.transactions.map((t) => ({ ...t, startMs: t.startMs + slice * sliceMs })));
  const reindexes = probes.flatMap((p, slice) => p.reindexes.map((r) => ({ ...r, startMs: r.startMs + slice * sliceMs })));
  const appends = probes.flatMap((p) => p.appendMs);
  const statements: Record<string, number> = {};
  for (const p of probes) for (const [k, v] of Object.entries(p.statements)) statements[k] = (statements[k] ?? 0) + v;
  const yishitingSide = kind === "yishiting";
  return {
    kind,
    commands: ack.length,
    ack: summarize(ack),
    refused,
    missing: samples.reduce((a, s) => a + s.missing, 0),
    cpuPercent: (probes.reduce((a, p) => a + p.cpuMs, 0) / wall) * 100,
    loadCpuPercent: (loadCpuMs / wall) * 100,
    loopDelayP99: Math.max(...probes.map((p) => p.loopDelay.p99)),
    loopDelayMax: Math.max(...probes.map((p) => p.loopDelay.max)),
    stalls: probes.flatMap((p, slice) => p.stalls.map((x): [number, number, number] => [(x.startMs + slice * sliceMs) / 1000, x.ms, x.cpuMs])),
    gc: { count: sum(probes.map((p) => p.gc.count)), totalMs: sum(probes.map((p) => p.gc.totalMs)), maxMs: Math.max(...probes.map((p) => p.gc.maxMs)) },
    sliceP99: samples.map((s) => percentile(s.ack, 99)),
    worstSeconds,
    append: yishitingSide ? summarize(appends) : null,
    transactions: transactions.length,
    hold: yishitingSide ? summarize(transactions.map((t) => t.holdMs)) : null,
    commit: yishitingSide ? summarize(transactions.map((t) => t.commitMs)) : null,
    longestHolds: [...transactions]
      .sort((a, b) => b.holdMs - a.holdMs)
      .slice(0, 5)
      .map((t) => ({ atMs: Math.round(t.startMs), holdMs: t.holdMs, statements: t.statements })),
    reindexes: reindexes.length,
    reindexMs: yishitingSide ? summarize(reindexes.map((r) => r.ms)) : null,
    reindexSpan: reindexes.length ? [Math.min(...reindexes.map((r) => r.startMs)) / 1000, Math.max(...reindexes.map((r) => r.startMs + r.ms)) / 1000] : null,
    statements,
    profiles: probes.flatMap((p) => (p.profile ? [p.profile] : [])),
    loadAverage: loadAverage(),
    slices: samples,
  };
}

// ---------------------------------------------------------------------------------------------
function commitId(): string {
  try {
    const head = execSync("git rev-parse --short HEAD", { cwd: ROOT }).toString().trim();
    return head + (execSync("git status --porcelain server/ prisma/", { cwd: ROOT }).toString().trim() ? " (+ uncommitted server changes)" : "");
  } catch {
    return "unknown";
  }
}

const kb = (bytes: number): string => fmt(bytes / 1024);
const perClient = (statements: Record<string, number>, clients: number): string => fmt(sum(Object.values(statements)) / clients);

function report(storms: StormResult[], crashes: CrashResult[], multis: MultiResult[], pragmas: Record<string, string>): void {
  if (storms.length) {
    console.log("\n1. Join storm: all members of one open meeting connect at once; ms from a member's connect to its `sync`\n");
    console.log(
      "| N | server | p50 | p99 | max | open→sync p99 | all in, s | first sync KB | last sync KB | max KB | failed attempts | gaps/dups | server CPU s | SQL per member | load avg |",
    );
    console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of storms) {
      console.log(
        `| ${r.n} | ${r.kind} | ${fmt(r.connectToSync.p50)} | ${fmt(r.connectToSync.p99)} | ${fmt(r.connectToSync.max)} | ${fmt(r.openToSync.p99)} | ${fmt(r.totalMs / 1000)} | ` +
          `${kb(r.firstBytes)} | ${kb(r.lastBytes)} | ${kb(r.maxBytes)} | ${r.failures} | ${r.gaps}/${r.duplicates} | ${fmt(r.serverCpuMs / 1000)} | ${perClient(r.statements, r.n)} | ${fmt(r.loadAverage)} |`,
      );
    }
    ratios(
      storms,
      (r) => r.connectToSync.p99,
      "storm p99",
      (r) => r.totalMs,
      "all in",
    );
    for (const r of storms.filter((x) => x.kind === "yishiting"))
      console.log(`   N=${r.n} Yishiting storm, statements prepared: ${topStatements(r.statements)}`);
  }
  if (crashes.length) {
    console.log(
      `\n2. kill -9 and restart with everyone connected; clients reconnect (${POLICY.kind === "fixed" ? `every ${POLICY.minMs}–${POLICY.maxMs} ms` : "socket.io-client backoff"}) with auth.lastSeq; ms from the server listening again to each client's catch-up \`sync\`\n`,
    );
    console.log(
      "| N | server | kill→listening s | p50 | p99 | max | connect→sync p99 | attempts (mean) | catch-up bytes p50 / max | event catch-ups | not back | gaps/dups | server CPU s | SQL per client | load avg |",
    );
    console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of crashes) {
      console.log(
        `| ${r.n} | ${r.kind} | ${fmt(r.restartMs / 1000)} | ${fmt(r.fromListening.p50)} | ${fmt(r.fromListening.p99)} | ${fmt(r.fromListening.max)} | ${fmt(r.connectToSync.p99)} | ` +
          `${fmt(r.attemptsMean)} | ${r.catchUpBytes.p50} / ${r.catchUpBytes.max} | ${r.kind === "yishiting" ? `${r.eventCatchUps}/${r.clients}` : "–"} | ${r.missing} | ${r.gaps}/${r.duplicates} | ${fmt((r.serverCpuMs ?? Number.NaN) / 1000)} | ${perClient(r.statements, r.clients)} | ${fmt(r.loadAverage)} |`,
      );
    }
    ratios(crashes, (r) => r.fromListening.p99, "back p99");
    for (const r of crashes.filter((x) => x.kind === "yishiting"))
      console.log(`   N=${r.n} Yishiting recovery, statements prepared: ${topStatements(r.statements)}`);
    for (const r of crashes.filter((c) => c.kind === "yishiting")) {
      console.log(
        `\n   N=${r.n}, attendance during the recovery: present before the kill ${r.presentBefore}, after ${r.presentAfter}; ` +
          `in the log since the kill: ${r.leftInLog} marked absent (attendance.left), ${r.excusedInLog} excused, ${r.arrivedInLog} arrived; ` +
          `events ${JSON.stringify(r.eventsInLog)}; one member received ${JSON.stringify(r.observed)} (${r.observedLeft} marked absent)`,
      );
    }
  }
  if (multis.length) {
    console.log(
      `\n3. ${MEETINGS} meetings × ${PER_MEETING} members, every chair sends queue.move ${RATE}/s for ${MULTI_SECONDS} s per server (slices alternating); ms from send to ack\n`,
    );
    console.log(
      "| server | commands | ack p50 | ack p99 | ack max | p99 per slice | refused | not acked | server CPU % | event-loop delay p99 / max | load-gen CPU % | load avg |",
    );
    console.log("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
    for (const r of multis) {
      console.log(
        `| ${r.kind} | ${r.commands} | ${fmt(r.ack.p50)} | ${fmt(r.ack.p99)} | ${fmt(r.ack.max)} | ${r.sliceP99.map((x) => fmt(x)).join(", ")} | ${JSON.stringify(r.refused)} | ${r.missing} | ` +
          `${fmt(r.cpuPercent)} | ${fmt(r.loopDelayP99)} / ${fmt(r.loopDelayMax)} | ${fmt(r.loadCpuPercent)} | ${fmt(r.loadAverage)} |`,
      );
    }
    ratios(
      multis.map((r) => ({ ...r, n: 0 })),
      (r) => r.ack.p99,
      "ack p99",
    );
    const y = multis.find((r) => r.kind === "yishiting");
    if (y) {
      const s = (x: Summary | null): string => (x ? `p50 ${fmt(x.p50)} / p99 ${fmt(x.p99)} / max ${fmt(x.max)}` : "–");
      console.log(
        `\n   Yishiting, where an ack waits (SQLite: ${Object.entries(pragmas)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ")}):`,
      );
      console.log(`   event-log append (call → done) ms: ${s(y.append)}`);
      console.log(`   ${y.transactions} SQLite transactions, BEGIN → COMMIT done (the one connection held) ms: ${s(y.hold)}; COMMIT itself ms: ${s(y.commit)}`);
      console.log(`   longest holds: ${y.longestHolds.map((t) => `${fmt(t.holdMs)} ms (${t.statements} statements, at ${fmt(t.atMs / 1000)} s)`).join("; ")}`);
      console.log(
        `   archive reindexes: ${y.reindexes}, ms ${s(y.reindexMs)}${y.reindexSpan ? `, from ${fmt(y.reindexSpan[0])} s to ${fmt(y.reindexSpan[1])} s` : ""}`,
      );
      const stalls = [...y.stalls].sort((a, b) => b[1] - a[1]).slice(0, 5);
      console.log(
        `   event loop stalls > 50 ms: ${y.stalls.length} (${fmt(sum(y.stalls.map((x) => x[1])))} ms, the server on CPU ${fmt(sum(y.stalls.map((x) => x[2])))} ms of it); longest: ${stalls.map(([at, ms, cpu]) => `${fmt(ms)} ms at ${fmt(at)} s (CPU ${fmt(cpu)} ms)`).join("; ")}`,
      );
      console.log(`   garbage collections: ${y.gc.count}, ${fmt(y.gc.totalMs)} ms in all, longest ${fmt(y.gc.maxMs)} ms`);
      console.log(`   worst seconds (by send time): ${y.worstSeconds.map(([sec, p99, count]) => `${sec} s: p99 ${fmt(p99)} ms (${count})`).join("; ")}`);
      console.log(`   statements prepared: ${topStatements(y.statements)}`);
      if (y.profiles.length) console.log(`   CPU profiles: ${y.profiles.join(", ")}`);
    }
  }

  const checks: [string, boolean][] = [];
  const storm = storms.find((r) => r.kind === "yishiting" && r.n === TARGET.n) ?? storms.findLast((r) => r.kind === "yishiting");
  if (storm) {
    checks.push([`N=${storm.n} storm: p99 ${fmt(storm.connectToSync.p99)} ms ≤ ${TARGET.stormP99Ms} ms`, storm.connectToSync.p99 <= TARGET.stormP99Ms]);
    checks.push([
      `N=${storm.n} member snapshot ${kb(storm.maxBytes)} KB ≤ ${kb(TARGET.snapshotBytes)} KB (largest first sync of the storm)`,
      storm.maxBytes <= TARGET.snapshotBytes,
    ]);
  }
  const crash = crashes.find((r) => r.kind === "yishiting" && r.n === TARGET.n) ?? crashes.findLast((r) => r.kind === "yishiting");
  if (crash) {
    checks.push([
      `N=${crash.n} restart: back p99 ${fmt(crash.fromListening.p99)} ms ≤ ${TARGET.crashP99Ms} ms after listening (${crash.missing} not back)`,
      crash.fromListening.p99 <= TARGET.crashP99Ms && crash.missing === 0,
    ]);
    const absent = (crash.leftInLog ?? 0) + crash.observedLeft;
    checks.push([
      `N=${crash.n} restart: ${crash.leftInLog} marked absent in the log, ${crash.observedLeft} seen by a member (target ${TARGET.absent})`,
      absent === TARGET.absent,
    ]);
  }
  const m = multis.find((r) => r.kind === "yishiting");
  if (m)
    checks.push([
      `${MEETINGS} × ${PER_MEETING}: ack p99 ${fmt(m.ack.p99)} ms ≤ ${TARGET.multiAckP99Ms} ms`,
      m.ack.p99 <= TARGET.multiAckP99Ms && m.missing === 0,
    ]);
  console.log("\nTargets:");
  for (const [label, met] of checks) console.log(`  ${met ? "met    " : "NOT met"}  ${label}`);
}

function topStatements(statements: Record<string, number>): string {
  return Object.entries(statements)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, v]) => `${k}… ×${v}`)
    .join(", ");
}

function ratios<T extends { kind: ServerKind; n: number }>(rows: T[], a: (r: T) => number, aName: string, b?: (r: T) => number, bName?: string): void {
  for (const n of [...new Set(rows.map((r) => r.n))]) {
    const y = rows.find((r) => r.n === n && r.kind === "yishiting");
    const base = rows.find((r) => r.n === n && r.kind === "baseline");
    if (!y || !base) continue;
    const parts = [`${aName} ${fmt(a(y) / a(base), 2)}`];
    if (b && bName) parts.push(`${bName} ${fmt(b(y) / b(base), 2)}`);
    console.log(`\n   ratio Yishiting / baseline${n ? ` at N=${n}` : ""}: ${parts.join(", ")}`);
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const commit = commitId();
  const cpu = os.cpus();
  const loadAtStart = os.loadavg();
  console.log(`Join storm, restart and many meetings — ${startedAt.toISOString()}, commit ${commit}`);
  console.log(
    `${cpu.length} × ${cpu[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average ${loadAtStart.map((l) => l.toFixed(1)).join(" ")}`,
  );
  const experiments = ["BENCH_SQLITE_SYNCHRONOUS", "BENCH_NO_ARCHIVE"].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]}`);
  if (experiments.length) console.log(`experiments: ${experiments.join(", ")}`);

  const load: Load = new Child("bench/join-storm/loadClients.ts", []);
  const storms: StormResult[] = [];
  const crashes: CrashResult[] = [];
  let multis: MultiResult[] = [];
  let pragmas: Record<string, string> = {};
  try {
    if (CASES.has("storm") || CASES.has("crash")) {
      for (const n of SIZES) {
        const started = Date.now();
        const r = await stormAndCrash(n, load);
        storms.push(...r.storms);
        crashes.push(...r.crashes);
        console.error(`[bench] N=${n} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
    }
    if (CASES.has("multi")) ({ results: multis, pragmas } = await multi(load));
  } finally {
    load.kill();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  }
  report(storms, crashes, multis, pragmas);
  const out = path.join(ROOT, "bench/results", `join-storm-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        startedAt,
        finishedAt: new Date(),
        commit,
        machine: { cpus: cpu.length, model: cpu[0]?.model, node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg() },
        settings: { sizes: SIZES, policy: POLICY, meetings: MEETINGS, perMeeting: PER_MEETING, rate: RATE, seconds: MULTI_SECONDS, experiments },
        storms,
        crashes,
        multi: multis,
        pragmas,
      },
      null,
      2,
    ),
  );
  console.log(`\nresults: ${path.relative(ROOT, out)}`);
}

runBenchmark(main, WATCHDOG_MS);
