import { z } from "zod";

const ParticipantId = z.string().min(1).max(64);
/** 预约发言 booked · 即席发言 impromptu · 程序性发言 point of order. */
export const SpeechKindSchema = z.enum(["booked", "impromptu", "pointOfOrder"]);
export type SpeechKind = z.infer<typeof SpeechKindSchema>;
export const SPEECH_KINDS: readonly SpeechKind[] = SpeechKindSchema.options;

export interface QueueEntry {
  /** A roster id, or `guest-…` for an in-room guest put in by name. */
  participantId: string;
  requestedAt: number;
  kind: SpeechKind;
  /** The name of an in-room guest who is not on the roster; null for roster people. */
  guestName: string | null;
  /** The planned speech this entry delivers (booked speeches only). */
  bookingId: string | null;
}

export const QueueCommand = z.discriminatedUnion("type", [
  /** 举手 / 申请发言: the sender asks for the floor; a point of order (程序性发言) goes to the top. */
  z.object({ type: z.literal("queue.request"), kind: z.enum(["impromptu", "pointOfOrder"]).optional() }).strict(),
  /** 撤回: the sender leaves the queue. */
  z.object({ type: z.literal("queue.withdraw") }).strict(),
  /** The chair removes someone from the queue. */
  z.object({ type: z.literal("queue.remove"), participantId: ParticipantId }).strict(),
  /** The chair moves someone to a new 0-based position. */
  z.object({ type: z.literal("queue.move"), participantId: ParticipantId, toIndex: z.number().int().min(0).max(10_000) }).strict(),
  /**
   * The chair or clerk puts an in-room person without a device in line: someone on the roster,
   * or a guest by name.
   */
  z
    .object({
      type: z.literal("queue.add"),
      participantId: ParticipantId.optional(),
      guestName: z.string().trim().min(1).max(40).optional(),
      kind: z.enum(["impromptu", "pointOfOrder"]).optional(),
    })
    .strict()
    .refine((c) => (c.participantId === undefined) !== (c.guestName === undefined), "give either participantId or guestName"),
]);
export type QueueCommand = z.infer<typeof QueueCommand>;

export const QueueEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("queue.requested"),
    participantId: z.string(),
    at: z.number(),
    // Absent in logs written before speech kinds existed: impromptu, a roster person.
    kind: SpeechKindSchema.optional(),
    guestName: z.string().nullable().optional(),
    bookingId: z.string().nullable().optional(),
    /** Who put the person in line when it was not themselves (chair, clerk, or the plan). */
    by: z.string().optional(),
  }),
  z.object({ type: z.literal("queue.withdrawn"), participantId: z.string(), by: z.string() }),
  z.object({ type: z.literal("queue.moved"), participantId: z.string(), toIndex: z.number().int() }),
]);
export type QueueEvent = z.infer<typeof QueueEvent>;
