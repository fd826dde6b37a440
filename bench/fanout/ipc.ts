// Messages between the orchestrator (run.ts) and its child processes, over the Node IPC channel,
// and the helpers the children share.
import v8 from "node:v8";

/** Which server a load generator's clients belong to; bench/cluster compares "1 node" with "2 nodes". */
export type ServerKind = "yishiting" | "baseline" | "1 node" | "2 nodes";

export interface Member {
  token: string;
  participantId: string;
}

export interface MemorySample {
  rss: number;
  /** Committed size of V8's young generation: it grows to a fixed cap under allocation load and stays. */
  youngGeneration: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** Sockets the server sees as connected. */
  connections: number;
  /** process.cpuUsage() user + system in microseconds, before and after the forced GCs. */
  cpuBeforeGc: number;
  cpuAfterGc: number;
}

/** Orchestrator → server child. */
export type ToServer = { type: "memory" } | { type: "stop" };
/** Server child → orchestrator. */
export type FromServer = { type: "ready"; port: number; chairs: Member[]; members: Member[] } | ({ type: "memory" } & MemorySample) | { type: "stopped" };

export interface RunOptions {
  warmup: number;
  updates: number;
  /** Minimum time between two updates (keeps each chair under the server's rate limit). */
  intervalMs: number;
  timeoutMs: number;
}

export interface ConnectRequest {
  /** Which server these clients belong to; the load generator can hold both at once. */
  target: ServerKind;
  url: string;
  who: "chairs" | "members";
  clients: Member[];
  concurrency: number;
  timeoutMs: number;
}

/** Orchestrator → load generator. `run` drives all connected targets, alternating update by update. */
export type ToLoad = ({ type: "connect" } & ConnectRequest) | ({ type: "run" } & RunOptions) | { type: "close" };

/** Per-update latencies in milliseconds, measured from the chair's send. */
export interface UpdateSamples {
  /** Until the last connected client had the update. */
  last: number[];
  /** Until the first client had it. */
  first: number[];
  /** Until the chair had the command's acknowledgement. */
  ack: number[];
  /** CPU time (user + system) of the load generator from send to delivery, summed, microseconds. */
  cpuMicros: number;
  /** Size of the last update's packet (WebSocket message), bytes. */
  packetBytes: number;
}

/** Load generator → orchestrator. */
export type FromLoad =
  | { type: "connected"; target: ServerKind; who: "chairs" | "members"; ms: number }
  | { type: "result"; results: { target: ServerKind; samples: UpdateSamples }[] }
  | { type: "error"; message: string };

/** Samples memory after forcing full garbage collections (the child runs with --expose-gc). */
export async function sampleMemory(connections: number): Promise<MemorySample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  const cpuBeforeGc = cpuMicros();
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const m = process.memoryUsage();
  const young = v8.getHeapSpaceStatistics().filter((space) => space.space_name.startsWith("new_"));
  return {
    rss: m.rss,
    youngGeneration: young.reduce((sum, space) => sum + space.space_size, 0),
    heapTotal: m.heapTotal,
    heapUsed: m.heapUsed,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    connections,
    cpuBeforeGc,
    cpuAfterGc: cpuMicros(),
  };
}

export function cpuMicros(): number {
  const cpu = process.cpuUsage();
  return cpu.user + cpu.system;
}

/** Sends over IPC and resolves once the message is handed to the channel. */
export function send(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error("no IPC channel"));
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/** A child ends itself when the orchestrator goes away. */
export function exitWithParent(): void {
  process.on("disconnect", () => process.exit(0));
}
