// Roster export as CSV (UTF-8 with BOM, so that Excel opens it correctly) or XLSX, with the
// customary Chinese headers. Every export can be imported again unchanged.
import ExcelJS from "exceljs";
import { roleLabel, sideLabel } from "./roles.ts";
import type { ParticipantInput } from "./rosterTypes.ts";

export const EXPORT_HEADERS = ["序号", "姓名", "角色", "界别", "党派", "单位及职务", "手机", "邮箱", "方", "首席代表", "住址", "表决权重"] as const;
const WIDTHS = [6, 12, 10, 16, 12, 36, 16, 26, 8, 10, 20, 10];

export type ExportableParticipant = ParticipantInput & { ordinal?: number };

/** One line per participant, in the order given (序号 counts 1, 2, 3 … in that order). */
function rowsOf(participants: readonly ExportableParticipant[]): string[][] {
  return participants.map((p, i) => [
    String(i + 1),
    p.name,
    roleLabel(p),
    p.sector ?? "",
    p.party ?? "",
    p.unit ?? "",
    p.phone ?? "",
    p.email ?? "",
    sideLabel(p.side),
    // 是 for a chief; 否 only where it means something (bargaining sides), else blank
    p.chief ? "是" : p.side ? "否" : "",
    p.household ?? "",
    // blank when not set (counts as 1); the shortest decimal that reads back as the same number
    p.voteWeight === undefined ? "" : String(p.voteWeight),
  ]);
}

/** Spreadsheet programs run a cell starting with = + - @ (or tab/CR) as a formula: prefix "'". */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvCell(cell: string): string {
  const safe = neutraliseFormula(cell);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file as our exports write it: UTF-8 with BOM, CRLF lines, formula-safe cells. */
export function csvFile(rows: readonly (readonly string[])[]): Buffer {
  const lines = rows.map((r) => r.map(csvCell).join(","));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")]);
}

export async function exportRoster(participants: readonly ExportableParticipant[], format: "csv" | "xlsx"): Promise<Buffer> {
  const rows = rowsOf(participants);
  if (format === "csv") return csvFile([[...EXPORT_HEADERS], ...rows]);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名单", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_HEADERS.map((header, i) => ({
    header,
    width: WIDTHS[i] ?? 12,
    // text format, so that Excel keeps phone numbers (and everything else) as typed
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  // Cells are written as strings, never as formulas: exceljs only writes a formula when given
  // a { formula } object, so "=…" in a name stays text and needs no apostrophe here.
  for (const row of rows) sheet.addRow(row);
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as unknown as ArrayBuffer);
}
