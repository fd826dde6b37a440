// Saved versions of the minutes (会议纪要 第n稿) over HTTP (docs/api.md#minutes-versions).
import { z } from "zod";
import { BlocksSchema } from "../minutes/blockSchema.ts";
import type { Block } from "../minutes/blocks.ts";
import { Id, IsoTime } from "./common.ts";

/** The draft's `?recorder=…` (记录人, default: the clerks on the roster) and `?distribution=…` (分送, repeatable). */
export const MinutesQuery = z.object({
  recorder: z.string().trim().min(1).max(40).optional(),
  distribution: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().trim().min(1).max(80)).max(50))
    .optional(),
});

export const VersionParams = z.object({
  id: Id,
  n: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, "a version number")
    .transform(Number),
});

/** What a save sends: the blocks edited from `baseVersion`, or `generate: true` to draft from the record. */
export const SaveBody = z
  .object({
    baseVersion: z.number().int().min(0),
    generate: z.literal(true).optional(),
    blocks: BlocksSchema.optional(),
    /** 修改说明 / 更正理由; blank is none. */
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((b) => (b.generate === true) !== (b.blocks !== undefined), { message: "either generate: true or blocks" });

export const VERSION_SOURCES = ["generated", "edited", "correction"] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];

export const VersionMeta = z.looseObject({
  number: z.number(),
  source: z.enum(VERSION_SOURCES),
  /** 修改说明, or the 更正理由 of a correction. */
  note: z.string().nullable(),
  authorName: z.string(),
  createdAt: IsoTime,
  approvedAt: IsoTime.nullable(),
  approvedByName: z.string().nullable(),
});
export type VersionMeta = z.infer<typeof VersionMeta>;

// A saved version's blocks as the server sends them: the same kinds and fields as the request's
// BlocksSchema, without its size limits (a version drafted from a long record may exceed them).
const Run = z.object({ text: z.string(), bold: z.boolean().optional() });
const AnswerBlock = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("title"), text: z.string() }),
  z.object({ kind: z.literal("number"), text: z.string() }),
  z.object({ kind: z.literal("heading"), level: z.union([z.literal(1), z.literal(2)]), text: z.string() }),
  z.object({ kind: z.literal("paragraph"), runs: z.array(Run) }),
  z.object({ kind: z.literal("entry"), level: z.union([z.literal(0), z.literal(1)]), marker: z.string(), runs: z.array(Run) }),
  z.object({ kind: z.literal("signature"), runs: z.array(Run) }),
]) satisfies z.ZodType<Block>;

export const MinutesVersion = VersionMeta.extend({ blocks: z.array(AnswerBlock) });
export type MinutesVersion = z.infer<typeof MinutesVersion>;

export const VersionsResponse = z.object({ versions: z.array(VersionMeta) });
export const VersionResponse = z.object({ version: MinutesVersion });

/** `GET /meetings/:id/minutes/draft`: the draft as the core builds it (core/minutes/minutes.ts `Minutes`), for tools; the browser builds its own. */
const MinutesPersonAnswer = z.looseObject({ name: z.string(), affiliation: z.string().nullable() });
export const MinutesDraftResponse = z.looseObject({
  header: z.looseObject({
    title: z.string(),
    number: z.string().nullable(),
    kind: z.string(),
    place: z.string().nullable(),
    date: z.string().nullable(),
    time: z.string().nullable(),
    chair: z.array(z.string()),
    chairLabel: z.string(),
  }),
  attendance: z.looseObject({
    expected: z.number().int(),
    present: z.array(MinutesPersonAnswer),
    attending: z.array(MinutesPersonAnswer),
    attendingLabel: z.string(),
    excused: z.array(MinutesPersonAnswer),
    absent: z.array(MinutesPersonAnswer),
  }),
  overview: z.looseObject({
    speeches: z.number().int(),
    written: z.number().int(),
    responses: z.number().int(),
    polls: z.number().int(),
    decisions: z.number().int(),
    suggestions: z.number().int(),
  }),
  /** 协商记录 of a bargaining session (core/minutes/bargainingRecord.ts), null in any other meeting. */
  bargaining: z
    .looseObject({
      clauses: z.array(z.looseObject({ title: z.string(), offers: z.array(z.looseObject({})) })),
      handovers: z.array(z.looseObject({})),
      caucuses: z.array(z.looseObject({})),
      suspensions: z.array(z.looseObject({})),
    })
    .nullable(),
  items: z.array(
    z.looseObject({
      itemId: z.string().nullable(),
      label: z.string().nullable(),
      title: z.string(),
      speeches: z.array(z.looseObject({})),
      written: z.array(z.looseObject({})),
    }),
  ),
  closing: z.string().nullable(),
  distribution: z.array(z.string()),
  recorder: z.string().nullable(),
  signOff: z.string(),
});
