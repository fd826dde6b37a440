// An uploaded spreadsheet (a roster, a paper ledger to import) as rows of text cells. The type is
// decided by content (ZIP → XLSX, text → CSV in UTF-8 with or without BOM, UTF-16 with BOM, or
// GBK as Excel on Chinese Windows saves it), never by the file name, which only appears in messages.
import { decodeText, detectKind } from "./decode.ts";
import { fileReport } from "./reports.ts";
import type { RowReport } from "./rosterTypes.ts";
import { csvTable, xlsxTable, type TableRow } from "./table.ts";

export type ReadTableResult =
  | { ok: true; rows: TableRow[] }
  | { ok: false; code: "FILE_TYPE_NOT_ALLOWED" | "ENCODING_UNSUPPORTED" | "TABLE_TOO_LARGE"; report: RowReport[] }
  /** A quoted CSV field that never closes, at `line` (the caller reports it in its own words). */
  | { ok: false; code: "CSV_SYNTAX"; line: number };

const TYPE_HINT = { zh: "请上传 CSV 或 Excel（.xlsx）文件；旧版 .xls 请另存为 .xlsx", en: "upload a CSV or Excel (.xlsx) file; save old .xls files as .xlsx" };
const ENCODING_HINT = { zh: "请在 Excel 中另存为“CSV UTF-8”", en: 'in Excel, use "Save as: CSV UTF-8"' };

/** Asynchronous because reading XLSX is. */
export async function readTable(buffer: Buffer, fileName: string): Promise<ReadTableResult> {
  const notAllowed: ReadTableResult = { ok: false, code: "FILE_TYPE_NOT_ALLOWED", report: [fileReport("FILE_TYPE_NOT_ALLOWED", fileName, TYPE_HINT)] };
  const kind = detectKind(buffer);
  if (kind === "binary") return notAllowed;
  if (kind === "xlsx") {
    const table = await xlsxTable(buffer);
    if (table.ok) return table;
    // A ZIP bomb (or just a huge workbook): refused before it is inflated (zipBudget.ts).
    return table.reason === "tooLarge" ? { ok: false, code: "TABLE_TOO_LARGE", report: [fileReport("TABLE_TOO_LARGE", fileName)] } : notAllowed;
  }
  const decoded = decodeText(buffer);
  if (!decoded.ok) return { ok: false, code: "ENCODING_UNSUPPORTED", report: [fileReport("ENCODING_UNSUPPORTED", fileName, ENCODING_HINT)] };
  const table = csvTable(decoded.text);
  if (table.ok) return table;
  return { ok: false, code: "CSV_SYNTAX", line: table.reason === "syntax" ? table.line : 0 };
}
