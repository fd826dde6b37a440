import { z } from "zod";

/**
 * A 书面发言 is a few pages handed in (about 1,000 characters a page): 5,000 characters leave
 * room for a long one. Every accepted one stays in the meeting's log for good, so one person
 * may hand in at most a few per agenda item (WRITTEN_SPEECH_LIMIT beyond).
 */
export const WRITTEN_SPEECH_MAX_CHARS = 5_000;
export const WRITTEN_SPEECHES_PER_ITEM = 3;

/** How the next speaker is suggested (per meeting; ordering/suggest.ts). */
export interface OrderingRules {
  /** Booked speeches, in their planned order, before impromptu ones. */
  bookedFirst: boolean;
  /** 党派优先: one speech per party early. */
  partyFirst: boolean;
  /** No two consecutive speakers from the same sector when another is waiting. */
  sectorBalance: boolean;
  /** People who have not spoken yet (on this item, or in this meeting) first. */
  notYetSpoken: "off" | "item" | "meeting";
  /** 界别均衡优先: sector balance comes before the booked order (and the party slot) instead of after them. */
  sectorFirst: boolean;
}
export const DEFAULT_ORDERING: OrderingRules = { bookedFirst: true, partyFirst: true, sectorBalance: true, notYetSpoken: "item", sectorFirst: false };

/** Ordering rules with every field, in DEFAULT_ORDERING's key order (logs from before `sectorFirst` lack it). */
export const orderingRules = (rules: Omit<OrderingRules, "sectorFirst"> & Partial<OrderingRules>): OrderingRules => ({ ...DEFAULT_ORDERING, ...rules });

/** An entry of the speaking plan registered before the meeting (预约发言, or 书面发言 text only). */
export interface PlannedSpeech {
  bookingId: string;
  participantId: string;
  kind: "booked" | "written";
  agendaItemId: string | null;
  title: string;
  text: string;
}

/** 书面发言: text only, never takes the floor; goes into the record in its place. */
export interface WrittenSpeech {
  writtenId: string;
  participantId: string;
  text: string;
  at: number;
  agendaItemId: string | null;
  submittedBy: string;
}

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
  z
    .object({
      type: z.literal("speech.submitWritten"),
      text: z.string().trim().min(1).max(WRITTEN_SPEECH_MAX_CHARS),
      participantId: z.string().min(1).max(64).optional(),
    })
    .strict(),
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
