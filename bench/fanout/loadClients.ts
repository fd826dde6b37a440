// Child process: the load generator. Thin raw-WebSocket clients speaking Engine.IO v4 /
// socket.io v5 framing by hand (a socket.io-client per member is too slow to generate load),
// all in this one process so that send and receive times share one clock.
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { exitWithParent, send, type FromLoad, type Member, type RunOptions, type ToLoad, type UpdateSamples } from "./ipc.ts";

// Engine.IO packet types are the first character, socket.io packet types the second ("42" = message/EVENT).
const EIO_OPEN = 0x30; // "0"
const EIO_PING = 0x32; // "2"
const EIO_MESSAGE = 0x34; // "4"
const SIO_CONNECT = 0x30; // "0"
const SIO_EVENT = 0x32; // "2"
const SIO_ACK = 0x33; // "3"
const SIO_CONNECT_ERROR = 0x34; // "4"

const EVENTS = Buffer.from('42["events",');
/** A StoredEvent is serialized as {"seq":…,"at":…,…}, so the first update's seq follows this. */
const EVENTS_SEQ = Buffer.from('42["events",[{"seq":');
const SYNC = Buffer.from('42["sync",');

interface Ack {
  ok: boolean;
  seq?: number;
  error?: { code: string };
}

/** The update every client is waiting for; one at a time. */
interface Pending {
  seq: number;
  count: number;
  first: number;
  last: number;
  done: () => void;
}

let pending: Pending | null = null;
let expectedClients = 0;

function onUpdate(seq: number, at: number): void {
  const p = pending;
  if (!p || seq !== p.seq) return;
  if (p.count === 0) p.first = at;
  p.last = at;
  p.count += 1;
  if (p.count === expectedClients) p.done();
}

const startsWith = (data: Buffer, prefix: Buffer): boolean =>
  data.length >= prefix.length && data.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;

/** Reads the unsigned decimal at `offset`; -1 when there is none. */
function readInt(data: Buffer, offset: number): number {
  let value = -1;
  for (let i = offset; i < data.length; i++) {
    const digit = (data[i] as number) - 0x30;
    if (digit < 0 || digit > 9) break;
    value = (value < 0 ? 0 : value * 10) + digit;
  }
  return value;
}

class Client {
  readonly ws: WebSocket;
  /** Resolves once the client is in the meeting (it got 'sync'). */
  readonly joined: Promise<number>;
  private readonly acks = new Map<number, (ack: Ack) => void>();
  private nextAck = 0;

  constructor(url: string, token: string, private readonly verify: boolean) {
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
            if (startsWith(data, EVENTS_SEQ)) {
              const seq = readInt(data, EVENTS_SEQ.length);
              if (this.verify) this.check(data, seq);
              onUpdate(seq, at);
            } else if (startsWith(data, EVENTS)) {
              // Not the expected shape: parse in full (never the case with today's server).
              const [, events] = JSON.parse(data.toString("utf8").slice(2)) as [string, { seq: number }[]];
              for (const e of events) onUpdate(e.seq, at);
            } else if (startsWith(data, SYNC)) {
              const [, sync] = JSON.parse(data.toString("utf8").slice(2)) as [string, { state?: { seq: number }; events?: { seq: number }[] }];
              resolve(sync.state?.seq ?? sync.events?.at(-1)?.seq ?? 0);
            } // 'welcome' (the roster) and anything else: ignored.
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
    const text = data.toString("utf8");
    const bracket = text.indexOf("[");
    const id = Number(text.slice(2, bracket));
    const [ack] = JSON.parse(text.slice(bracket)) as [Ack];
    this.acks.get(id)?.(ack);
    this.acks.delete(id);
  }

  /** One client parses every update in full, to prove the fast path reads the right seq. */
  private check(data: Buffer, seq: number): void {
    const [name, events] = JSON.parse(data.toString("utf8").slice(2)) as [string, { seq: number }[]];
    if (name !== "events" || events.length !== 1 || events[0]?.seq !== seq) {
      abort(`fast seq parse mismatch: ${seq} vs ${data.toString("utf8").slice(0, 200)}`);
    }
  }
}

const chairs: Client[] = [];
const members: Client[] = [];
let memberInfo: Member[] = [];
let lastSeq = 0;

/** Reports the failure to the orchestrator and ends this process. */
function abort(message: string): void {
  void send({ type: "error", message } satisfies FromLoad).finally(() => process.exit(1));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the clients, at most `concurrency` handshakes at a time; resolves when all joined. */
async function connect(message: Extract<ToLoad, { type: "connect" }>): Promise<void> {
  const started = performance.now();
  const into = message.who === "chairs" ? chairs : members;
  if (message.who === "members") memberInfo = message.clients;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < message.clients.length) {
      const i = next++;
      const client = new Client(message.url, (message.clients[i] as Member).token, message.who === "members" && i === 0);
      into.push(client);
      lastSeq = Math.max(lastSeq, await client.joined);
    }
  };
  await withTimeout(Promise.all(Array.from({ length: message.concurrency }, worker)), message.timeoutMs, `connecting ${message.who}`);
  await send({ type: "connected", who: message.who, ms: performance.now() - started } satisfies FromLoad);
}

async function expectOk(ack: Promise<Ack>, what: string): Promise<number> {
  const result = await ack;
  if (!result.ok || result.seq === undefined) throw new Error(`${what} refused: ${JSON.stringify(result)}`);
  return result.seq;
}

/**
 * Two members ask for the floor; then the chairs (in turn, to stay under the per-connection rate
 * limit) move the first of them between positions 0 and 1. Each move is exactly one broadcast.
 */
async function run(options: RunOptions): Promise<void> {
  const [a, b] = members;
  const mover = memberInfo[0];
  if (!a || !b || !mover || chairs.length === 0) throw new Error("need two members and a chair");
  lastSeq = Math.max(lastSeq, await expectOk(a.command({ type: "queue.request" }), "queue.request"));
  lastSeq = Math.max(lastSeq, await expectOk(b.command({ type: "queue.request" }), "queue.request"));
  await sleep(200); // let the two request broadcasts drain
  expectedClients = chairs.length + members.length;

  const samples: UpdateSamples = { last: [], first: [], ack: [] };
  for (let i = 0; i < options.warmup + options.updates; i++) {
    const chair = chairs[i % chairs.length] as Client;
    const seq = lastSeq + 1;
    let done = (): void => undefined;
    const delivered = new Promise<void>((resolve) => (done = resolve));
    pending = { seq, count: 0, first: 0, last: 0, done };
    const sentAt = performance.now();
    const acked = chair.command({ type: "queue.move", participantId: mover.participantId, toIndex: i % 2 === 0 ? 1 : 0 }).then((ack) => {
      const ackAt = performance.now();
      if (!ack.ok || ack.seq !== seq) throw new Error(`update ${i}: unexpected ack ${JSON.stringify(ack)} (expected seq ${seq})`);
      return ackAt;
    });
    const [ackAt] = await withTimeout(Promise.all([acked, delivered]), options.timeoutMs, `update ${i} (seq ${seq}, ${pending.count}/${expectedClients} delivered)`);
    if (i >= options.warmup) {
      samples.last.push(pending.last - sentAt);
      samples.first.push(pending.first - sentAt);
      samples.ack.push(ackAt - sentAt);
    }
    pending = null;
    lastSeq = seq;
    const wait = sentAt + options.intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await send({ type: "result", ...samples } satisfies FromLoad);
}

exitWithParent();
process.on("message", (message: ToLoad) => {
  const task =
    message.type === "connect" ? connect(message) : message.type === "run" ? run(message) : Promise.resolve(closeAll());
  task.catch((error: unknown) => abort(error instanceof Error ? error.message : String(error)));
});

function closeAll(): void {
  for (const client of [...chairs, ...members]) client.ws.terminate();
  process.exit(0);
}
