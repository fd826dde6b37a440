// The mediation agreement over HTTP (docs/mediation.md "Agreement", docs/api.md "Mediation
// agreements"): the staff generate it from the mediation meeting's roster and the case's details,
// edit it as versions, download DOCX/PDF and record a mediator's signature or the referral; each
// party (and mediator) confirms on their own phone with their join link; each party downloads the
// signed copy of their own case.
import { z } from "zod";
import { PARTY_ROLES, REFERRALS } from "../mediation/agreement.ts";
import { isCalendarDate } from "../ledger/deadline.ts";
import { Id, IsoTime } from "./common.ts";

const CalendarDate = z.string().refine(isCalendarDate, { message: "a date written YYYY-MM-DD" });
const Text = (max: number) => z.string().trim().min(1).max(max);

export const PartyRoleSchema = z.enum(PARTY_ROLES);
export const ReferralSchema = z.enum(REFERRALS);

export const MediationAgreementContentSchema = z.strictObject({
  caseNumber: Text(50),
  committee: Text(100),
  parties: z
    .array(
      z.strictObject({
        participantId: Id,
        name: Text(50),
        household: z.string().trim().max(100).nullable(),
        phone: z.string().trim().max(30).nullable(),
        role: PartyRoleSchema,
      }),
    )
    .min(2)
    .max(20),
  facts: Text(5000),
  dispute: z.string().trim().max(5000),
  terms: z.array(Text(2000)).min(1).max(30),
  performance: z.array(z.strictObject({ participantId: Id, how: Text(1000), by: CalendarDate })).max(40),
  mediators: z
    .array(z.strictObject({ participantId: Id, name: Text(50) }))
    .min(1)
    .max(10),
});
export type MediationAgreementContentJson = z.infer<typeof MediationAgreementContentSchema>;

/**
 * What the staff give to generate the first version; parties and mediators come from the meeting's
 * roster. Left out, the number, the facts and each party's role and phone come from the case this
 * meeting is a session of (its parties matched to the roster by the participantId kept when the
 * session was made from the case, else by name and household).
 */
export const MediationAgreementGenerate = z.strictObject({
  caseNumber: Text(50).optional(),
  committee: Text(100),
  /** Each party on the roster (role member) with their role; phone when known. */
  parties: z
    .array(z.strictObject({ participantId: Id, role: PartyRoleSchema, phone: z.string().trim().max(30).nullable().optional() }))
    .min(2)
    .max(20)
    .optional(),
  facts: Text(5000).optional(),
  dispute: z.string().trim().max(5000).default(""),
  terms: z.array(Text(2000)).min(1).max(30),
  performance: z
    .array(z.strictObject({ participantId: Id, how: Text(1000), by: CalendarDate }))
    .max(40)
    .default([]),
});

/** A save: `generate` drafts from the roster and the case's details; otherwise the edited content. */
export const MediationAgreementSaveBody = z
  .strictObject({
    baseVersion: z.number().int().min(0),
    generate: MediationAgreementGenerate.optional(),
    content: MediationAgreementContentSchema.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((b) => (b.generate !== undefined) !== (b.content !== undefined), { message: "either generate or content" });

export const MediationAgreementFileParams = z.object({
  id: Id,
  number: z.coerce.number().int().min(1),
  format: z.enum(["docx", "pdf"]),
});
export const SignedFileParams = z.object({ id: Id, format: z.enum(["docx", "pdf"]) });

/** Largest drawn signature accepted, as base64 of a PNG (about 200 KB of image). */
export const SIGNATURE_PNG_MAX = 280_000;

/** A party's (or mediator's) confirmation on their own phone: the version and code on their screen, the name typed, a drawn signature when the phone allows. */
export const MediationConfirmationBody = z.strictObject({
  version: z.number().int().min(1),
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().max(50).nullable(),
  /** base64 PNG (data URL prefix allowed) of the drawn signature. */
  signaturePng: z.string().max(SIGNATURE_PNG_MAX).nullable().optional(),
});

/** A party's refusal to sign (调解不成), with the reason. */
export const MediationRefusalBody = z.strictObject({ reason: Text(1000) });

/** The staff record the referral after a refusal (引导当事人：诉讼 / 司法所 / 其他). */
export const MediationReferralBody = z.strictObject({ referral: ReferralSchema, note: z.string().trim().max(500).nullable().optional() });

/** The staff record a mediator's signature (the mediator signed on paper or at the staff's desk). */
export const MediatorSignatureBody = z.strictObject({ participantId: Id, version: z.number().int().min(1), code: z.string().trim().min(1).max(20) });

const SignatureJson = z.object({
  participantId: Id,
  kind: z.enum(["party", "mediator"]),
  name: z.string(),
  at: IsoTime,
  drawn: z.boolean(),
  via: z.enum(["link", "staff"]),
});
const RefusalJson = z.object({
  participantId: Id,
  name: z.string(),
  reason: z.string(),
  at: IsoTime,
  referral: ReferralSchema.nullable(),
  referralNote: z.string().nullable(),
});
export const MediationAgreementStateSchema = z.enum(["draft", "signing", "signed", "refused"]);

/** The staff's view: state, the versions, the latest with its code, the signatures on it, the refusal. */
export const MediationAgreementJson = z.object({
  meetingId: Id,
  state: MediationAgreementStateSchema,
  versions: z.array(
    z.object({ number: z.number(), source: z.enum(["generated", "edited"]), note: z.string().nullable(), authorName: z.string(), createdAt: IsoTime }),
  ),
  latest: z.object({ number: z.number(), code: z.string(), content: MediationAgreementContentSchema }).nullable(),
  signatures: z.array(SignatureJson),
  refusal: RefusalJson.nullable(),
});
export type MediationAgreementJson = z.infer<typeof MediationAgreementJson>;

/** A signer's own view on their phone: who they are on the agreement, the text and code, whether they signed. */
export const MediationConfirmationJson = z.object({
  meetingId: Id,
  participantId: Id,
  kind: z.enum(["party", "mediator"]).nullable(),
  /** The signer's label: 张丽（申请人，3栋201）. */
  label: z.string(),
  state: MediationAgreementStateSchema,
  latest: z.object({ number: z.number(), code: z.string(), content: MediationAgreementContentSchema }).nullable(),
  signed: SignatureJson.nullable(),
  signatures: z.array(SignatureJson),
  refusal: RefusalJson.nullable(),
});
export type MediationConfirmationJson = z.infer<typeof MediationConfirmationJson>;
