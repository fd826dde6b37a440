import { z } from "zod";

/** A meeting is scheduled until the chair opens it, open until the chair closes it. */
export const MeetingStatusSchema = z.enum(["scheduled", "open", "closed"]);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

export const LifecycleCommand = z.discriminatedUnion("type", [
  /** The chair opens the meeting (宣布开会); the first agenda item becomes current. */
  z.object({ type: z.literal("meeting.open") }).strict(),
  /** The chair closes the meeting (宣布散会); a running speech ends, the queue empties. */
  z.object({ type: z.literal("meeting.close") }).strict(),
]);
export type LifecycleCommand = z.infer<typeof LifecycleCommand>;

export const LifecycleEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("meeting.opened"), at: z.number() }),
  z.object({ type: z.literal("meeting.closed"), at: z.number() }),
]);
export type LifecycleEvent = z.infer<typeof LifecycleEvent>;
