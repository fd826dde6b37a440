// Roster import: a CSV (UTF-8, UTF-16 with BOM, or GBK) or XLSX file → validated participants,
// or a report naming every bad row and field. All or nothing: one bad row and nobody is returned.
// Text that looks like it lost characters (王? for 王䶮) is a warning the organiser must confirm.
import { z } from "zod";
import { identityKey, type Nameable } from "../../../core/naming/displayNames.ts";
import { mapColumns, isHeaderRow, HEADER_SEARCH_ROWS, type ColumnMap, type ColumnTarget } from "./columns.ts";
import { lossyText } from "./lossyText.ts";
import { readTable } from "./readTable.ts";
import { rowReport, type ReportContext } from "./reports.ts";
import { chiefFromLabel, roleFromLabel, sideFromLabel } from "./roles.ts";
import {
  MAX_ROSTER_ROWS,
  MAX_VOTE_WEIGHT,
  PHONE_PATTERN,
  ParticipantInput,
  VOTE_WEIGHT_DECIMALS,
  type ParseRosterResult,
  type RowReport,
} from "./rosterTypes.ts";
import type { TableRow } from "./table.ts";

const invalid = (report: RowReport[]): ParseRosterResult => ({ ok: false, code: "IMPORT_INVALID", report });

/**
 * Parses an uploaded roster. The type is decided by content (ZIP → XLSX, text → CSV), never by
 * the file name, which only appears in messages. Asynchronous because reading XLSX is.
 * `onRoster`: the people already on the meeting's roster, whom a row may not duplicate either.
 */
export async function parseRosterFile(buffer: Buffer, fileName: string, onRoster: readonly Nameable[] = []): Promise<ParseRosterResult> {
  const table = await readTable(buffer, fileName);
  if (!table.ok) return table.code === "CSV_SYNTAX" ? invalid([rowReport(table.line, "CSV_SYNTAX", undefined)]) : table;
  return parseTable(table.rows, onRoster);
}

/** The text fields a lost character can hide in (phone, email and weight are checked as such). */
const LOSSY_FIELDS = ["name", "sector", "party", "unit", "household"] as const;

/** Warnings (to be confirmed) for a participant's text that looks like it lost characters. */
function lossyWarnings(line: number, p: ParticipantInput): RowReport[] {
  return LOSSY_FIELDS.flatMap((field) => {
    const value = p[field];
    const reason = value === undefined ? null : lossyText(value, "short");
    return reason === null || value === undefined ? [] : [{ ...rowReport(line, "LOSSY_TEXT", field, { value, lossy: reason }), warning: true as const }];
  });
}

/** Rows of text cells → participants, validating every row. */
export function parseTable(rows: readonly TableRow[], onRoster: readonly Nameable[] = []): ParseRosterResult {
  const nonBlank = rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const headerIndex = nonBlank.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => isHeaderRow(r.cells));
  if (headerIndex < 0) return invalid([rowReport(nonBlank[0]?.line ?? 1, "MISSING_COLUMN", "name")]);
  const header = nonBlank[headerIndex] as TableRow;
  const columns = mapColumns(header.cells);
  if (columns.duplicated.length > 0) {
    return invalid(columns.duplicated.map((t) => rowReport(header.line, "DUPLICATE_COLUMN", fieldOf(t))));
  }
  const dataRows = nonBlank.slice(headerIndex + 1);
  if (dataRows.length === 0) return invalid([rowReport(header.line, "NO_ROWS", undefined)]);
  const extra = dataRows[MAX_ROSTER_ROWS];
  if (extra) return invalid([rowReport(extra.line, "TOO_MANY_ROWS", undefined, { max: MAX_ROSTER_ROWS })]);

  const report: RowReport[] = [];
  const warnings: RowReport[] = [];
  const participants: ParticipantInput[] = [];
  const firstLineOf = new Map<string, number>();
  const existing = new Set(onRoster.map(identityKey));
  for (const row of dataRows) {
    const result = parseRow(row, columns);
    report.push(...result.report);
    if (!result.participant) continue;
    const p = result.participant;
    // Same name and nothing else to tell them apart by (core/naming): the second is refused.
    const key = identityKey(p);
    const first = firstLineOf.get(key);
    if (first !== undefined || existing.has(key)) {
      report.push(rowReport(row.line, "DUPLICATE", "name", { value: p.name, firstRow: first }));
      continue;
    }
    firstLineOf.set(key, row.line);
    warnings.push(...lossyWarnings(row.line, p));
    if (result.report.length === 0) participants.push(p);
  }
  // With errors nothing is imported; the warnings come along, so that one round of fixes is enough.
  return report.length > 0 ? invalid([...report, ...warnings].sort((a, b) => a.row - b.row)) : { ok: true, participants, warnings };
}

const fieldOf = (target: ColumnTarget): string => (target === "building" || target === "entrance" || target === "flat" ? "household" : target);

/** A cell's text: trimmed, with the apostrophe our CSV export puts before =, +, -, @ removed. */
export function cleanCell(value: string | undefined): string {
  const v = (value ?? "").trim();
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

/** Spaces used to pad two-character names to the width of three ("张\u3000丽") are dropped; other
 *  runs of spaces (Latin names) become one space. */
export function cleanName(value: string): string {
  return value
    .replace(/[\s\u3000]+/g, " ")
    .trim()
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, "");
}

/** Bare numbers get their customary suffix: 1 / 2 / 301 → "1号楼2单元301". */
function household(cellsOf: (t: ColumnTarget) => string): string {
  const whole = cellsOf("household");
  if (whole) return whole;
  const building = cellsOf("building");
  const entrance = cellsOf("entrance");
  const flat = cellsOf("flat");
  return [/^\d+$/.test(building) ? `${building}号楼` : building, /^\d+$/.test(entrance) ? `${entrance}单元` : entrance, flat].join("");
}

const emailSchema = z.email();

export type WeightCell = { ok: true; value: number } | { ok: false; reason: "notNumber" | "notPositive" | "decimals" | "tooLarge" };

/**
 * A 表决权重 cell (e.g. 专有部分面积 89.5): a plain decimal number, full-width digits allowed,
 * thousands separators ("1,234.5") and an area unit after it (㎡, m², 平方米, 平米) ignored.
 */
export function parseWeightCell(cell: string): WeightCell {
  let text = cell
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/(?:m2|平方米|平米)$/i, "");
  if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(text)) text = text.replace(/,/g, "");
  const match = /^([+-]?)(\d+(?:\.(\d*))?|\.(\d+))$/.exec(text);
  if (!match) return { ok: false, reason: "notNumber" };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: "notNumber" };
  if (value <= 0) return { ok: false, reason: "notPositive" };
  const decimals = (match[3] ?? match[4] ?? "").replace(/0+$/, "").length;
  if (decimals > VOTE_WEIGHT_DECIMALS) return { ok: false, reason: "decimals" };
  if (value > MAX_VOTE_WEIGHT) return { ok: false, reason: "tooLarge" };
  return { ok: true, value };
}

const WEIGHT_HINTS: Record<Exclude<WeightCell, { ok: true }>["reason"], { zh: string; en: string }> = {
  notNumber: { zh: "不是数字", en: "not a number" },
  notPositive: { zh: "必须大于 0（不设权重请留空，按 1 计）", en: "it must be above 0 (leave it empty to count as 1)" },
  decimals: { zh: `最多保留 ${VOTE_WEIGHT_DECIMALS} 位小数`, en: `at most ${VOTE_WEIGHT_DECIMALS} decimals` },
  tooLarge: { zh: `不能超过 ${MAX_VOTE_WEIGHT}`, en: `it may not exceed ${MAX_VOTE_WEIGHT}` },
};

function parseRow(row: TableRow, columns: ColumnMap): { participant?: ParticipantInput; report: RowReport[] } {
  const report: RowReport[] = [];
  const cellsOf = (target: ColumnTarget): string =>
    (columns.columns.get(target) ?? [])
      .map((i) => cleanCell(row.cells[i]))
      .filter((v) => v !== "")
      .join(" ");
  const headerOf = (target: ColumnTarget): string | undefined => {
    const index = columns.columns.get(target)?.[0];
    return index === undefined ? undefined : columns.headers[index];
  };
  const problem = (code: Parameters<typeof rowReport>[1], field: string, target: ColumnTarget, value?: string, extra: ReportContext = {}) =>
    report.push(rowReport(row.line, code, field, { column: headerOf(target), value, ...extra }));

  const name = cleanName(cellsOf("name"));
  if (!name) problem("REQUIRED", "name", "name");

  let role: ParticipantInput["role"] | undefined = "member"; // a roster without a role column lists members
  if (columns.columns.has("role")) {
    const label = cellsOf("role");
    role = label ? roleFromLabel(label) : undefined;
    if (!label) problem("REQUIRED", "role", "role");
    else if (!role) problem("UNKNOWN_ROLE", "role", "role", label);
  }

  const sideLabel = cellsOf("side");
  const side = sideLabel ? sideFromLabel(sideLabel) : undefined;
  if (sideLabel && !side) problem("UNKNOWN_SIDE", "side", "side", sideLabel);

  const chiefLabel = cellsOf("chief");
  const chief = chiefLabel ? chiefFromLabel(chiefLabel) : false;
  if (chief === undefined) problem("INVALID_CHIEF", "chief", "chief", chiefLabel);

  const phone = cellsOf("phone").normalize("NFKC");
  if (phone && !PHONE_PATTERN.test(phone)) {
    const hint = /^\d(\.\d+)?e\+\d+$/i.test(phone)
      ? {
          zh: "Excel 把号码显示成了科学计数法，请将该列设为“文本”后重新输入",
          en: "Excel turned the number into scientific notation: format the column as text and re-enter it",
        }
      : undefined;
    problem("INVALID_PHONE", "phone", "phone", phone, { hint });
  }
  const email = cellsOf("email").normalize("NFKC");
  if (email && !emailSchema.safeParse(email).success) problem("INVALID_EMAIL", "email", "email", email);

  const weightText = cellsOf("voteWeight");
  const weight = weightText ? parseWeightCell(weightText) : undefined;
  if (weight && !weight.ok) problem("INVALID_WEIGHT", "voteWeight", "voteWeight", weightText, { hint: WEIGHT_HINTS[weight.reason] });

  const candidate: Record<string, unknown> = {
    name: name || "?",
    role: role ?? "member",
    sector: cellsOf("sector") || undefined,
    party: cellsOf("party") || undefined,
    unit: cellsOf("unit") || undefined,
    phone: phone && PHONE_PATTERN.test(phone) ? phone : undefined,
    email: email && report.every((r) => r.field !== "email") ? email : undefined,
    side,
    chief: chief ?? false,
    household: household(cellsOf) || undefined,
    voteWeight: weight?.ok ? weight.value : undefined,
  };
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];

  const checked = ParticipantInput.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (report.some((r) => r.field === field)) continue;
      const target = (field === "household" ? "household" : field) as ColumnTarget;
      if (issue.code === "too_big") problem("TOO_LONG", field, target, undefined, { max: Number(issue.maximum) });
      else problem("INVALID", field, target);
    }
    return { report };
  }
  // A row with other problems still takes part in duplicate detection (if it has a name).
  return name ? { participant: checked.data, report } : { report };
}
