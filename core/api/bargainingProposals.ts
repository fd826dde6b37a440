// The workers' proposals over HTTP (docs/bargaining.md "Proposals", docs/api.md "Bargaining
// proposals"): the union's 征集 (collections) with their questions and counts, the 征集表 a worker
// fills in through the public link without an account (or the union types in from paper), and the
// numbered 协商提案 merged from the forms, which the bargaining session takes as clauses.
import { z } from "zod";
import { FORM_SOURCES, MAX_ANSWER_TEXT, MAX_OPTIONS, MAX_QUESTIONS, MAX_SUGGESTION, QUESTION_KINDS, type ProposalQuestion } from "../bargaining/proposals.ts";
import { Id, IsoTime } from "./common.ts";

const Text = (max: number) => z.string().trim().min(1).max(max);
const Count = z.number().int().min(0).max(100_000);

export const QuestionInput = z.strictObject({
  kind: z.enum(QUESTION_KINDS),
  text: Text(200),
  options: z.array(Text(60)).max(MAX_OPTIONS).default([]),
  multiple: z.boolean().default(false),
});

const CollectionFields = {
  title: Text(80),
  questions: z.array(QuestionInput).max(MAX_QUESTIONS),
  /** 发放: forms handed out */
  handedOut: Count,
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  /** The bargaining meeting the proposals are for (optional) */
  meetingId: Id.nullish(),
};
const periodOrdered = (c: { opensAt?: string; closesAt?: string }) =>
  c.opensAt === undefined || c.closesAt === undefined || Date.parse(c.opensAt) < Date.parse(c.closesAt);
const PERIOD = { message: "closesAt must be after opensAt", path: ["closesAt"] };

export const NewCollection = z.strictObject(CollectionFields).refine(periodOrdered, PERIOD);
export type NewCollection = z.input<typeof NewCollection>;
export type NewCollectionBody = z.output<typeof NewCollection>;
/** Any of the fields, and the paper forms counted back without being typed in; the questions only while no form is back. */
export const CollectionEdit = z
  .strictObject({ ...CollectionFields, paperCounted: Count })
  .partial()
  .refine(periodOrdered, PERIOD);
export type CollectionEdit = z.input<typeof CollectionEdit>;
export type CollectionEditBody = z.output<typeof CollectionEdit>;

export const CollectionListQuery = z.object({ meetingId: Id.optional() });

const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v ?? "");

/** A filled-in 征集表: answers keyed by question id, the free suggestion, who (optional) or anonymous. */
export const FormInput = z
  .strictObject({
    answers: z.record(z.string().max(8), z.union([z.string().max(MAX_ANSWER_TEXT * 2), z.array(z.string().max(60)).max(MAX_OPTIONS)])).default({}),
    /** 意见建议 */
    suggestion: Optional(MAX_SUGGESTION),
    name: Optional(40),
    /** 部门/车间 */
    department: Optional(60),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^[0-9+\- ]*$/, "digits only")
      .optional()
      .transform((v) => v ?? ""),
    anonymous: z.boolean().default(false),
  })
  .refine((f) => !f.anonymous || (f.name === "" && f.department === "" && f.phone === ""), {
    message: "an anonymous form has no name, department or phone",
    path: ["anonymous"],
  });
export type FormInput = z.input<typeof FormInput>;
export type FormBody = z.output<typeof FormInput>;

/** A 协商提案: its title and text, the forms it merges, workers on paper forms not typed in. */
export const ProposalInput = z.strictObject({
  title: Text(80),
  text: z.string().trim().max(4000).default(""),
  formIds: z.array(Id).max(5000).default([]),
  extraWorkers: Count.default(0),
});
export type ProposalInput = z.input<typeof ProposalInput>;
export type ProposalBody = z.output<typeof ProposalInput>;
export const ProposalEdit = z.strictObject(ProposalInput.shape).partial();
export type ProposalEdit = z.input<typeof ProposalEdit>;
export type ProposalEditBody = z.output<typeof ProposalEdit>;

export const CollectionParams = z.object({ id: Id });
export const ProposalParams = z.object({ id: Id, proposalId: Id });
export const PublicCodeParams = z.object({ publicCode: z.string().min(1).max(64) });

// Answers

export const Question: z.ZodType<ProposalQuestion> = z.looseObject({
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  options: z.array(z.string()),
  multiple: z.boolean(),
});
const Phase = z.enum(["upcoming", "open", "closed"]);

export const Collection = z.looseObject({
  id: Id,
  title: z.string(),
  questions: z.array(Question),
  handedOut: z.number(),
  paperCounted: z.number(),
  opensAt: IsoTime,
  closesAt: IsoTime,
  phase: Phase,
  /** The public link's code: /w/<publicCode> */
  publicCode: z.string(),
  meetingId: z.string().nullable(),
  createdAt: IsoTime,
});
export type Collection = z.infer<typeof Collection>;

export const ReturnedForm = z.looseObject({
  id: Id,
  /** 第n份, in the order they came back */
  number: z.number(),
  source: z.enum(FORM_SOURCES),
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  suggestion: z.string(),
  name: z.string(),
  department: z.string(),
  phone: z.string(),
  anonymous: z.boolean(),
  /** Who typed in a paper form (null: through the link) */
  enteredByName: z.string().nullable(),
  receivedAt: IsoTime,
});
export type ReturnedForm = z.infer<typeof ReturnedForm>;

export const Proposal = z.looseObject({
  id: Id,
  collectionId: Id,
  /** 第n号提案, 1..n */
  number: z.number(),
  title: z.string(),
  text: z.string(),
  formIds: z.array(Id),
  formNumbers: z.array(z.number()),
  extraWorkers: z.number(),
  /** Distinct forms merged + extraWorkers */
  workersCovered: z.number(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Proposal = z.infer<typeof Proposal>;

export const Returns = z.looseObject({
  handedOut: z.number(),
  online: z.number(),
  paperTyped: z.number(),
  paperCounted: z.number(),
  returned: z.number(),
  rate: z.number().nullable(),
  overHandedOut: z.boolean(),
});

export const QuestionSummary = z.union([
  z.looseObject({
    questionId: z.string(),
    kind: z.literal("choice"),
    text: z.string(),
    answered: z.number(),
    counts: z.array(z.looseObject({ option: z.string(), count: z.number() })),
  }),
  z.looseObject({
    questionId: z.string(),
    kind: z.literal("text"),
    text: z.string(),
    answered: z.number(),
    texts: z.array(z.looseObject({ formNumber: z.number(), text: z.string() })),
  }),
]);

export const CollectionResponse = z.object({ collection: Collection });
export const CollectionsResponse = z.object({ collections: z.array(Collection.extend({ returns: Returns, proposals: z.number() })) });
/** The union's view: counts, the answers per question, the suggestions, every form and the proposals. */
export const CollectionViewResponse = z.object({
  collection: Collection,
  returns: Returns,
  answers: z.array(QuestionSummary),
  suggestions: z.array(z.looseObject({ formNumber: z.number(), text: z.string() })),
  forms: z.array(ReturnedForm),
  proposals: z.array(Proposal),
  /** Forms in at least one proposal, and the ids of those in none yet */
  merged: z.number(),
  unmerged: z.array(Id),
});
export const ProposalsResponse = z.object({ proposals: z.array(Proposal) });
export const ProposalResponse = z.object({ proposal: Proposal });
export const FormResponse = z.object({ form: ReturnedForm });
/** The collection's public link and its QR code (SVG), for the 征集表 handed out and the workshop notice board. */
export const CollectionLinkResponse = z.object({ url: z.string(), qrSvg: z.string() });

/** What the worker's page shows: no counts, no other worker's form. */
export const PublicCollectionResponse = z.object({
  collection: z.looseObject({ title: z.string(), questions: z.array(Question), opensAt: IsoTime, closesAt: IsoTime, phase: Phase }),
});
/** The worker's acknowledgement: the form's number (第n份), once it is stored. */
export const FormReceivedResponse = z.object({ form: z.looseObject({ number: z.number(), receivedAt: IsoTime }) });
