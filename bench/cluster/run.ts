// Benchmarks of several nodes (issue 23; docs/performance.md "Several nodes"). Each compares with a
// baseline or a target in the same run, on the local PostgreSQL (a fresh schema per deployment,
// dropped after) and Redis (a stream of its own):
//   fanout   — a chair's update to N members (2,000) spread half/half over 2 nodes (the meeting's
//              owner and one other, whose members are served through the socket relay and the Redis
//              streams adapter) against 1 node on PostgreSQL without Redis; the updates alternate
//              between the two deployments (bench/fanout's load generator and method). Target:
//              2-node last-client p50 ≤ 1.3 × the 1-node p50.
//   failover — 3 nodes behind a round-robin TCP load balancer (testing/server/loadBalancer.ts), N
//              members (300) that reconnect through it with lastSeq like the browser; the owner of
//              the meeting gets SIGKILL; measured: the kill → every client has the seq of a command
//              the chair sent (with one cid, resent until answered) once the meeting was reachable
//              again. K times (10), the killed node restarted each time. Target: p99 ≤ 5 s.
// Usage: npm run bench:cluster -- fanout|failover
// Environment: BENCH_N (fanout members, 2000), BENCH_UPDATES (200), BENCH_WARMUP (20),
// BENCH_FAILOVER_MEMBERS (300), BENCH_FAILOVER_KILLS (10).
import { randomBytes, randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { createClient } from "redis";
import { io, type Socket } from "socket.io-client";
import type { StoredEvent } from "../../core/meeting.ts";
import { REDIS_TEST_URL } from "../../testing/server/cluster.ts";
import { loadBalancer } from "../../testing/server/loadBalancer.ts";
import { freshSchema, PG_TEST_URL } from "../../testing/postgres.ts";
import type { FromLoad, ServerKind, ToLoad } from "../fanout/ipc.ts";
import { fmt, percentile, summarize } from "../fanout/stats.ts";
import { Child, runBenchmark } from "../shared/child.ts";
import type { Joiner } from "../shared/meeting.ts";
import { sleep, withTimeout, type Ack } from "../shared/wire.ts";
import type { FromNode, ToNode } from "./ipc.ts";

type Node = Child<ToNode, FromNode>;
const NODE = "bench/cluster/nodeServer.ts";
const WATCHDOG_MS = 20 * 60_000;
const TARGET = { fanoutRatio: 1.3, failoverP99Ms: 5000 };

const machine = (): string =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`;

/** A fresh PostgreSQL schema for one deployment, and the environment its nodes share. */
async function deployment(cluster: boolean): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const schema = await freshSchema();
  const env: Record<string, string> = {
    YST_DATABASE_URL: `${PG_TEST_URL}?schema=${schema.name}`,
    YST_TOKEN_SECRET: randomBytes(32).toString("hex"),
  };
  if (!cluster) return { env, drop: schema.drop };
  const stream = `yst-bench-${randomBytes(5).toString("hex")}`;
  Object.assign(env, { YST_REDIS_URL: REDIS_TEST_URL, YST_REDIS_STREAM: stream });
  return {
    env,
    drop: async () => {
      await schema.drop();
      const redis = await createClient({ url: REDIS_TEST_URL }).connect();
      await redis.del(stream); // the adapter's stream (the bus's messages are PUB/SUB: nothing stored)
      await redis.quit();
    },
  };
}

async function stopNode(node: Node): Promise<void> {
  node.send({ type: "stop" });
  await node.expect("stopped", 15_000).catch(() => undefined);
  node.kill();
}

async function owns(node: Node, meetingId: string): Promise<boolean> {
  node.send({ type: "owns", meetingId });
  return (await node.expect("owns", 10_000)).owns;
}

// ---------------------------------------------------------------------------------------------
// Fan-out: 1 node vs 2 nodes.
async function fanout(): Promise<void> {
  const n = Number(process.env.BENCH_N ?? 2000);
  const chairs = 5; // they take turns: each stays under the 10 commands/s per-connection limit
  const updates = Number(process.env.BENCH_UPDATES ?? 200);
  const warmup = Number(process.env.BENCH_WARMUP ?? 20);
  console.log(`cluster fan-out: ${n} members + ${chairs} chairs, 1 node vs 2 nodes (PostgreSQL, Redis); ${machine()}`);
  const single = await deployment(false);
  const pair = await deployment(true);
  const nodes: Node[] = [];
  const load = new Child<ToLoad, FromLoad>("bench/fanout/loadClients.ts", []);
  try {
    const one = new Child<ToNode, FromNode>(NODE, [String(n), String(chairs)], [], single.env);
    const owner = new Child<ToNode, FromNode>(NODE, [String(n), String(chairs)], [], { ...pair.env, YST_NODE_ID: "bench-owner" });
    const other = new Child<ToNode, FromNode>(NODE, ["0", "0"], [], { ...pair.env, YST_NODE_ID: "bench-other" });
    nodes.push(one, owner, other);
    const [oneReady, ownerReady, otherReady] = await Promise.all(nodes.map((node) => node.expect("ready", 180_000)));
    const url = (port: number): string => `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`;
    const connect = async (target: ServerKind, port: number, who: "chairs" | "members", clients: Joiner[]): Promise<number> => {
      load.send({ type: "connect", target, url: url(port), who, clients, concurrency: who === "chairs" ? chairs : 50, timeoutMs: 180_000 });
      return (await load.expect("connected", 185_000)).ms;
    };
    // One node: everyone on it.
    await connect("1 node", oneReady!.port, "chairs", oneReady!.meeting!.chairs);
    const oneJoin = await connect("1 node", oneReady!.port, "members", oneReady!.meeting!.members);
    // Two nodes: the chairs first on the node that made the meeting (it takes the lease), then
    // the first half of the members there and the second half on the other node (relayed).
    const meeting = ownerReady!.meeting!;
    await connect("2 nodes", ownerReady!.port, "chairs", meeting.chairs);
    if (!(await owns(owner, meeting.meetingId))) throw new Error("the node the chairs joined does not own the meeting");
    const half = Math.ceil(n / 2);
    const ownerJoin = await connect("2 nodes", ownerReady!.port, "members", meeting.members.slice(0, half));
    const otherJoin = await connect("2 nodes", otherReady!.port, "members", meeting.members.slice(half));
    if (await owns(other, meeting.meetingId)) throw new Error("the other node owns the meeting too");
    console.log(
      `joined: 1 node ${fmt(oneJoin / 1000)} s; 2 nodes: ${half} on the owner ${fmt(ownerJoin / 1000)} s, ${n - half} on the other (relayed) ${fmt(otherJoin / 1000)} s`,
    );
    load.send({ type: "run", warmup, updates, intervalMs: 20, timeoutMs: 10_000 });
    const { results } = await load.expect("result", 600_000);
    const loadAverage = os.loadavg()[0] ?? Number.NaN;
    const byTarget = new Map(results.map((r) => [r.target, r.samples]));
    console.log(`\n${updates} updates each after ${warmup} warm-up, alternating; ms from the chair's send; 1-min load ${fmt(loadAverage)}\n`);
    console.log("| deployment | updates | last p50 | last p99 | last max | first p50 | ack p50 | load-gen CPU ms/update |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const target of ["1 node", "2 nodes"] as const) {
      const s = byTarget.get(target)!;
      const last = summarize(s.last);
      console.log(
        `| ${target} | ${s.last.length} | ${fmt(last.p50)} | ${fmt(last.p99)} | ${fmt(last.max)} | ${fmt(percentile(s.first, 50))} | ${fmt(percentile(s.ack, 50))} | ${fmt(s.cpuMicros / 1000 / s.last.length)} |`,
      );
    }
    const p50 = (target: ServerKind): number => percentile(byTarget.get(target)!.last, 50);
    const p99 = (target: ServerKind): number => percentile(byTarget.get(target)!.last, 99);
    const ratio = p50("2 nodes") / p50("1 node");
    console.log(`\nratio 2 nodes / 1 node: last-client p50 ${fmt(ratio, 2)}, p99 ${fmt(p99("2 nodes") / p99("1 node"), 2)}`);
    console.log(`${ratio <= TARGET.fanoutRatio ? "PASS" : "FAIL"}  2-node last-client p50 ≤ ${TARGET.fanoutRatio} × 1-node p50: ${fmt(ratio, 2)}`);
  } finally {
    load.kill();
    await Promise.all(nodes.map(stopNode));
    await single.drop();
    await pair.drop();
  }
}

// ---------------------------------------------------------------------------------------------
// Failover: kill -9 of the owner, 3 nodes behind a load balancer.

/** A member (or the chair) as the browser connects: socket.io-client through the load balancer, reconnecting with lastSeq. */
class Member {
  readonly socket: Socket;
  lastSeq = -1;
  /** Resolves the waiters for a seq. */
  private waiters: { seq: number; resolve: (at: number) => void }[] = [];

  constructor(url: string, token: string) {
    // The browser client's reconnection settings (client/src/connection/meetingConnection.ts).
    this.socket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 1500,
      auth: (cb: (auth: object) => void) => cb(this.lastSeq >= 0 ? { token, lastSeq: this.lastSeq } : { token }),
    });
    this.socket.on("sync", (sync: { kind: string; state?: { seq: number }; events?: StoredEvent[] }) => {
      if (sync.kind === "events") this.advance(sync.events?.at(-1)?.seq ?? this.lastSeq);
      else this.advance(sync.state?.seq ?? -1);
    });
    this.socket.on("events", (events: StoredEvent[]) => this.advance(events.at(-1)?.seq ?? this.lastSeq));
  }

  private advance(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
    const at = performance.now();
    this.waiters = this.waiters.filter((w) => (w.seq <= this.lastSeq ? (w.resolve(at), false) : true));
  }

  /** Resolves with the time this client had `seq`. */
  reached(seq: number): Promise<number> {
    if (this.lastSeq >= seq) return Promise.resolve(performance.now());
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }
}

/** Sends one command (one cid, so a resend is never applied twice) until it is answered ok; its seq. */
async function commandUntilOk(chair: Member, command: object, deadlineMs: number): Promise<number> {
  const message = { ...command, cid: randomUUID() };
  const outcomes = new Map<string, number>(); // what the attempts got, for the error message
  const note = (outcome: string): void => void outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  for (const deadline = performance.now() + deadlineMs; performance.now() < deadline;) {
    if (!chair.socket.connected) {
      note("not connected");
      await sleep(20);
      continue;
    }
    const ack = (await chair.socket
      .timeout(2000)
      .emitWithAck("command", message)
      .catch(() => null)) as Ack | null;
    if (ack?.ok && ack.seq !== undefined) return ack.seq;
    note(ack ? `refused ${ack.error?.code}` : "no answer within 2 s");
    await sleep(50); // no answer (the node died, the meeting is being taken over) or refused meanwhile
  }
  throw new Error(`${JSON.stringify(command)} not answered within ${deadlineMs} ms: ${JSON.stringify(Object.fromEntries(outcomes))}`);
}

async function failover(): Promise<void> {
  const n = Number(process.env.BENCH_FAILOVER_MEMBERS ?? 300);
  const kills = Number(process.env.BENCH_FAILOVER_KILLS ?? 10);
  console.log(`cluster failover: 3 nodes behind a round-robin load balancer, ${n} members + 1 chair, ${kills} × SIGKILL of the owner; ${machine()}`);
  const cluster = await deployment(true);
  const nodes = new Map<string, { child: Node; port: number }>();
  const start = async (id: string, members: number): Promise<FromNode & { type: "ready" }> => {
    const child = new Child<ToNode, FromNode>(NODE, [String(members), "1"], [], { ...cluster.env, YST_NODE_ID: id });
    const ready = await child.expect("ready", 180_000);
    nodes.set(id, { child, port: ready.port });
    return ready;
  };
  const lb = await loadBalancer(() => [...nodes.values()].map((node) => node.port));
  const clients: Member[] = [];
  try {
    const { meeting } = await start("node1", n);
    await Promise.all([start("node2", 0), start("node3", 0)]);
    const chair = new Member(lb.url, meeting!.chairs[0]!.token);
    clients.push(chair);
    await chair.reached(0);
    if (!(await commandUntilOk(chair, { type: "meeting.open" }, 30_000).catch(() => null))) throw new Error("meeting.open refused");
    for (let i = 0; i < meeting!.members.length; i += 50) {
      const batch = meeting!.members.slice(i, i + 50).map((m) => new Member(lb.url, m.token));
      clients.push(...batch);
      await withTimeout(Promise.all(batch.map((c) => c.reached(0))), 60_000, () => "members joining");
    }
    const [a, b] = clients.slice(1, 3);
    for (const member of [a!, b!]) await commandUntilOk(member, { type: "queue.request" }, 30_000);
    const moved = meeting!.members[0]!.participantId;
    let toIndex = 0;
    const move = (deadlineMs: number): Promise<number> =>
      commandUntilOk(chair, { type: "queue.move", participantId: moved, toIndex: (toIndex ^= 1) }, deadlineMs);
    const everyone = (seq: number, ms: number) => withTimeout(Promise.all(clients.map((c) => c.reached(seq))), ms, () => `clients reaching seq ${seq}`);

    const rounds: { owner: string; answeredMs: number; allMs: number; clientP50Ms: number }[] = [];
    let failed = 0;
    for (let k = 0; k < kills; k++) {
      await everyone(await move(30_000), 30_000); // everyone in sync before the kill
      let owner: string | undefined;
      for (const [id, node] of nodes) if (await owns(node.child, meeting!.meetingId)) owner = id;
      if (!owner) throw new Error("no node owns the meeting");
      const killed = nodes.get(owner)!;
      nodes.delete(owner); // the load balancer stops choosing it (connecting to it would fail anyway)
      const t0 = performance.now();
      killed.child.kill();
      // A meeting that does not come back within a minute is a failed failover: reported (FAIL),
      // and the kills stop there, since the next would start from a meeting that is not running.
      const recovered = await move(60_000)
        .then(async (seq) => ({ answeredAt: performance.now(), times: await everyone(seq, 60_000) }))
        .catch((error: unknown) => (console.log(`kill ${k + 1}: owner ${owner}; NOT recovered: ${String(error)}`), null));
      if (!recovered) {
        failed += 1;
        break;
      }
      const { answeredAt, times } = recovered;
      const round = {
        owner,
        answeredMs: answeredAt - t0,
        allMs: Math.max(...times) - t0,
        clientP50Ms: percentile(
          times.map((t) => t - t0),
          50,
        ),
      };
      rounds.push(round);
      console.log(
        `kill ${k + 1}: owner ${owner}; the chair's command answered after ${fmt(round.answeredMs)} ms; every client in sync after ${fmt(round.allMs)} ms (client p50 ${fmt(round.clientP50Ms)} ms)`,
      );
      await killed.child.exited;
      await start(owner, 0); // restarted, as a supervisor would
      await sleep(1000);
    }
    const all = [...rounds.map((r) => r.allMs), ...Array.from({ length: failed }, () => Number.POSITIVE_INFINITY)];
    const p99 = percentile(all, 99);
    console.log(
      `\nkill → every client in sync, over ${all.length} kills${failed ? ` (${failed} not recovered within 60 s: counted as infinite)` : ""}: p50 ${fmt(percentile(all, 50))} ms, p99 ${fmt(p99)} ms, max ${fmt(Math.max(...all))} ms`,
    );
    console.log(
      `kill → the chair's command answered: p50 ${fmt(
        percentile(
          rounds.map((r) => r.answeredMs),
          50,
        ),
      )} ms, p99 ${fmt(
        percentile(
          rounds.map((r) => r.answeredMs),
          99,
        ),
      )} ms`,
    );
    console.log(
      `${p99 <= TARGET.failoverP99Ms ? "PASS" : "FAIL"}  failover p99 ≤ ${TARGET.failoverP99Ms} ms: ${Number.isFinite(p99) ? `${fmt(p99)} ms` : "a kill not recovered"}`,
    );
  } finally {
    for (const c of clients) c.socket.disconnect();
    await lb.close();
    await Promise.all([...nodes.values()].map((node) => stopNode(node.child)));
    await cluster.drop();
  }
}

async function main(): Promise<void> {
  const which = process.argv[2];
  if (which === "fanout") await fanout();
  else if (which === "failover") await failover();
  else throw new Error("usage: npm run bench:cluster -- fanout|failover");
}

runBenchmark(main, WATCHDOG_MS);
