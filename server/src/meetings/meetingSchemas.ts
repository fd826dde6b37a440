// Request bodies and queries of the meetings, agenda and roster routes (docs/api.md).
import { z } from "zod";
import { MEETING_KINDS } from "../../../core/meetingKind.ts";
import { ParticipantInput } from "../roster/rosterTypes.ts";

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => Text(max).nullable().optional();

const meetingFields = {
  title: Text(200),
  number: OptionalText(100),
  kind: z.enum(MEETING_KINDS),
  startsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  place: OptionalText(200),
  mode: z.enum(["hybrid", "online"]),
  /** 即席发言 (impromptu) cap. */
  speechCapSeconds: z.int().min(30).max(3600),
  /** 预约发言 (booked) cap. */
  bookedCapSeconds: z.int().min(30).max(3600),
  /** 程序性发言 (point of order) cap. */
  pointOfOrderCapSeconds: z.int().min(30).max(3600),
  /** Ordering rules of the suggested next speaker (core/ordering). */
  orderBookedFirst: z.boolean(),
  orderPartyFirst: z.boolean(),
  orderSectorBalance: z.boolean(),
  orderNotYetSpoken: z.enum(["off", "item", "meeting"]),
  /** 界别均衡优先: sector balance before the booked order and the party slot. */
  orderSectorFirst: z.boolean(),
  /** 插话回应: the cap of one interjection. */
  interjectionCapSeconds: z.int().min(30).max(3600),
  /** 插话回应: members (not only officials) may ask to interject. */
  membersMayInterject: z.boolean(),
  /** 表决: the clerk (记录员) may create, open and close polls too. */
  clerkMayRunPolls: z.boolean(),
  /** 会议记录向委员公开: members, officials and observers receive the clerk's notes live. */
  recordShared: z.boolean(),
  interjectionsAllowed: z.boolean(),
  pollsAllowed: z.boolean(),
  quorumRule: z.enum(["none", "majority", "twoThirds"]),
};

/** New meeting: a title is required; the rest falls back to the schema's defaults. */
export const MeetingInput = z.strictObject({
  ...meetingFields,
  kind: meetingFields.kind.default("consultation"),
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
});
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
  plannedMinutes: z.int().min(1).max(24 * 60),
});
export const AgendaPatch = AgendaInput.partial();
export const AgendaOrder = z.strictObject({ itemIds: z.array(z.string().min(1).max(64)).max(MAX_AGENDA_ITEMS) });

export const ParticipantBody = ParticipantInput.strict();
const s = ParticipantInput.shape;
/** Optional fields may be cleared with null. */
export const ParticipantPatch = z.strictObject({
  name: s.name.optional(),
  role: s.role.optional(),
  sector: s.sector.nullable(),
  party: s.party.nullable(),
  unit: s.unit.nullable(),
  phone: s.phone.nullable(),
  email: s.email.nullable(),
  side: s.side.nullable(),
  chief: s.chief,
  household: s.household.nullable(),
  voteWeight: s.voteWeight.nullable(),
  accountId: s.accountId.nullable(),
});
export type ParticipantPatch = z.infer<typeof ParticipantPatch>;

export const SortQuery = z.object({ sort: z.enum(["roster", "pinyin", "stroke"]).default("roster") });
