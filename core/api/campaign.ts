// Consent campaigns (敲门计划) over HTTP (docs/community.md "Consent campaigns", docs/api.md
// "Campaigns"): what the secretariat creates, what a grid worker's phone records, what the
// progress view reads.
import { z } from "zod";
import { ANSWERS, METHODS } from "../campaign/campaign.ts";
import { Id, IsoTime } from "./common.ts";

const Text = (max: number) => z.string().trim().min(1).max(max);

export const Share = z
  .strictObject({ num: z.number().int().min(1).max(1000), den: z.number().int().min(1).max(1000) })
  .refine((s) => s.num <= s.den, { message: "a share is at most 1" });

export const CampaignRule = z.strictObject({
  overall: Share,
  /** building null: every building must reach the share */
  buildings: z
    .array(z.strictObject({ building: z.string().trim().min(1).max(40).nullable(), share: Share }))
    .max(50)
    .default([]),
});

const CampaignFields = {
  title: Text(80),
  question: Text(500),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  rule: CampaignRule,
  ledgerItemId: Id.nullish(),
  meetingId: Id.nullish(),
};
const periodOrdered = (c: { opensAt?: string; closesAt?: string }) =>
  c.opensAt === undefined || c.closesAt === undefined || Date.parse(c.opensAt) < Date.parse(c.closesAt);
const PERIOD = { message: "closesAt must be after opensAt", path: ["closesAt"] };

export const NewCampaign = z.strictObject({ communityId: Id, ...CampaignFields }).refine(periodOrdered, PERIOD);
export type NewCampaign = z.input<typeof NewCampaign>;
/** Edits before the close: any of the fields. */
export const CampaignEdit = z.strictObject(CampaignFields).partial().refine(periodOrdered, PERIOD);
export type CampaignEdit = z.input<typeof CampaignEdit>;

export const CampaignAnswerKind = z.enum(ANSWERS);
export const CampaignMethod = z.enum(METHODS);

/** One recording from a grid worker's phone (maybe queued offline: `clientId` makes replays harmless). */
export const RecordAnswer = z.strictObject({
  clientId: z.uuid(),
  householdId: Id,
  answer: CampaignAnswerKind,
  method: CampaignMethod.exclude(["own_link"]),
  /** 户代表 as they signed; default the household's */
  representative: z.string().trim().max(64).nullish(),
  /** The phone's time of recording (it may reach the server much later) */
  recordedAt: z.iso.datetime({ offset: true }),
});
export type RecordAnswer = z.input<typeof RecordAnswer>;

/** A household answering through its own link (本户链接): the answer and, if it differs, who answers. */
export const OwnLinkAnswer = z.strictObject({
  clientId: z.uuid(),
  answer: CampaignAnswerKind,
  representative: z.string().trim().max(64).nullish(),
});
export type OwnLinkAnswer = z.input<typeof OwnLinkAnswer>;

export const CampaignListQuery = z.object({ communityId: Id.optional() });

// Answers

export const Campaign = z.looseObject({
  id: Id,
  communityId: Id,
  communityName: z.string(),
  title: z.string(),
  question: z.string(),
  opensAt: IsoTime,
  closesAt: IsoTime,
  rule: CampaignRule,
  ledgerItemId: z.string().nullable(),
  meetingId: z.string().nullable(),
  closedAt: IsoTime.nullable(),
  phase: z.enum(["upcoming", "open", "closed"]),
  createdAt: IsoTime,
});
export type Campaign = z.infer<typeof Campaign>;

export const AnswerRecord = z.looseObject({
  householdId: Id,
  answer: CampaignAnswerKind,
  representative: z.string(),
  method: CampaignMethod,
  recordedByName: z.string(),
  recordedAt: IsoTime,
  receivedAt: IsoTime,
  clientId: z.string(),
  hasPhoto: z.boolean(),
});
export type AnswerRecord = z.infer<typeof AnswerRecord>;

/** A household on the door list with its current answer (null: not reached). */
export const Door = z.looseObject({
  id: Id,
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  representative: z.string(),
  current: AnswerRecord.nullable(),
});
export type Door = z.infer<typeof Door>;

const Counts = { households: z.number(), agree: z.number(), disagree: z.number(), undecided: z.number(), notReached: z.number() };
export const ProgressBody = z.looseObject({
  overall: z.looseObject(Counts),
  buildings: z.array(z.looseObject({ building: z.string(), ...Counts, units: z.array(z.looseObject({ unit: z.string(), ...Counts })) })),
  notReached: z.array(z.looseObject({ id: Id, building: z.string(), unit: z.string(), room: z.string(), representative: z.string() })),
  clauses: z.array(
    z.looseObject({
      building: z.string().nullable(),
      share: z.object({ num: z.number(), den: z.number() }),
      agree: z.number(),
      households: z.number(),
      passed: z.boolean(),
    }),
  ),
  passed: z.boolean(),
});
export type ProgressBody = z.infer<typeof ProgressBody>;

export const AnswerChange = z.looseObject({
  householdId: Id,
  clientId: z.string(),
  from: CampaignAnswerKind.nullable(),
  to: CampaignAnswerKind,
  representative: z.string(),
  method: CampaignMethod,
  recordedByName: z.string(),
  recordedAt: IsoTime,
  receivedAt: IsoTime,
  hasPhoto: z.boolean(),
});
export type AnswerChange = z.infer<typeof AnswerChange>;

export const CampaignResponse = z.object({ campaign: Campaign });
export const CampaignsResponse = z.object({ campaigns: z.array(Campaign) });
export const DoorsResponse = z.object({ campaign: Campaign, doors: z.array(Door) });
export const ProgressResponse = z.object({ campaign: Campaign, progress: ProgressBody });
/** `replayed`: the client id was recorded before; nothing changed. */
export const RecordAnswerResponse = z.object({ change: AnswerChange, replayed: z.boolean() });
export const ChangesResponse = z.object({ changes: z.array(AnswerChange) });

const LinkHousehold = z.looseObject({ building: z.string(), unit: z.string(), room: z.string(), representative: z.string() });
/** New own links: one per household, shown once (only their hashes are kept). */
export const LinksResponse = z.object({ links: z.array(LinkHousehold.extend({ householdId: Id, url: z.string() })) });
/** What a household's own link shows: the campaign, the household, its answer so far. */
export const OwnLinkResponse = z.object({
  campaign: z.looseObject({
    title: z.string(),
    question: z.string(),
    communityName: z.string(),
    opensAt: IsoTime,
    closesAt: IsoTime,
    phase: Campaign.shape.phase,
  }),
  household: LinkHousehold,
  current: z.looseObject({ answer: CampaignAnswerKind, method: CampaignMethod, recordedAt: IsoTime }).nullable(),
});
