// Bilingual messages for import reports.
import { ERROR_MESSAGES } from "../../../core/errors.ts";
import { lossyMessage, type LossyReason } from "./lossyText.ts";
import type { RowCode, RowReport } from "./rosterTypes.ts";

const FIELD_EN: Record<string, string> = {
  name: "name",
  role: "role",
  sector: "sector",
  party: "party",
  unit: "unit",
  phone: "phone",
  email: "email",
  side: "side",
  chief: "chief representative",
  household: "household",
  voteWeight: "vote weight",
};
const FIELD_ZH: Record<string, string> = {
  name: "姓名",
  role: "角色",
  sector: "界别",
  party: "党派",
  unit: "单位及职务",
  phone: "手机",
  email: "邮箱",
  side: "方",
  chief: "首席代表",
  household: "住址",
  voteWeight: "表决权重",
};

export interface ReportContext {
  /** The column header as written in the file, if the problem concerns one column. */
  column?: string;
  /** The offending cell value. */
  value?: string;
  /** For DUPLICATE: the earlier row (none: someone already on the meeting's roster). */
  firstRow?: number;
  /** For TOO_LONG: the maximum length. */
  max?: number;
  /** A hint appended to the message. */
  hint?: { zh: string; en: string };
  /** For LOSSY_TEXT: what gave it away. */
  lossy?: LossyReason;
}

export function rowReport(row: number, code: RowCode, field: string | undefined, ctx: ReportContext = {}): RowReport {
  const zhCol = ctx.column ?? (field ? FIELD_ZH[field] : undefined) ?? field ?? "";
  const enCol = (field ? FIELD_EN[field] : undefined) ?? ctx.column ?? field ?? "";
  const v = ctx.value ?? "";
  const at = { zh: `第 ${row} 行`, en: `Row ${row}` };
  let zh: string;
  let en: string;
  switch (code) {
    case "REQUIRED":
      [zh, en] = [`${at.zh}：「${zhCol}」不能为空`, `${at.en}: the ${enCol} is empty`];
      break;
    case "TOO_LONG":
      [zh, en] = [`${at.zh}：「${zhCol}」超过 ${ctx.max ?? "?"} 个字`, `${at.en}: the ${enCol} is longer than ${ctx.max ?? "?"} characters`];
      break;
    case "UNKNOWN_ROLE":
      [zh, en] = [
        `${at.zh}：无法识别的角色「${v}」（可用：主持人、委员、代表、列席、记录员、旁听）`,
        `${at.en}: unknown role "${v}" (use chair, member, official, clerk or observer)`,
      ];
      break;
    case "UNKNOWN_SIDE":
      [zh, en] = [`${at.zh}：「${zhCol}」应为“职工方”或“企业方”，而不是「${v}」`, `${at.en}: the side must be worker or enterprise, not "${v}"`];
      break;
    case "INVALID_CHIEF":
      [zh, en] = [`${at.zh}：「${zhCol}」应为“是”或“否”，而不是「${v}」`, `${at.en}: chief representative must be yes or no, not "${v}"`];
      break;
    case "INVALID_PHONE":
      [zh, en] = [`${at.zh}：「${zhCol}」格式不正确「${v}」`, `${at.en}: invalid phone number "${v}"`];
      break;
    case "INVALID_EMAIL":
      [zh, en] = [`${at.zh}：「${zhCol}」格式不正确「${v}」`, `${at.en}: invalid email address "${v}"`];
      break;
    case "INVALID_WEIGHT":
      [zh, en] = [
        `${at.zh}：「${zhCol}」应为大于 0 的数（最多 4 位小数，不超过 1000000），而不是「${v}」`,
        `${at.en}: the ${enCol} must be a number above 0 (at most 4 decimals, up to 1000000), not "${v}"`,
      ];
      break;
    case "DUPLICATE": {
      // Nothing on the two rows tells the people apart (core/naming: identityKey).
      const earlier =
        ctx.firstRow === undefined
          ? { zh: "名单中已有的同名人员", en: "someone already on the roster" }
          : { zh: `第 ${ctx.firstRow} 行`, en: `row ${ctx.firstRow}` };
      [zh, en] = [
        `${at.zh}：「${v}」与${earlier.zh}无法区分（姓名相同，住址、单位及职务、界别也都相同；请填写其中不同的一项）`,
        `${at.en}: "${v}" cannot be told apart from ${earlier.en} (same name, household, unit and sector; fill in one that differs)`,
      ];
      break;
    }
    case "MISSING_COLUMN":
      [zh, en] = [`${at.zh}：缺少「${zhCol}」列（表头应包含“姓名”）`, `${at.en}: no ${enCol} column (the header must include 姓名 or "name")`];
      break;
    case "DUPLICATE_COLUMN":
      [zh, en] = [`${at.zh}：「${zhCol}」列出现了不止一次`, `${at.en}: more than one ${enCol} column`];
      break;
    case "TOO_MANY_ROWS":
      [zh, en] = [`${at.zh}：名单超过 ${ctx.max ?? "?"} 人`, `${at.en}: the roster has more than ${ctx.max ?? "?"} people`];
      break;
    case "NO_ROWS":
      [zh, en] = [`${at.zh}：表头下没有任何人员`, `${at.en}: there is nobody under the header`];
      break;
    case "CSV_SYNTAX":
      [zh, en] = [`${at.zh}：CSV 格式错误（引号未闭合等）`, `${at.en}: malformed CSV (e.g. an unclosed quote)`];
      break;
    case "INVALID":
      [zh, en] = [`${at.zh}：「${zhCol}」不正确`, `${at.en}: invalid ${enCol}`];
      break;
    case "LOSSY_TEXT": {
      const text = lossyMessage({ zh: zhCol, en: enCol }, v, ctx.lossy ?? "questionMark");
      [zh, en] = [`${at.zh}：${text.zh}`, `${at.en}: ${text.en}`];
      break;
    }
  }
  if (ctx.hint) [zh, en] = [`${zh}；${ctx.hint.zh}`, `${en}; ${ctx.hint.en}`];
  return field === undefined ? { row, code, message: { zh, en } } : { row, field, code, message: { zh, en } };
}

export function fileReport(
  code: "FILE_TYPE_NOT_ALLOWED" | "ENCODING_UNSUPPORTED" | "TABLE_TOO_LARGE",
  fileName: string,
  hint?: { zh: string; en: string },
): RowReport {
  const base = ERROR_MESSAGES[code];
  const name = fileName.trim() || "?";
  const zh = `${name}：${base.zh}${hint ? `（${hint.zh}）` : ""}`;
  const en = `${name}: ${base.en}${hint ? ` (${hint.en})` : ""}`;
  return { row: 0, code, message: { zh, en } };
}
