// The follow-up ledger (台账) over HTTP (docs/ledger.md): the answers' schemas of the items,
// their steps, departments, the import, the dashboard and the reminders. The wire types stay in
// core/ledger/json.ts and core/ledger/report.ts; each schema here is checked against them.
import { z } from "zod";
import { InterjectionOutcomeSchema } from "../interjection/schema.ts";
import { isCalendarDate } from "../ledger/deadline.ts";
import { LedgerAction, LEDGER_ORIGINS, LEDGER_SOURCES, LEDGER_STATES, RATINGS, REPLY_OUTCOMES, type Reply } from "../ledger/item.ts";
import type { Department as DepartmentJson, LedgerImportResult, LedgerItemJson, LedgerStepJson } from "../ledger/json.ts";
import type { DepartmentReminder, LedgerDashboard } from "../ledger/report.ts";
import { LEDGER_FORM_KINDS, type LedgerFormJson } from "../ledger/forms.ts";
import { Id } from "./common.ts";
import { RowReport } from "./roster.ts";

// Requests

const DepartmentName = z.string().trim().min(1).max(80);
export const NewDepartment = z.strictObject({ name: DepartmentName });
export const DepartmentPatch = z.strictObject({ name: DepartmentName.optional(), disabled: z.boolean().optional() });

const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === "" || v === undefined ? null : v));

/** An item entered by staff (接待日, 热线, 其他). */
export const NewLedgerItem = z.strictObject({
  source: z.enum(["listeningDay", "hotline", "other"]),
  raisedOn: z.string().refine(isCalendarDate, "expected a date YYYY-MM-DD"),
  raisedByName: z.string().trim().min(1).max(64),
  sector: Optional(64),
  contact: Optional(64),
  title: z.string().trim().min(1).max(100),
  text: z.string().trim().max(4000),
  topic: z.string().trim().max(40).optional(),
  suggestedDepartment: z.string().trim().max(80).optional(),
  /** The community whose listening day (接待日) or hotline received it. */
  communityId: Id.optional(),
});
export type NewLedgerItemInput = z.input<typeof NewLedgerItem>;

/** POST /api/ledger/items/:id/actions: the action taken on the version the actor saw. */
export const ActionBody = z.strictObject({ baseVersion: z.number().int().min(0), action: LedgerAction });
/** The member rates the latest reply to their suggestion. */
export const RatingParams = z.object({ id: Id, itemId: Id });
export const RatingBody = z.strictObject({ baseVersion: z.number().int().min(0), rating: z.enum(RATINGS), comment: z.string().trim().max(1000).default("") });

/** A ledger item's 序号 as a query value (digits, no leading zero). */
export const LEDGER_NUMBER_PATTERN = /^[1-9]\d{0,8}$/;

/** The query string; every field optional, an empty value is the same as none. */
export const LedgerFilterQuery = z
  .object({
    /** The item with this 序号 (none when no item has it): the lookup by number. */
    number: z.string().regex(LEDGER_NUMBER_PATTERN, "expected a ledger number (序号)").optional(),
    state: z.enum(LEDGER_STATES).optional(),
    departmentId: Id.optional(),
    sector: z.string().trim().max(64).optional(),
    meetingId: Id.optional(),
    /** raisedOn's month */
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/, "expected YYYY-MM")
      .refine((m) => isCalendarDate(`${m}-01`), "expected YYYY-MM")
      .optional(),
    flag: z.enum(["overdue", "dueSoon"]).optional(),
    source: z.enum(LEDGER_SOURCES).optional(),
    /** 意见建议 or 议定事项 */
    origin: z.enum(LEDGER_ORIGINS).optional(),
    /** Words of the title, the text or the name of who raised it. */
    q: z.string().trim().max(100).optional(),
  })
  .strip();

// Answers

const State = z.enum(LEDGER_STATES);
const count = z.number();

export const Department: z.ZodType<DepartmentJson> = z.looseObject({ id: Id, name: z.string(), disabled: z.boolean() });

const ReplySchema: z.ZodType<Reply> = z.looseObject({
  text: z.string(),
  outcome: z.enum(REPLY_OUTCOMES),
  attachments: z.array(z.looseObject({ id: Id, name: z.string() })),
  at: z.number(),
  byName: z.string(),
  rating: z.looseObject({ rating: z.enum(RATINGS), comment: z.string(), at: z.number() }).nullable(),
});

export const LedgerItem: z.ZodType<LedgerItemJson> = z.looseObject({
  id: Id,
  number: z.number(),
  source: z.enum(LEDGER_SOURCES),
  origin: z.enum(LEDGER_ORIGINS),
  sourceNote: z.string().nullable(),
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  suggestionId: z.string().nullable(),
  decisionId: z.string().nullable(),
  agendaItemTitle: z.string().nullable(),
  entryKey: z.string().nullable(),
  raisedByName: z.string(),
  sector: z.string().nullable(),
  contact: z.string().nullable(),
  raisedOn: z.string(),
  title: z.string(),
  text: z.string(),
  topic: z.string(),
  suggestedDepartment: z.string(),
  liveResponses: z.array(z.looseObject({ name: z.string(), unit: z.string().nullable(), outcome: InterjectionOutcomeSchema.nullable(), point: z.string() })),
  state: State,
  lead: Department.nullable(),
  partners: z.array(Department),
  deadline: z.string().nullable(),
  instructions: z.string(),
  assignedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  replies: z.array(ReplySchema),
  supervisions: z.number(),
  communityId: z.string().nullable(),
  anonymous: z.boolean(),
  location: z.string(),
  photos: z.array(z.looseObject({ id: Id, name: z.string() })),
  councilMeetingId: z.string().nullable(),
  flag: z.enum(["overdue", "dueSoon"]).nullable(),
  version: z.number(),
  createdAt: z.string(),
});

/** A recorded action: its kind is checked here; its fields were checked by LedgerAction when it was taken. */
const RecordedAction = z.custom<LedgerAction>((v) => typeof v === "object" && v !== null && typeof (v as { type?: unknown }).type === "string");

export const LedgerStep: z.ZodType<LedgerStepJson> = z.looseObject({
  seq: z.number(),
  action: RecordedAction,
  byRole: z.enum(["secretariat", "department", "member", "resident", "system"]),
  byName: z.string(),
  at: z.string(),
  from: State,
  to: State,
});

export const ItemsResponse = z.object({ items: z.array(LedgerItem) });
export const ItemResponse = z.object({ item: LedgerItem });
/** An issued 交办单 or 反馈单 as the item lists it. */
export const LedgerForm: z.ZodType<LedgerFormJson> = z.looseObject({
  id: Id,
  kind: z.enum(LEDGER_FORM_KINDS),
  number: z.string(),
  date: z.string(),
  createdAt: z.string(),
});

export const ItemWithStepsResponse = z.object({ item: LedgerItem, steps: z.array(LedgerStep), forms: z.array(LedgerForm) });
export const ActionResponse = z.object({ item: LedgerItem, step: LedgerStep });
export const AttachmentResponse = z.object({ attachment: z.looseObject({ id: Id, name: z.string() }) });
export const DepartmentsResponse = z.object({ departments: z.array(Department) });
export const DepartmentResponse = z.object({ department: Department });

export const ImportResponse: z.ZodType<LedgerImportResult> = z.looseObject({
  dryRun: z.boolean(),
  imported: count,
  refused: count,
  rows: z.array(
    z.looseObject({ row: z.number(), status: z.enum(["taken", "refused"]), title: z.string(), state: State.nullable(), number: z.number().nullable() }),
  ),
  report: z.array(RowReport),
});

const byKey = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);

export const DashboardResponse: z.ZodType<LedgerDashboard> = z.looseObject({
  total: count,
  byState: byKey(LEDGER_STATES),
  overdue: count,
  dueSoon: count,
  byDepartment: z.array(z.looseObject({ id: z.string(), name: z.string(), total: count, open: count, overdue: count, answered: count })),
  bySector: z.array(z.looseObject({ sector: z.string(), total: count })),
  byMeeting: z.array(z.looseObject({ meetingId: z.string().nullable(), source: z.enum(LEDGER_SOURCES), title: z.string(), total: count })),
  byMonth: z.array(z.looseObject({ month: z.string(), raised: count, closed: count })),
  ratings: byKey(RATINGS),
});

const Reminder: z.ZodType<DepartmentReminder> = z.looseObject({ department: Department, overdue: z.array(LedgerItem), dueSoon: z.array(LedgerItem) });
export const RemindersResponse = z.object({
  departments: z.array(Reminder),
});
