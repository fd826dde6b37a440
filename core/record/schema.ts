// The clerk's notes in the record (会议记录): a summary per speech (发言要点), the suggestions
// found in it (意见建议) and the decisions of each agenda item (议定事项). They are events in the
// meeting's log like everything else, so they survive a crash and the minutes are a projection.
// Several clerks can work at once: each edit names the version it was based on, and an edit
// based on an older version is refused (EDIT_CONFLICT) instead of silently overwriting.
import { z } from "zod";

const Id = z.string().min(1).max(64);
const Version = z.number().int().min(0);
const Text = (max: number) => z.string().trim().max(max);

/** What a note is about: a speech, an interjection or a written speech (their ids). */
export const EntryRef = z.object({ kind: z.enum(["speech", "interjection", "written"]), id: Id }).strict();
export type EntryRef = z.infer<typeof EntryRef>;

/** The id of the chair's closing remarks on the whole meeting (an agenda item's have the item's id). */
export const MEETING_CLOSING = "meeting";

/**
 * What a summary can be about: an entry, the briefing (情况通报) of an agenda item (its id),
 * which is given by the item's presenter and has no speech of its own, or the chair's closing
 * remarks (主持人总结) on an agenda item (its id) or on the meeting (`MEETING_CLOSING`): the chair
 * sums up without taking the floor, so these too are notes of their own.
 */
export const SummaryRef = z.union([
  EntryRef,
  z.object({ kind: z.literal("briefing"), id: Id }).strict(),
  z.object({ kind: z.literal("closing"), id: Id }).strict(),
]);
export type SummaryRef = z.infer<typeof SummaryRef>;

export const SuggestionFields = z
  .object({
    title: Text(100).pipe(z.string().min(1)),
    text: Text(4000),
    /** e.g. 城市更新, 养老服务 */
    topic: Text(40),
    /** The department it is aimed at (承办单位), e.g. 区住建委. */
    department: Text(80),
  })
  .strict();
export type SuggestionFields = z.infer<typeof SuggestionFields>;

export const DecisionFields = z
  .object({
    text: Text(2000).pipe(z.string().min(1)),
    /** 责任单位 */
    unit: Text(80),
    /** 完成时限, a date (YYYY-MM-DD) or empty. */
    deadline: z.union([z.literal(""), z.iso.date()]),
  })
  .strict();
export type DecisionFields = z.infer<typeof DecisionFields>;

export const RecordCommand = z.discriminatedUnion("type", [
  /** Writes the summary of an entry; `baseVersion` is the version the writer started from (0: none yet). */
  z.object({ type: z.literal("record.summarize"), entry: SummaryRef, text: Text(4000), baseVersion: Version }).strict(),
  z.object({ type: z.literal("record.captureSuggestion"), entry: EntryRef, suggestion: SuggestionFields }).strict(),
  z.object({ type: z.literal("record.editSuggestion"), suggestionId: Id, suggestion: SuggestionFields, baseVersion: Version }).strict(),
  z.object({ type: z.literal("record.withdrawSuggestion"), suggestionId: Id }).strict(),
  /** A decision or consensus item (议定事项) of the current agenda item (or `itemId`). */
  z.object({ type: z.literal("record.addDecision"), itemId: Id.nullable().optional(), decision: DecisionFields }).strict(),
  z.object({ type: z.literal("record.editDecision"), decisionId: Id, decision: DecisionFields, baseVersion: Version }).strict(),
  z.object({ type: z.literal("record.withdrawDecision"), decisionId: Id }).strict(),
]);
export type RecordCommand = z.infer<typeof RecordCommand>;

export const RecordEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("record.summarized"), key: z.string(), entry: SummaryRef, text: z.string(), version: z.number(), by: z.string(), at: z.number() }),
  z.object({
    type: z.literal("record.suggestionCaptured"),
    suggestionId: z.string(),
    entry: EntryRef,
    suggestion: SuggestionFields,
    by: z.string(),
    at: z.number(),
  }),
  z.object({
    type: z.literal("record.suggestionEdited"),
    suggestionId: z.string(),
    suggestion: SuggestionFields,
    version: z.number(),
    by: z.string(),
    at: z.number(),
  }),
  z.object({ type: z.literal("record.suggestionWithdrawn"), suggestionId: z.string(), by: z.string(), at: z.number() }),
  z.object({
    type: z.literal("record.decisionAdded"),
    decisionId: z.string(),
    itemId: z.string().nullable(),
    decision: DecisionFields,
    by: z.string(),
    at: z.number(),
  }),
  z.object({ type: z.literal("record.decisionEdited"), decisionId: z.string(), decision: DecisionFields, version: z.number(), by: z.string(), at: z.number() }),
  z.object({ type: z.literal("record.decisionWithdrawn"), decisionId: z.string(), by: z.string(), at: z.number() }),
  /** 会议记录向委员公开 switched by the organisers (config.sync); not a note, everyone receives it. */
  z.object({ type: z.literal("record.sharedSet"), shared: z.boolean() }),
  /** Never in the log: what a non-staff connection receives in place of a note (core/audience.ts). */
  z.object({ type: z.literal("record.withheld") }),
]);
export type RecordEvent = z.infer<typeof RecordEvent>;

export interface Summary {
  entry: SummaryRef;
  text: string;
  /** 1 for the first text, +1 per edit. */
  version: number;
  by: string;
  at: number;
}

export interface Suggestion extends SuggestionFields {
  suggestionId: string;
  entry: EntryRef;
  /** Who spoke it (the speaker, interjector or writer of the entry). */
  participantId: string;
  /** The agenda item of the entry. */
  itemId: string | null;
  capturedBy: string;
  capturedAt: number;
  version: number;
  editedBy: string;
  editedAt: number;
}

export interface Decision extends DecisionFields {
  decisionId: string;
  itemId: string | null;
  version: number;
  by: string;
  at: number;
}

export interface RecordNotes {
  /** By `entryKey(entry)`. */
  summaries: Record<string, Summary>;
  suggestions: Suggestion[];
  decisions: Decision[];
}

export const entryKey = (entry: SummaryRef): string => `${entry.kind}:${entry.id}`;
