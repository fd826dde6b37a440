// Meetings and their agenda over HTTP (docs/api.md, "Meetings and agenda"): the request bodies
// the server parses and the answers the admin app parses.
import { z } from "zod";
import { QuorumRule } from "../attendance/schema.ts";
import { MEETING_KINDS, ORGANISER_KINDS } from "../meetingKind.ts";
import { DEFAULT_TIME_ZONE, TimeZone } from "../time/meetingTime.ts";
import { Id, IsoTime } from "./common.ts";
import { Participant } from "./roster.ts";

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => Text(max).nullable().optional();

export const MEETING_MODES = ["hybrid", "online"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
/** 法定人数: none, more than half, two thirds (the live meeting's rule, core/attendance). */
export const QUORUM_RULES = QuorumRule.options;
export { QuorumRule };
/** 未发言者优先: off, within the agenda item, within the meeting. */
export const NOT_YET_SPOKEN = ["off", "item", "meeting"] as const;
export type NotYetSpoken = (typeof NOT_YET_SPOKEN)[number];

const Cap = z.int().min(30).max(3600);

const meetingFields = {
  title: Text(200),
  number: OptionalText(100),
  kind: z.enum(MEETING_KINDS),
  startsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  place: OptionalText(200),
  mode: z.enum(MEETING_MODES),
  /** 即席发言 (impromptu) cap. */
  speechCapSeconds: Cap,
  /** 预约发言 (booked) cap. */
  bookedCapSeconds: Cap,
  /** 程序性发言 (point of order) cap. */
  pointOfOrderCapSeconds: Cap,
  /** Ordering rules of the suggested next speaker (core/ordering). */
  orderBookedFirst: z.boolean(),
  orderPartyFirst: z.boolean(),
  orderSectorBalance: z.boolean(),
  orderNotYetSpoken: z.enum(NOT_YET_SPOKEN),
  /** 界别均衡优先: sector balance before the booked order and the party slot. */
  orderSectorFirst: z.boolean(),
  /** 插话回应: the cap of one interjection. */
  interjectionCapSeconds: Cap,
  /** 插话回应: members (not only officials) may ask to interject. */
  membersMayInterject: z.boolean(),
  /** 表决: the clerk (记录员) may create, open and close polls too. */
  clerkMayRunPolls: z.boolean(),
  /** 会议记录向委员公开: members, officials and observers receive the clerk's notes live. */
  recordShared: z.boolean(),
  interjectionsAllowed: z.boolean(),
  pollsAllowed: z.boolean(),
  quorumRule: QuorumRule,
  /** The meeting's time zone (IANA name): times on every screen and in the minutes are in it. */
  timeZone: TimeZone,
  /** A member's microphone opens by itself when they are given the floor (else they tap to open it). */
  micOpensOnFloor: z.boolean(),
};

/** New meeting: a title is required; the rest falls back to the schema's defaults. */
export const MeetingInput = z.strictObject({
  ...meetingFields,
  // A group meeting (分组讨论) is made by its plenary's opening, never by hand.
  kind: meetingFields.kind.refine((kind) => ORGANISER_KINDS.includes(kind), "a group meeting (分组讨论) is made by its plenary").default("consultation"),
  mode: meetingFields.mode.default("hybrid"),
  speechCapSeconds: meetingFields.speechCapSeconds.default(300),
  bookedCapSeconds: meetingFields.bookedCapSeconds.default(480),
  pointOfOrderCapSeconds: meetingFields.pointOfOrderCapSeconds.default(120),
  orderBookedFirst: meetingFields.orderBookedFirst.default(true),
  orderPartyFirst: meetingFields.orderPartyFirst.default(true),
  orderSectorBalance: meetingFields.orderSectorBalance.default(true),
  orderNotYetSpoken: meetingFields.orderNotYetSpoken.default("item"),
  orderSectorFirst: meetingFields.orderSectorFirst.default(false),
  interjectionCapSeconds: meetingFields.interjectionCapSeconds.default(120),
  membersMayInterject: meetingFields.membersMayInterject.default(false),
  clerkMayRunPolls: meetingFields.clerkMayRunPolls.default(false),
  recordShared: meetingFields.recordShared.default(false),
  interjectionsAllowed: meetingFields.interjectionsAllowed.default(true),
  pollsAllowed: meetingFields.pollsAllowed.default(true),
  quorumRule: meetingFields.quorumRule.default("majority"),
  timeZone: meetingFields.timeZone.default(DEFAULT_TIME_ZONE),
  micOpensOnFloor: meetingFields.micOpensOnFloor.default(false),
});
/** After parsing (defaults filled in). */
export type MeetingInput = z.infer<typeof MeetingInput>;

export const MeetingPatch = z.strictObject(meetingFields).partial();
export type MeetingPatch = z.infer<typeof MeetingPatch>;

export const ArchiveBody = z.strictObject({ archived: z.boolean() });
export const MeetingListQuery = z.object({ archived: z.enum(["true", "false"]).default("false") });

/** Limits shared with the live meeting's config.sync (core/agenda/schema.ts). */
export const MAX_AGENDA_ITEMS = 200;
export const AgendaInput = z.strictObject({
  title: Text(200),
  presenter: OptionalText(100),
  plannedMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
});
export type AgendaInput = z.input<typeof AgendaInput>;
export const AgendaPatch = AgendaInput.partial();
export type AgendaPatch = z.input<typeof AgendaPatch>;
export const AgendaOrder = z.strictObject({ itemIds: z.array(z.string().min(1).max(64)).max(MAX_AGENDA_ITEMS) });
export const ItemParams = z.object({ id: Id, itemId: Id });
export const MaterialParams = z.object({ id: Id, materialId: Id });

// Answers

/** A meeting as the API shows it: every setting, never the check-in code. */
export const Meeting = z.looseObject({
  ...meetingFields,
  id: Id,
  title: z.string(),
  number: z.string().nullable(),
  place: z.string().nullable(),
  startsAt: IsoTime.nullable(),
  archived: z.boolean(),
  createdAt: IsoTime,
  /** In the list only: scheduled, open (进行中) or closed, from the meeting's log. */
  status: z.string().optional(),
});
export type Meeting = z.infer<typeof Meeting>;

export const Material = z.looseObject({ id: Id, fileName: z.string(), mimeType: z.string(), size: z.number() });
export type Material = z.infer<typeof Material>;

export const AgendaItem = z.looseObject({
  id: Id,
  position: z.number(),
  title: z.string(),
  presenter: z.string().nullable(),
  plannedMinutes: z.number(),
  materials: z.array(Material),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const MeetingsResponse = z.object({ meetings: z.array(Meeting) });
export const MeetingResponse = z.object({ meeting: Meeting });
export const MeetingDetail = z.object({ meeting: Meeting, agenda: z.array(AgendaItem), participants: z.array(Participant) });
export type MeetingDetail = z.infer<typeof MeetingDetail>;
export const AgendaItemResponse = z.object({ item: AgendaItem });
export const AgendaResponse = z.object({ agenda: z.array(AgendaItem) });
export const MaterialResponse = z.object({ material: Material });
