// The consent campaign's report as PDF (through the CJK PDF helper) and XLSX: the result against
// each clause, the per-building table and the list of answers (core/campaign/report.ts's rows).
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Campaign } from "../../../core/api/campaign.ts";
import type { Progress } from "../../../core/campaign/campaign.ts";
import { ANSWER_HEADERS, answerRows, BUILDING_HEADERS, buildingRows, clauseLines, type ReportAnswerRow } from "../../../core/campaign/report.ts";
import { zonedParts } from "../../../core/time/meetingTime.ts";
import type { PdfFonts } from "../minutes/cjkFonts.ts";
import { cjkPdf } from "../minutes/pdfDocument.ts";

export const REPORT_FORMATS = ["pdf", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_MIME: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface CampaignReport {
  campaign: Campaign;
  progress: Progress;
  answers: readonly ReportAnswerRow[];
  /** When the report was made (ms) */
  at: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
/** 2026-12-20 09:30, Beijing time. */
export function chinaTime(ms: number): string {
  const p = zonedParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}
const isoTime = (iso: string) => chinaTime(Date.parse(iso));

/** The lines above the tables: period, state, result. */
function heading(r: CampaignReport): string[] {
  const { campaign: c, progress: p } = r;
  const state =
    c.phase === "closed" ? `已结束，结果：${p.passed ? "通过" : "未通过"}` : `进行中（截至 ${chinaTime(r.at)}），当前${p.passed ? "已达到" : "未达到"}通过条件`;
  return [
    `社区：${c.communityName}`,
    `征询事项：${c.question}`,
    `征询期：${isoTime(c.opensAt)} 至 ${isoTime(c.closedAt ?? c.closesAt)}`,
    `状态：${state}`,
    ...clauseLines(p),
  ];
}

export function reportFileName(campaign: Campaign, format: ReportFormat): string {
  return `${campaign.title.replace(/[/\\]/g, "-")}-征询结果.${format}`;
}

export async function campaignReport(report: CampaignReport, format: ReportFormat, fonts: () => PdfFonts): Promise<Buffer> {
  return format === "pdf" ? reportPdf(report, fonts()) : reportXlsx(report);
}

export async function reportXlsx(r: CampaignReport): Promise<Buffer> {
  // Streamed: rows are written out as they are added, without the in-memory model a Workbook keeps.
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const summary = workbook.addWorksheet("征询结果");
  summary.getColumn(1).width = 16;
  const title = summary.addRow([r.campaign.title]);
  title.font = { bold: true, size: 14 };
  for (const line of heading(r)) summary.addRow([line]);
  summary.addRow([]);
  summary.addRow([...BUILDING_HEADERS]).font = { bold: true };
  // Counts are numbers (they sum in Excel); the rate is the text as printed.
  for (const [name, ...cells] of buildingRows(r.progress)) summary.addRow([name, ...cells.slice(0, 5).map(Number), cells[5]]);
  summary.commit();
  const list = workbook.addWorksheet("住户意见", { views: [{ state: "frozen", ySplit: 1 }] });
  // Every cell is a string, so Excel keeps flats like 0101 and times as written.
  list.columns = ANSWER_HEADERS.map((header) => ({ header, width: header === "登记时间" ? 18 : 12 }));
  list.getRow(1).font = { bold: true };
  for (const row of answerRows(r.answers, isoTime)) list.addRow(row).commit();
  list.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

const MM = 72 / 25.4;
const MARGIN = 18 * MM;

export function reportPdf(r: CampaignReport, fonts: PdfFonts): Promise<Buffer> {
  const { doc, done } = cjkPdf(fonts, { size: "A4", margin: MARGIN, info: { Title: `${r.campaign.title} 征询结果` } });
  const width = doc.page.width - 2 * MARGIN;
  doc.font("heading").fontSize(18).text(`${r.campaign.title} 征询结果`, { width, align: "center" });
  doc.moveDown(0.6);
  doc.font("regular").fontSize(11);
  for (const line of heading(r)) doc.text(line, { width, lineGap: 3 });
  doc.moveDown(0.8);
  table(doc, [...BUILDING_HEADERS], buildingRows(r.progress), [0.22, 0.12, 0.12, 0.12, 0.14, 0.14, 0.14], width);
  doc.moveDown(1);
  doc.font("heading").fontSize(13).text(`住户意见（${r.answers.length} 户）`, MARGIN, doc.y);
  doc.moveDown(0.4);
  table(doc, [...ANSWER_HEADERS], answerRows(r.answers, isoTime), [0.1, 0.1, 0.08, 0.14, 0.1, 0.12, 0.14, 0.22], width);
  doc.end();
  return done;
}

const ROW = 16;
const FONT_PT = 9.5;

/** The cell cut to its column: a CJK character is about 1 em wide, other characters half. */
function fit(text: string, columnWidth: number): string {
  const room = (columnWidth - 4) / FONT_PT;
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    used += text.charCodeAt(i) > 0x2e80 ? 1 : 0.55;
    if (used > room) return `${text.slice(0, Math.max(0, i - 1))}…`;
  }
  return text;
}

/** A plain table, one line per row (cells cut, not wrapped), the header repeated on each page. */
function table(doc: PDFKit.PDFDocument, headers: string[], rows: string[][], shares: number[], width: number): void {
  const xs = shares.reduce<number[]>((acc, _s, i) => [...acc, i === 0 ? MARGIN : acc[i - 1]! + shares[i - 1]! * width], []);
  const bottom = doc.page.height - MARGIN;
  const line = (cells: string[], font: string) => {
    if (doc.y + ROW > bottom) {
      doc.addPage();
      if (font !== "heading") line(headers, "heading");
    }
    const y = doc.y;
    doc.font(font).fontSize(FONT_PT);
    // Positioned without a width: pdfkit's line wrapper costs more than the rest of the report.
    cells.forEach((cell, i) => doc.text(fit(cell, shares[i]! * width), xs[i]!, y + 3, { lineBreak: false }));
    doc
      .moveTo(MARGIN, y + ROW)
      .lineTo(MARGIN + width, y + ROW)
      .lineWidth(0.3)
      .stroke("#999");
    doc.x = MARGIN;
    doc.y = y + ROW;
  };
  // Headers in the heading face: a third embedded font would cost more than the rows (fonts are parsed and subset per file).
  line(headers, "heading");
  for (const row of rows) line(row, "regular");
}
