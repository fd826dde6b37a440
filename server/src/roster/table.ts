// A roster file as rows of text cells, each with its line (CSV) or row number (XLSX).
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { checkZipBudget } from "./zipBudget.ts";

export interface TableRow {
  /** 1-based line of the row's first line in the file (XLSX: the sheet's row number). */
  line: number;
  cells: string[];
}

export type TableResult = { ok: true; rows: TableRow[] } | { ok: false; reason: "syntax"; line: number } | { ok: false; reason: "unreadable" | "tooLarge" };

/** Comma-separated, or tab-separated as in Excel's "Unicode text" export (or semicolons): the
 *  separator found on most of the first lines (a title line above the header has none). */
function delimiterOf(text: string): string {
  const lines = text.split("\n", 20).filter((l) => l.trim() !== "");
  const score = (d: string) => lines.filter((l) => l.includes(d)).length;
  const [tab, comma, semicolon] = [score("\t"), score(","), score(";")];
  if (tab > comma && tab >= semicolon) return "\t";
  return semicolon > comma ? ";" : ",";
}

/** The line where a quoted field opens and never closes (csv-parse only says where it gave up). */
function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
  let line = 1;
  let openedAt: number | undefined;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (openedAt !== undefined) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else openedAt = undefined;
      } else if (ch === "\n") line++;
      continue;
    }
    if (ch === '"' && fieldStart) openedAt = line;
    if (ch === "\n") line++;
    fieldStart = ch === delimiter || ch === "\n";
  }
  return openedAt;
}

export function csvTable(decoded: string): TableResult {
  const text = decoded.replace(/\r\n?/g, "\n").replace(/\x1a+$/, ""); // eslint-disable-line no-control-regex -- DOS end-of-file mark
  const delimiter = delimiterOf(text);
  let records: Array<{ record: string[]; raw: string }>;
  try {
    records = parse(text, {
      delimiter,
      record_delimiter: "\n",
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as unknown as Array<{ record: string[]; raw: string }>;
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    return { ok: false, reason: "syntax", line: unclosedQuoteLine(text, delimiter) ?? (typeof lines === "number" ? lines : 0) };
  }
  const rows: TableRow[] = [];
  let line = 1;
  for (const { record, raw } of records) {
    rows.push({ line, cells: record });
    line += raw.split("\n").length - 1;
  }
  return { ok: true, rows };
}

export async function xlsxTable(buffer: Buffer): Promise<TableResult> {
  // ExcelJS inflates every part into memory: a ZIP bomb is refused before it gets there.
  const budget = await checkZipBudget(buffer);
  if (budget !== "ok") return { ok: false, reason: budget };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  // The first visible sheet with anything in it.
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible" && ws.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, reason: "unreadable" };
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ line: rowNumber, cells });
  });
  return { ok: true, rows };
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  return ""; // formula without a cached result, or an error value such as #N/A
}
