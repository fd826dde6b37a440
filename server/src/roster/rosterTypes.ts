// Types shared by the roster import/export module and the REST routes that use it.

// The person's fields, the phone pattern and the vote weight are the HTTP contract's (core/api/roster.ts).
export { hasWeightDecimals, MAX_VOTE_WEIGHT, ParticipantInput, PHONE_PATTERN, VOTE_WEIGHT_DECIMALS, VoteWeight } from "../../../core/api/roster.ts";
import type { ParticipantInput } from "../../../core/api/roster.ts";

/**
 * Row-level problem codes used in import reports (RowReport.code). File-level problems use
 * the error codes of core/errors.ts (FILE_TYPE_NOT_ALLOWED, ENCODING_UNSUPPORTED, TABLE_TOO_LARGE) with row 0.
 */
export const ROW_CODES = [
  "REQUIRED", // a required cell (姓名, 角色 when the column exists) is empty
  "TOO_LONG", // a cell is longer than the field allows
  "UNKNOWN_ROLE", // 角色 not recognised
  "UNKNOWN_SIDE", // 方 not recognised
  "INVALID_CHIEF", // 首席代表 not 是/否
  "INVALID_PHONE",
  "INVALID_EMAIL",
  "INVALID_WEIGHT", // 表决权重 not a positive number with at most 4 decimals, up to 1,000,000
  "DUPLICATE", // same name, household, unit and sector as an earlier row or someone on the roster (core/naming)
  "MISSING_COLUMN", // no 姓名 column found (row 1)
  "DUPLICATE_COLUMN", // two columns for the same field
  "TOO_MANY_ROWS", // more than MAX_ROSTER_ROWS people
  "NO_ROWS", // a header but nobody under it
  "CSV_SYNTAX", // e.g. a quote that is never closed
  "INVALID", // any other schema violation
  "LOSSY_TEXT", // a warning, not an error: "?" or U+FFFD where a character was lost (王䶮 saved in GBK as 王?)
] as const;
export type RowCode = (typeof ROW_CODES)[number];

export interface RowReport {
  /** 1-based line in the file (XLSX: the sheet's row number); header = 1; 0 = the file as a whole. */
  row: number;
  /** The ParticipantInput field concerned, if any. */
  field?: string;
  code: RowCode | "FILE_TYPE_NOT_ALLOWED" | "ENCODING_UNSUPPORTED" | "TABLE_TOO_LARGE";
  message: { zh: string; en: string };
  /** A warning: the row can be imported, but only once the organiser confirms it (LOSSY_TEXT). */
  warning?: true;
}

export type ParseRosterResult =
  /** `warnings`: rows to confirm before the import is applied (POST …/roster/import?acceptWarnings=true). */
  | { ok: true; participants: ParticipantInput[]; warnings: RowReport[] }
  | { ok: false; code: "IMPORT_INVALID" | "ENCODING_UNSUPPORTED" | "FILE_TYPE_NOT_ALLOWED" | "TABLE_TOO_LARGE"; report: RowReport[] };

export const MAX_ROSTER_ROWS = 5000;
