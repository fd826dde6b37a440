import { z } from "zod";
import { AgendaItemInput } from "../agenda/schema.ts";
import { QuorumRule } from "../attendance/schema.ts";
import { SpeechCapsSchema } from "../floor/schema.ts";
import { GroupOf } from "../groups/schema.ts";
import { InterjectionRulesSchema } from "../interjection/schema.ts";
import { MEETING_KINDS } from "../meetingKind.ts";
import { OrderingRulesSchema, PlannedSpeechSchema } from "../plan/schema.ts";
import { PollRulesSchema } from "../poll/schema.ts";
import { Role } from "../roles.ts";
import { TimeZone } from "../time/meetingTime.ts";

/** What every screen may know about a participant (no phone or email). */
export const RosterEntry = z.object({
  id: z.string().min(1).max(64),
  name: z.string(),
  role: Role,
  sector: z.string().nullable(),
  party: z.string().nullable(),
  unit: z.string().nullable(),
  side: z.enum(["worker", "enterprise"]).nullable(),
  chief: z.boolean(),
  household: z.string().nullable(),
  /** Vote weight in weighted polls (e.g. a property share); 1 when not set. */
  weight: z.number().positive().max(1_000_000).optional(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const ConfigCommand = z.discriminatedUnion("type", [
  /**
   * The server feeds the organisers' settings into the meeting (on first use of the room and
   * after every change): the roster, the agenda, the quorum rule, the caps per kind of speech,
   * the ordering rules and the speaking plan; optionally the interjection and poll rules,
   * whether the record is shared with members and the kind of meeting.
   */
  z
    .object({
      type: z.literal("config.sync"),
      roster: z.array(RosterEntry).max(10_000),
      agenda: z.array(AgendaItemInput).max(200),
      quorumRule: QuorumRule,
      speechCaps: SpeechCapsSchema,
      ordering: OrderingRulesSchema.strict(),
      plan: z.array(PlannedSpeechSchema.strict()).max(2000),
      // Absent: the interjection rules stay as they are.
      interjectionRules: InterjectionRulesSchema.optional(),
      // Absent: the poll rules (whether the clerk may run polls too) stay as they are.
      pollRules: PollRulesSchema.optional(),
      // Absent: whether the record is shared with members (会议记录向委员公开) stays as it is.
      recordShared: z.boolean().optional(),
      // Absent: the kind of meeting (会议类型) stays as it is.
      kind: z.enum(MEETING_KINDS).optional(),
      // Absent: the meeting's time zone stays as it is.
      timeZone: TimeZone.optional(),
      // Absent: whether a member's microphone opens by itself on being given the floor stays as it is.
      micOpensOnFloor: z.boolean().optional(),
      // Absent: the link to the plenary (a group meeting's, 分组讨论) stays as it is.
      groupOf: GroupOf.nullable().optional(),
    })
    .strict(),
]);
export type ConfigCommand = z.infer<typeof ConfigCommand>;

export const ConfigEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("roster.set"), roster: z.array(RosterEntry) }),
  /** The organisers changed the kind of meeting (or a log from before it was synced: once, on first sync). */
  z.object({ type: z.literal("meeting.kindSet"), kind: z.enum(MEETING_KINDS) }),
  /** The organisers changed the meeting's time zone. */
  z.object({ type: z.literal("meeting.timeZoneSet"), timeZone: TimeZone }),
  /** The organisers changed whether a member's microphone opens by itself on being given the floor. */
  z.object({ type: z.literal("meeting.micOpensOnFloorSet"), opens: z.boolean() }),
  /** The meeting is (or is no longer) a group of a plenary (分组讨论). */
  z.object({ type: z.literal("meeting.groupOfSet"), groupOf: GroupOf.nullable() }),
]);
export type ConfigEvent = z.infer<typeof ConfigEvent>;
