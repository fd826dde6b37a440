// The follow-up ledger (问题清单与台账): one item per suggestion, moved through
// 待交办 → 已交办 → 办理中 → 已反馈 → 办结 (交办 — 督办 — 反馈), with 退回 when a reply is not
// accepted. A pure state machine: decideLedger checks an action against the item and the actor
// and returns the step to record; applyStep folds a step into the item. The store persists every
// step (who, when, from, to) and never deletes one, so an item's history is its list of steps.
import { z } from "zod";
import { fail, ok, type Result } from "../errors.ts";
import { chinaDate, isCalendarDate } from "./deadline.ts";

export const LEDGER_STATES = ["new", "assigned", "in_progress", "answered", "closed"] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];
export const STATE_LABELS: Record<LedgerState, string> = { new: "待交办", assigned: "已交办", in_progress: "办理中", answered: "已反馈", closed: "办结" };

/** 答复结果: 采纳 / 部分采纳 / 研究 (under study) / 说明 (explained why not). */
export const REPLY_OUTCOMES = ["adopted", "partly", "study", "explained"] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];
export const OUTCOME_LABELS: Record<ReplyOutcome, string> = { adopted: "采纳", partly: "部分采纳", study: "研究", explained: "说明" };

/** 满意度 */
export const RATINGS = ["satisfied", "basically", "unsatisfied"] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { satisfied: "满意", basically: "基本满意", unsatisfied: "不满意" };

/**
 * Where an item came from: a meeting's record, a fixed listening day (每月5/15/25日), the hotline,
 * a resident through the community's public link (居民点单), a grid worker's phone (网格员).
 */
export const LEDGER_SOURCES = ["meeting", "listeningDay", "hotline", "other", "residents", "gridWorker"] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number];
export const SOURCE_LABELS: Record<LedgerSource, string> = {
  meeting: "会议",
  listeningDay: "接待日",
  hotline: "热线",
  other: "其他",
  residents: "居民点单",
  gridWorker: "网格员",
};

/** What an item is: a suggestion (意见建议, also every item entered or imported by staff) or a decision of a meeting (议定事项). */
export const LEDGER_ORIGINS = ["suggestion", "decision"] as const;
export type LedgerOrigin = (typeof LEDGER_ORIGINS)[number];
export const ORIGIN_LABELS: Record<LedgerOrigin, string> = { suggestion: "意见建议", decision: "议定事项" };

/** A title for an item whose record has only a text (a decision, an imported row): its first line, cut at TITLE_LENGTH with "…". */
export const TITLE_LENGTH = 60;
export function shortTitle(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0]?.trim() ?? "";
  const chars = [...line];
  return chars.length > TITLE_LENGTH ? `${chars.slice(0, TITLE_LENGTH).join("")}…` : line;
}

const Id = z.string().min(1).max(64);
const Text = (max: number) => z.string().trim().max(max);
const Required = (max: number) => Text(max).pipe(z.string().min(1));
const CalendarDate = z.string().refine(isCalendarDate, "expected a date YYYY-MM-DD");

export const Attachment = z.object({ id: Id, name: Text(200) }).strict();
export type Attachment = z.infer<typeof Attachment>;

/** What a user asks to do to an item (POST …/actions). `withdraw` is the record sync's own, `import` the ledger import's. */
export const LedgerAction = z.discriminatedUnion("type", [
  /** 交办 (or re-assign before a reply): the lead department (承办单位), partners (协办单位), the deadline (办理时限). */
  z.object({ type: z.literal("assign"), lead: Id, partners: z.array(Id).max(10), deadline: CalendarDate, instructions: Text(2000) }).strict(),
  /** 办理进展 by a department of the item; the first one moves 已交办 to 办理中. */
  z.object({ type: z.literal("progress"), note: Required(2000) }).strict(),
  /** 答复 by the lead department. */
  z.object({ type: z.literal("reply"), text: Required(8000), outcome: z.enum(REPLY_OUTCOMES), attachments: z.array(Attachment).max(10) }).strict(),
  /** 退回: the secretariat does not accept the reply; back to 办理中. */
  z.object({ type: z.literal("sendBack"), reason: Required(2000) }).strict(),
  /** 办结 after a reply; or closing a new item without assignment (不予交办, 并案), which needs a note. */
  z.object({ type: z.literal("close"), note: Text(2000) }).strict(),
  /** 就地解决: the community solved a new item itself; what was done is the reply the resident reads (and rates). */
  z.object({ type: z.literal("resolveLocally"), text: Required(2000) }).strict(),
  /**
   * 提交议事会: put a new item on a council meeting's agenda (the route adds the agenda item and
   * names it here); the item stays 待交办 until the council's outcome is 交办 or 就地解决.
   */
  z.object({ type: z.literal("toCouncil"), meetingId: Id, meetingTitle: Text(200), agendaItemId: Id }).strict(),
  /** 督办: a supervision note or reminder on an assigned item; the state does not change. */
  z.object({ type: z.literal("supervise"), note: Required(2000) }).strict(),
  /** 评价 of the latest reply by the member who raised the suggestion (or the resident, by the receipt), once per reply. */
  z.object({ type: z.literal("rate"), rating: z.enum(RATINGS), comment: Text(1000) }).strict(),
  /** The clerk withdrew the suggestion from the record before it was assigned. */
  z.object({ type: z.literal("withdraw") }).strict(),
  /**
   * 导入: a new item moved in from a paper ledger (server/src/ledger/ledgerImport.ts), in the
   * state it had there, by the secretariat; the file and its row say where it came from.
   * Deadlines in the past are accepted (they show as 逾期).
   */
  z
    .object({
      type: z.literal("import"),
      state: z.enum(LEDGER_STATES),
      lead: Id.nullable(),
      partners: z.array(Id).max(10),
      deadline: CalendarDate.nullable(),
      /** The reply recorded on paper (已反馈, 办结), by the department named, with its 满意度 if any. */
      reply: z
        .object({ text: Required(8000), outcome: z.enum(REPLY_OUTCOMES), byName: Text(80), rating: z.enum(RATINGS).nullable() })
        .strict()
        .nullable(),
      file: Text(200),
      row: z.number().int().min(1),
    })
    .strict(),
]);
export type LedgerAction = z.infer<typeof LedgerAction>;
export type LedgerActionType = LedgerAction["type"];

/**
 * Who acts. Secretariat: admin and organiser accounts; member: the participant who raised it;
 * resident: whoever holds the item's receipt (回执), or a grid worker rating for a resident (the
 * receipt route finds the item, so ownership is the receipt's).
 */
export type LedgerActor =
  | { role: "secretariat"; id: string; name: string }
  | { role: "department"; id: string; name: string; departmentId: string }
  | { role: "member"; id: string; name: string }
  | { role: "resident"; id: string; name: string }
  | { role: "system"; id: string; name: string };
export type LedgerRole = LedgerActor["role"];

export interface Reply {
  text: string;
  outcome: ReplyOutcome;
  attachments: Attachment[];
  at: number;
  byName: string;
  rating: { rating: Rating; comment: string; at: number } | null;
}

/** What the machine needs of an item (the store keeps more: source, texts, numbers). */
export interface LedgerItemState {
  state: LedgerState;
  /** The participant who raised it (meeting items); null for items entered by staff. */
  raisedBy: string | null;
  lead: string | null;
  partners: string[];
  /** 办理时限, YYYY-MM-DD in China time. */
  deadline: string | null;
  instructions: string;
  replies: Reply[];
  /** Number of 督办 notes. */
  supervisions: number;
}

export interface LedgerStep {
  action: LedgerAction;
  by: LedgerActor;
  at: number;
  from: LedgerState;
  to: LedgerState;
}

export const newItemState = (raisedBy: string | null): LedgerItemState => ({
  state: "new",
  raisedBy,
  lead: null,
  partners: [],
  deadline: null,
  instructions: "",
  replies: [],
  supervisions: 0,
});

/** Which roles may take each action, and from which states (the whole transition table). */
export const TRANSITIONS: Record<LedgerActionType, { roles: readonly LedgerRole[]; from: readonly LedgerState[] }> = {
  assign: { roles: ["secretariat"], from: ["new", "assigned", "in_progress"] },
  progress: { roles: ["department"], from: ["assigned", "in_progress"] },
  reply: { roles: ["department"], from: ["assigned", "in_progress"] },
  sendBack: { roles: ["secretariat"], from: ["answered"] },
  close: { roles: ["secretariat"], from: ["new", "answered"] },
  resolveLocally: { roles: ["secretariat"], from: ["new"] },
  toCouncil: { roles: ["secretariat"], from: ["new"] },
  supervise: { roles: ["secretariat"], from: ["assigned", "in_progress"] },
  rate: { roles: ["member", "resident"], from: ["answered", "closed"] },
  withdraw: { roles: ["system"], from: ["new"] },
  import: { roles: ["secretariat"], from: ["new"] },
};

/** The states an imported item may have and what each needs (docs/ledger.md#import). */
function importProblem(action: Extract<LedgerAction, { type: "import" }>): string | null {
  const withDepartment = action.state === "assigned" || action.state === "in_progress" || action.state === "answered";
  if (action.state === "new" && (action.lead !== null || action.reply !== null)) return "a new item has no department and no reply";
  if (withDepartment && action.lead === null) return `${action.state} needs a lead department`;
  if (action.lead === null && action.partners.length > 0) return "partners need a lead department";
  if ((action.state === "assigned" || action.state === "in_progress") && action.deadline === null) return `${action.state} needs a deadline`;
  if (action.state === "answered" && action.reply === null) return "answered needs a reply";
  if ((action.state === "assigned" || action.state === "in_progress") && action.reply !== null) return "a reply comes with answered or closed";
  if (action.lead !== null && (action.partners.includes(action.lead) || new Set(action.partners).size !== action.partners.length))
    return "partners: each department once, not the lead";
  return null;
}

const isOwnDepartment = (item: LedgerItemState, actor: LedgerActor): boolean =>
  actor.role === "department" && (item.lead === actor.departmentId || item.partners.includes(actor.departmentId));

/** Checks `action` by `actor` at `now` against the item; the step to record, or why not. */
export function decideLedger(item: LedgerItemState, action: LedgerAction, actor: LedgerActor, now: number): Result<LedgerStep> {
  const rule = TRANSITIONS[action.type];
  if (!rule.roles.includes(actor.role)) return fail("FORBIDDEN");
  // A department acts only on its own items; only the lead department replies.
  if (actor.role === "department" && (!isOwnDepartment(item, actor) || (action.type === "reply" && item.lead !== actor.departmentId))) return fail("FORBIDDEN");
  if (actor.role === "member" && item.raisedBy !== actor.id) return fail("FORBIDDEN");
  if (!rule.from.includes(item.state)) return fail("LEDGER_BAD_STATE", [`${action.type} is not possible in state ${item.state}`]);
  const step = (to: LedgerState): Result<LedgerStep> => ok({ action, by: actor, at: now, from: item.state, to });
  switch (action.type) {
    case "assign":
      if (action.deadline < chinaDate(now)) return fail("LEDGER_DEADLINE_PAST");
      if (action.partners.includes(action.lead) || new Set(action.partners).size !== action.partners.length)
        return fail("VALIDATION", ["partners: each department once, not the lead"]);
      return step("assigned");
    case "progress":
      return step("in_progress");
    case "reply":
      return step("answered");
    case "sendBack":
      return step("in_progress");
    case "close":
      if (item.state === "new" && action.note === "") return fail("VALIDATION", ["note: closing an unassigned item needs a reason"]);
      return step("closed");
    case "resolveLocally":
      return step("closed");
    case "toCouncil":
      return step(item.state);
    case "supervise":
      return step(item.state);
    case "rate": {
      const latest = item.replies.at(-1);
      if (!latest) return fail("LEDGER_BAD_STATE", ["there is no reply to rate"]);
      if (latest.rating) return fail("LEDGER_ALREADY_RATED");
      return step(item.state);
    }
    case "withdraw":
      return step("closed");
    case "import": {
      const problem = importProblem(action);
      return problem === null ? step(action.state) : fail("VALIDATION", [problem]);
    }
  }
}

/** The item after `step` (a step decideLedger returned, or one read back from the store). */
export function applyStep(item: LedgerItemState, step: LedgerStep): LedgerItemState {
  const { action } = step;
  const next: LedgerItemState = { ...item, state: step.to };
  switch (action.type) {
    case "assign":
      return { ...next, lead: action.lead, partners: action.partners, deadline: action.deadline, instructions: action.instructions };
    case "reply":
      return {
        ...next,
        replies: [
          ...item.replies,
          { text: action.text, outcome: action.outcome, attachments: action.attachments, at: step.at, byName: step.by.name, rating: null },
        ],
      };
    case "resolveLocally":
      // The community's own answer: a reply like a department's, so the resident reads and rates it.
      return {
        ...next,
        replies: [...item.replies, { text: action.text, outcome: "adopted", attachments: [], at: step.at, byName: step.by.name, rating: null }],
      };
    case "rate":
      return {
        ...next,
        replies: item.replies.map((r, i) =>
          i === item.replies.length - 1 ? { ...r, rating: { rating: action.rating, comment: action.comment, at: step.at } } : r,
        ),
      };
    case "supervise":
      return { ...next, supervisions: item.supervisions + 1 };
    case "import": {
      const { reply } = action;
      const replies = reply
        ? [
            {
              text: reply.text,
              outcome: reply.outcome,
              attachments: [],
              at: step.at,
              byName: reply.byName,
              rating: reply.rating ? { rating: reply.rating, comment: "", at: step.at } : null,
            },
          ]
        : [];
      return { ...next, lead: action.lead, partners: action.partners, deadline: action.deadline, replies };
    }
    default:
      return next;
  }
}
