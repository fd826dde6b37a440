// Child process: the join-storm load generator. Thin raw-WebSocket clients (bench/shared/wire.ts)
// for both servers, all in this one process so that every time comes from one clock. A client
// keeps the last seq it saw (from its `sync` and every `events` packet, checking they follow on
// without gaps or repeats) and, like the browser client (client/src/connection/meetingConnection.ts),
// sends it as `auth.lastSeq` when it connects again after its connection dropped.
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { cpuMicros, exitWithParent, send } from "../fanout/ipc.ts";
import {
  EIO_MESSAGE,
  EIO_OPEN,
  EIO_PING,
  EVENTS,
  EVENTS_SEQ,
  readInt,
  SEQ_KEY,
  SIO_ACK,
  SIO_CONNECT_ERROR,
  SIO_EVENT,
  socketUrl,
  startsWith,
  SYNC,
  withTimeout,
  parseAck,
  type Ack,
} from "../shared/wire.ts";
import type { FromLoad, MeetingTokens, ReconnectPolicy, RecoverySamples, RunSamples, ServerKind, StormSamples, ToLoad } from "./ipc.ts";

/** A snapshot's state starts with its seq (core/state.ts), so a large snapshot need not be parsed. */
const SYNC_SNAPSHOT_SEQ = Buffer.from('42["sync",{"kind":"snapshot","state":{"seq":');

/** Wall-clock time in ms since the epoch, with the monotonic clock's resolution (compared with the server's listening time). */
const epoch = (): number => performance.timeOrigin + performance.now();

interface WireEvent {
  seq: number;
  event: { type: string; participantIds?: string[] };
}

/** socket.io-client's Backoff with the defaults (reconnectionDelay 1000, reconnectionDelayMax 5000, randomizationFactor 0.5). */
function delayFor(policy: ReconnectPolicy, failedInRow: number): number {
  if (policy.kind === "fixed") return policy.minMs + Math.random() * (policy.maxMs - policy.minMs);
  const rand = Math.random();
  let ms = 1000 * 2 ** (failedInRow - 1);
  const deviation = Math.floor(rand * 0.5 * ms);
  ms = (Math.floor(rand * 10) & 1) === 0 ? ms - deviation : ms + deviation;
  return Math.min(ms, 5000);
}

class Client {
  private ws: WebSocket | null = null;
  /** The last seq this client saw; -1 before its first `sync`. */
  lastSeq = -1;
  /** Reconnect when the connection drops (null: a drop fails the client). */
  policy: ReconnectPolicy | null = null;
  /** Counts event types it receives (the recovery's observer). */
  observing: Record<string, number> | null = null;
  observedLeft = 0;
  /** Attempts since it was last in sync, and since the recovery started. */
  private failedInRow = 0;
  attempts = 0;
  failures = 0;
  attemptAt = 0;
  openAt = 0;
  /** Called with the packet's size and whether it was an events catch-up, on every `sync`. */
  onSync: ((bytes: number, events: boolean) => void) | null = null;
  /** Called when a connection fails with no reconnect policy, or is refused. */
  onFail: ((why: string) => void) | null = null;
  /** A queue.move counter per chair, kept across the measured windows. */
  moves = 0;
  private readonly acks = new Map<number, (ack: Ack) => void>();
  private nextAck = 0;
  private closing = false;

  constructor(
    private readonly session: Session,
    private readonly token: string,
  ) {}

  connect(): void {
    this.attempts += 1;
    this.attemptAt = performance.now();
    const ws = new WebSocket(socketUrl(this.session.port), { perMessageDeflate: false, skipUTF8Validation: true });
    this.ws = ws;
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      this.dropped();
    };
    ws.on("error", end);
    ws.on("close", end);
    ws.on("open", () => (this.openAt = performance.now()));
    ws.on("message", (data: Buffer) => this.onMessage(data));
  }

  command(command: object): Promise<Ack> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(id, resolve);
      this.ws?.send(`42${id}${JSON.stringify(["command", command])}`);
    });
  }

  close(): void {
    this.closing = true;
    this.ws?.terminate();
  }

  private dropped(): void {
    this.acks.clear(); // never answered now: the run counts them as missing
    this.failures += 1;
    if (this.closing) return;
    if (!this.policy) return this.onFail?.("connection closed");
    this.failedInRow += 1;
    setTimeout(() => this.connect(), delayFor(this.policy, this.failedInRow));
  }

  private onMessage(data: Buffer): void {
    const eio = data[0];
    if (eio === EIO_MESSAGE) {
      const sio = data[1];
      if (sio === SIO_EVENT) {
        if (startsWith(data, EVENTS_SEQ)) {
          // Fast path, no JSON parse: the first event's seq, and the last event's (after the last '{"seq":').
          this.advance(readInt(data, EVENTS_SEQ.length), readInt(data, data.lastIndexOf(SEQ_KEY) + SEQ_KEY.length));
          if (this.observing) this.observe((JSON.parse(data.toString("utf8").slice(2)) as [string, WireEvent[]])[1]);
        } else if (startsWith(data, EVENTS)) {
          const [, events] = JSON.parse(data.toString("utf8").slice(2)) as [string, WireEvent[]];
          if (events.length) this.advance(events[0]!.seq, events.at(-1)!.seq);
          if (this.observing) this.observe(events);
        } else if (startsWith(data, SYNC)) this.synced(data);
      } else if (sio === SIO_ACK) this.onAck(data);
      else if (sio === SIO_CONNECT_ERROR) {
        // The handshake check refused us: final, as in the browser client.
        this.policy = null;
        this.onFail?.(`connect_error ${data.toString("utf8").slice(2)}`);
      }
    } else if (eio === EIO_PING) this.ws?.send("3");
    else if (eio === EIO_OPEN) this.ws?.send(`40${JSON.stringify(this.lastSeq >= 0 ? { token: this.token, lastSeq: this.lastSeq } : { token: this.token })}`);
  }

  private synced(data: Buffer): void {
    let events = false;
    if (startsWith(data, SYNC_SNAPSHOT_SEQ)) this.lastSeq = readInt(data, SYNC_SNAPSHOT_SEQ.length);
    else {
      const [, sync] = JSON.parse(data.toString("utf8").slice(2)) as [string, { kind: string; state?: { seq: number }; events?: WireEvent[] }];
      if (sync.kind === "events") {
        events = true;
        const list = sync.events ?? [];
        if (list.length) this.advance(list[0]!.seq, list.at(-1)!.seq);
        if (this.observing) this.observe(list);
      } else this.lastSeq = sync.state?.seq ?? -1;
    }
    this.failedInRow = 0;
    this.onSync?.(data.length, events);
  }

  /** Events `from`..`to` arrived: they must follow on from the last seq seen. */
  private advance(from: number, to: number): void {
    if (this.lastSeq >= 0) {
      if (from > this.lastSeq + 1) this.session.gaps += 1;
      if (from <= this.lastSeq) this.session.duplicates += 1;
    }
    this.lastSeq = Math.max(this.lastSeq, to);
  }

  private observe(events: readonly WireEvent[]): void {
    for (const e of events) {
      this.observing![e.event.type] = (this.observing![e.event.type] ?? 0) + 1;
      if (e.event.type === "attendance.left") this.observedLeft += e.event.participantIds?.length ?? 1;
    }
  }

  private onAck(data: Buffer): void {
    const { id, ack } = parseAck(data);
    this.acks.get(id)?.(ack);
    this.acks.delete(id);
  }
}

interface SessionMeeting {
  info: MeetingTokens;
  chair: Client | null;
  members: Client[];
}

/** The clients of one server. */
class Session {
  port = 0;
  meetings: SessionMeeting[] = [];
  gaps = 0;
  duplicates = 0;

  constructor(readonly target: ServerKind) {}

  /** Chairs first, then members, meeting by meeting. */
  clients(): Client[] {
    return [...this.meetings.flatMap((m) => (m.chair ? [m.chair] : [])), ...this.meetings.flatMap((m) => m.members)];
  }

  meeting(info: MeetingTokens): SessionMeeting {
    let m = this.meetings.find((x) => x.info.meetingId === info.meetingId);
    if (!m) this.meetings.push((m = { info, chair: null, members: [] }));
    return m;
  }
}

const sessions = new Map<ServerKind, Session>();
const sessionOf = (target: ServerKind): Session => {
  let s = sessions.get(target);
  if (!s) sessions.set(target, (s = new Session(target)));
  return s;
};

/** Resolves at the client's next `sync`; rejects if it fails first. */
function nextSync(client: Client): Promise<number> {
  return new Promise((resolve, reject) => {
    client.onSync = (bytes) => {
      client.onSync = null;
      resolve(bytes);
    };
    client.onFail = (why) => reject(new Error(why));
  });
}

async function join(
  target: ServerKind,
  port: number,
  meetings: MeetingTokens[],
  who: "chairs" | "members",
  concurrency: number,
  timeoutMs: number,
): Promise<void> {
  const started = performance.now();
  const session = sessionOf(target);
  session.port = port;
  const queue: { m: SessionMeeting; token: string }[] = [];
  for (const info of meetings) {
    const m = session.meeting(info);
    if (who === "chairs" && info.chair) queue.push({ m, token: info.chair.token });
    if (who === "members") for (const member of info.members) queue.push({ m, token: member.token });
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const { m, token } = queue[next++]!;
      const client = new Client(session, token);
      if (who === "chairs") m.chair = client;
      else m.members.push(client);
      const synced = nextSync(client);
      client.connect();
      await synced;
    }
  };
  await withTimeout(Promise.all(Array.from({ length: concurrency }, worker)), timeoutMs, () => `${target}: connecting ${queue.length} ${who}`);
  await send({ type: "joined", target, ms: performance.now() - started } satisfies FromLoad);
}

/** Every member of the meeting connects in the same moment; each one's time runs from its first attempt. */
async function storm(target: ServerKind, port: number, info: MeetingTokens, policy: ReconnectPolicy, timeoutMs: number): Promise<void> {
  const session = sessionOf(target);
  session.port = port;
  const m = session.meeting(info);
  const n = info.members.length;
  const samples: StormSamples = {
    connectToSync: new Array<number>(n).fill(Number.NaN),
    openToSync: new Array<number>(n).fill(Number.NaN),
    syncBytes: new Array<number>(n).fill(0),
    firstBytes: 0,
    lastBytes: 0,
    totalMs: 0,
    failures: 0,
  };
  const started = performance.now();
  let left = n;
  let done = (): void => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  const clients = info.members.map((member, i) => {
    const client = new Client(session, member.token);
    client.policy = policy;
    m.members.push(client);
    client.onSync = (bytes) => {
      client.onSync = null;
      const now = performance.now();
      samples.connectToSync[i] = now - firstAttempt[i]!;
      samples.openToSync[i] = now - client.openAt;
      samples.syncBytes[i] = bytes;
      if (left === n) samples.firstBytes = bytes;
      samples.lastBytes = bytes;
      if (--left === 0) done();
    };
    client.onFail = (why) => abort(`${target} storm: member ${i} failed: ${why}`);
    return client;
  });
  const firstAttempt = clients.map((client) => {
    client.connect();
    return client.attemptAt;
  });
  await withTimeout(all, timeoutMs, () => `${target} storm: ${n - left} of ${n} members have their state`);
  samples.totalMs = performance.now() - started;
  samples.failures = clients.reduce((sum, c) => sum + c.failures, 0);
  await send({ type: "stormed", target, samples, gaps: session.gaps, duplicates: session.duplicates } satisfies FromLoad);
}

async function commands(target: ServerKind, list: { meeting: number; who: "chair" | number; command: object }[], timeoutMs: number): Promise<void> {
  const session = sessionOf(target);
  let seq = 0;
  for (const c of list) {
    const m = session.meetings[c.meeting];
    const client = c.who === "chair" ? m?.chair : m?.members[c.who];
    if (!client) throw new Error(`${target}: no client for ${JSON.stringify(c)}`);
    const ack = await withTimeout(client.command(c.command), timeoutMs, () => `${target}: ${JSON.stringify(c.command)}`);
    if (!ack.ok) throw new Error(`${target}: ${JSON.stringify(c.command)} refused: ${JSON.stringify(ack)}`);
    seq = ack.seq ?? seq;
  }
  await send({ type: "commanded", target, seq } satisfies FromLoad);
}

/** Recovery state, per client, from the moment the target was armed. */
const recovery = new Map<ServerKind, { back: Map<Client, { at: number; connectToSync: number; bytes: number; events: boolean }>; wake: () => void }>();

async function arm(target: ServerKind, policy: ReconnectPolicy): Promise<void> {
  const session = sessionOf(target);
  const clients = session.clients();
  const state = { back: new Map<Client, { at: number; connectToSync: number; bytes: number; events: boolean }>(), wake: () => undefined };
  recovery.set(target, state);
  const observer = session.meetings[0]?.members[0];
  for (const client of clients) {
    client.policy = policy;
    client.attempts = 0;
    client.onFail = (why) => abort(`${target} recovery: ${why}`);
    client.onSync = (bytes, events) => {
      state.back.set(client, { at: epoch(), connectToSync: performance.now() - client.attemptAt, bytes, events });
      state.wake();
    };
  }
  if (observer) {
    observer.observing = {};
    observer.observedLeft = 0;
  }
  await send({ type: "armed", target, clients: clients.length, unknownSeq: clients.filter((c) => c.lastSeq < 0).length } satisfies FromLoad);
}

async function recover(target: ServerKind, listeningAt: number, timeoutMs: number): Promise<void> {
  const session = sessionOf(target);
  const state = recovery.get(target);
  if (!state) throw new Error(`${target}: recover before arm`);
  const clients = session.clients();
  const deadline = performance.now() + timeoutMs;
  while (state.back.size < clients.length && performance.now() < deadline) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 200);
      state.wake = () => (clearTimeout(timer), resolve());
    });
  }
  const observer = session.meetings[0]?.members[0];
  const back = clients.map((c) => state.back.get(c));
  const members = session.meetings.flatMap((m) => m.members);
  const samples: RecoverySamples = {
    fromListening: back.flatMap((b) => (b ? [b.at - listeningAt] : [])),
    connectToSync: back.flatMap((b) => (b ? [b.connectToSync] : [])),
    attempts: clients.map((c) => c.attempts),
    syncBytes: members.map((c) => state.back.get(c)?.bytes ?? 0),
    eventCatchUps: back.filter((b) => b?.events).length,
    missing: back.filter((b) => !b).length,
    observed: observer?.observing ?? {},
    observedLeft: observer?.observedLeft ?? 0,
  };
  for (const client of clients) client.onSync = null;
  if (observer) observer.observing = null;
  await send({ type: "recovered", target, samples, gaps: session.gaps, duplicates: session.duplicates } satisfies FromLoad);
}

/** Every chair moves its meeting's first queued member at a steady rate, whatever the acks do (open loop). */
async function run(target: ServerKind, durationMs: number, ratePerChair: number, timeoutMs: number): Promise<void> {
  const session = sessionOf(target);
  const samples: RunSamples = { ack: [], sentAt: [], refused: {}, missing: 0 };
  const interval = 1000 / ratePerChair;
  const cpuStart = cpuMicros();
  const start = performance.now();
  let outstanding = 0;
  let scheduling = session.meetings.length;
  let drained = (): void => undefined;
  const done = new Promise<void>((resolve) => (drained = resolve));
  const settle = (): void => {
    if (scheduling === 0 && outstanding === 0) drained();
  };
  for (const m of session.meetings) {
    const chair = m.chair;
    const first = m.info.members[0];
    if (!chair || !first) throw new Error(`${target}: a meeting without a chair or members`);
    const offset = Math.random() * interval;
    let k = 0;
    const tick = (): void => {
      if (offset + k * interval >= durationMs) {
        scheduling -= 1;
        return settle();
      }
      const sentAt = performance.now();
      outstanding += 1;
      void chair.command({ type: "queue.move", participantId: first.participantId, toIndex: chair.moves++ % 2 === 0 ? 1 : 0 }).then((ack) => {
        outstanding -= 1;
        if (ack.ok) {
          samples.ack.push(performance.now() - sentAt);
          samples.sentAt.push(sentAt - start);
        } else {
          const code = ack.error?.code ?? "?";
          samples.refused[code] = (samples.refused[code] ?? 0) + 1;
        }
        settle();
      });
      k += 1;
      setTimeout(tick, Math.max(0, start + offset + k * interval - performance.now()));
    };
    setTimeout(tick, offset);
  }
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, durationMs + timeoutMs))]);
  samples.missing = outstanding;
  await send({ type: "ran", target, samples, loadCpuMs: (cpuMicros() - cpuStart) / 1000 } satisfies FromLoad);
}

async function close(target: ServerKind): Promise<void> {
  const session = sessions.get(target);
  sessions.delete(target);
  for (const client of session?.clients() ?? []) client.close();
  await send({ type: "closed", target } satisfies FromLoad);
}

/** Reports the failure to the orchestrator and ends this process. */
function abort(message: string): void {
  void send({ type: "error", message } satisfies FromLoad).finally(() => process.exit(1));
}

exitWithParent();
process.on("message", (message: ToLoad) => {
  const task = ((): Promise<void> => {
    switch (message.type) {
      case "join":
        return join(message.target, message.port, message.meetings, message.who, message.concurrency, message.timeoutMs);
      case "storm":
        return storm(message.target, message.port, message.meeting, message.policy, message.timeoutMs);
      case "commands":
        return commands(message.target, message.commands, message.timeoutMs);
      case "arm":
        return arm(message.target, message.policy);
      case "recover":
        return recover(message.target, message.listeningAt, message.timeoutMs);
      case "run":
        return run(message.target, message.durationMs, message.ratePerChair, message.timeoutMs);
      case "close":
        return close(message.target);
    }
  })();
  task.catch((error: unknown) => abort(error instanceof Error ? error.message : String(error)));
});
