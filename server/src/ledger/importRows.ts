// Moving a paper ledger (台账) in (docs/ledger.md#import-导入台账): the rows of a CSV or XLSX file
// (read by roster/readTable.ts) become items, each entered with one `import` step that takes it to
// the state it had on paper, and every row gets its verdict — taken or refused and why, plus
// warnings to confirm — in both languages. Deadlines in the past are accepted (they show as 逾期).
// Pure: the departments, the items already in the ledger (duplicates are refused, so the corrected
// file can be imported again) and the clock come in; the store writes the plan.
import { chinaDate, isCalendarDate } from "../../../core/ledger/deadline.ts";
import {
  decideLedger,
  newItemState,
  OUTCOME_LABELS,
  RATING_LABELS,
  REPLY_OUTCOMES,
  RATINGS,
  shortTitle,
  STATE_LABELS,
  type LedgerAction,
  type LedgerActor,
  type LedgerOrigin,
  type LedgerSource,
  type LedgerState,
  type Rating,
  type ReplyOutcome,
} from "../../../core/ledger/item.ts";
import type { Department } from "../../../core/ledger/json.ts";
import { OVERDUE_SUFFIX } from "../../../core/ledger/report.ts";
import { HEADER_SEARCH_ROWS, normaliseHeader } from "../roster/columns.ts";
import { lossyMessage, lossyText, type LossyReason } from "../roster/lossyText.ts";
import { cleanCell } from "../roster/parseRoster.ts";
import type { TableRow } from "../roster/table.ts";

export const MAX_IMPORT_ROWS = 5000;

/** The columns, by their Chinese or English headers (our own export's included, so it imports again). */
const FIELDS = {
  question: {
    zh: "问题/建议",
    en: "issue / suggestion",
    aliases: [
      "问题/建议",
      "问题建议",
      "问题",
      "建议",
      "意见建议",
      "问题及建议",
      "问题内容",
      "主要内容",
      "内容",
      "事项",
      "诉求",
      "反映问题",
      "question",
      "issue",
      "suggestion",
    ],
  },
  title: { zh: "标题", en: "title", aliases: ["标题", "事项名称", "title"] },
  source: { zh: "来源", en: "source", aliases: ["来源", "来源会议", "问题来源", "来源渠道", "渠道", "source"] },
  origin: { zh: "类别", en: "kind", aliases: ["类别", "类型", "kind"] },
  raisedBy: { zh: "提出人", en: "raised by", aliases: ["提出人", "反映人", "提出者", "建议人", "姓名", "raisedby", "name"] },
  sector: { zh: "界别", en: "sector", aliases: ["界别", "界别/身份", "身份", "sector"] },
  contact: { zh: "联系方式", en: "contact", aliases: ["联系方式", "联系电话", "电话", "手机", "contact", "phone"] },
  raisedOn: {
    zh: "提出日期",
    en: "date raised",
    aliases: ["提出日期", "提出时间", "反映日期", "反映时间", "收集时间", "登记日期", "收到日期", "日期", "raisedon", "date"],
  },
  topic: { zh: "主题", en: "topic", aliases: ["主题", "议题", "topic"] },
  department: { zh: "承办单位", en: "department", aliases: ["承办单位", "责任单位", "办理单位", "department"] },
  assignedOn: { zh: "交办时间", en: "date assigned", aliases: ["交办时间", "交办日期", "assignedon"] },
  deadline: { zh: "办理时限", en: "deadline", aliases: ["办理时限", "完成时限", "时限", "办结时限", "deadline"] },
  state: { zh: "办理状态", en: "state", aliases: ["办理状态", "状态", "state", "status"] },
  reply: { zh: "答复内容", en: "reply", aliases: ["答复内容", "答复", "办理结果", "反馈内容", "办理情况", "reply"] },
  outcome: { zh: "答复结果", en: "outcome", aliases: ["答复结果", "答复类型", "outcome"] },
  rating: { zh: "满意度", en: "rating", aliases: ["满意度", "评价", "rating"] },
} as const;
export type ImportField = keyof typeof FIELDS;

const FIELD_BY_HEADER = new Map<string, ImportField>(
  (Object.entries(FIELDS) as [ImportField, (typeof FIELDS)[ImportField]][]).flatMap(([field, f]) => f.aliases.map((a) => [normaliseHeader(a), field] as const)),
);

const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  question: 4000,
  title: 100,
  raisedBy: 64,
  sector: 64,
  contact: 64,
  topic: 40,
  source: 100,
  department: 400,
  reply: 8000,
};
/** Short fields never hold a "?" of their own; in long text only U+FFFD is a sure sign of a lost character. */
const SHORT_FIELDS: readonly ImportField[] = ["raisedBy", "sector", "source", "department", "topic", "contact"];
const LONG_FIELDS: readonly ImportField[] = ["question", "title", "reply"];

export const IMPORT_CODES = [
  "MISSING_COLUMN",
  "DUPLICATE_COLUMN",
  "NO_ROWS",
  "TOO_MANY_ROWS",
  "CSV_SYNTAX",
  "REQUIRED",
  "TOO_LONG",
  "INVALID_DATE",
  "UNKNOWN_STATE",
  "UNKNOWN_ORIGIN",
  "UNKNOWN_OUTCOME",
  "UNKNOWN_RATING",
  "DEPARTMENT_UNKNOWN",
  "NOT_ALLOWED",
  "DUPLICATE",
  "INVALID",
  // warnings: the row is taken once the secretariat confirms
  "DEPARTMENT_NOT_MATCHED",
  "LOSSY_TEXT",
] as const;
export type ImportCode = (typeof IMPORT_CODES)[number];

/** One line of the report: which row (0: the file), which column, what, in both languages. */
export interface ImportReport {
  row: number;
  field?: ImportField;
  code: ImportCode | "FILE_TYPE_NOT_ALLOWED" | "ENCODING_UNSUPPORTED" | "TABLE_TOO_LARGE";
  message: { zh: string; en: string };
  /** Taken only once confirmed (acceptWarnings). */
  warning?: true;
}

/** An item as the store enters it: its fields and the import step's action. */
export interface ImportedItem {
  row: number;
  source: Exclude<LedgerSource, "meeting">;
  sourceNote: string | null;
  origin: LedgerOrigin;
  raisedOn: string;
  raisedByName: string;
  sector: string | null;
  contact: string | null;
  title: string;
  text: string;
  topic: string;
  suggestedDepartment: string;
  /** 交办时间 on paper (YYYY-MM-DD), if given. */
  assignedOn: string | null;
  action: Extract<LedgerAction, { type: "import" }>;
}

export interface ImportRowResult {
  row: number;
  status: "taken" | "refused";
  title: string;
  /** The state it enters with (taken rows). */
  state: LedgerState | null;
}

export interface ImportPlan {
  rows: ImportRowResult[];
  /** Refusals and warnings, by row. */
  report: ImportReport[];
  items: ImportedItem[];
}

export interface ImportContext {
  fileName: string;
  departments: readonly Department[];
  /** The items already in the ledger (a row repeating one is refused). */
  existing: readonly { number: number; title: string; text: string; raisedByName: string }[];
  now: number;
}

// ---- messages ----------------------------------------------------------------------------------

interface MessageContext {
  value?: string;
  max?: number;
  hint?: { zh: string; en: string };
  /** DUPLICATE: the earlier row, or the item's 序号 in the ledger. */
  firstRow?: number;
  number?: number;
  lossy?: LossyReason;
}

const quote = (v: string | undefined) => v ?? "";

export function importReport(row: number, code: ImportCode, field: ImportField | undefined, ctx: MessageContext = {}): ImportReport {
  const f = field ? FIELDS[field] : { zh: "", en: "" };
  const v = quote(ctx.value);
  const at = { zh: row > 0 ? `第 ${row} 行：` : "", en: row > 0 ? `Row ${row}: ` : "" };
  let zh: string;
  let en: string;
  switch (code) {
    case "MISSING_COLUMN":
      [zh, en] = [
        "缺少「问题/建议」列（表头应包含“问题/建议”、“问题”或“建议”）",
        'no issue column (the header must include 问题/建议, 问题, 建议 or "question")',
      ];
      break;
    case "DUPLICATE_COLUMN":
      [zh, en] = [`「${f.zh}」列出现了不止一次`, `more than one ${f.en} column`];
      break;
    case "NO_ROWS":
      [zh, en] = ["表头下没有任何事项", "there are no items under the header"];
      break;
    case "TOO_MANY_ROWS":
      [zh, en] = [`一次最多导入 ${ctx.max ?? MAX_IMPORT_ROWS} 项`, `at most ${ctx.max ?? MAX_IMPORT_ROWS} items at a time`];
      break;
    case "CSV_SYNTAX":
      [zh, en] = ["CSV 格式错误（引号未闭合等）", "malformed CSV (e.g. an unclosed quote)"];
      break;
    case "REQUIRED":
      [zh, en] = [`「${f.zh}」不能为空`, `the ${f.en} is empty`];
      break;
    case "TOO_LONG":
      [zh, en] = [`「${f.zh}」超过 ${ctx.max ?? "?"} 个字`, `the ${f.en} is longer than ${ctx.max ?? "?"} characters`];
      break;
    case "INVALID_DATE":
      [zh, en] = [`「${f.zh}」应为日期（如 2025-03-31），而不是「${v}」`, `the ${f.en} must be a date (e.g. 2025-03-31), not "${v}"`];
      break;
    case "UNKNOWN_STATE":
      [zh, en] = [
        `无法识别的办理状态「${v}」（可用：待交办、已交办、办理中、已反馈、办结）`,
        `unknown state "${v}" (use 待交办, 已交办, 办理中, 已反馈 or 办结)`,
      ];
      break;
    case "UNKNOWN_ORIGIN":
      [zh, en] = [`无法识别的类别「${v}」（可用：意见建议、议定事项）`, `unknown kind "${v}" (use 意见建议 or 议定事项)`];
      break;
    case "UNKNOWN_OUTCOME":
      [zh, en] = v
        ? [`无法识别的答复结果「${v}」（可用：采纳、部分采纳、研究、说明）`, `unknown outcome "${v}" (use 采纳, 部分采纳, 研究 or 说明)`]
        : [
            "答复内容未注明答复结果：请在答复前写【采纳】【部分采纳】【研究】或【说明】，或填写“答复结果”列",
            "the reply does not say its outcome: begin it with 【采纳】, 【部分采纳】, 【研究】 or 【说明】, or fill in an 答复结果 (outcome) column",
          ];
      break;
    case "UNKNOWN_RATING":
      [zh, en] = [`无法识别的满意度「${v}」（可用：满意、基本满意、不满意）`, `unknown rating "${v}" (use 满意, 基本满意 or 不满意)`];
      break;
    case "DEPARTMENT_UNKNOWN":
      [zh, en] = [
        `承办单位「${v}」不存在或已停用：请先在“承办单位”中添加（或启用）该单位，名称须完全一致`,
        `the department "${v}" does not exist or is disabled: add (or enable) it under Departments first, with exactly this name`,
      ];
      break;
    case "NOT_ALLOWED":
      [zh, en] = [`「${f.zh}」与办理状态不符`, `the ${f.en} does not fit the state`];
      break;
    case "DUPLICATE":
      [zh, en] =
        ctx.number !== undefined
          ? [
              `与台账中第 ${ctx.number} 号事项相同（问题/建议、标题和提出人都相同），不重复导入`,
              `the same as item No. ${ctx.number} already in the ledger (same issue, title and person): not imported twice`,
            ]
          : [`与第 ${ctx.firstRow ?? "?"} 行相同（问题/建议、标题和提出人都相同）`, `the same as row ${ctx.firstRow ?? "?"} (same issue, title and person)`];
      break;
    case "INVALID":
      [zh, en] = [`该行的内容不一致${v ? `（${v}）` : ""}`, `the row does not hold together${v ? ` (${v})` : ""}`];
      break;
    case "DEPARTMENT_NOT_MATCHED":
      [zh, en] = [
        `「${v}」不是已添加的承办单位：作为建议承办单位保留，交办时再选择单位`,
        `"${v}" is not one of the departments: kept as the suggested department, to choose one at 交办`,
      ];
      break;
    case "LOSSY_TEXT": {
      const text = lossyMessage(f, v, ctx.lossy ?? "questionMark");
      [zh, en] = [text.zh, text.en];
      break;
    }
  }
  if (ctx.hint) [zh, en] = [`${zh}；${ctx.hint.zh}`, `${en}; ${ctx.hint.en}`];
  const warning = code === "DEPARTMENT_NOT_MATCHED" || code === "LOSSY_TEXT";
  return { row, ...(field ? { field } : {}), code, message: { zh: at.zh + zh, en: at.en + en }, ...(warning ? { warning: true as const } : {}) };
}

// ---- cells -------------------------------------------------------------------------------------

/** A date cell: 2025-03-31, 2025/3/31, 2025.3.31 or 2025年3月31日 (an XLSX date reads as the first). */
export function parseDateCell(text: string): string | null | "invalid" {
  const value = text.normalize("NFKC").replace(/\s+/g, "");
  if (value === "") return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value);
  if (!m) return "invalid";
  const date = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return isCalendarDate(date) ? date : "invalid";
}

const STATE_BY_LABEL = new Map<string, LedgerState>([
  ...(Object.entries(STATE_LABELS) as [LedgerState, string][]).map(([state, label]) => [label, state] as const),
  ["未交办", "new"],
  ["新", "new"],
  ["交办", "assigned"],
  ["正在办理", "in_progress"],
  ["在办", "in_progress"],
  ["已答复", "answered"],
  ["已回复", "answered"],
  ["已办结", "closed"],
  ["已完成", "closed"],
  ["完成", "closed"],
  ["结案", "closed"],
  ["new", "new"],
  ["assigned", "assigned"],
  ["inprogress", "in_progress"],
  ["in_progress", "in_progress"],
  ["answered", "answered"],
  ["closed", "closed"],
]);

/** 办理状态; empty is 待交办; our export's "（逾期）" is dropped. */
export function parseStateCell(text: string): LedgerState | "invalid" {
  const value = text
    .trim()
    .replace(new RegExp(`${OVERDUE_SUFFIX}$|\\(逾期\\)$`), "")
    .replace(/\s+/g, "")
    .toLowerCase();
  if (value === "") return "new";
  return STATE_BY_LABEL.get(value) ?? "invalid";
}

const OUTCOME_BY_LABEL = new Map<string, ReplyOutcome>([
  ...(Object.entries(OUTCOME_LABELS) as [ReplyOutcome, string][]).map(([o, label]) => [label, o] as const),
  ...REPLY_OUTCOMES.map((o) => [o, o] as const),
]);
const RATING_BY_LABEL = new Map<string, Rating>([
  ...(Object.entries(RATING_LABELS) as [Rating, string][]).map(([r, label]) => [label, r] as const),
  ...RATINGS.map((r) => [r, r] as const),
]);

/** 答复内容 with its outcome in front, as our export writes it (【部分采纳】…), or 采纳：… */
export function parseReplyCell(text: string): { text: string; outcome: ReplyOutcome | null } | null {
  const value = text.trim();
  if (value === "") return null;
  const m = /^(?:[【[]\s*(部分采纳|采纳|研究|说明)\s*[】\]]|(部分采纳|采纳|研究|说明)\s*[:：])\s*/.exec(value);
  if (!m) return { text: value, outcome: null };
  return { text: value.slice(m[0].length).trim(), outcome: OUTCOME_BY_LABEL.get(m[1] ?? m[2] ?? "") ?? null };
}

/** 承办单位: the lead, then partners — 甲（协办：乙、丙） as our export writes it, or 甲、乙. */
export function parseDepartmentCell(text: string): string[] {
  const value = text.trim();
  if (value === "") return [];
  const m = /^(.*?)\s*[（(]\s*协办\s*[:：]\s*(.*?)\s*[）)]$/.exec(value);
  const names = m ? [m[1] ?? "", ...(m[2] ?? "").split(/[、,，;；]/)] : value.split(/[、,，;；]/);
  return names.map((n) => n.trim()).filter((n) => n !== "");
}

/** 来源: 接待日 and 热线 (12345) are sources of their own; anything else is kept as written. */
export function parseSourceCell(text: string): { source: Exclude<LedgerSource, "meeting">; sourceNote: string | null } {
  const value = text.trim();
  if (value === "" || value === "其他") return { source: "other", sourceNote: null };
  if (value === "接待日" || /接待日/.test(value)) return { source: "listeningDay", sourceNote: value === "接待日" ? null : value };
  if (value === "热线" || /热线|12345/.test(value)) return { source: "hotline", sourceNote: value === "热线" ? null : value };
  return { source: "other", sourceNote: value };
}

/** 类别: 意见建议 (also 问题, 建议, empty) or 议定事项. */
export function parseOriginCell(text: string): LedgerOrigin | "invalid" {
  const value = text.trim();
  if (value === "" || ["意见建议", "建议", "问题", "意见", "suggestion"].includes(value)) return "suggestion";
  if (["议定事项", "议定", "decision"].includes(value)) return "decision";
  return "invalid";
}

/** Names compare without spacing and width differences (NFKC), as people type them. */
const nameKey = (name: string): string => name.normalize("NFKC").replace(/\s+/g, "");
/** A row repeats an item when the issue, the title and the person are the same. */
const itemKey = (item: { title: string; text: string; raisedByName: string }): string => [item.title, item.text, item.raisedByName].map(nameKey).join("\u0000");

// ---- rows --------------------------------------------------------------------------------------

type Columns = Map<ImportField, number>;

const IMPORTER: LedgerActor = { role: "secretariat", id: "import", name: "导入" };

function parseRow(row: TableRow, columns: Columns, ctx: ImportContext): { item?: ImportedItem; report: ImportReport[] } {
  const report: ImportReport[] = [];
  const problem = (code: ImportCode, field?: ImportField, extra: MessageContext = {}) => report.push(importReport(row.line, code, field, extra));
  const cell = (field: ImportField): string => {
    const index = columns.get(field);
    return index === undefined ? "" : cleanCell(row.cells[index]);
  };

  for (const [field, max] of Object.entries(MAX_LENGTH) as [ImportField, number][]) if ([...cell(field)].length > max) problem("TOO_LONG", field, { max });
  const text = cell("question");
  if (text === "") problem("REQUIRED", "question");
  const title = cell("title") || shortTitle(text);

  const origin = parseOriginCell(cell("origin"));
  if (origin === "invalid") problem("UNKNOWN_ORIGIN", "origin", { value: cell("origin") });
  const state = parseStateCell(cell("state"));
  if (state === "invalid") problem("UNKNOWN_STATE", "state", { value: cell("state") });
  const date = (field: ImportField): string | null => {
    const parsed = parseDateCell(cell(field));
    if (parsed === "invalid") problem("INVALID_DATE", field, { value: cell(field) });
    return parsed === "invalid" ? null : parsed;
  };
  const raisedOn = date("raisedOn") ?? chinaDate(ctx.now);
  const deadline = date("deadline");
  const assignedOn = date("assignedOn");

  const reply = parseReplyCell(cell("reply"));
  const outcomeText = cell("outcome");
  const outcome = outcomeText ? OUTCOME_BY_LABEL.get(outcomeText.toLowerCase()) : reply?.outcome;
  if (outcomeText && outcome === undefined) problem("UNKNOWN_OUTCOME", "outcome", { value: outcomeText });
  else if (reply && !outcome) problem("UNKNOWN_OUTCOME", "reply");
  const ratingText = cell("rating");
  const rating = ratingText ? RATING_BY_LABEL.get(ratingText.toLowerCase()) : null;
  if (rating === undefined) problem("UNKNOWN_RATING", "rating", { value: ratingText });
  if (ratingText && !reply) problem("NOT_ALLOWED", "rating", { hint: { zh: "满意度须针对答复内容", en: "a rating goes with a reply" } });

  // 承办单位: a hint while 待交办 (an unknown name is a warning); the department the item is with otherwise.
  const departmentText = cell("department");
  const names = parseDepartmentCell(departmentText);
  const enabled = new Map(ctx.departments.filter((d) => !d.disabled).map((d) => [nameKey(d.name), d]));
  const matched = names.map((n) => enabled.get(nameKey(n)));
  const unknown = names.filter((_, i) => matched[i] === undefined);
  const ids = matched.flatMap((d) => (d ? [d.id] : []));
  const withDepartment = state !== "invalid" && state !== "new";
  if (state === "new") {
    if (unknown.length > 0) problem("DEPARTMENT_NOT_MATCHED", "department", { value: unknown.join("、") });
    if (reply) problem("NOT_ALLOWED", "reply", { hint: { zh: "待交办的事项还没有答复", en: "a new item has no reply yet" } });
  } else if (withDepartment) {
    if (unknown.length > 0) problem("DEPARTMENT_UNKNOWN", "department", { value: unknown.join("、") });
    const needs = state !== "closed";
    if (needs && names.length === 0)
      problem("REQUIRED", "department", {
        hint: { zh: `“${STATE_LABELS[state]}”的事项须填写承办单位`, en: `an item ${STATE_LABELS[state]} needs its department` },
      });
    if ((state === "assigned" || state === "in_progress") && deadline === null && cell("deadline") === "")
      problem("REQUIRED", "deadline", {
        hint: { zh: `“${STATE_LABELS[state]}”的事项须填写办理时限`, en: `an item ${STATE_LABELS[state]} needs its deadline` },
      });
    if ((state === "assigned" || state === "in_progress") && reply)
      problem("NOT_ALLOWED", "reply", {
        hint: { zh: "有答复的事项，办理状态应为“已反馈”或“办结”", en: "an item with a reply is 已反馈 (answered) or 办结 (closed)" },
      });
    if (state === "answered" && !reply) problem("REQUIRED", "reply", { hint: { zh: "“已反馈”的事项须填写答复内容", en: "an answered item needs its reply" } });
  }

  for (const field of SHORT_FIELDS) {
    const reason = lossyText(cell(field), "short");
    if (reason) problem("LOSSY_TEXT", field, { value: cell(field), lossy: reason });
  }
  for (const field of LONG_FIELDS) {
    const reason = lossyText(cell(field), "long");
    if (reason) problem("LOSSY_TEXT", field, { value: cell(field), lossy: reason });
  }
  if (report.some((r) => !r.warning) || state === "invalid" || origin === "invalid") return { report };

  const lead = withDepartment ? (ids[0] ?? null) : null;
  const action: ImportedItem["action"] = {
    type: "import",
    state,
    lead,
    partners: lead === null ? [] : [...new Set(ids.slice(1))].filter((id) => id !== lead),
    deadline,
    reply:
      reply && outcome
        ? { text: reply.text, outcome, byName: lead === null ? "" : (ctx.departments.find((d) => d.id === lead)?.name ?? ""), rating: rating ?? null }
        : null,
    file: [...ctx.fileName].slice(0, 200).join(""),
    row: row.line,
  };
  // The machine has the last word (what it refuses here, the store would refuse at confirmation).
  const decided = decideLedger(newItemState(null), action, IMPORTER, ctx.now);
  if (!decided.ok) {
    problem("INVALID", undefined, { value: decided.error.details?.join("; ") ?? decided.error.code });
    return { report };
  }
  const optional = (v: string) => (v === "" ? null : v);
  return {
    report,
    item: {
      row: row.line,
      ...parseSourceCell(cell("source")),
      origin,
      raisedOn,
      raisedByName: cell("raisedBy"),
      sector: optional(cell("sector")),
      contact: optional(cell("contact")),
      title,
      text,
      topic: cell("topic"),
      suggestedDepartment: departmentText,
      assignedOn: withDepartment ? assignedOn : null,
      action,
    },
  };
}

type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; report: ImportReport[] };

/** The rows of the file → the items to enter and the report; a file-level problem refuses the whole file. */
export function planImport(rows: readonly TableRow[], ctx: ImportContext): PlanResult {
  const nonBlank = rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  // The header is the first row (among the first few: a title line may come first) with an issue column.
  const headerIndex = nonBlank.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.cells.some((c) => FIELD_BY_HEADER.get(normaliseHeader(c)) === "question"));
  if (headerIndex < 0) return { ok: false, report: [importReport(nonBlank[0]?.line ?? 1, "MISSING_COLUMN", "question")] };
  const header = nonBlank[headerIndex]!;
  const columns: Columns = new Map();
  const duplicated = new Set<ImportField>();
  header.cells.forEach((text, index) => {
    const field = FIELD_BY_HEADER.get(normaliseHeader(text));
    if (field === undefined) return; // 序号, 备注 … are ignored
    if (columns.has(field)) duplicated.add(field);
    else columns.set(field, index);
  });
  if (duplicated.size > 0) return { ok: false, report: [...duplicated].map((f) => importReport(header.line, "DUPLICATE_COLUMN", f)) };
  const dataRows = nonBlank.slice(headerIndex + 1);
  if (dataRows.length === 0) return { ok: false, report: [importReport(header.line, "NO_ROWS", undefined)] };
  if (dataRows.length > MAX_IMPORT_ROWS)
    return { ok: false, report: [importReport(dataRows[MAX_IMPORT_ROWS]!.line, "TOO_MANY_ROWS", undefined, { max: MAX_IMPORT_ROWS })] };

  const inLedger = new Map(ctx.existing.map((i) => [itemKey(i), i.number]));
  const firstRowOf = new Map<string, number>();
  const plan: ImportPlan = { rows: [], report: [], items: [] };
  for (const row of dataRows) {
    const parsed = parseRow(row, columns, ctx);
    const { item } = parsed;
    const report = [...parsed.report];
    if (item) {
      const key = itemKey(item);
      const number = inLedger.get(key);
      const firstRow = firstRowOf.get(key);
      if (number !== undefined) report.push(importReport(row.line, "DUPLICATE", "question", { number }));
      else if (firstRow !== undefined) report.push(importReport(row.line, "DUPLICATE", "question", { firstRow }));
      else firstRowOf.set(key, row.line);
    }
    const taken = item !== undefined && report.every((r) => r.warning);
    plan.report.push(...report);
    plan.rows.push({
      row: row.line,
      status: taken ? "taken" : "refused",
      title: item?.title ?? shortTitle(cleanCell(row.cells[columns.get("question") ?? -1])),
      state: taken ? item.action.state : null,
    });
    if (taken) plan.items.push(item);
  }
  return { ok: true, plan };
}
