// Requests to bargain (要约书, 《集体合同规定》§32) over HTTP (docs/bargaining.md "Request and
// delegations", docs/api.md "Bargaining requests"): one side asks the other in writing to bargain
// over wages; the other answers in writing within 20 days of the sending. Dates are calendar days in
// China time (YYYY-MM-DD); the deadline and its state are computed here, the server passes its clock.
import { z } from "zod";
import { SideSchema } from "../bargaining/schema.ts";
import { chinaDate, daysBetween, isCalendarDate } from "../ledger/deadline.ts";
import { Id, IsoTime } from "./common.ts";

/** §32: the other side answers in writing within 20 days of receiving the request. */
export const REPLY_DAYS = 20;

export const REPLY_ANSWERS = ["accepted", "declined"] as const;
export type ReplyAnswer = (typeof REPLY_ANSWERS)[number];

const Text = (max: number) => z.string().trim().min(1).max(max);
export const CalendarDate = z.string().refine(isCalendarDate, { message: "a date written YYYY-MM-DD" });

export const NewBargainingRequest = z.strictObject({
  /** The requesting side: 职工方 (the union) or 企业方. */
  side: SideSchema,
  enterpriseName: Text(100),
  unionName: Text(100),
  /** 协商事项, in order (工资调整幅度, 最低工资标准 …). */
  topics: z.array(Text(200)).min(1).max(30),
  /** The proposed time of the first session. */
  proposedAt: z.iso.datetime({ offset: true }),
  proposedPlace: Text(200),
  /** Who signs for the requesting side (e.g. the union chair, the general manager). */
  requestedBy: Text(50),
  /** 联系人及电话. */
  contact: Text(100),
  /** The sending date (YYYY-MM-DD): not after today. */
  sentOn: CalendarDate,
  /** The bargaining meeting it leads to, if any (a meeting of kind "bargaining"). */
  meetingId: Id.nullish(),
});
export type NewBargainingRequest = z.input<typeof NewBargainingRequest>;

export const BargainingReplyInput = z
  .strictObject({
    answer: z.enum(REPLY_ANSWERS),
    /** Why the other side declines: required then. */
    reason: z.string().trim().max(1000).nullish(),
    /** The reply's date (YYYY-MM-DD): not before the sending, not after today. */
    repliedOn: CalendarDate,
    /** Who answered for the other side. */
    repliedBy: Text(50),
  })
  .refine((r) => r.answer !== "declined" || Boolean(r.reason), { message: "a declined request needs the reason", path: ["reason"] });
export type BargainingReplyInput = z.input<typeof BargainingReplyInput>;

/** The reply deadline: the sending date + 20 days. */
export const replyDeadline = (sentOn: string): string => chinaDate(Date.parse(`${sentOn}T12:00:00+08:00`) + REPLY_DAYS * 86_400_000);

/** waiting: no reply yet, the deadline not passed · overdue: no reply after it · answered (on time or late). */
export type DeadlineState = "waiting" | "overdue" | "answered";

/** The deadline, its state at `now` and the days left (negative: days overdue; null once answered). */
export function deadlineOf(
  sentOn: string,
  repliedOn: string | null,
  now: number,
): { deadline: string; state: DeadlineState; daysLeft: number | null; late: boolean } {
  const deadline = replyDeadline(sentOn);
  if (repliedOn !== null) return { deadline, state: "answered", daysLeft: null, late: repliedOn > deadline };
  const daysLeft = daysBetween(chinaDate(now), deadline);
  return { deadline, state: daysLeft < 0 ? "overdue" : "waiting", daysLeft, late: false };
}

/** The requesting party's and the addressee's names: the union asks the enterprise, or the other way round. */
export const parties = (request: { side: "worker" | "enterprise"; enterpriseName: string; unionName: string }): { requester: string; addressee: string } =>
  request.side === "worker"
    ? { requester: request.unionName, addressee: request.enterpriseName }
    : { requester: request.enterpriseName, addressee: request.unionName };

// Answers

export const BargainingReply = z.looseObject({
  answer: z.enum(REPLY_ANSWERS),
  reason: z.string().nullable(),
  repliedOn: z.string(),
  repliedBy: z.string(),
  /** Recorded after the deadline (the reply stands, marked late). */
  late: z.boolean(),
  recordedByName: z.string(),
  recordedAt: IsoTime,
});
export type BargainingReply = z.infer<typeof BargainingReply>;

export const BargainingRequest = z.looseObject({
  id: Id,
  side: SideSchema,
  enterpriseName: z.string(),
  unionName: z.string(),
  topics: z.array(z.string()),
  proposedAt: IsoTime,
  proposedPlace: z.string(),
  requestedBy: z.string(),
  contact: z.string(),
  sentOn: z.string(),
  meetingId: z.string().nullable(),
  /** sentOn + 20 days. */
  replyDeadline: z.string(),
  deadlineState: z.enum(["waiting", "overdue", "answered"]),
  /** Days to the deadline (0: today; negative: overdue); null once answered. */
  daysLeft: z.number().nullable(),
  reply: BargainingReply.nullable(),
  createdByName: z.string(),
  createdAt: IsoTime,
});
export type BargainingRequest = z.infer<typeof BargainingRequest>;

export const BargainingRequestResponse = z.looseObject({ request: BargainingRequest });
export const BargainingRequestsResponse = z.looseObject({ requests: z.array(BargainingRequest) });
