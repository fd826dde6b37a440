import { z } from "zod";

export const FloorCommand = z.discriminatedUnion("type", [
  /** The chair gives the floor to someone in the queue, or to the head of the queue. */
  z.object({ type: z.literal("floor.give"), participantId: z.string().min(1).max(64).optional() }).strict(),
  /** The chair, or the speaker finishing early, ends the current speech. */
  z.object({ type: z.literal("floor.end") }).strict(),
  /** The chair sets the cap for speeches that start from now on. */
  z.object({ type: z.literal("floor.setCap"), seconds: z.number().int().min(30).max(3600) }).strict(),
]);
export type FloorCommand = z.infer<typeof FloorCommand>;

export const FloorEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("speech.started"),
    speechId: z.string(),
    participantId: z.string(),
    at: z.number(),
    capMs: z.number().int(),
    agendaItemId: z.string().nullable(),
  }),
  z.object({
    type: z.literal("speech.ended"),
    speechId: z.string(),
    participantId: z.string(),
    at: z.number(),
    durationMs: z.number().int(),
    overrunMs: z.number().int(),
    endedBy: z.string(),
  }),
  z.object({ type: z.literal("floor.capSet"), capMs: z.number().int() }),
]);
export type FloorEvent = z.infer<typeof FloorEvent>;
