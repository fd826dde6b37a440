// Types shared by the roster import/export module and the REST routes that use it.
import { z } from "zod";
import { Role } from "../../../core/roles.ts";

/** Digits, "+", "-" and spaces; 5–20 characters, at least 5 of them digits (landlines with
 *  area code, mobiles, +86 …). */
export const PHONE_PATTERN = /^(?=(?:\D*\d){5})[0-9+\- ]{5,20}$/;

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** The largest vote weight (表决权重) a participant may have. */
export const MAX_VOTE_WEIGHT = 1_000_000;
/** Decimal places a vote weight may have (e.g. an area of 89.1234 m²). */
export const VOTE_WEIGHT_DECIMALS = 4;

/** True when `value` is a number written with at most VOTE_WEIGHT_DECIMALS decimals. */
export const hasWeightDecimals = (value: number): boolean => {
  const scale = 10 ** VOTE_WEIGHT_DECIMALS;
  return Math.round(value * scale) / scale === value;
};

/** 表决权重: positive, at most 4 decimals, at most 1,000,000. */
export const VoteWeight = z
  .number()
  .positive()
  .max(MAX_VOTE_WEIGHT)
  .refine(hasWeightDecimals, { message: `at most ${VOTE_WEIGHT_DECIMALS} decimals` });

/** One person on a meeting's roster, as entered by hand or imported from a file. */
export const ParticipantInput = z.object({
  name: z.string().trim().min(1).max(50),
  role: Role,
  /** 界别 */
  sector: optionalText(50),
  /** 党派 */
  party: optionalText(50),
  /** 单位及职务 */
  unit: optionalText(200),
  phone: z.string().trim().regex(PHONE_PATTERN).optional(),
  email: z.email().max(254).optional(),
  /** Bargaining meetings: 职工方 worker / 企业方 enterprise. */
  side: z.enum(["worker", "enterprise"]).optional(),
  /** Bargaining meetings: 首席代表. */
  chief: z.boolean().optional(),
  /** Community meetings: 楼栋/单元/户号 as one label, e.g. "1号楼1单元203". */
  household: optionalText(100),
  /** 表决权重 in weighted polls (e.g. 专有部分面积); absent counts as 1. */
  voteWeight: VoteWeight.optional(),
  accountId: z.string().min(1).optional(),
});
export type ParticipantInput = z.infer<typeof ParticipantInput>;

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
