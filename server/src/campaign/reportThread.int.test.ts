// The campaign report's worker thread, for real: files made there read back (PDF text with
// pdfjs-dist, XLSX with exceljs), a job that fails there fails alone, and stopping fails what waits.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import type { Campaign } from "../../../core/api/campaign.ts";
import { progress } from "../../../core/campaign/campaign.ts";
import { pdfText } from "../../../testing/server/minutesMeeting.ts";
import { findPdfFonts } from "../minutes/cjkFonts.ts";
import type { CampaignReport } from "./campaignReport.ts";
import { ReportThread } from "./reportThread.ts";

const thread = new ReportThread();
afterEach(() => thread.stop());

const households = [1, 2, 3].map((n) => ({ id: `h${n}`, building: "1号楼", unit: "1单元", room: `10${n}`, representative: `住户${n}` }));
const rule = { overall: { num: 2, den: 3 }, buildings: [] };
const campaign = {
  id: "c1",
  communityId: "m1",
  communityName: "艺术巷社区",
  title: "艺术巷 水电改造方案",
  question: "您是否同意水电改造方案？",
  opensAt: "2026-12-19T00:00:00.000Z",
  closesAt: "2026-12-21T00:00:00.000Z",
  closedAt: null,
  phase: "open",
  rule,
} as unknown as Campaign;
const answers = households.slice(0, 2).map((h) => ({
  ...h,
  householdId: h.id,
  answer: "agree" as const,
  method: "in_person" as const,
  recordedByName: "网格员小王",
  recordedAt: "2026-12-20T02:00:00.000Z",
}));
const report = {
  campaign,
  progress: progress(households, answers, rule),
  answers,
  at: Date.parse("2026-12-20T03:00:00Z"),
} as unknown as CampaignReport;

describe("the report thread", () => {
  it("makes the PDF and the XLSX off the main thread; they read back", async () => {
    const [pdf, xlsx] = await Promise.all([thread.make(report, "pdf", findPdfFonts), thread.make(report, "xlsx", findPdfFonts)]);
    const text = await pdfText(pdf);
    expect(text).toContain("艺术巷水电改造方案征询结果"); // pdfjs drops the spaces
    expect(text).toContain("住户2");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("住户意见")!.getRow(3).getCell(4).value).toBe("住户2");
  });

  it("a job that fails in the worker fails alone: the next one is made", async () => {
    const broken = { ...report, progress: null } as unknown as CampaignReport;
    await expect(thread.make(broken, "xlsx", findPdfFonts)).rejects.toThrow(/campaign report/);
    expect((await thread.make(report, "xlsx", findPdfFonts)).length).toBeGreaterThan(1000);
  });

  it("stopping fails the jobs that wait; a later report starts a new worker", async () => {
    const failed = expect(thread.make(report, "pdf", findPdfFonts)).rejects.toThrow(/stopped/);
    await thread.stop();
    await failed;
    expect((await pdfText(await thread.make(report, "pdf", findPdfFonts))).includes("住户1")).toBe(true);
  });
});
