// The archive (会议档案) over HTTP (docs/api.md#archive-会议档案): every meeting and full-text search.
import { z } from "zod";
import { MEETING_KINDS } from "../meetingKind.ts";
import { Id } from "./common.ts";

export const MAX_QUERY_CHARS = 50;

export const SearchQuery = z
  .object({
    q: z
      .string({ error: "检索词必填 / required" })
      .trim()
      .min(1, { error: `检索词应为 1–${MAX_QUERY_CHARS} 个字符 / must be 1–${MAX_QUERY_CHARS} characters` })
      .refine((q) => [...q].length <= MAX_QUERY_CHARS, { error: `检索词应为 1–${MAX_QUERY_CHARS} 个字符 / must be 1–${MAX_QUERY_CHARS} characters` }),
    meetingId: Id.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const HIT_KINDS = ["summary", "bookedText", "written", "interjection", "transcript", "suggestion", "decision", "minutes"] as const;
export type HitKind = (typeof HIT_KINDS)[number];

/** A meeting with its counts as last indexed. */
export const ArchiveMeeting = z.looseObject({
  id: Id,
  title: z.string(),
  number: z.string().nullable(),
  kind: z.enum(MEETING_KINDS),
  /** ISO: opened, else scheduled start. */
  date: z.string().nullable(),
  /** The meeting's time zone: the date is shown in it. */
  timeZone: z.string(),
  status: z.enum(["scheduled", "open", "closed"]),
  archived: z.boolean(),
  speeches: z.number(),
  suggestions: z.number(),
});
export type ArchiveMeeting = z.infer<typeof ArchiveMeeting>;

/** One search hit: a unit of a meeting's record, with the matches marked in its snippet. */
export const SearchHit = z.looseObject({
  meetingId: Id,
  meetingTitle: z.string(),
  meetingNumber: z.string().nullable(),
  date: z.string().nullable(),
  /** The meeting's time zone: the date is shown in it. */
  timeZone: z.string(),
  kind: z.enum(HIT_KINDS),
  ref: z.string(),
  itemId: z.string().nullable(),
  /** The agenda item's title (a minutes section's heading). */
  item: z.string().nullable(),
  speaker: z.string().nullable(),
  snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
  /** bm25 (lower is better); results come best first. */
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const ArchiveMeetingsResponse = z.object({ meetings: z.array(ArchiveMeeting) });
export const SearchResponse = z.object({ query: z.string(), results: z.array(SearchHit) });
