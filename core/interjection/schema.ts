import { z } from "zod";

const Id = z.string().min(1).max(64);
export const InterjectionOutcomeSchema = z.enum(["adopt", "study", "explain"]);

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
  z.object({ type: z.literal("interjection.requested"), requestId: z.string(), participantId: z.string(), speechId: z.string(), point: z.string().nullable(), at: z.number() }),
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
