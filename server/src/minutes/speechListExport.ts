// The speech list (发言清单) as files: CSV through the exports' one CSV writer (UTF-8 with BOM,
// CRLF, formula-safe cells: roster/exportRoster.ts) and XLSX with one sheet 发言清单 (frozen
// header, durations and overruns in seconds as numbers). The rows come from the pure core
// (core/minutes/speechList.ts).
import ExcelJS from "exceljs";
import { SPEECH_LIST_HEADERS, speechListCells, type SpeechListRow } from "../../../core/minutes/speechList.ts";
import { csvFile } from "../roster/exportRoster.ts";

export type SpeechListFormat = "csv" | "xlsx";
export const SPEECH_LIST_MIME: Record<SpeechListFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
export const SPEECH_LIST_SHEET = "发言清单";
/** 序号 议题 发言人 界别 党派 单位 类型 开始 结束 时长 时长（秒） 超时（秒） 发言要点 意见建议 回应结果 */
const WIDTHS = [6, 24, 12, 16, 12, 24, 12, 8, 8, 8, 10, 10, 60, 30, 20];

export async function exportSpeechList(rows: readonly SpeechListRow[], format: SpeechListFormat): Promise<Buffer> {
  if (format === "csv") return csvFile([[...SPEECH_LIST_HEADERS], ...rows.map((r) => speechListCells(r).map(String))]);
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(SPEECH_LIST_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = SPEECH_LIST_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 12 }));
  ws.getRow(1).font = { bold: true };
  // Strings stay text (exceljs writes a formula only for a { formula } object), so "=…" needs no
  // apostrophe here; long summaries wrap instead of running across the sheet.
  for (const row of rows) ws.addRow(speechListCells(row)).alignment = { vertical: "top", wrapText: true };
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as unknown as ArrayBuffer);
}
