import { z } from "zod";
import { SpeechKindSchema, type SpeechKind } from "../queue/schema.ts";

export const DEFAULT_SPEECH_CAP_MS = 5 * 60_000;

export type SpeechCaps = Record<SpeechKind, number>;
const CapMs = z.number().int().min(30_000).max(3_600_000);
/** The caps as the organisers set them (config.sync): 30 s to 1 h per kind of speech. */
export const SpeechCapsSchema = z.object({ booked: CapMs, impromptu: CapMs, pointOfOrder: CapMs }).strict();
/** Customary caps: booked 8 min, impromptu 5 min, a point of order 2 min. */
export const DEFAULT_SPEECH_CAPS: SpeechCaps = { booked: 8 * 60_000, impromptu: DEFAULT_SPEECH_CAP_MS, pointOfOrder: 2 * 60_000 };

export interface Speech {
  speechId: string;
  participantId: string;
  kind: SpeechKind;
  guestName: string | null;
  bookingId: string | null;
  startedAt: number;
  capMs: number;
  /** Time the chair added to this speech. */
  extendedMs: number;
  /** Set while the clock is paused. */
  pausedAt: number | null;
  /** Paused time before the current pause. */
  pausedMs: number;
  /** The agenda item that was current when the speech started. */
  agendaItemId: string | null;
  /** The chair chose someone other than the suggestion: whom it suggested, and why not them. */
  override: { suggested: string; reason: string | null } | null;
}

export interface SpeechRecord extends Speech {
  endedAt: number;
  durationMs: number;
  overrunMs: number;
  endedBy: string;
}

export const FloorCommand = z.discriminatedUnion("type", [
  /**
   * The chair gives the floor to someone in the queue, or to the head of the queue. Choosing
   * someone other than the suggested next speaker is recorded as an override, with the reason.
   */
  z.object({ type: z.literal("floor.give"), participantId: z.string().min(1).max(64).optional(), reason: z.string().trim().max(200).optional() }).strict(),
  /** The chair, or the speaker finishing early, ends the current speech. */
  z.object({ type: z.literal("floor.end") }).strict(),
  /** The chair sets the cap of one kind of speech (impromptu when not named) for speeches that start from now on. */
  z.object({ type: z.literal("floor.setCap"), seconds: z.number().int().min(30).max(3600), kind: SpeechKindSchema.optional() }).strict(),
  /** The chair gives the running speech more time (+1, +2 minutes or a custom amount). */
  z.object({ type: z.literal("floor.extend"), seconds: z.number().int().min(10).max(3600) }).strict(),
  /** The chair stops the running speech's clock, and starts it again. */
  z.object({ type: z.literal("floor.pause") }).strict(),
  z.object({ type: z.literal("floor.resume") }).strict(),
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
    // Absent in logs written before speech kinds existed (impromptu, roster people, no override).
    kind: SpeechKindSchema.optional(),
    guestName: z.string().nullable().optional(),
    bookingId: z.string().nullable().optional(),
    override: z.object({ suggested: z.string(), reason: z.string().nullable() }).nullable().optional(),
  }),
  z.object({
    type: z.literal("speech.ended"),
    speechId: z.string(),
    participantId: z.string(),
    at: z.number(),
    /** Speaking time, pauses excluded. */
    durationMs: z.number().int(),
    overrunMs: z.number().int(),
    endedBy: z.string(),
  }),
  z.object({ type: z.literal("speech.extended"), speechId: z.string(), byMs: z.number().int() }),
  z.object({ type: z.literal("speech.paused"), speechId: z.string(), at: z.number() }),
  z.object({ type: z.literal("speech.resumed"), speechId: z.string(), at: z.number() }),
  z.object({ type: z.literal("floor.capSet"), capMs: z.number().int(), kind: SpeechKindSchema.optional() }),
]);
export type FloorEvent = z.infer<typeof FloorEvent>;
