// Mediation cases (调解案件) over HTTP (docs/mediation.md "Case and follow-up", docs/api.md
// "Mediation cases"): accepted from a typed complaint or from a resident's report (居民点单, a
// ledger item), with the parties (申请人 / 被申请人) and the mediators; the state steps of
// core/mediation/case.ts; the agreement's obligations followed as ledger items with deadlines; the
// return visit (回访) and closing; the list, the statistics and their XLSX export.
import { z } from "zod";
import { isCalendarDate } from "../ledger/deadline.ts";
import { AGREEMENT_FORMS, CASE_CATEGORIES, CASE_STATES, PARTY_ROLES, VISIT_OUTCOMES } from "../mediation/case.ts";
import { Id, IsoTime } from "./common.ts";

const Text = (max: number) => z.string().trim().min(1).max(max);
const CalendarDate = z.string().refine(isCalendarDate, { message: "a date written YYYY-MM-DD" });

// Requests

export const NewParty = z.strictObject({
  name: Text(50),
  /** 住址 / 门牌 (e.g. 3 栋 2 单元 501). */
  household: Text(100),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/, "a phone number"),
  role: z.enum(PARTY_ROLES),
});
export type NewParty = z.input<typeof NewParty>;

export const NewMediator = z.strictObject({
  name: Text(50),
  /** 司法所调解员 · 派出所民警 · 议事会成员 … */
  affiliation: Text(50),
  /** 主持调解员 */
  chief: z.boolean().default(false),
});
export type NewMediator = z.input<typeof NewMediator>;

export const NewMediationCase = z
  .strictObject({
    communityId: Id,
    category: z.enum(CASE_CATEGORIES),
    /** The facts and the claim as first stated (纠纷简要情况). */
    facts: Text(4000),
    /** 受理日期 (YYYY-MM-DD), not after today. */
    acceptedOn: CalendarDate,
    /** The resident's report (居民点单) the case comes from; none for a typed complaint. */
    ledgerItemId: Id.nullish(),
    parties: z.array(NewParty).min(2).max(20),
    mediators: z.array(NewMediator).min(1).max(10),
  })
  .refine((c) => c.parties.some((p) => p.role === "applicant") && c.parties.some((p) => p.role === "respondent"), {
    message: "a case needs an applicant and a respondent",
    path: ["parties"],
  });
export type NewMediationCase = z.input<typeof NewMediationCase>;

/** Links a session (a meeting of kind "mediation") to the case. */
export const LinkMeetingBody = z.strictObject({ meetingId: Id });

/**
 * 新建调解会谈: a new meeting of kind "mediation" made from the case, its roster the case's parties
 * (members, with their households), the 主持调解员 (chair) and the other mediators (officials).
 */
export const NewCaseSession = z.strictObject({
  title: Text(200),
  startsAt: z.iso.datetime({ offset: true }).nullish(),
});
export type NewCaseSession = z.input<typeof NewCaseSession>;

/** The case's steps (core/mediation/case.ts) as the admin records them. */
export const MediationCaseStep = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("start") }),
  z.strictObject({
    type: z.literal("agree"),
    form: z.enum(AGREEMENT_FORMS),
    /** 口头协议: what was agreed, recorded by the mediator (§28); required for an oral agreement. */
    oralRecord: z.string().trim().max(4000).nullish(),
    agreedOn: CalendarDate,
  }),
  z.strictObject({
    type: z.literal("fail"),
    /** Where the parties are told to turn (诉讼、仲裁、行政机关 …) and why it failed. */
    referral: Text(1000),
  }),
  z.strictObject({
    type: z.literal("perform"),
    /** 履行事项: who does what by when; each becomes a ledger item with that deadline. */
    obligations: z
      .array(z.strictObject({ partyId: Id, text: Text(500), deadline: CalendarDate }))
      .min(1)
      .max(30),
  }),
  z.strictObject({ type: z.literal("scheduleVisit"), visitOn: CalendarDate }),
  z.strictObject({
    type: z.literal("recordVisit"),
    outcome: z.enum(VISIT_OUTCOMES),
    visitedOn: CalendarDate,
    note: z.string().trim().max(2000).default(""),
  }),
  z.strictObject({ type: z.literal("close"), closedOn: CalendarDate }),
]);
export type MediationCaseStep = z.input<typeof MediationCaseStep>;

export const MediationCaseQuery = z
  .object({
    state: z.enum(CASE_STATES).optional(),
    category: z.enum(CASE_CATEGORIES).optional(),
    communityId: Id.optional(),
  })
  .strip();

// Answers

export const MediationParty = z.looseObject({
  id: Id,
  name: z.string(),
  household: z.string(),
  phone: z.string(),
  role: z.enum(PARTY_ROLES),
  /** Their roster entry in the last session made from the case (新建调解会谈); null before one. */
  participantId: z.string().nullable(),
});
export type MediationParty = z.infer<typeof MediationParty>;

export const MediationMediator = z.looseObject({
  id: Id,
  name: z.string(),
  affiliation: z.string(),
  chief: z.boolean(),
  /** As a party's participantId. */
  participantId: z.string().nullable(),
});
export type MediationMediator = z.infer<typeof MediationMediator>;

export const MediationObligation = z.looseObject({
  id: Id,
  partyId: Id,
  text: z.string(),
  deadline: z.string(),
  /** The ledger item (台账事项) that follows it through 交办—督办—反馈. */
  ledgerItemId: Id,
  ledgerNumber: z.number(),
});
export type MediationObligation = z.infer<typeof MediationObligation>;

export const ReturnVisit = z.looseObject({
  id: Id,
  visitOn: z.string(),
  outcome: z.enum(VISIT_OUTCOMES).nullable(),
  visitedOn: z.string().nullable(),
  note: z.string(),
  recordedByName: z.string(),
});
export type ReturnVisit = z.infer<typeof ReturnVisit>;

export const MediationCase = z.looseObject({
  id: Id,
  /** （2026）调字第 7 号 */
  number: z.string(),
  communityId: Id,
  category: z.enum(CASE_CATEGORIES),
  facts: z.string(),
  acceptedOn: z.string(),
  source: z.enum(["typed", "intake"]),
  ledgerItemId: z.string().nullable(),
  state: z.enum(CASE_STATES),
  parties: z.array(MediationParty),
  mediators: z.array(MediationMediator),
  /** Sessions: meetings of kind "mediation", in the order they were linked. */
  meetingIds: z.array(Id),
  /** The same sessions with their titles, start times (null: not scheduled) and time zones. */
  sessions: z.array(z.looseObject({ meetingId: Id, title: z.string(), startsAt: IsoTime.nullable(), timeZone: z.string() })),
  agreement: z.looseObject({ form: z.enum(AGREEMENT_FORMS), oralRecord: z.string().nullable(), agreedOn: z.string() }).nullable(),
  referral: z.string().nullable(),
  obligations: z.array(MediationObligation),
  returnVisits: z.array(ReturnVisit),
  closedOn: z.string().nullable(),
  createdByName: z.string(),
  createdAt: IsoTime,
});
export type MediationCase = z.infer<typeof MediationCase>;

export const MediationCaseResponse = z.looseObject({ case: MediationCase });
/** 新建调解会谈's answer: the case with the new session, and the new meeting's id. */
export const NewCaseSessionResponse = z.looseObject({ case: MediationCase, meetingId: Id });
export const MediationCasesResponse = z.looseObject({ cases: z.array(MediationCase) });

/** Counts by category, by outcome, and the days from acceptance to closing of closed cases. */
export const MediationStatistics = z.looseObject({
  total: z.number(),
  byCategory: z.record(z.enum(CASE_CATEGORIES), z.number()),
  byState: z.record(z.enum(CASE_STATES), z.number()),
  /** agreed (written / oral), failed, still open. */
  byOutcome: z.looseObject({ written: z.number(), oral: z.number(), failed: z.number(), open: z.number() }),
  /** Mean days from 受理 to 结案 over closed cases; null when none is closed. */
  meanDaysToClose: z.number().nullable(),
  closed: z.number(),
});
export type MediationStatistics = z.infer<typeof MediationStatistics>;
export const MediationStatisticsResponse = z.looseObject({ statistics: MediationStatistics });
