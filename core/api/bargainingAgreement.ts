// The agreement after a bargaining session over HTTP (docs/bargaining.md "Agreement, vote and
// filing", docs/api.md "Bargaining agreements"): versions of the draft 工资专项集体合同 (generated from
// the meeting's agreed clauses, then edited), the vote of the 职工代表大会 (a closed poll, tested
// against §36), the chiefs' signatures, the filing (§42) and the authority's review (§47).
import { z } from "zod";
import { SideSchema } from "../bargaining/schema.ts";
import { AGREEMENT_STATES } from "../bargaining/agreement.ts";
import { isCalendarDate } from "../ledger/deadline.ts";
import { Id, IsoTime } from "./common.ts";

/** A day in China time, written YYYY-MM-DD. */
const CalendarDate = z.string().refine(isCalendarDate, { message: "a date written YYYY-MM-DD" });
const Text = (max: number) => z.string().trim().min(1).max(max);

export const AgreementContentSchema = z.strictObject({
  title: Text(100),
  enterprise: Text(100),
  union: Text(100),
  preamble: z.string().trim().max(5000),
  articles: z
    .array(z.strictObject({ clauseId: Id, title: Text(100), text: Text(5000) }))
    .min(1)
    .max(60),
  term: Text(2000),
  chiefs: z.strictObject({ worker: z.string().trim().max(50), enterprise: z.string().trim().max(50) }),
});

/** A save: `generate: true` drafts from the meeting's agreed clauses; otherwise the edited content. Based on `baseVersion` (0: none yet). */
export const AgreementSaveBody = z
  .strictObject({
    baseVersion: z.number().int().min(0),
    generate: z.literal(true).optional(),
    content: AgreementContentSchema.optional(),
    /** 修改说明. */
    note: z.string().trim().max(500).optional(),
  })
  .refine((b) => (b.generate === true) !== (b.content !== undefined), { message: "either generate: true or content" });

export const AgreementVersionParams = z.object({
  id: Id,
  n: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, "a version number")
    .transform(Number),
});

/** `?meetingId=`: the meeting whose closed polls are listed (default: the bargaining meeting itself). */
export const AgreementPollsQuery = z.object({ meetingId: Id.optional() });
export const AgreementPollsJson = z.looseObject({
  polls: z.array(z.looseObject({ pollId: z.string(), title: z.string(), closedAt: z.number().nullable(), passed: z.boolean() })),
});

/** The vote: a closed poll of the 职工代表大会 (in this meeting or another one). */
export const AgreementVoteBody = z.strictObject({ meetingId: Id, pollId: Id });

/** A chief's signature, recorded by the staff: the side, the date, and the name if not the chief in the draft. */
export const AgreementSignBody = z.strictObject({ side: SideSchema, signedOn: CalendarDate, name: Text(50).optional() });

/**
 * A chief confirms the voted text on their own meeting screen (join token): the side they sign
 * for (their own), the version and the confirmation code they were shown (确认码 of that text).
 */
export const ChiefConfirmationBody = z.strictObject({
  side: SideSchema,
  version: z.number().int().min(1),
  code: z.string().trim().min(1).max(20),
});

/** 报送 (§42): the day the enterprise sent the text, and the day the authority received it if known. */
export const AgreementFilingBody = z.strictObject({ filedOn: CalendarDate, receivedOn: CalendarDate.optional() });
export const AgreementReceiptBody = z.strictObject({ receivedOn: CalendarDate });

/** The authority's answer (§47): an objection needs its content. */
export const AgreementReviewBody = z
  .strictObject({ outcome: z.enum(["objection", "noObjection"]), on: CalendarDate, note: z.string().trim().max(2000).optional() })
  .refine((b) => b.outcome !== "objection" || Boolean(b.note), { message: "an objection needs its content", path: ["note"] });

// Answers

const Article = z.looseObject({ clauseId: z.string(), title: z.string(), text: z.string() });
export const AgreementContentJson = z.looseObject({
  title: z.string(),
  enterprise: z.string(),
  union: z.string(),
  preamble: z.string(),
  articles: z.array(Article),
  term: z.string(),
  chiefs: z.looseObject({ worker: z.string(), enterprise: z.string() }),
});

export const AgreementVersionMeta = z.looseObject({
  number: z.number(),
  source: z.enum(["generated", "edited"]),
  note: z.string().nullable(),
  authorName: z.string(),
  createdAt: IsoTime,
});
export type AgreementVersionMeta = z.infer<typeof AgreementVersionMeta>;
export const AgreementVersionJson = AgreementVersionMeta.extend({ content: AgreementContentJson });
export type AgreementVersionJson = z.infer<typeof AgreementVersionJson>;

const SignatureJson = z
  .looseObject({ name: z.string(), signedOn: z.string(), recordedByName: z.string(), via: z.enum(["chief", "staff"]), at: z.string().nullable() })
  .nullable();
const Test = z.looseObject({ amount: z.number(), needed: z.number(), met: z.boolean() });

export const AgreementJson = z.looseObject({
  meetingId: z.string(),
  meetingTitle: z.string(),
  versions: z.array(AgreementVersionMeta),
  vote: z
    .looseObject({
      meetingId: z.string(),
      meetingTitle: z.string(),
      pollId: z.string(),
      title: z.string(),
      version: z.number(),
      entitled: z.number(),
      present: z.number(),
      cast: z.number(),
      yes: z.number(),
      no: z.number(),
      abstain: z.number(),
      rule: z.string(),
      pollPassed: z.boolean(),
      votedOn: z.string(),
      article36: z.looseObject({ present: Test, yes: Test, passed: z.boolean() }),
      /** The confirmation code of the version voted on (null if that version is missing). */
      code: z.string().nullable(),
    })
    .nullable(),
  signatures: z.looseObject({ worker: SignatureJson, enterprise: SignatureJson }),
  filedOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  review: z.looseObject({ outcome: z.enum(["objection", "noObjection"]), on: z.string(), note: z.string().nullable() }).nullable(),
  status: z.looseObject({
    state: z.enum(AGREEMENT_STATES),
    signedOn: z.string().nullable(),
    filingDue: z.string().nullable(),
    reviewEnds: z.string().nullable(),
    effectiveOn: z.string().nullable(),
    daysLeft: z.number().nullable(),
    filedLate: z.boolean(),
  }),
});
export type AgreementJson = z.infer<typeof AgreementJson>;

/** GET /api/bargaining/agreements: every meeting with a draft, its state and the reminder due, if any. */
export const AgreementListJson = z.looseObject({
  agreements: z.array(
    z.looseObject({
      meetingId: z.string(),
      meetingTitle: z.string(),
      title: z.string(),
      state: z.enum(AGREEMENT_STATES),
      reminder: z.looseObject({ kind: z.enum(["filing", "review"]), due: z.string(), daysLeft: z.number(), overdue: z.boolean() }).nullable(),
    }),
  ),
});
export type AgreementListJson = z.infer<typeof AgreementListJson>;

/**
 * GET/POST /api/meetings/:id/agreement/confirmation: what a chief sees on their own screen — their
 * side and name, the agreement's state, and once the vote passed (§36) the voted version's full
 * text with its confirmation code; both sides' signatures.
 */
export const ChiefConfirmationJson = z.looseObject({
  meetingId: z.string(),
  side: SideSchema,
  name: z.string(),
  state: z.enum(AGREEMENT_STATES),
  /** The voted text (null before a vote that passed §36). */
  voted: z
    .looseObject({
      version: z.number(),
      code: z.string(),
      votedOn: z.string(),
      content: AgreementContentJson,
    })
    .nullable(),
  signatures: z.looseObject({ worker: SignatureJson, enterprise: SignatureJson }),
  signedOn: z.string().nullable(),
  filingDue: z.string().nullable(),
});
export type ChiefConfirmationJson = z.infer<typeof ChiefConfirmationJson>;
