// The worker thread's side of ReportThread (reportThread.ts): makes one report per message and
// posts its bytes back. Runs outside the main thread because a 3,000-household PDF costs about a
// second of CPU (docs/performance.md "Consent campaign").
import { parentPort } from "node:worker_threads";
import { campaignReport, type CampaignReport, type ReportFormat } from "./campaignReport.ts";
import type { PdfFonts } from "../minutes/cjkFonts.ts";

export interface ReportJob {
  id: number;
  report: CampaignReport;
  format: ReportFormat;
  fonts: PdfFonts | null;
}

export type ReportDone = { id: number; content: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("reportWorker.ts runs only as a worker thread (see reportThread.ts)");
port.on("message", (job: ReportJob) => {
  const noFonts = (): PdfFonts => {
    throw new Error("a PDF report needs fonts");
  };
  campaignReport(job.report, job.format, job.fonts ? () => job.fonts! : noFonts).then(
    (content) => {
      // Copied, not transferred: Node 24 refuses to transfer a Buffer's backing store (pooled or
      // marked untransferable), and a report's few hundred KiB copy in well under a millisecond.
      port.postMessage({ id: job.id, content: new Uint8Array(content) } satisfies ReportDone);
    },
    (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies ReportDone),
  );
});
