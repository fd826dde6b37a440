// Retention of recordings and uploads (保留策略) over HTTP (docs/api.md#retention-保留策略): the
// organisers' policy, what it deletes and when, and the record of every deletion.
import { z } from "zod";
import { IsoTime } from "./common.ts";

/** Ten years: the longest period a policy may name. */
export const RETENTION_MAX_DAYS = 3650;

/** Days after the minutes' approval (定稿); null keeps the files for good. */
const Days = z.number().int().min(0).max(RETENTION_MAX_DAYS).nullable();

/** `PUT /api/retention` and `POST /api/retention/preview`. */
export const RetentionPolicyInput = z.strictObject({ recordingsDays: Days, materialsDays: Days });
export type RetentionPolicyInput = z.infer<typeof RetentionPolicyInput>;

export const RetentionPolicy = z.looseObject({
  recordingsDays: z.number().nullable(),
  materialsDays: z.number().nullable(),
  /** Null while nobody has set a policy (everything is kept). */
  updatedAt: IsoTime.nullable(),
  updatedByName: z.string().nullable(),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const FileCount = z.object({ count: z.number(), bytes: z.number() });
export type FileCount = z.infer<typeof FileCount>;

/** Files of some meetings: what is due now, or what a sweep deleted. */
export const RetentionTotals = z.object({ meetings: z.number(), recordings: FileCount, materials: FileCount });
export type RetentionTotals = z.infer<typeof RetentionTotals>;

/** A meeting whose files the policy will delete later (its minutes approved, the period running). */
export const RetentionUpcoming = z.looseObject({
  meetingId: z.string(),
  meetingTitle: z.string(),
  approvedAt: IsoTime,
  /** When its recordings go (null: the policy keeps them, or none are left). */
  recordingsAt: IsoTime.nullable(),
  materialsAt: IsoTime.nullable(),
  recordings: FileCount,
  materials: FileCount,
});
export type RetentionUpcoming = z.infer<typeof RetentionUpcoming>;

export const RETENTION_KINDS = ["recording", "material"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** One deleted file, recorded in the same transaction that removed it from the meeting. */
export const RetentionDeletion = z.looseObject({
  id: z.string(),
  deletedAt: IsoTime,
  meetingId: z.string(),
  meetingTitle: z.string(),
  kind: z.enum(RETENTION_KINDS),
  /** A material's file name; a recording's speaker (the roster's name). */
  name: z.string(),
  /** A recording's part (1, 2 …); null for a material. */
  part: z.number().nullable(),
  bytes: z.number(),
  /** The policy's period that made it due, and the approval it counted from. */
  days: z.number(),
  approvedAt: IsoTime,
});
export type RetentionDeletion = z.infer<typeof RetentionDeletion>;

/** `GET /api/retention`. */
export const RetentionResponse = z.object({
  policy: RetentionPolicy,
  /** What the next sweep deletes under the saved policy. */
  due: RetentionTotals,
  /** The next meetings whose files go, soonest first (at most 50). */
  upcoming: z.array(RetentionUpcoming),
  /** The newest deletions first (at most 200). */
  deletions: z.array(RetentionDeletion),
  /** The last sweep of this server or any other (null: none yet). */
  lastSweepAt: IsoTime.nullable(),
});
export type RetentionResponse = z.infer<typeof RetentionResponse>;

/** `POST /api/retention/preview`: what a proposed policy would delete at once. */
export const RetentionPreviewResponse = z.object({ due: RetentionTotals });
export type RetentionPreviewResponse = z.infer<typeof RetentionPreviewResponse>;

/** `POST /api/retention/sweep`: what the sweep run now deleted. */
export const RetentionSweepResponse = z.object({ deleted: RetentionTotals });
export type RetentionSweepResponse = z.infer<typeof RetentionSweepResponse>;
