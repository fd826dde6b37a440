// The orchestrator's side of the thin receivers (receiverWorker.ts): a few Node processes, each
// holding many werift listeners; offers go round-robin, answers come back by receiver id.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { ReceiverIn, ReceiverOut } from "./receiverWorker.ts";
import { cpuTicks } from "./stats.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface RxCount {
  audio: number;
  video: number;
  bytes: number;
  rtcp: number;
}

class Worker {
  readonly process: ChildProcess;
  private readonly pending = new Map<number, { resolve: (sdp: string) => void; reject: (e: Error) => void }>();
  private waiters: ((m: ReceiverOut) => boolean)[] = [];
  count = 0;

  constructor(index: number) {
    const shell = 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"';
    const node = [process.execPath, "--import", "tsx", path.join(ROOT, "bench/media-plenary/receiverWorker.ts"), String(index)];
    this.process = spawn("bash", ["-c", shell, "bash", ...node], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.process.on("message", (m: ReceiverOut) => {
      if (m.type === "answer" || m.type === "failed") {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.type === "answer") p?.resolve(m.sdp);
        else p?.reject(new Error(`receiver ${m.id}: ${m.message}`));
        return;
      }
      this.waiters = this.waiters.filter((w) => !w(m));
    });
    this.process.on("exit", (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`receiver process exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  answer(id: number, sdp: string, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`receiver ${id}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (s) => (clearTimeout(timer), resolve(s)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.send({ type: "offer", id, sdp });
    });
  }

  send(message: ReceiverIn): void {
    this.process.send(message);
  }

  ask<T extends ReceiverOut["type"]>(message: ReceiverIn, type: T, timeoutMs = 30_000): Promise<Extract<ReceiverOut, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`receiver process: no ${type} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push((m) => {
        if (m.type !== type) return false;
        clearTimeout(timer);
        resolve(m as Extract<ReceiverOut, { type: T }>);
        return true;
      });
      this.send(message);
    });
  }
}

export class ReceiverPool {
  private readonly workers: Worker[];
  private readonly home = new Map<number, Worker>();
  private nextId = 1;

  constructor(processes: number) {
    this.workers = Array.from({ length: processes }, (_, i) => new Worker(i));
  }

  /** A new receiver answers `offer`: its id and SDP answer (the least loaded process takes it). */
  async answer(offer: string, timeoutMs = 60_000): Promise<{ id: number; sdp: string }> {
    const id = this.nextId++;
    const worker = this.workers.reduce((a, w) => (w.count < a.count ? w : a));
    worker.count++;
    this.home.set(id, worker);
    return { id, sdp: await worker.answer(id, offer, timeoutMs) };
  }

  /** Packets and bytes each live receiver has counted so far, and the receiver processes' CPU ticks. */
  async counts(): Promise<{ rx: Map<number, RxCount>; ticks: number }> {
    const rx = new Map<number, RxCount>();
    const ticks = this.ticks();
    const replies = await Promise.all(this.workers.map((w) => w.ask({ type: "stats" }, "stats")));
    for (const reply of replies) for (const [id, audio, video, bytes, rtcp] of reply.rx) rx.set(id, { audio, video, bytes, rtcp });
    return { rx, ticks };
  }

  ticks(): number {
    return this.workers.reduce((a, w) => a + cpuTicks(w.process.pid!), 0);
  }

  async states(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const w of this.workers) {
      const { states } = await w.ask({ type: "states" }, "states");
      for (const [k, v] of Object.entries(states)) out[k] = (out[k] ?? 0) + v;
    }
    return out;
  }

  async close(ids: number[]): Promise<void> {
    const by = new Map<Worker, number[]>();
    for (const id of ids) {
      const w = this.home.get(id);
      if (!w) continue;
      this.home.delete(id);
      w.count--;
      by.set(w, [...(by.get(w) ?? []), id]);
    }
    await Promise.all([...by].map(([w, list]) => w.ask({ type: "close", ids: list }, "closed")));
  }

  stop(): void {
    for (const w of this.workers) if (w.process.exitCode === null) w.process.kill("SIGKILL");
  }
}
