// 分组讨论: a plenary splits into groups, each a meeting of its own (kind "group") with its own
// log, and comes back (docs/groups.md). The plenary's log holds the groups' definition, their
// opening (which group meeting and which seat in it each person has), the notices, the call back
// and what the server relays from each group: its current speaker and its report (小组汇报要点).
import { z } from "zod";
import { MeetingStatusSchema } from "../lifecycle/schema.ts";
import { Role } from "../roles.ts";

const Id = z.string().min(1).max(64);

/** How the groups were made: by 界别, by another roster column, by topic with self-selection, or by hand. */
export const GroupingMethod = z.enum(["sector", "column", "topic", "hand"]);
export type GroupingMethod = z.infer<typeof GroupingMethod>;

/** The roster columns a plenary can be split by (按名册列分组). */
export const GROUPING_COLUMNS = ["sector", "party", "unit", "household"] as const;
export type GroupingColumn = (typeof GROUPING_COLUMNS)[number];

export const MAX_GROUPS = 50;

/** One group as the organisers or the chair define it. `memberIds` is everyone in it, the convener and the clerk included. */
export const GroupDefinition = z
  .object({
    groupId: Id,
    name: z.string().trim().min(1).max(40),
    /** 议题: what the group discusses (the topics members choose from when self-selecting). */
    topic: z.string().trim().max(200).nullable(),
    /** 地点: its room, e.g. 第一会议室; null: the plenary's place. */
    place: z.string().trim().max(60).nullable(),
    /** 召集人: chairs the group (the group meeting's chair). */
    convenerId: Id,
    /** 记录员 of the group; null: none named. */
    clerkId: Id.nullable(),
    memberIds: z.array(Id).max(10_000),
  })
  .strict();
export type GroupDefinition = z.infer<typeof GroupDefinition>;

/** One person's place in a group meeting: their roster id in the plenary, their roster id (seat) in the group, and their role there. */
export const GroupSeat = z.object({ participantId: z.string(), seatId: z.string(), role: Role });
export type GroupSeat = z.infer<typeof GroupSeat>;

/** 小组汇报要点: what the group's clerk writes from the group's record, relayed to the plenary. */
export const GroupReport = z.object({
  summary: z.string(),
  /** The group's suggestions (意见建议) as reported, each with who raised it (a name as the group's record shows it). */
  suggestions: z.array(z.object({ text: z.string(), by: z.string().nullable() })),
  /** 1, 2, … per saved version. */
  version: z.number().int(),
  at: z.number(),
  /** Who wrote this version (the group's clerk or convener), by name. */
  byName: z.string(),
});
export type GroupReport = z.infer<typeof GroupReport>;

/** What the plenary knows of a group's meeting, relayed by the server after each change there. */
export const GroupProgress = z.object({
  status: MeetingStatusSchema,
  /** The floor holder, by plenary roster id (a guest or someone not in the plenary: null with `speakerName`). */
  speakerId: z.string().nullable(),
  speakerName: z.string().nullable(),
  speechStartedAt: z.number().nullable(),
  capMs: z.number().int().nullable(),
  /** Paused time so far and when the current pause began, to count the speaker's time down. */
  pausedMs: z.number().int(),
  pausedAt: z.number().nullable(),
  /** Speeches finished in the group so far. */
  speeches: z.number().int(),
});
export type GroupProgress = z.infer<typeof GroupProgress>;

/** A group as it opens: its meeting, who is in it (the topic round's unchosen placed), and everyone's seat there. */
export const GroupOpening = z.object({ groupId: z.string(), meetingId: z.string(), memberIds: z.array(z.string()), seats: z.array(GroupSeat) });
export type GroupOpening = z.infer<typeof GroupOpening>;

const ReportInput = z
  .object({
    summary: z.string().trim().max(4000),
    suggestions: z.array(z.object({ text: z.string().trim().min(1).max(1000), by: z.string().trim().max(40).nullable() }).strict()).max(100),
  })
  .strict();

export const GroupsCommand = z.discriminatedUnion("type", [
  /** The chair or clerk (live), or the organisers through the server (before), define the groups; replaces a definition not yet opened. */
  z
    .object({
      type: z.literal("groups.define"),
      method: GroupingMethod,
      groups: z.array(GroupDefinition).min(1).max(MAX_GROUPS),
    })
    .strict(),
  /** A member or official joins a topic's group while the groups are defined by topic (自选议题). */
  z.object({ type: z.literal("groups.choose"), groupId: Id }).strict(),
  /** The chair opens the groups: each becomes a meeting, everyone moves to theirs. */
  z.object({ type: z.literal("groups.open") }).strict(),
  /** The chair or clerk sends a notice to every group (and the plenary's screens). */
  z.object({ type: z.literal("groups.notice"), text: z.string().trim().min(1).max(200) }).strict(),
  /** The chair calls everyone back: the groups close when the countdown ends (0: at once). */
  z.object({ type: z.literal("groups.recall"), seconds: z.number().int().min(0).max(1800) }).strict(),
  /** The chair closes the groups now (or the server at the end of the call back's countdown). */
  z.object({ type: z.literal("groups.close") }).strict(),
  /** The chair puts the conveners in the speaking queue in the groups' order, to report (小组汇报). */
  z.object({ type: z.literal("groups.callReports") }).strict(),
  /** Server only: a group meeting's status and floor changed. */
  z.object({ type: z.literal("groups.progress"), groupId: Id, meetingId: Id, progress: GroupProgress }).strict(),
  /** Server only: a group's clerk saved the group's report. */
  z.object({ type: z.literal("groups.reportReceive"), groupId: Id, meetingId: Id, report: GroupReport }).strict(),
  /** In a group meeting: its clerk or convener saves the group's report (a new version each time). */
  z.object({ type: z.literal("groups.report"), report: ReportInput }).strict(),
]);
export type GroupsCommand = z.infer<typeof GroupsCommand>;

export const GroupsEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("groups.defined"), method: GroupingMethod, groups: z.array(GroupDefinition), by: z.string() }),
  z.object({ type: z.literal("groups.chosen"), participantId: z.string(), groupId: z.string() }),
  /**
   * Each group's meeting (a new id), its members and the seats in it; the server creates the
   * meetings from this. The seats are the server's and the staff's (core/audience.ts).
   */
  z.object({ type: z.literal("groups.opened"), at: z.number(), groups: z.array(GroupOpening) }),
  z.object({ type: z.literal("groups.noticed"), text: z.string(), at: z.number(), by: z.string() }),
  z.object({ type: z.literal("groups.recalled"), at: z.number(), endsAt: z.number(), by: z.string() }),
  z.object({ type: z.literal("groups.closed"), at: z.number(), by: z.string() }),
  z.object({ type: z.literal("groups.progressed"), groupId: z.string(), progress: GroupProgress }),
  z.object({ type: z.literal("groups.reportReceived"), groupId: z.string(), report: GroupReport }),
  /** In a group meeting. */
  z.object({ type: z.literal("groups.reported"), report: GroupReport }),
]);
export type GroupsEvent = z.infer<typeof GroupsEvent>;

/** none → defined → open → recalling → closed; a closed round can be defined again (a second round). */
export type GroupsPhase = "none" | "defined" | "open" | "recalling" | "closed";

export interface PlenaryGroup extends GroupDefinition {
  /** The group's meeting, once opened. */
  meetingId: string | null;
  seats: GroupSeat[];
  progress: GroupProgress | null;
  report: GroupReport | null;
}

export interface GroupNotice {
  text: string;
  at: number;
  by: string;
}

/** The plenary's groups (meaningful in any meeting that split; "none" in the others). */
export interface GroupsState {
  phase: GroupsPhase;
  method: GroupingMethod | null;
  groups: PlenaryGroup[];
  openedAt: number | null;
  /** When the call back's countdown ends (the groups close then). */
  recallEndsAt: number | null;
  closedAt: number | null;
  notices: GroupNotice[];
}

export const initialGroups = (): GroupsState => ({ phase: "none", method: null, groups: [], openedAt: null, recallEndsAt: null, closedAt: null, notices: [] });

/** A group meeting's link to its plenary (config.sync, from the organisers' data). */
export const GroupOf = z.object({ plenaryId: Id, groupId: Id, name: z.string().min(1).max(40) }).strict();
export type GroupOf = z.infer<typeof GroupOf>;
