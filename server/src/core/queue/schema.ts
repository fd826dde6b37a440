import { z } from "zod";

const ParticipantId = z.string().min(1).max(64);

export const QueueCommand = z.discriminatedUnion("type", [
  /** 举手 / 申请发言: the sender asks for the floor. */
  z.object({ type: z.literal("queue.request") }).strict(),
  /** 撤回: the sender leaves the queue. */
  z.object({ type: z.literal("queue.withdraw") }).strict(),
  /** The chair removes someone from the queue. */
  z.object({ type: z.literal("queue.remove"), participantId: ParticipantId }).strict(),
  /** The chair moves someone to a new 0-based position. */
  z.object({ type: z.literal("queue.move"), participantId: ParticipantId, toIndex: z.number().int().min(0).max(10_000) }).strict(),
]);
export type QueueCommand = z.infer<typeof QueueCommand>;

export const QueueEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("queue.requested"), participantId: z.string(), at: z.number() }),
  z.object({ type: z.literal("queue.withdrawn"), participantId: z.string(), by: z.string() }),
  z.object({ type: z.literal("queue.moved"), participantId: z.string(), toIndex: z.number().int() }),
]);
export type QueueEvent = z.infer<typeof QueueEvent>;
