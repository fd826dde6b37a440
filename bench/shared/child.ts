// A benchmark's child process (server, load generator) on the Node IPC channel: `expect` waits
// for its next message of a type, or fails when it reports an error or exits.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

const children = new Set<ChildProcess>();

/** Ends every child still running (the orchestrator failed, timed out or was interrupted). */
export function killChildren(): void {
  for (const child of children) child.kill("SIGKILL");
}

/**
 * Runs a benchmark's main: its children are killed when it fails, is interrupted, or still runs
 * after `watchdogMs` (a stuck benchmark must not hold the machine); exits 0 once it is done.
 */
export function runBenchmark(main: () => Promise<void>, watchdogMs: number): void {
  const watchdog = setTimeout(() => {
    console.error(`[bench] still running after ${watchdogMs / 60_000} min, giving up`);
    killChildren();
    process.exit(2);
  }, watchdogMs);
  watchdog.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      killChildren();
      process.exit(130);
    });
  }
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("[bench] failed:", error);
      killChildren();
      process.exit(1);
    },
  );
}

export class Child<In, Out extends { type: string }> {
  private readonly process: ChildProcess;
  private readonly inbox: Out[] = [];
  private wake: () => void = () => undefined;
  private failure: Error | null = null;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;

  /** `script`: relative to the repository root; `env`: added to this process's environment. */
  constructor(script: string, args: string[], nodeArgs: string[] = [], env: Record<string, string> = {}) {
    // Raise the descriptor limit for 2,000+ sockets per process, then become node (same pid, so kill -9 reaches node).
    const shell = 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"';
    const node = [process.execPath, "--expose-gc", ...nodeArgs, "--import", "tsx", path.join(ROOT, script), ...args];
    this.process = spawn("bash", ["-c", shell, "bash", ...node], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    children.add(this.process);
    this.exited = new Promise((resolve) => this.process.once("exit", () => resolve()));
    this.process.on("message", (message: Out & { message?: string }) => {
      if (message.type === "error") this.failure = new Error(`${path.basename(script)}: ${message.message}`);
      else this.inbox.push(message);
      this.wake();
    });
    this.process.on("exit", (code, signal) => {
      children.delete(this.process);
      this.failure ??= new Error(`${path.basename(script)} exited (${code ?? signal})`);
      this.wake();
    });
  }

  send(message: In): void {
    this.process.send(message as object);
  }

  async expect<T extends Out["type"]>(type: T, timeoutMs: number): Promise<Extract<Out, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type);
      if (index >= 0) return this.inbox.splice(index, 1)[0] as Extract<Out, { type: T }>;
      if (this.failure) throw this.failure;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no '${type}' within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => (clearTimeout(timer), resolve());
      });
    }
  }

  /** `request` sent, its answer awaited. */
  async ask<T extends Out["type"]>(request: In, type: T, timeoutMs: number): Promise<Extract<Out, { type: T }>> {
    this.send(request);
    return this.expect(type, timeoutMs);
  }

  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill("SIGKILL");
  }
}
