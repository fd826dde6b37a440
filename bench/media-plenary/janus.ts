// Janus processes for `bench:media`, started the way e2e/media/support/operatorJanus.ts does
// (a generated configuration folder from server/src/media/janusConfig.ts, then `janus -F … -C …`),
// each with its own WebSocket/Admin port and RTP range.
// Inside the loopback-only namespace: ICE only on 127.0.0.2.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Janode, { type JanodeConnection, type JanodeHandle, type JanodeSession } from "janode";
import { findJanusLibDir, randomSecret, writeJanusConfig } from "../../server/src/media/janusConfig.ts";
import { cpuTicks, sleep } from "./stats.ts";

/** BENCH_MEDIA_EVENT_LOOPS: Janus's `event_loops` (0: one thread per handle, Janus's default). */
const EVENT_LOOPS = Number(process.env.BENCH_MEDIA_EVENT_LOOPS ?? "0");

export class BenchJanus {
  readonly configDir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-bench-media-"));
  readonly ws: number;
  readonly admin: number;
  process: ChildProcess | undefined;
  connection: JanodeConnection | undefined;
  session: JanodeSession | undefined;

  /** `index` 0, 1, 2 …: WS 18098 + 100·index, Admin 17098 + 100·index, RTP 25000 + 1000·index (+ 999). */
  constructor(
    readonly name: string,
    index: number,
  ) {
    this.ws = 18098 + 100 * index;
    this.admin = 17098 + 100 * index;
    const libDir = findJanusLibDir();
    if (!libDir) throw new Error("Janus is not installed (apt-get install janus)");
    writeJanusConfig({
      adminSecret: randomSecret(),
      bindIp: "127.0.0.1",
      wsPort: this.ws,
      adminPort: this.admin,
      rtpPorts: { min: 25000 + 1000 * index, max: 25999 + 1000 * index },
      iceEnforceList: "127.0.0.2",
      nat11Mapping: undefined,
      libDir,
      configDir: this.configDir,
      debugLevel: 2,
      eventLoops: EVENT_LOOPS,
    });
  }

  get pid(): number {
    const pid = this.process?.pid;
    if (!pid) throw new Error(`${this.name}: not running`);
    return pid;
  }

  ticks(): number {
    return cpuTicks(this.pid);
  }

  async start(): Promise<void> {
    // Janus opens a thread and descriptors per handle: allow many.
    this.process = spawn("bash", ["-c", 'ulimit -n 65536 2>/dev/null; exec janus -F "$1" -C "$1/janus.jcfg"', "bash", this.configDir], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let i = 0; ; i++) {
      await sleep(300);
      try {
        this.connection = await Janode.connect({ address: { url: `ws://127.0.0.1:${this.ws}` }, retry_time_secs: 1, max_retries: 1 });
        break;
      } catch (error) {
        if (i > 30) throw new Error(`${this.name}: no WebSocket API on ${this.ws}`, { cause: error });
      }
    }
    this.session = await this.connection.create(60);
  }

  async attach<H extends JanodeHandle>(plugin: unknown): Promise<H> {
    if (!this.session) throw new Error(`${this.name}: not started`);
    return this.session.attach<H>(plugin);
  }

  async stop(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
    const running = this.process;
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    }
    fs.rmSync(this.configDir, { recursive: true, force: true });
  }
}

/** A plain plugin request (janode has no wrapper for it): the plugin's `data`, or an error. */
export async function request(handle: JanodeHandle, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = (await handle.message(body)) as { plugindata?: { data?: Record<string, unknown> } } & Record<string, unknown>;
  const data = response.plugindata?.data ?? response;
  if (typeof data.error === "string") throw new Error(`${String(body.request)}: ${String(data.error_code)} ${data.error}`);
  return data;
}
