// Supervises the embedded Janus: starts it as a child process, checks its health over the Admin
// API (janode), restarts it with backoff when it crashes or stops answering, and stops it on
// shutdown (SIGTERM, then SIGKILL). The rest of the server follows `status()`.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Janode, { type JanodeConnection } from "janode";

export type MediaStatus = "unavailable" | "starting" | "up" | "restarting";

export interface JanusSupervisorOptions {
  /** Janus executable (default "janus" from PATH). */
  binary?: string;
  /** Generated configuration folder (see janusConfig.ts). */
  configDir: string;
  /** Admin API WebSocket URL, e.g. ws://127.0.0.1:7188. */
  adminUrl: string;
  adminSecret: string;
  log: (message: string, error?: unknown) => void;
  /** Health check period while up. */
  healthIntervalMs?: number;
  /** Poll period while waiting for Janus to answer after a (re)start. */
  startPollMs?: number;
  /** A (re)started Janus that has not answered by then is killed and started again. */
  startTimeoutMs?: number;
  /** Consecutive failed health checks after which a running Janus is killed and restarted. */
  maxHealthFailures?: number;
  /** Time allowed for one health request. */
  healthTimeoutMs?: number;
  /** SIGTERM → SIGKILL delay on shutdown. */
  stopTimeoutMs?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
}

const SETPRIV = "/usr/bin/setpriv";

// janode logs every failed connection attempt at "error"; the supervisor reports health itself.
Janode.Logger.setLevel("none");

export class JanusSupervisor {
  private readonly o: Required<JanusSupervisorOptions>;
  private current: MediaStatus = "unavailable";
  private readonly listeners = new Set<(status: MediaStatus) => void>();
  private child: ChildProcess | undefined;
  private admin: JanodeConnection | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private backoffMs: number;
  private spawnedAt = 0;
  private failures = 0;
  private generation = 0;
  private lastOutput: string[] = [];
  private readonly killOnExit = () => this.child?.kill("SIGKILL");

  constructor(options: JanusSupervisorOptions) {
    this.o = {
      binary: "janus",
      healthIntervalMs: 5000,
      startPollMs: 100,
      startTimeoutMs: 20_000,
      maxHealthFailures: 3,
      healthTimeoutMs: 3000,
      stopTimeoutMs: 5000,
      backoffInitialMs: 500,
      backoffMaxMs: 30_000,
      ...options,
    };
    this.backoffMs = this.o.backoffInitialMs;
  }

  status(): MediaStatus {
    return this.current;
  }

  /** Calls `listener` on every status change; returns an unsubscribe function. */
  onStatusChange(listener: (status: MediaStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Process id of the running Janus, if any. */
  pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    process.once("exit", this.killOnExit);
    this.setStatus("starting");
    this.spawnJanus();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    clearTimeout(this.timer);
    process.off("exit", this.killOnExit);
    await this.closeAdmin();
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      let killTimer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => (killTimer = setTimeout(() => resolve(true), this.o.stopTimeoutMs)));
      if (await Promise.race([exited.then(() => false), timedOut])) {
        this.o.log(`Janus did not stop within ${this.o.stopTimeoutMs} ms of SIGTERM; killing it`);
        child.kill("SIGKILL");
        await exited;
      }
      clearTimeout(killTimer);
    }
    this.child = undefined;
    this.setStatus("unavailable");
  }

  private setStatus(status: MediaStatus): void {
    if (status === this.current) return;
    this.current = status;
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch (error) {
        this.o.log("media status listener failed", error);
      }
    }
  }

  private spawnJanus(): void {
    const generation = ++this.generation;
    this.failures = 0;
    this.lastOutput = [];
    this.spawnedAt = Date.now();
    const args = ["-F", this.o.configDir, "-C", path.join(this.o.configDir, "janus.jcfg")];
    // setpriv (util-linux) makes the kernel kill Janus if our process dies without stopping it.
    const child = fs.existsSync(SETPRIV)
      ? spawn(SETPRIV, ["--pdeathsig", "KILL", "--", this.o.binary, ...args], { stdio: ["ignore", "pipe", "pipe"] })
      : spawn(this.o.binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        this.lastOutput.push(line);
        if (this.lastOutput.length > 20) this.lastOutput.shift();
        if (line.includes("[ERR]") || line.includes("[FATAL]")) this.o.log(`janus: ${line.trim()}`);
      }
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.once("error", (error) => {
      this.o.log(`could not run ${this.o.binary}`, error);
    });
    child.once("close", (code, signal) => {
      if (generation !== this.generation || this.stopped) return;
      this.onCrash(`Janus exited (code ${code}, signal ${signal})`);
    });
    this.schedule(generation, this.o.startPollMs);
  }

  private onCrash(reason: string): void {
    this.generation++;
    clearTimeout(this.timer);
    void this.closeAdmin();
    this.child = undefined;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.o.backoffMaxMs);
    this.o.log(`${reason}; restarting in ${delay} ms. Last output:\n  ${this.lastOutput.slice(-5).join("\n  ")}`);
    this.setStatus("restarting");
    const generation = this.generation;
    this.timer = setTimeout(() => {
      if (generation === this.generation && !this.stopped) this.spawnJanus();
    }, delay);
  }

  private schedule(generation: number, delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(generation), delayMs);
  }

  private async check(generation: number): Promise<void> {
    if (generation !== this.generation || this.stopped) return;
    const healthy = await this.ping();
    if (generation !== this.generation || this.stopped) return;
    if (healthy) {
      if (this.current !== "up") this.o.log(`Janus is up (pid ${this.child?.pid}, admin API ${this.o.adminUrl})`);
      this.failures = 0;
      this.backoffMs = this.o.backoffInitialMs;
      this.setStatus("up");
      this.schedule(generation, this.o.healthIntervalMs);
      return;
    }
    if (this.current === "up") {
      this.failures++;
      this.o.log(`Janus health check failed (${this.failures}/${this.o.maxHealthFailures})`);
      if (this.failures >= this.o.maxHealthFailures) return this.killForRestart("Janus stopped answering");
      this.schedule(generation, this.o.startPollMs * 5);
      return;
    }
    if (Date.now() - this.spawnedAt > this.o.startTimeoutMs) {
      return this.killForRestart(`Janus did not answer within ${this.o.startTimeoutMs} ms of starting`);
    }
    this.schedule(generation, this.o.startPollMs);
  }

  private killForRestart(reason: string): void {
    const child = this.child;
    this.onCrash(reason);
    child?.kill("SIGKILL");
  }

  /** One Admin API round trip (needs the admin secret); false on any failure or timeout. */
  private async ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.o.healthTimeoutMs)));
    const attempt = (async () => {
      try {
        if (!this.admin) {
          const connection = await this.connectAdmin();
          if (this.stopped) {
            await connection.close().catch(() => undefined);
            return false;
          }
          this.admin = connection;
        }
        await this.admin.listSessions();
        return true;
      } catch {
        await this.closeAdmin();
        return false;
      }
    })();
    const result = await Promise.race([attempt, timeout]);
    clearTimeout(timer);
    if (!result) void this.closeAdmin();
    return result;
  }

  private async connectAdmin(): Promise<JanodeConnection> {
    const connection = await Janode.connect({
      address: { url: this.o.adminUrl, apisecret: this.o.adminSecret },
      is_admin: true,
      max_retries: 0,
      retry_time_secs: 1,
    });
    connection.once(Janode.EVENT.CONNECTION_CLOSED, () => {
      if (this.admin === connection) this.admin = undefined;
    });
    connection.once(Janode.EVENT.CONNECTION_ERROR, () => {
      if (this.admin === connection) this.admin = undefined;
    });
    return connection;
  }

  private async closeAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    if (admin) await admin.close().catch(() => undefined);
  }
}
