import { z } from "zod";

const Id = z.string().min(1).max(64);
/** 插话回应: how an official's response is marked (采纳 adopt · 研究 will study · 说明 explain). */
export const InterjectionOutcomeSchema = z.enum(["adopt", "study", "explain"]);
export type InterjectionOutcome = z.infer<typeof InterjectionOutcomeSchema>;

/** Asking to interject into a speech (the running one, or the one that just ended). */
export interface InterjectionRequest {
  requestId: string;
  participantId: string;
  /** The speech it answers. */
  speechId: string;
  /** The point answered, in the requester's words (optional). */
  point: string | null;
  at: number;
}

export interface Interjection {
  interjectionId: string;
  participantId: string;
  speechId: string;
  point: string | null;
  startedAt: number;
  capMs: number;
  /** The interrupted speech's clock was running and is resumed when this ends. */
  resumesSpeech: boolean;
  outcome: InterjectionOutcome | null;
}

export interface InterjectionRecord extends Interjection {
  endedAt: number;
  durationMs: number;
  overrunMs: number;
  endedBy: string;
}

/** Per meeting: the interjection cap and whether members (not only officials) may interject. */
export const InterjectionRulesSchema = z
  .object({
    capMs: z.number().int().min(30_000).max(3_600_000),
    membersMay: z.boolean(),
    /** The organisers allow interjections in this meeting at all (允许插话). */
    allowed: z.boolean(),
  })
  .strict();
export type InterjectionRules = z.infer<typeof InterjectionRulesSchema>;
export const DEFAULT_INTERJECTION_RULES: InterjectionRules = { capMs: 2 * 60_000, membersMay: false, allowed: true };

export const InterjectionCommand = z.discriminatedUnion("type", [
  /** 申请插话: an official (or a member, if the meeting allows it) asks to answer the current or just-ended speech. */
  z.object({ type: z.literal("interjection.request"), point: z.string().trim().max(200).optional() }).strict(),
  /** The requester takes their request back. */
  z.object({ type: z.literal("interjection.withdraw") }).strict(),
  /** The chair grants a request: the running speech's clock pauses, the interjector has the floor. */
  z.object({ type: z.literal("interjection.grant"), requestId: Id }).strict(),
  z.object({ type: z.literal("interjection.decline"), requestId: Id }).strict(),
  /** The chair or the interjector ends the interjection; the interrupted speech resumes. */
  z.object({ type: z.literal("interjection.end") }).strict(),
  /** Marks an official's response: 采纳 / 研究 / 说明 (null clears it). */
  z.object({ type: z.literal("interjection.setOutcome"), interjectionId: Id, outcome: InterjectionOutcomeSchema.nullable() }).strict(),
  /** The chair switches interjections off (or on again) for the current agenda item. */
  z.object({ type: z.literal("interjection.setEnabled"), enabled: z.boolean() }).strict(),
]);
export type InterjectionCommand = z.infer<typeof InterjectionCommand>;

export const InterjectionEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("interjection.requested"),
    requestId: z.string(),
    participantId: z.string(),
    speechId: z.string(),
    point: z.string().nullable(),
    at: z.number(),
  }),
  z.object({ type: z.literal("interjection.withdrawn"), requestId: z.string() }),
  z.object({ type: z.literal("interjection.declined"), requestId: z.string(), by: z.string() }),
  /** Requests for a speech that is over once another speech starts. */
  z.object({ type: z.literal("interjection.expired"), requestIds: z.array(z.string()) }),
  z.object({
    type: z.literal("interjection.started"),
    interjectionId: z.string(),
    requestId: z.string(),
    participantId: z.string(),
    speechId: z.string(),
    point: z.string().nullable(),
    at: z.number(),
    capMs: z.number().int(),
    resumesSpeech: z.boolean(),
  }),
  z.object({
    type: z.literal("interjection.ended"),
    interjectionId: z.string(),
    at: z.number(),
    durationMs: z.number().int(),
    overrunMs: z.number().int(),
    endedBy: z.string(),
  }),
  z.object({ type: z.literal("interjection.outcomeSet"), interjectionId: z.string(), outcome: InterjectionOutcomeSchema.nullable(), by: z.string() }),
  z.object({ type: z.literal("interjection.enabledSet"), itemId: z.string(), enabled: z.boolean() }),
  z.object({ type: z.literal("interjection.rulesSet"), capMs: z.number().int(), membersMay: z.boolean(), allowed: z.boolean() }),
]);
export type InterjectionEvent = z.infer<typeof InterjectionEvent>;
