// Groups benchmark (`npm run bench:groups`, docs/performance.md "分组讨论: split and return").
// Against the real server (child process, SQLite file), in one run: a plenary of N members
// 1. joins: every member connects at the same moment (connect → first `sync`): the first baseline;
// 2. splits into G groups: the chair's groups.open; each member, on seeing `groups.opened` on the
//    plenary socket, asks `groups.enter` there and connects a second socket with the token, as the
//    browser does (→ the group meeting open on that socket: its first `sync` if the meeting is open
//    by then, else its `meeting.opened`);
// 3. comes back: the chair's groups.recall with 0 seconds; per member until both `groups.closed` on
//    the plenary socket and `meeting.closed` on the group socket have arrived.
// 4. then, in a fresh server child, a plain plenary of PLENARY_N members (2,000: the plenary scale of
//    issue 17) joins at once with the same clients: the second baseline.
// Every phase is timed from one common start (the moment before the first connect call, or before
// the chair's command is sent) to each member's end; for the joins also from each member's own
// connect call (issue 17's measure). Per member latencies (p50, p99, max) and the time until the last
// member; the split and the return against both joins and against issue 17's target (p99 ≤ 2 s); the
// clients' process's and the server's CPU per phase. With taskset and 2+ CPUs (BENCH_PIN=0: off),
// the server children run on CPU 1 and this process (the clients) on CPU 0, in every phase.
// Environment: BENCH_N (600), BENCH_GROUPS (20), BENCH_PLENARY_N (2000; 0: not measured),
// BENCH_DETAIL=1 (the moments inside the split; the server prints how long the group meetings'
// creation took), BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"),
// BENCH_EXPERIMENT=smallOpened (the server broadcasts groups.opened without its groups: what the
// event's size costs; the product is unchanged), BENCH_EXPERIMENT=noRelay (the groups' progress is
// not relayed to the plenary: what the relay's events at the opening cost; the product is unchanged).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { StoredEvent } from "../../core/meeting.ts";
import type { Ack, GroupEntry, SyncPayload } from "../../core/protocol.ts";
import { fmt, summarize, type Summary } from "../fanout/stats.ts";
import { Child, ROOT, runBenchmark } from "../shared/child.ts";
import type { Joiner } from "../shared/meeting.ts";
import type { FromGroupsServer, ToGroupsServer } from "./ipc.ts";

const N = Number(process.env.BENCH_N ?? 600);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 20);
const PLENARY_N = Number(process.env.BENCH_PLENARY_N ?? 2000);
/** Issue 17's target for a plenary join storm: each member has its state p99 ≤ 2 s after its connect. */
const TARGET_P99_MS = 2_000;
const PHASE_MS = 120_000;

const now = (): number => performance.now();

function connect(url: string, token: string): Socket {
  return io(url, { transports: ["websocket"], reconnection: false, forceNew: true, auth: { token } });
}

/** Resolves with the moment of the socket's first `sync` (a connection's greeting). */
const firstSync = (socket: Socket): Promise<number> =>
  new Promise((resolve, reject) => {
    socket.once("sync", () => resolve(now()));
    socket.once("connect_error", (error: Error) => reject(error));
  });

/** Resolves with the moment an event of `type` arrives (or a snapshot in which `closed` holds). */
const eventOf = (socket: Socket, type: string, snapshotSays?: (state: { status?: string }) => boolean): Promise<number> =>
  new Promise((resolve) => {
    const onEvents = (events: StoredEvent[]) => {
      if (!events.some((e) => e.event.type === type)) return;
      done();
    };
    const onSync = (sync: SyncPayload) => {
      if (sync.kind === "events" ? sync.events.some((e) => e.event.type === type) : (snapshotSays?.(sync.state as { status?: string }) ?? false)) done();
    };
    const done = () => {
      socket.off("events", onEvents);
      socket.off("sync", onSync);
      resolve(now());
    };
    socket.on("events", onEvents);
    socket.on("sync", onSync);
  });

/**
 * Resolves with the moment the group meeting is open on the socket: its first `sync` when that shows
 * it open, else the `meeting.opened` that follows (a member may join it while it is still scheduled).
 */
const openSync = (socket: Socket): Promise<{ synced: number; open: number }> =>
  new Promise((resolve, reject) => {
    let synced: number | undefined;
    const onEvents = (events: StoredEvent[]) => {
      if (synced !== undefined && events.some((e) => e.event.type === "meeting.opened")) done(now());
    };
    const onSync = (sync: SyncPayload) => {
      const at = now();
      if (synced === undefined) {
        synced = at;
        if (sync.kind !== "events" && sync.state.status !== "scheduled") done(at);
      } else if (sync.kind === "events" ? sync.events.some((e) => e.event.type === "meeting.opened") : sync.state.status !== "scheduled") done(at);
    };
    const done = (open: number) => {
      socket.off("events", onEvents);
      socket.off("sync", onSync);
      resolve({ synced: synced ?? open, open });
    };
    socket.on("events", onEvents);
    socket.on("sync", onSync);
    socket.once("connect_error", (error: Error) => reject(error));
  });

const within = <T>(promise: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error(`${what}: not done within ${PHASE_MS} ms`)), PHASE_MS).unref();
    }),
  ]);

interface Phase {
  name: string;
  latencies: Summary;
  totalMs: number;
  /** Joins: from each member's own connect call (issue 17's measure). */
  own?: Summary;
  /** The clients' process's CPU, and the server's, in ms over the phase (its start → the last member). */
  clientCpuMs?: number;
  serverCpuMs?: number;
}

const phase = (name: string, start: number, ends: number[]): Phase => {
  const latencies = ends.map((end) => end - start);
  return { name, latencies: summarize(latencies), totalMs: Math.max(...latencies) };
};

type Server = Child<ToGroupsServer, FromGroupsServer>;

/** The server's and this process's CPU so far (ms), to charge a phase with. */
async function cpuNow(server: Server): Promise<{ server: number; client: number }> {
  const { micros } = await server.ask({ type: "cpu" }, "cpu", 30_000);
  const usage = process.cpuUsage();
  return { server: micros / 1000, client: (usage.user + usage.system) / 1000 };
}

async function charge(server: Server, p: Phase, before: { server: number; client: number }): Promise<Phase> {
  const after = await cpuNow(server);
  return { ...p, serverCpuMs: after.server - before.server, clientCpuMs: after.client - before.client };
}

/** Server children on CPU 1, this process (the clients) on CPU 0, when taskset is there and the machine has 2 CPUs or more. */
function pinning(): string {
  if (process.env.BENCH_PIN === "0") return "not pinned (BENCH_PIN=0)";
  if (os.availableParallelism() < 2) return "not pinned (one CPU)";
  if (spawnSync("taskset", ["-V"], { stdio: "ignore" }).status !== 0) return "not pinned (no taskset)";
  execFileSync("taskset", ["-a", "-cp", "0", String(process.pid)], { stdio: "ignore" });
  process.env.BENCH_SERVER_CPU = "1";
  return "server child on CPU 1, the clients' process on CPU 0 (taskset -a)";
}

function startServer(members: number, groups: number): Server {
  return new Child<ToGroupsServer, FromGroupsServer>(
    "bench/groups/groupsServer.ts",
    [String(members), String(groups)],
    (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean),
  );
}

/** Every member connects at the same moment; each one's end is its first `sync`. */
async function joinAll(server: Server, url: string, members: Joiner[], name: string): Promise<{ phase: Phase; sockets: Socket[] }> {
  const before = await cpuNow(server);
  const start = now();
  const connectAt: number[] = [];
  const sockets = members.map((m) => {
    connectAt.push(now());
    return connect(url, m.token);
  });
  const ends = await within(Promise.all(sockets.map(firstSync)), name);
  const measured = { ...phase(name, start, ends), own: summarize(ends.map((end, i) => end - connectAt[i]!)) };
  return { phase: await charge(server, measured, before), sockets };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const pinned = pinning();
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const server = startServer(N, GROUPS);
  const ready = await server.expect("ready", 120_000);
  const url = `http://127.0.0.1:${ready.port}`;
  console.log(`[bench] groups: a plenary of ${ready.members.length} members and a chair, ${GROUPS} groups; then a plenary of ${PLENARY_N}; ${pinned}`);

  const chair = connect(url, ready.chair.token);
  await within(firstSync(chair), "chair join");

  // 1. The plenary joins at once.
  const { phase: join, sockets: plenary } = await joinAll(server, url, ready.members, `plenary join (${ready.members.length})`);
  await pause(1_500); // arrivals recorded (batched) before the split

  // 2. The split: everyone enters their group when groups.opened reaches their plenary socket.
  const groupSockets: Socket[] = [];
  const entered = plenary.map((socket) =>
    eventOf(socket, "groups.opened").then(async (seen) => {
      const entry = (await socket.timeout(PHASE_MS).emitWithAck("groups.enter", {})) as Ack<GroupEntry>;
      if (!entry.ok) throw new Error(`groups.enter: ${entry.error.code}`);
      const enteredAt = now();
      const group = connect(url, entry.token);
      groupSockets.push(group);
      const { synced: greeted, open: synced } = await openSync(group);
      return { group, synced, greeted, seen, enteredAt };
    }),
  );
  const splitBefore = await cpuNow(server);
  const splitStart = now();
  const opened = (await chair.timeout(PHASE_MS).emitWithAck("command", { type: "groups.open" })) as Ack;
  if (!opened.ok) throw new Error(`groups.open: ${opened.error.code}`);
  const inGroups = await within(Promise.all(entered), "split");
  const split = await charge(
    server,
    phase(
      "split into groups (open → group open)",
      splitStart,
      inGroups.map((g) => g.synced),
    ),
    splitBefore,
  );
  // What a member waits for once their screen knows the groups are open: groups.enter, then the group's greeting.
  const moved: Phase = { name: "member's move (groups.opened seen → group open)", latencies: summarize(inGroups.map((g) => g.synced - g.seen)), totalMs: NaN };
  const answered = summarize(inGroups.map((g) => g.enteredAt - splitStart));
  if (process.env.BENCH_DETAIL === "1") {
    console.log("seen", summarize(inGroups.map((g) => g.seen - splitStart)));
    console.log("enter round trip", summarize(inGroups.map((g) => g.enteredAt - g.seen)));
    console.log("group connect → sync", summarize(inGroups.map((g) => g.greeted - g.enteredAt)));
    console.log("group connect → open", summarize(inGroups.map((g) => g.synced - g.enteredAt)));
  }
  await pause(1_500);

  // 3. The return: the call back with 0 seconds closes the groups at once.
  const back = plenary.map((socket, i) =>
    Promise.all([eventOf(socket, "groups.closed"), eventOf(inGroups[i]!.group, "meeting.closed", (state) => state.status === "closed")]).then((ends) =>
      Math.max(...ends),
    ),
  );
  const returnBefore = await cpuNow(server);
  const returnStart = now();
  const recalled = (await chair.timeout(PHASE_MS).emitWithAck("command", { type: "groups.recall", seconds: 0 })) as Ack;
  if (!recalled.ok) throw new Error(`groups.recall: ${recalled.error.code}`);
  const returned = await charge(server, phase("return to the plenary", returnStart, await within(Promise.all(back), "return")), returnBefore);
  for (const socket of [chair, ...plenary, ...groupSockets]) socket.disconnect();
  await server.ask({ type: "stop" }, "stopped", 60_000);

  // 4. The plenary-scale baseline: a fresh server with a plain plenary of PLENARY_N, the same clients.
  let large: Phase | undefined;
  if (PLENARY_N > 0) {
    await pause(1_500);
    const big = startServer(PLENARY_N, 0);
    const bigReady = await big.expect("ready", 300_000);
    const bigUrl = `http://127.0.0.1:${bigReady.port}`;
    const bigChair = connect(bigUrl, bigReady.chair.token);
    await within(firstSync(bigChair), "chair join");
    await pause(1_500);
    const joined = await joinAll(big, bigUrl, bigReady.members, `plenary join (${bigReady.members.length})`);
    large = joined.phase;
    for (const socket of [bigChair, ...joined.sockets]) socket.disconnect();
    await big.ask({ type: "stop" }, "stopped", 60_000);
  }
  const loadAfter = os.loadavg();

  const ratio = (a: number, b: number | undefined) => (b === undefined ? "–" : fmt(a / b, 2));
  const rows = [join, split, moved, returned, ...(large ? [large] : [])];
  console.log(`\nAll times from the phase's common start (ms); joins also from each member's own connect ("own").`);
  console.log(`\n| phase | p50 | p99 | max | last member | own p50 / p99 | server CPU ms | clients' CPU ms |`);
  console.log("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
  for (const r of rows)
    console.log(
      `| ${r.name} | ${fmt(r.latencies.p50, 0)} | ${fmt(r.latencies.p99, 0)} | ${fmt(r.latencies.max, 0)} | ${fmt(r.totalMs, 0)} | ${r.own ? `${fmt(r.own.p50, 0)} / ${fmt(r.own.p99, 0)}` : "–"} | ${fmt(r.serverCpuMs ?? NaN, 0)} | ${fmt(r.clientCpuMs ?? NaN, 0)} |`,
    );
  console.log(
    `\n| against | p50 / join's (${N}) | last / join's (${N}) | p50 / join's (${PLENARY_N}) | p99 / join's (${PLENARY_N}) | last / join's (${PLENARY_N}) | p99 ≤ ${TARGET_P99_MS} ms |`,
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const r of [split, moved, returned])
    console.log(
      `| ${r.name} | ${ratio(r.latencies.p50, join.latencies.p50)} | ${ratio(r.totalMs, join.totalMs)} | ${ratio(r.latencies.p50, large?.latencies.p50)} | ${ratio(r.latencies.p99, large?.latencies.p99)} | ${ratio(r.totalMs, large?.totalMs)} | ${r.latencies.p99 <= TARGET_P99_MS ? "met" : "not met"} |`,
    );
  if (large)
    console.log(
      `\nthe ${PLENARY_N}-member join itself: p99 ${fmt(large.latencies.p99, 0)} ms from the common start, ${fmt(large.own!.p99, 0)} ms from each member's connect (issue 17's target p99 ≤ ${TARGET_P99_MS} ms: ${large.own!.p99 <= TARGET_P99_MS ? "met" : "not met"})`,
    );
  console.log(`groups.enter answered (from the open): p50 ${fmt(answered.p50)} ms, p99 ${fmt(answered.p99)} ms`);
  console.log(
    `load average (1, 5, 15 min): ${loadBefore.map((l) => l.toFixed(2)).join(" ")} at the start, ${loadAfter.map((l) => l.toFixed(2)).join(" ")} at the end; ${pinned}`,
  );

  const out = path.join(ROOT, "bench/results", `groups-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      { startedAt, n: N, groups: GROUPS, plenaryN: PLENARY_N, pinned, loadBefore, loadAfter, join, split, moved, returned, large, answered },
      null,
      2,
    ),
  );
  console.log(`results: ${path.relative(ROOT, out)}`);
}

runBenchmark(main, 10 * 60_000);
