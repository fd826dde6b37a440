// Messages between the orchestrator (run.ts) and its child processes, over the Node IPC channel.

export type ServerKind = "yishiting" | "baseline";

export interface Member {
  token: string;
  participantId: string;
}

export interface MemorySample {
  rss: number;
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
export type FromServer =
  | { type: "ready"; port: number; chairs: Member[]; members: Member[] }
  | ({ type: "memory" } & MemorySample)
  | { type: "stopped" };

export interface RunOptions {
  warmup: number;
  updates: number;
  /** Minimum time between two updates (keeps each chair under the server's rate limit). */
  intervalMs: number;
  timeoutMs: number;
}

/** Orchestrator → load generator. */
export type ToLoad =
  | { type: "connect"; url: string; who: "chairs" | "members"; clients: Member[]; concurrency: number; timeoutMs: number }
  | ({ type: "run" } & RunOptions)
  | { type: "close" };

/** Per-update latencies in milliseconds, measured from the chair's send. */
export interface UpdateSamples {
  /** Until the last connected client had the update. */
  last: number[];
  /** Until the first client had it. */
  first: number[];
  /** Until the chair had the command's acknowledgement. */
  ack: number[];
}

/** Load generator → orchestrator. */
export type FromLoad =
  | { type: "connected"; who: "chairs" | "members"; ms: number }
  | ({ type: "result" } & UpdateSamples)
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
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    connections,
    cpuBeforeGc,
    cpuAfterGc: cpuMicros(),
  };
}

function cpuMicros(): number {
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
