import { z } from "zod";

/** The language interpreted into, as the chair names it (英语, 维吾尔语, English). */
const Language = z.string().trim().min(1).max(20);

export const InterpretationCommand = z.discriminatedUnion("type", [
  /**
   * 传译: the chair or clerk names who interprets into what; that person publishes a second audio
   * channel that listeners may choose instead of the floor (docs/media.md#interpretation-传译).
   * Replaces a running interpretation.
   */
  z.object({ type: z.literal("interpretation.start"), participantId: z.string().min(1).max(64), language: Language }).strict(),
  z.object({ type: z.literal("interpretation.stop") }).strict(),
]);
export type InterpretationCommand = z.infer<typeof InterpretationCommand>;

export const InterpretationEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("interpretation.started"), participantId: z.string(), language: z.string() }),
  z.object({ type: z.literal("interpretation.stopped") }),
]);
export type InterpretationEvent = z.infer<typeof InterpretationEvent>;

/** Who interprets into what, while someone does. */
export interface Interpretation {
  interpreterId: string;
  language: string;
}
