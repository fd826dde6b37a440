// Groups benchmark (`npm run bench:groups`, docs/performance.md "分组讨论: split and return").
// Against the real server (child process, SQLite file), in one run: a plenary of N members
// 1. joins: every member connects at the same moment (connect → first `sync`): the baseline;
// 2. splits into G groups: the chair's groups.open; each member, on seeing `groups.opened` on the
//    plenary socket, asks `groups.enter` there and connects a second socket with the token, as the
//    browser does (→ the group meeting open on that socket: its first `sync` if the meeting is open
//    by then, else its `meeting.opened`);
// 3. comes back: the chair's groups.recall with 0 seconds; per member until both `groups.closed` on
//    the plenary socket and `meeting.closed` on the group socket have arrived.
// Per member latencies (p50, p99, max) and the time until the last member, and each phase against
// the join, and the clients' process's CPU share. Environment: BENCH_N (600), BENCH_GROUPS (20),
// BENCH_DETAIL=1 (the moments inside the split; the server prints how long the group meetings'
// creation took), BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"),
// BENCH_EXPERIMENT=smallOpened (the server broadcasts groups.opened without its groups: what the
// event's size costs; the product is unchanged), BENCH_EXPERIMENT=noRelay (the groups' progress is
// not relayed to the plenary: what the relay's events at the opening cost; the product is unchanged).
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { StoredEvent } from "../../core/meeting.ts";
import type { Ack, GroupEntry, SyncPayload } from "../../core/protocol.ts";
import { fmt, summarize, type Summary } from "../fanout/stats.ts";
import { Child, runBenchmark } from "../shared/child.ts";
import type { FromGroupsServer, ToGroupsServer } from "./ipc.ts";

const N = Number(process.env.BENCH_N ?? 600);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 20);
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
}

const phase = (name: string, start: number, ends: number[]): Phase => {
  const latencies = ends.map((end) => end - start);
  return { name, latencies: summarize(latencies), totalMs: Math.max(...latencies) };
};

async function main(): Promise<void> {
  const server = new Child<ToGroupsServer, FromGroupsServer>(
    "bench/groups/groupsServer.ts",
    [String(N), String(GROUPS)],
    (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean),
  );
  const ready = await server.expect("ready", 120_000);
  const url = `http://127.0.0.1:${ready.port}`;
  console.log(`[bench] groups: a plenary of ${ready.members.length} members and a chair, ${GROUPS} groups; server pid child, clients in this process`);

  const chair = connect(url, ready.chair.token);
  await within(firstSync(chair), "chair join");

  // 1. The plenary joins at once.
  const joinStart = now();
  const joinCpu = process.cpuUsage();
  const plenary = ready.members.map((m) => connect(url, m.token));
  const joined = await within(Promise.all(plenary.map(firstSync)), "plenary join");
  const join = phase("plenary join", joinStart, joined);
  const joinUsage = process.cpuUsage(joinCpu);
  const joinBusy = (joinUsage.user + joinUsage.system) / 1000 / join.totalMs;
  await new Promise((resolve) => setTimeout(resolve, 1_500)); // arrivals recorded (batched) before the split

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
  const splitStart = now();
  const splitCpu = process.cpuUsage();
  const opened = (await chair.timeout(PHASE_MS).emitWithAck("command", { type: "groups.open" })) as Ack;
  if (!opened.ok) throw new Error(`groups.open: ${opened.error.code}`);
  const inGroups = await within(Promise.all(entered), "split");
  const split = phase(
    "split into groups",
    splitStart,
    inGroups.map((g) => g.synced),
  );
  // What a member waits for once their screen knows the groups are open: groups.enter, then the group's greeting.
  const clientCpu = process.cpuUsage(splitCpu);
  const clientBusy = (clientCpu.user + clientCpu.system) / 1000 / split.totalMs;
  const moved = { name: "member's move (groups.opened seen → group open)", latencies: summarize(inGroups.map((g) => g.synced - g.seen)), totalMs: NaN };
  const answered = summarize(inGroups.map((g) => g.enteredAt - splitStart));
  if (process.env.BENCH_DETAIL === "1") {
    console.log("seen", summarize(inGroups.map((g) => g.seen - splitStart)));
    console.log("enter round trip", summarize(inGroups.map((g) => g.enteredAt - g.seen)));
    console.log("group connect → sync", summarize(inGroups.map((g) => g.greeted - g.enteredAt)));
    console.log("group connect → open", summarize(inGroups.map((g) => g.synced - g.enteredAt)));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_500));

  // 3. The return: the call back with 0 seconds closes the groups at once.
  const back = plenary.map((socket, i) =>
    Promise.all([eventOf(socket, "groups.closed"), eventOf(inGroups[i]!.group, "meeting.closed", (state) => state.status === "closed")]).then((ends) =>
      Math.max(...ends),
    ),
  );
  const returnStart = now();
  const recalled = (await chair.timeout(PHASE_MS).emitWithAck("command", { type: "groups.recall", seconds: 0 })) as Ack;
  if (!recalled.ok) throw new Error(`groups.recall: ${recalled.error.code}`);
  const returned = phase("return to the plenary", returnStart, await within(Promise.all(back), "return"));
  for (const socket of groupSockets) socket.disconnect();

  const rows = [join, split, moved, returned];
  console.log(`\n| phase (${ready.members.length} members, ${GROUPS} groups) | p50 ms | p99 ms | max ms | last member ms | p50 / join's | last / join's |`);
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows)
    console.log(
      `| ${r.name} | ${fmt(r.latencies.p50)} | ${fmt(r.latencies.p99)} | ${fmt(r.latencies.max)} | ${fmt(r.totalMs)} | ${fmt(r.latencies.p50 / join.latencies.p50, 2)} | ${fmt(r.totalMs / join.totalMs, 2)} |`,
    );

  console.log(`\nthe clients' process busy: ${fmt(joinBusy * 100, 0)} % of a CPU during the join, ${fmt(clientBusy * 100, 0)} % during the split`);
  console.log(`groups.enter answered (from the open): p50 ${fmt(answered.p50)} ms, p99 ${fmt(answered.p99)} ms`);
  chair.disconnect();
  for (const socket of plenary) socket.disconnect();
  await server.ask({ type: "stop" }, "stopped", 60_000);
}

runBenchmark(main, 10 * 60_000);
