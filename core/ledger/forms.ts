// The ledger's forms (docs/ledger.md#forms-交办单--反馈单): every assignment (交办, also 改派)
// issues a numbered 交办单, and every reply of the lead department and every 就地解决 of the
// community a 反馈单. Pure: the builders take
// the item as it is right after the step, the step's action and time, and what the store knows
// (the number, the issuer, the contact, the handler), and return the snapshot the store keeps;
// `formLayout` turns a snapshot into the rows both renderers (PDF and DOCX) print, so the two
// files always say the same.
import { z } from "zod";
import { formatDay } from "../minutes/format.ts";
import { chinaDate } from "./deadline.ts";
import { OUTCOME_LABELS, REPLY_OUTCOMES, type LedgerAction } from "./item.ts";
import type { LedgerItemJson } from "./json.ts";
import { departmentsText, questionText, sourceTitle } from "./report.ts";

export const LEDGER_FORM_KINDS = ["assignment", "feedback"] as const;
export type LedgerFormKind = (typeof LEDGER_FORM_KINDS)[number];

/** The form's name under the issuer's: 艺术巷社区问题交办单. */
export const FORM_TITLES: Record<LedgerFormKind, string> = { assignment: "问题交办单", feedback: "问题办理反馈单" };
const NUMBER_WORDS: Record<LedgerFormKind, string> = { assignment: "交办", feedback: "反馈" };

/** 〔2026〕交办第12号: the year of issue and the form's place in that year's sequence of its kind. */
export const formNumber = (kind: LedgerFormKind, year: number, seq: number): string => `〔${year}〕${NUMBER_WORDS[kind]}第${seq}号`;

/** The year (China time) a form issued at `at` is numbered in. */
export const formYear = (at: number): number => Number(chinaDate(at).slice(0, 4));

/**
 * 办理结果 of a 反馈单: the department reply's outcome, or 已就地解决 when the community closed the
 * item itself (`resolveLocally`).
 */
export const FEEDBACK_RESULTS = [...REPLY_OUTCOMES, "resolvedLocally"] as const;
export type FeedbackResult = (typeof FEEDBACK_RESULTS)[number];
const RESULT_LABELS: Record<FeedbackResult, string> = { ...OUTCOME_LABELS, resolvedLocally: "已就地解决" };

/** 办理要求 when the secretariat wrote none. */
export const DEFAULT_REQUIREMENTS = "请在办理时限内办结，并以反馈单书面反馈办理情况。";

const Payload = {
  number: z.string(),
  /** The community the item belongs to, else the organisation (may be empty: the title is then the form's name alone). */
  issuer: z.string(),
  /** The date of issue, YYYY-MM-DD in China. */
  date: z.string(),
  /** The item's 序号. */
  itemNumber: z.number(),
  problemTitle: z.string(),
};

/** What an issued 交办单 says, kept as issued. */
export const AssignmentFormPayload = z.object({
  kind: z.literal("assignment"),
  ...Payload,
  /** 来源: the meeting's title, the paper ledger's 来源, or the source's name (接待日, 热线 …). */
  source: z.string(),
  /** 提出人 of a meeting's suggestion (a public record); null for every other item, whose raiser the department does not need. */
  raisedBy: z.string().nullable(),
  /** The title, then the text (as the exported ledger's 问题/建议). */
  problem: z.string(),
  /** 问题地点: the building or unit a resident or grid worker named ("" when none). */
  location: z.string().default(""),
  lead: z.string(),
  partners: z.array(z.string()),
  deadline: z.string(),
  requirements: z.string(),
  /** The secretariat's contact (never the resident's). */
  contact: z.string(),
  /** 改派: the number of the 交办单 this one replaces, else null. */
  replaces: z.string().nullable(),
});
export type AssignmentFormPayload = z.infer<typeof AssignmentFormPayload>;

/** What an issued 反馈单 says, kept as issued. */
export const FeedbackFormPayload = z.object({
  kind: z.literal("feedback"),
  ...Payload,
  /**
   * The 交办单 the reply answers (the item's latest before the reply); null for an item assigned
   * before forms were issued, and for one the community resolved itself (never assigned).
   */
  assignmentNumber: z.string().nullable(),
  /** 承办单位 (and 协办); the community for 就地解决. */
  departments: z.string(),
  /** 办理情况: the reply's text, or what the community did. */
  done: z.string(),
  outcome: z.enum(FEEDBACK_RESULTS),
  attachments: z.array(z.string()),
  /** 经办人: the department account's name and its department; for 就地解决 the staff member's name and the community. */
  handler: z.object({ name: z.string(), department: z.string() }),
});
export type FeedbackFormPayload = z.infer<typeof FeedbackFormPayload>;

export const LedgerFormPayload = z.discriminatedUnion("kind", [AssignmentFormPayload, FeedbackFormPayload]);
export type LedgerFormPayload = z.infer<typeof LedgerFormPayload>;

/** The item fields a form reads (the item right after the step that issues it). */
export type FormItem = Pick<
  LedgerItemJson,
  "number" | "source" | "origin" | "sourceNote" | "meetingTitle" | "raisedByName" | "title" | "text" | "location" | "lead" | "partners"
>;

type AssignAction = Extract<LedgerAction, { type: "assign" }>;
type ReplyAction = Extract<LedgerAction, { type: "reply" }>;
type ResolveLocallyAction = Extract<LedgerAction, { type: "resolveLocally" }>;

export function assignmentForm(
  item: FormItem,
  action: AssignAction,
  at: number,
  issue: { number: string; issuer: string; contact: string; replaces: string | null },
): AssignmentFormPayload {
  return {
    kind: "assignment",
    number: issue.number,
    issuer: issue.issuer,
    date: chinaDate(at),
    itemNumber: item.number,
    problemTitle: item.title,
    source: sourceTitle(item),
    raisedBy: item.source === "meeting" && item.origin === "suggestion" && item.raisedByName !== "" ? item.raisedByName : null,
    problem: questionText(item),
    location: item.location,
    lead: item.lead?.name ?? action.lead,
    partners: item.partners.map((p) => p.name),
    deadline: action.deadline,
    requirements: action.instructions.trim() || DEFAULT_REQUIREMENTS,
    contact: issue.contact,
    replaces: issue.replaces,
  };
}

export function feedbackForm(
  item: FormItem,
  action: ReplyAction,
  at: number,
  issue: { number: string; issuer: string; assignmentNumber: string | null; handler: { name: string; department: string } },
): FeedbackFormPayload {
  return {
    kind: "feedback",
    number: issue.number,
    issuer: issue.issuer,
    date: chinaDate(at),
    itemNumber: item.number,
    problemTitle: item.title,
    assignmentNumber: issue.assignmentNumber,
    departments: departmentsText(item),
    done: action.text,
    outcome: action.outcome,
    attachments: action.attachments.map((a) => a.name),
    handler: issue.handler,
  };
}

/**
 * The 反馈单 of an item the community closed itself (就地解决): what was done, 已就地解决, the
 * community as the unit that handled it and the staff member who closed it. No 交办单: the item
 * was never assigned.
 */
export function localFeedbackForm(
  item: FormItem,
  action: ResolveLocallyAction,
  at: number,
  issue: { number: string; issuer: string; handler: { name: string; department: string } },
): FeedbackFormPayload {
  return {
    kind: "feedback",
    number: issue.number,
    issuer: issue.issuer,
    date: chinaDate(at),
    itemNumber: item.number,
    problemTitle: item.title,
    assignmentNumber: null,
    departments: issue.handler.department,
    done: action.text,
    outcome: "resolvedLocally",
    attachments: [],
    handler: issue.handler,
  };
}

/** A form as printed: the title, the number, the two-column table of fields, the seal line and the date. */
export interface FormLayout {
  title: string;
  number: string;
  rows: { label: string; value: string }[];
  /** 艺术巷社区（盖章） */
  seal: string;
  /** 2026年12月20日 */
  date: string;
}

/** 王小明（区住建委）; the name alone when it is the department's. */
const handlerText = ({ name, department }: FeedbackFormPayload["handler"]): string =>
  department === "" || department === name ? name : `${name}（${department}）`;

export function formLayout(form: LedgerFormPayload): FormLayout {
  const common = { title: `${form.issuer}${FORM_TITLES[form.kind]}`, number: form.number, date: formatDay(form.date) };
  if (form.kind === "assignment") {
    const rows = [
      { label: "台账序号", value: String(form.itemNumber) },
      { label: "交办日期", value: formatDay(form.date) },
      { label: "问题来源", value: form.source },
      ...(form.raisedBy === null ? [] : [{ label: "提出人", value: form.raisedBy }]),
      { label: "问题描述", value: form.problem },
      ...(form.location === "" ? [] : [{ label: "问题地点", value: form.location }]),
      { label: "承办单位", value: form.lead },
      { label: "协办单位", value: form.partners.length === 0 ? "无" : form.partners.join("、") },
      { label: "办理时限", value: `${formatDay(form.deadline)}前` },
      { label: "办理要求", value: form.requirements },
      { label: "联系方式", value: form.contact },
      ...(form.replaces === null ? [] : [{ label: "备注", value: `改派：原交办单${form.replaces}不再办理` }]),
    ];
    return { ...common, rows, seal: `${form.issuer || "交办单位"}（盖章）` };
  }
  // 就地解决 was never assigned: no 交办单 to name (an older reply without one says —).
  const local = form.outcome === "resolvedLocally";
  const rows = [
    { label: "台账序号", value: String(form.itemNumber) },
    ...(local ? [] : [{ label: "交办单编号", value: form.assignmentNumber ?? "—" }]),
    { label: "问题", value: form.problemTitle },
    { label: "承办单位", value: form.departments },
    { label: "办理情况", value: form.done },
    { label: "办理结果", value: RESULT_LABELS[form.outcome] },
    ...(form.attachments.length === 0 ? [] : [{ label: "附件", value: form.attachments.join("\n") }]),
    { label: "经办人", value: handlerText(form.handler) },
    { label: "反馈日期", value: formatDay(form.date) },
  ];
  return { ...common, rows, seal: `${form.handler.department || "承办单位"}（盖章）` };
}

/** The file's name without extension: 交办单-〔2026〕交办第12号. */
export const formFileName = (form: Pick<LedgerFormPayload, "kind" | "number">): string => `${form.kind === "assignment" ? "交办单" : "反馈单"}-${form.number}`;

/** A form as the item lists it (GET /api/ledger/items/:id `forms`), oldest first. */
export interface LedgerFormJson {
  id: string;
  kind: LedgerFormKind;
  number: string;
  /** The date of issue, YYYY-MM-DD in China. */
  date: string;
  createdAt: string;
}
