// The transcript (速记稿): lines of text attached to a speech or an interjection. Stenographers
// (速记员), named by the chair or the clerk, type them live into the entry holding the floor —
// several may relay (接力) each other; the server adds a machine draft (机器草稿) from a speech
// recognition engine after the entry ends. The clerk corrects lines, each correction a version,
// so the transcript is events in the log like the clerk's notes and is never lost on reconnect.
import { z } from "zod";

const Id = z.string().min(1).max(64);
/** One line of text: trimmed, 1 to 2000 characters. */
const LineText = z.string().trim().min(1).max(2000);

/** At most this many stenographers at once (a relay team, 接力). */
export const MAX_STENOGRAPHERS = 10;

/** What a line belongs to: a speech or an interjection (their ids). */
export const TranscriptEntry = z.object({ kind: z.enum(["speech", "interjection"]), id: Id }).strict();
export type TranscriptEntry = z.infer<typeof TranscriptEntry>;

/** A segment a speech recognition engine heard: ms from the start of the entry's recording. */
const DraftLine = z
  .object({ text: LineText, startMs: z.number().int().min(0), endMs: z.number().int().min(0) })
  .strict()
  .refine((line) => line.endMs >= line.startMs, { message: "endMs before startMs", path: ["endMs"] });

export const TranscriptCommand = z.discriminatedUnion("type", [
  /** The chair or the clerk names a roster person a stenographer (速记员); several may be named (接力). */
  z.object({ type: z.literal("stenography.assign"), participantId: Id }).strict(),
  z.object({ type: z.literal("stenography.release"), participantId: Id }).strict(),
  /** A stenographer (or the chair, the clerk) types a line into the speech or interjection in progress. */
  z.object({ type: z.literal("transcript.append"), entry: TranscriptEntry, text: LineText }).strict(),
  /** The chair or the clerk corrects a line; `baseVersion` is the version they started from. */
  z.object({ type: z.literal("transcript.correct"), lineId: Id, text: LineText, baseVersion: z.number().int().min(1) }).strict(),
  /** System only: the server's speech recognition draft of an entry (机器草稿), after it ended. */
  z
    .object({
      type: z.literal("transcript.draft"),
      entry: TranscriptEntry,
      engine: z.string().trim().min(1).max(60),
      lines: z.array(DraftLine).min(1).max(500),
    })
    .strict(),
]);
export type TranscriptCommand = z.infer<typeof TranscriptCommand>;

const EntryShape = z.object({ kind: z.enum(["speech", "interjection"]), id: z.string() });

export const TranscriptEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("stenography.assigned"), participantId: z.string() }),
  z.object({ type: z.literal("stenography.released"), participantId: z.string() }),
  z.object({
    type: z.literal("transcript.appended"),
    lineId: z.string(),
    entry: EntryShape,
    text: z.string(),
    /** Who typed it. */
    by: z.string(),
    /** Server time it was typed (ms epoch). */
    at: z.number(),
    /** ms since the entry started (for click-to-play against its recording). */
    offsetMs: z.number(),
    source: z.literal("steno"),
  }),
  z.object({ type: z.literal("transcript.corrected"), lineId: z.string(), text: z.string(), by: z.string(), version: z.number() }),
  z.object({
    type: z.literal("transcript.drafted"),
    entry: EntryShape,
    engine: z.string(),
    /** Server time of the draft (ms epoch): every machine line's `at`. */
    at: z.number(),
    lines: z.array(z.object({ lineId: z.string(), text: z.string(), startMs: z.number(), endMs: z.number() })),
  }),
]);
export type TranscriptEvent = z.infer<typeof TranscriptEvent>;

export interface TranscriptLine {
  id: string;
  entry: TranscriptEntry;
  text: string;
  source: "steno" | "machine";
  /** Who typed it (steno) or null (machine). */
  by: string | null;
  /** Server time it was typed (ms epoch); machine lines: the draft's time. */
  at: number;
  /** ms from the entry's start: typed lines — when typed; machine lines — the segment's start. */
  offsetMs: number;
  endMs: number | null;
  /** 1 when made; +1 per correction. */
  version: number;
  /** Earlier texts, oldest first, with who replaced them. */
  history: { text: string; by: string | null; version: number }[];
}
