import { z } from "zod";

/**
 * A 书面发言 is a few pages handed in (about 1,000 characters a page): 5,000 characters leave
 * room for a long one. Every accepted one stays in the meeting's log for good, so one person
 * may hand in at most a few per agenda item (WRITTEN_SPEECH_LIMIT beyond).
 */
export const WRITTEN_SPEECH_MAX_CHARS = 5_000;
export const WRITTEN_SPEECHES_PER_ITEM = 3;

export const PlannedSpeechSchema = z.object({
  bookingId: z.string().min(1).max(64),
  participantId: z.string().min(1).max(64),
  kind: z.enum(["booked", "written"]),
  agendaItemId: z.string().max(64).nullable(),
  title: z.string().max(200),
  text: z.string().max(20_000),
});

export const OrderingRulesSchema = z.object({
  bookedFirst: z.boolean(),
  partyFirst: z.boolean(),
  sectorBalance: z.boolean(),
  notYetSpoken: z.enum(["off", "item", "meeting"]),
  // Absent (a log or a sync from before the setting existed): false.
  sectorFirst: z.boolean().optional(),
});

export const PlanCommand = z.discriminatedUnion("type", [
  /**
   * 书面发言 during the meeting: a member or official submits their own; the chair or clerk
   * enters one handed in on paper for someone on the roster.
   */
  z.object({ type: z.literal("speech.submitWritten"), text: z.string().trim().min(1).max(WRITTEN_SPEECH_MAX_CHARS), participantId: z.string().min(1).max(64).optional() }).strict(),
]);
export type PlanCommand = z.infer<typeof PlanCommand>;

export const PlanEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("speech.written"),
    writtenId: z.string(),
    participantId: z.string(),
    text: z.string(),
    at: z.number(),
    agendaItemId: z.string().nullable(),
    submittedBy: z.string(),
  }),
  /** The organisers' speaking plan (booked and written speeches registered before the meeting). */
  z.object({ type: z.literal("plan.set"), plan: z.array(PlannedSpeechSchema) }),
  z.object({ type: z.literal("ordering.set"), ordering: OrderingRulesSchema }),
]);
export type PlanEvent = z.infer<typeof PlanEvent>;
