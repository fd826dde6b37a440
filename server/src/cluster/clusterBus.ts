// Messages between the nodes of a deployment (docs/cluster.md "Between nodes"): socket.io
// server-side events, which the Redis streams adapter sends by Redis PUB/SUB. They are NOT
// ordered with the adapter's stream (broadcasts, per-socket emits, remote joins): an answer may
// reach its node before the events it acknowledges reach the client, which the clients allow
// for (they apply events by seq, whatever the order of acknowledgements). Every node receives
// every message and keeps those addressed to it. Each node announces itself every HEARTBEAT_MS;
// one not heard of for DOWN_AFTER_MS is down (its `nodeDown` listeners run), and its open
// requests fail.
import { randomUUID } from "node:crypto";

/** What travels between nodes. `to` is a node id; `re` answers the request `id`. */
export interface Envelope {
  from: string;
  to: string;
  kind: string;
  id?: string;
  re?: string;
  body?: unknown;
  error?: string;
}

/** The part of the socket.io server the bus uses (typed server-side events "yst:bus"). */
export interface BusTransport {
  serverSideEmit(event: "yst:bus", envelope: Envelope): boolean;
  on(event: "yst:bus", listener: (envelope: Envelope) => void): unknown;
}

export const HEARTBEAT_MS = 500;
export const DOWN_AFTER_MS = 2_000;
const ALIVE = "alive";
const EVERY_NODE = "*";

/** A request that got no answer, or whose node went down, within its time. */
export class NodeUnreachableError extends Error {
  constructor(
    readonly nodeId: string,
    kind: string,
  ) {
    super(`node ${nodeId} did not answer ${kind}`);
    this.name = "NodeUnreachableError";
  }
}

type Handler = (body: unknown, from: string) => unknown;

export class ClusterBus {
  private readonly handlers = new Map<string, Handler>();
  private readonly pending = new Map<string, { to: string; resolve: (body: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private readonly lastSeen = new Map<string, number>();
  private readonly downListeners: ((nodeId: string) => void)[] = [];
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly transport: BusTransport,
    readonly nodeId: string,
    private readonly now: () => number = Date.now,
  ) {
    transport.on("yst:bus", (envelope) => this.receive(envelope));
    this.timer = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.timer.unref();
    this.beat();
  }

  /** Answers requests (and takes messages) of `kind`; a thrown error or rejection goes back as the request's error. */
  handle(kind: string, handler: Handler): void {
    if (this.handlers.has(kind)) throw new Error(`bus handler for ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  /** A message that needs no answer. */
  send(to: string, kind: string, body?: unknown): void {
    this.transport.serverSideEmit("yst:bus", { from: this.nodeId, to, kind, body });
  }

  /** A message to every other node (no answer); each runs its handler of `kind`. */
  broadcast(kind: string, body?: unknown): void {
    this.transport.serverSideEmit("yst:bus", { from: this.nodeId, to: EVERY_NODE, kind, body });
  }

  /** A request: resolves with the handler's answer on `to`, or rejects with NodeUnreachableError. */
  request<T>(to: string, kind: string, body: unknown, timeoutMs = 5_000): Promise<T> {
    const id = randomUUID();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(id, new NodeUnreachableError(to, kind)), timeoutMs);
      this.pending.set(id, { to, resolve: resolve as (body: unknown) => void, reject, timer });
      this.transport.serverSideEmit("yst:bus", { from: this.nodeId, to, kind, id, body });
    });
  }

  /** Whether `nodeId` was heard of within DOWN_AFTER_MS (this node always is). */
  alive(nodeId: string): boolean {
    if (nodeId === this.nodeId) return true;
    const seen = this.lastSeen.get(nodeId);
    return seen !== undefined && this.now() - seen <= DOWN_AFTER_MS;
  }

  /** Runs when a node that was heard of falls silent for DOWN_AFTER_MS. */
  onNodeDown(listener: (nodeId: string) => void): void {
    this.downListeners.push(listener);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    for (const id of [...this.pending.keys()]) this.settle(id, new Error("the cluster bus closed"));
  }

  private beat(): void {
    this.transport.serverSideEmit("yst:bus", { from: this.nodeId, to: EVERY_NODE, kind: ALIVE });
    const now = this.now();
    for (const [nodeId, seen] of this.lastSeen) {
      if (now - seen <= DOWN_AFTER_MS) continue;
      this.lastSeen.delete(nodeId);
      for (const [id, p] of this.pending) if (p.to === nodeId) this.settle(id, new NodeUnreachableError(nodeId, "a request"));
      for (const listener of this.downListeners) listener(nodeId);
    }
  }

  private receive(envelope: Envelope): void {
    if (envelope.from === this.nodeId || this.closed) return;
    this.lastSeen.set(envelope.from, this.now());
    if (envelope.to === EVERY_NODE && envelope.kind !== ALIVE) return void this.handlers.get(envelope.kind)?.(envelope.body, envelope.from);
    if (envelope.to !== this.nodeId) return;
    if (envelope.re !== undefined) return this.settle(envelope.re, envelope.error === undefined ? undefined : new Error(envelope.error), envelope.body);
    const handler = this.handlers.get(envelope.kind);
    const answer = (reply: Partial<Envelope>) => {
      if (envelope.id !== undefined)
        this.transport.serverSideEmit("yst:bus", { from: this.nodeId, to: envelope.from, kind: envelope.kind, re: envelope.id, ...reply });
    };
    if (!handler) return answer({ error: `no handler for ${envelope.kind} on node ${this.nodeId}` });
    Promise.resolve()
      .then(() => handler(envelope.body, envelope.from))
      .then(
        (body) => answer({ body }),
        (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
      );
  }

  private settle(id: string, error: Error | undefined, body?: unknown): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (error) p.reject(error);
    else p.resolve(body);
  }
}
