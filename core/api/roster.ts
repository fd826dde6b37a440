// The roster over HTTP (docs/api.md, "Roster and links"): people on a meeting's roster, the
// roster import's row reports, the sort orders.
import { z } from "zod";
import { Role } from "../roles.ts";
import { Bilingual, Id } from "./common.ts";

/** Digits, "+", "-" and spaces; 5–20 characters, at least 5 of them digits (landlines with
 *  area code, mobiles, +86 …). */
export const PHONE_PATTERN = /^(?=(?:\D*\d){5})[0-9+\- ]{5,20}$/;

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** The largest vote weight (表决权重) a participant may have. */
export const MAX_VOTE_WEIGHT = 1_000_000;
/** Decimal places a vote weight may have (e.g. an area of 89.1234 m²). */
export const VOTE_WEIGHT_DECIMALS = 4;

/** True when `value` is a number written with at most VOTE_WEIGHT_DECIMALS decimals. */
export const hasWeightDecimals = (value: number): boolean => {
  const scale = 10 ** VOTE_WEIGHT_DECIMALS;
  return Math.round(value * scale) / scale === value;
};

/** 表决权重: positive, at most 4 decimals, at most 1,000,000. */
export const VoteWeight = z
  .number()
  .positive()
  .max(MAX_VOTE_WEIGHT)
  .refine(hasWeightDecimals, { message: `at most ${VOTE_WEIGHT_DECIMALS} decimals` });

export const PARTICIPANT_ROLES = Role.options;
export type ParticipantRole = Role;
export const SIDES = ["worker", "enterprise"] as const;

/** One person on a meeting's roster, as entered by hand or imported from a file. */
export const ParticipantInput = z.object({
  name: z.string().trim().min(1).max(50),
  role: Role,
  /** 界别 */
  sector: optionalText(50),
  /** 党派 */
  party: optionalText(50),
  /** 单位及职务 */
  unit: optionalText(200),
  phone: z.string().trim().regex(PHONE_PATTERN).optional(),
  email: z.email().max(254).optional(),
  /** Bargaining meetings: 职工方 worker / 企业方 enterprise. */
  side: z.enum(SIDES).optional(),
  /** Bargaining meetings: 首席代表. */
  chief: z.boolean().optional(),
  /** Community meetings: 楼栋/单元/户号 as one label, e.g. "1号楼1单元203". */
  household: optionalText(100),
  /** 表决权重 in weighted polls (e.g. 专有部分面积); absent counts as 1. */
  voteWeight: VoteWeight.optional(),
  accountId: z.string().min(1).optional(),
});
export type ParticipantInput = z.infer<typeof ParticipantInput>;

/** POST /api/meetings/:id/participants. */
export const ParticipantBody = ParticipantInput.strict();
const s = ParticipantInput.shape;
/** PATCH …/participants/:pid: optional fields may be cleared with null. */
export const ParticipantPatch = z.strictObject({
  name: s.name.optional(),
  role: s.role.optional(),
  sector: s.sector.nullable(),
  party: s.party.nullable(),
  unit: s.unit.nullable(),
  phone: s.phone.nullable(),
  email: s.email.nullable(),
  side: s.side.nullable(),
  chief: s.chief,
  household: s.household.nullable(),
  voteWeight: s.voteWeight.nullable(),
  accountId: s.accountId.nullable(),
});
export type ParticipantPatch = z.infer<typeof ParticipantPatch>;
/** What the admin app sends: the input with optional fields possibly null. */
export type ParticipantFields = z.input<typeof ParticipantPatch> & Pick<ParticipantInput, "name" | "role">;

export const ROSTER_SORTS = ["roster", "pinyin", "stroke"] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];
export const SortQuery = z.object({ sort: z.enum(ROSTER_SORTS).default("roster") });
export const ParticipantParams = z.object({ id: Id, pid: Id });
export const ExportQuery = z.object({ format: z.enum(["csv", "xlsx"]).default("csv"), sort: z.enum(ROSTER_SORTS).default("roster") });

/** A person on the roster as the API shows them (absent fields as null). */
export const Participant = z.looseObject({
  id: Id,
  ordinal: z.number(),
  name: z.string(),
  role: Role,
  sector: z.string().nullable(),
  party: z.string().nullable(),
  unit: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  side: z.enum(SIDES).nullable(),
  chief: z.boolean(),
  household: z.string().nullable(),
  voteWeight: z.number().nullable(),
  accountId: z.string().nullable(),
  linkRevoked: z.boolean(),
});
export type Participant = z.infer<typeof Participant>;

/** One problem (or, `warning: true`, one thing to confirm) of a roster import, by row (0: the file). */
export const RowReport = z.object({
  row: z.number(),
  field: z.string().optional(),
  code: z.string(),
  message: Bilingual,
  warning: z.literal(true).optional(),
});
export type RowReport = z.infer<typeof RowReport>;

export const ParticipantsResponse = z.object({ participants: z.array(Participant) });
export const ParticipantResponse = z.object({ participant: Participant });
export const ImportResponse = z.looseObject({ imported: z.number(), dryRun: z.boolean(), report: z.array(RowReport) });
export type ImportResult = z.infer<typeof ImportResponse>;
