// Child process: the load generator. Thin raw-WebSocket clients speaking Engine.IO v4 /
// socket.io v5 framing by hand (a socket.io-client per member is too slow to generate load),
// all in this one process so that send and receive times share one clock. It can hold the
// clients of both servers at once and then alternates their updates, so that both see the
// same machine conditions.
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import {
  cpuMicros,
  exitWithParent,
  send,
  type ConnectRequest,
  type FromLoad,
  type Member,
  type RunOptions,
  type ServerKind,
  type ToLoad,
  type UpdateSamples,
} from "./ipc.ts";
import {
  EIO_MESSAGE,
  EIO_OPEN,
  EIO_PING,
  EVENTS,
  EVENTS_SEQ,
  readInt,
  SEQ_KEY,
  SIO_ACK,
  SIO_CONNECT,
  SIO_CONNECT_ERROR,
  SIO_EVENT,
  sleep,
  startsWith,
  SYNC,
  withTimeout,
  parseAck,
  type Ack,
} from "../shared/wire.ts";

/** How far one seq has spread: how many clients have it, and when the first and last got it. */
interface Delivery {
  count: number;
  first: number;
  last: number;
}

/** The update in flight (one at a time): deliveries of every seq after `after`, and its seq once acknowledged. */
interface Pending {
  after: number;
  deliveries: Map<number, Delivery>;
  seq: number | null;
  done: () => void;
}

/** The clients of one server (one meeting): chairs and members. */
class Session {
  readonly chairs: Client[] = [];
  readonly members: Client[] = [];
  memberInfo: Member[] = [];
  lastSeq = 0;
  /** Size of the last 'events' packet the checking client saw. */
  packetBytes = 0;
  private pending: Pending | null = null;

  constructor(readonly target: ServerKind) {}

  /** A client got an 'events' packet with events `from`..`to` (seqs are contiguous). */
  onEvents(from: number, to: number, at: number): void {
    const p = this.pending;
    if (!p) return;
    for (let seq = Math.max(from, p.after + 1); seq <= to; seq++) {
      const d = p.deliveries.get(seq);
      if (d) {
        d.count += 1;
        d.last = at;
      } else p.deliveries.set(seq, { count: 1, first: at, last: at });
    }
    this.settle();
  }

  private settle(): void {
    const p = this.pending;
    if (p?.seq != null && p.deliveries.get(p.seq)?.count === this.chairs.length + this.members.length) p.done();
  }

  /** The chair opens the meeting and two members ask for the floor, so that the chairs can move one. */
  async prepare(): Promise<void> {
    const [chair] = this.chairs;
    const [a, b] = this.members;
    if (!chair || !a || !b || !this.memberInfo[0]) throw new Error("need two members and a chair");
    const opened = await chair.command({ type: "meeting.open" });
    if (!opened.ok && opened.error?.code !== "MEETING_ALREADY_OPEN") throw new Error(`meeting.open refused: ${JSON.stringify(opened)}`);
    for (const member of [a, b]) this.lastSeq = Math.max(this.lastSeq, await expectOk(member.command({ type: "queue.request" }), "queue.request"));
  }

  /**
   * Update i: a chair (in turn, each stays under the per-connection rate limit) moves the first
   * member between queue positions 0 and 1: one event, one broadcast. Resolves when the chair
   * has the acknowledgement and every client has the event.
   */
  async update(i: number, samples: UpdateSamples | null, timeoutMs: number): Promise<void> {
    const chair = this.chairs[i % this.chairs.length] as Client;
    let done = (): void => undefined;
    const delivered = new Promise<void>((resolve) => (done = resolve));
    const pending: Pending = { after: this.lastSeq, deliveries: new Map(), seq: null, done };
    this.pending = pending;
    const cpuStart = cpuMicros();
    const sentAt = performance.now();
    const command = { type: "queue.move", participantId: (this.memberInfo[0] as Member).participantId, toIndex: i % 2 === 0 ? 1 : 0 };
    const acked = chair.command(command).then((ack) => {
      const ackAt = performance.now();
      if (!ack.ok || ack.seq === undefined || ack.seq <= pending.after) throw new Error(`${this.target} update ${i}: ack ${JSON.stringify(ack)}`);
      pending.seq = ack.seq;
      this.settle();
      return ackAt;
    });
    const what = (): string => {
      const counts = [...pending.deliveries].map(([seq, d]) => `seq ${seq}: ${d.count}`).join(", ");
      return `${this.target} update ${i} (acknowledged seq ${pending.seq}; clients that had: ${counts || "none"})`;
    };
    const [ackAt] = await withTimeout(Promise.all([acked, delivered]), timeoutMs, what);
    this.pending = null;
    const delivery = pending.deliveries.get(pending.seq as number) as Delivery;
    this.lastSeq = pending.seq as number;
    if (!samples) return;
    samples.last.push(delivery.last - sentAt);
    samples.first.push(delivery.first - sentAt);
    samples.ack.push(ackAt - sentAt);
    samples.cpuMicros += cpuMicros() - cpuStart;
    samples.packetBytes = this.packetBytes;
  }
}

class Client {
  readonly ws: WebSocket;
  /** Resolves once the client is in the meeting (it got 'sync'). */
  readonly joined: Promise<void>;
  private readonly acks = new Map<number, (ack: Ack) => void>();
  private nextAck = 0;

  constructor(
    private readonly session: Session,
    url: string,
    token: string,
    private readonly verify: boolean,
  ) {
    this.ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
    this.joined = new Promise((resolve, reject) => {
      this.ws.on("error", reject);
      this.ws.on("close", (code) => reject(new Error(`closed (${code}) before joining`)));
      this.ws.on("message", (data: Buffer) => {
        const at = performance.now();
        const eio = data[0];
        if (eio === EIO_MESSAGE) {
          const sio = data[1];
          if (sio === SIO_EVENT) {
            const from = startsWith(data, EVENTS_SEQ) ? readInt(data, EVENTS_SEQ.length) : -1;
            if (from >= 0) {
              // Fast path, no JSON parse: the first event's seq, and the last event's (after the last '{"seq":').
              const to = readInt(data, data.lastIndexOf(SEQ_KEY) + SEQ_KEY.length);
              if (this.verify) this.check(data, from, to);
              session.onEvents(from, to, at);
            } else if (startsWith(data, EVENTS)) {
              // Not the expected shape: parse in full (never the case with today's server).
              const [, events] = JSON.parse(data.toString("utf8").slice(2)) as [string, { seq: number }[]];
              for (const e of events) session.onEvents(e.seq, e.seq, at);
            } else if (startsWith(data, SYNC)) resolve(); // the catch-up: the client is in the meeting now
            // 'welcome' and anything else: ignored.
          } else if (sio === SIO_ACK) this.onAck(data);
          else if (sio === SIO_CONNECT_ERROR) reject(new Error(`connect_error ${data.toString("utf8").slice(2)}`));
          else if (sio !== SIO_CONNECT) return;
        } else if (eio === EIO_PING) this.ws.send("3");
        else if (eio === EIO_OPEN) this.ws.send(`40${JSON.stringify({ token })}`);
      });
    });
    this.joined.catch(() => undefined);
  }

  command(command: unknown): Promise<Ack> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(id, resolve);
      this.ws.send(`42${id}${JSON.stringify(["command", command])}`);
    });
  }

  private onAck(data: Buffer): void {
    const { id, ack } = parseAck(data);
    this.acks.get(id)?.(ack);
    this.acks.delete(id);
  }

  /** One client parses every update in full, to prove the fast path reads the right seqs. */
  private check(data: Buffer, from: number, to: number): void {
    const [name, events] = JSON.parse(data.toString("utf8").slice(2)) as [string, { seq: number }[]];
    if (name !== "events" || events[0]?.seq !== from || events.at(-1)?.seq !== to || to - from !== events.length - 1) {
      abort(`fast seq parse mismatch: ${from}..${to} vs ${data.toString("utf8").slice(0, 300)}`);
    }
    this.session.packetBytes = data.length;
  }
}

const sessions = new Map<ServerKind, Session>();

/** Reports the failure to the orchestrator and ends this process. */
function abort(message: string): void {
  void send({ type: "error", message } satisfies FromLoad).finally(() => process.exit(1));
}

async function expectOk(ack: Promise<Ack>, what: string): Promise<number> {
  const result = await ack;
  if (!result.ok || result.seq === undefined) throw new Error(`${what} refused: ${JSON.stringify(result)}`);
  return result.seq;
}

/** Opens the clients, at most `concurrency` handshakes at a time; resolves when all joined. */
async function connect(request: ConnectRequest): Promise<void> {
  const started = performance.now();
  let session = sessions.get(request.target);
  if (!session) sessions.set(request.target, (session = new Session(request.target)));
  const into = request.who === "chairs" ? session.chairs : session.members;
  if (request.who === "members") session.memberInfo.push(...request.clients);
  let next = 0;
  const worker = async (s: Session): Promise<void> => {
    while (next < request.clients.length) {
      const i = next++;
      const verify = request.who === "members" && s.members.length === 0; // the first member checks the fast path
      const client = new Client(s, request.url, (request.clients[i] as Member).token, verify);
      into.push(client);
      await client.joined;
    }
  };
  const workers = Array.from({ length: request.concurrency }, () => worker(session));
  await withTimeout(Promise.all(workers), request.timeoutMs, () => `connecting ${request.target} ${request.who}`);
  await send({ type: "connected", target: request.target, who: request.who, ms: performance.now() - started } satisfies FromLoad);
}

async function run(options: RunOptions): Promise<void> {
  const all = [...sessions.values()];
  await sleep(500); // the server's batched attendance arrivals come 200 ms after the joins
  for (const session of all) await session.prepare();
  await sleep(200); // let the request broadcasts drain
  const samples = new Map(all.map((s) => [s, { last: [], first: [], ack: [], cpuMicros: 0, packetBytes: 0 } as UpdateSamples]));
  for (let i = 0; i < options.warmup + options.updates; i++) {
    for (const session of all) {
      const startedAt = performance.now();
      await session.update(i, i >= options.warmup ? (samples.get(session) as UpdateSamples) : null, options.timeoutMs);
      const wait = startedAt + options.intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
    }
  }
  await send({ type: "result", results: all.map((s) => ({ target: s.target, samples: samples.get(s) as UpdateSamples })) } satisfies FromLoad);
}

exitWithParent();
process.on("message", (message: ToLoad) => {
  const task = message.type === "connect" ? connect(message) : message.type === "run" ? run(message) : Promise.resolve(closeAll());
  task.catch((error: unknown) => abort(error instanceof Error ? error.message : String(error)));
});

function closeAll(): void {
  for (const session of sessions.values()) for (const client of [...session.chairs, ...session.members]) client.ws.terminate();
  process.exit(0);
}
