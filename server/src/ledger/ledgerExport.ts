// The ledger (问题台账) as files: CSV through the exports' one CSV writer (UTF-8 with BOM, CRLF,
// formula-safe cells: roster/exportRoster.ts) and XLSX with one sheet 问题台账 (frozen header,
// column widths for the customary columns, long texts wrapped). The rows come from the pure core
// (core/ledger/report.ts).
import ExcelJS from "exceljs";
import { chinaDate } from "../../../core/ledger/deadline.ts";
import type { LedgerItemJson } from "../../../core/ledger/json.ts";
import { LEDGER_EXPORT_HEADERS, ledgerRows } from "../../../core/ledger/report.ts";
import { csvFile } from "../roster/exportRoster.ts";

export const LEDGER_EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type LedgerExportFormat = (typeof LEDGER_EXPORT_FORMATS)[number];
export const LEDGER_EXPORT_MIME: Record<LedgerExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
export const LEDGER_SHEET = "问题台账";
/** 序号 来源会议 类别 提出人 界别 问题/建议 承办单位 交办时间 办理时限 办理状态 答复内容 满意度 */
const WIDTHS = [6, 24, 10, 12, 14, 60, 30, 12, 12, 14, 60, 10];

/** 问题台账-YYYYMMDD.<ext>, the date of `now` in China. */
export const ledgerFileName = (format: LedgerExportFormat, now: number): string => `${LEDGER_SHEET}-${chinaDate(now).replace(/-/g, "")}.${format}`;

export async function exportLedger(items: readonly LedgerItemJson[], format: LedgerExportFormat): Promise<Buffer> {
  const rows = ledgerRows(items);
  if (format === "csv") return csvFile([[...LEDGER_EXPORT_HEADERS], ...rows]);
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(LEDGER_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  // 序号 is a number (so that it sorts); every other column is text, so that Excel keeps dates as written.
  ws.columns = LEDGER_EXPORT_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 12, ...(i === 0 ? {} : { style: { numFmt: "@" } }) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center" };
  // Strings stay text (exceljs writes a formula only for a { formula } object), so "=…" needs no
  // apostrophe here; the question and the reply wrap instead of running across the sheet.
  for (const [number, ...cells] of rows) ws.addRow([Number(number), ...cells]).alignment = { vertical: "top", wrapText: true };
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as unknown as ArrayBuffer);
}
