// Campaign reports are made in one worker thread, started on the first report and kept while
// jobs wait (docs/performance.md "Consent campaign"): the 3,000-household PDF is about half a
// second of CPU, which on the main thread would stall every meeting's sockets and requests.
// Jobs run one after another in the order asked; a worker that dies fails the jobs it held, and
// the next report starts a new one. An idle worker ends after a minute (reports are rare; its
// fonts and libraries hold memory). One per process: `reportThread`.
import { Worker } from "node:worker_threads";
import type { CampaignReport, ReportFormat } from "./campaignReport.ts";
import type { ReportDone, ReportJob } from "./reportWorker.ts";
import type { PdfFonts } from "../minutes/cjkFonts.ts";

const IDLE_MS = 60_000;

interface Waiting {
  resolve(content: Buffer): void;
  reject(error: Error): void;
}

export class ReportThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private lastId = 0;
  private idle: NodeJS.Timeout | undefined;

  /** The report's file. `fonts` is asked on this thread, so a missing CJK font fails as before. */
  make(report: CampaignReport, format: ReportFormat, fonts: () => PdfFonts): Promise<Buffer> {
    const job: ReportJob = { id: ++this.lastId, report, format, fonts: format === "pdf" ? fonts() : null };
    const worker = this.start();
    clearTimeout(this.idle);
    return new Promise<Buffer>((resolve, reject) => {
      this.waiting.set(job.id, { resolve, reject });
      worker.ref(); // a job waits: keep the process up until it is done
      worker.postMessage(job);
    });
  }

  /** Stops the worker (server shutdown); waiting jobs fail. */
  async stop(): Promise<void> {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error("report thread stopped"));
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./reportWorkerEntry.mjs", import.meta.url));
    worker.on("message", (done: ReportDone) => {
      const waiting = this.waiting.get(done.id);
      this.waiting.delete(done.id);
      if ("error" in done) waiting?.reject(new Error(`campaign report: ${done.error}`));
      else waiting?.resolve(Buffer.from(done.content.buffer, done.content.byteOffset, done.content.byteLength));
      if (this.waiting.size > 0) return;
      worker.unref(); // idle: never what keeps the process alive
      this.idle = setTimeout(() => void this.stop(), IDLE_MS).unref();
    });
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(error);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`campaign report thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

export const reportThread = new ReportThread();
