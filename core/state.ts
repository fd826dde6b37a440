// The state of one live meeting, as rebuilt from its event log.
// Each capability owns the shapes of its part (its folder's schema.ts); this composes them.
import type { AgendaEntry } from "./agenda/schema.ts";
import type { Attendance, AttendanceChange, QuorumRule } from "./attendance/schema.ts";
import { initialBargaining, type BargainingState } from "./bargaining/schema.ts";
import type { RosterEntry } from "./config/schema.ts";
import { initialMediation, type MediationState } from "./mediation/schema.ts";
import { DEFAULT_SPEECH_CAPS, type Speech, type SpeechCaps, type SpeechRecord } from "./floor/schema.ts";
import {
  DEFAULT_INTERJECTION_RULES,
  type Interjection,
  type InterjectionRecord,
  type InterjectionRequest,
  type InterjectionRules,
} from "./interjection/schema.ts";
import { initialGroups, type GroupOf, type GroupReport, type GroupsState } from "./groups/schema.ts";
import type { Interpretation } from "./interpretation/schema.ts";
import type { MeetingKind } from "./meetingKind.ts";
import type { MeetingStatus } from "./lifecycle/schema.ts";
import { DEFAULT_ORDERING, type OrderingRules, type PlannedSpeech, type WrittenSpeech } from "./plan/schema.ts";
import type { Poll, PollRules } from "./poll/schema.ts";
import type { QueueEntry } from "./queue/schema.ts";
import type { RecordNotes } from "./record/schema.ts";
import type { TranscriptLine } from "./transcript/schema.ts";
import { DEFAULT_TIME_ZONE } from "./time/meetingTime.ts";

export interface MeetingState {
  /** Sequence number of the last event applied (0 for a meeting with no events). */
  seq: number;
  /** 会议类型, as the organisers set it (config.sync): the words the screens use for roles follow it (roleLabels.ts). */
  kind: MeetingKind;
  status: MeetingStatus;
  openedAt: number | null;
  closedAt: number | null;
  roster: RosterEntry[];
  agenda: AgendaEntry[];
  currentItemId: string | null;
  attendance: Record<string, Attendance>;
  quorumRule: QuorumRule;
  speechCaps: SpeechCaps;
  ordering: OrderingRules;
  plan: PlannedSpeech[];
  queue: QueueEntry[];
  floor: Speech | null;
  speeches: SpeechRecord[];
  written: WrittenSpeech[];
  interjectionRules: InterjectionRules;
  /** Agenda items (ids; "" for a meeting without an agenda) where the chair switched interjections off. */
  interjectionsOff: string[];
  interjectionRequests: InterjectionRequest[];
  /** The interjection in progress (its speaker is heard; the interrupted speaker is not). */
  interjection: Interjection | null;
  interjections: InterjectionRecord[];
  /** Everyone who ever asked for (or was put in line for) the floor, first request first. */
  asked: string[];
  /** The chair muted the room's microphone feed (会场). */
  venueMuted: boolean;
  /** 传译: who interprets into what on the second audio channel; null: no interpretation. */
  interpretation: Interpretation | null;
  /** 即时表决: every poll of the meeting, drafts included, in creation order. */
  polls: Poll[];
  /** The organisers allow polls in this meeting (允许表决), and the clerk may run them too. */
  pollRules: PollRules;
  /** The clerk's notes: summaries (发言要点), suggestions (意见建议), decisions (议定事项). */
  notes: RecordNotes;
  /** 会议记录向委员公开: the organisers share the clerk's notes with members, officials and observers (core/audience.ts). */
  recordShared: boolean;
  /** 速记员: who may type the transcript (participant ids, in naming order; several relay, 接力). */
  stenographers: string[];
  /** 速记稿: typed and machine lines of the speeches and interjections, in order of arrival (part of the record: core/audience.ts). */
  transcript: TranscriptLine[];
  /** The meeting's time zone (IANA name): every screen and document shows its moments in it (core/time/meetingTime.ts). */
  timeZone: string;
  /** The organisers' setting: a member's microphone opens by itself when they are given the floor (else they tap to open it). */
  micOpensOnFloor: boolean;
  /** Every arrival, departure and 请假 in order (the record shows comings and goings, not only the last). */
  attendanceLog: AttendanceChange[];
  /** Every start of an agenda item's visit, in order (an item can be returned to). */
  itemVisits: { itemId: string; at: number }[];
  /** 工资集体协商: the session at the table (clauses and offers, the alternating chair, caucuses, suspensions); meaningful when kind is "bargaining". */
  bargaining: BargainingState;
  /** 人民调解: the separate talks (背靠背) and the parties' positions; meaningful when kind is "mediation". */
  mediation: MediationState;
  /** 分组讨论: the groups this meeting split into (phase "none" when it never did). */
  groups: GroupsState;
  /** In a group meeting: its plenary and group (config.sync); null in every other meeting. */
  groupOf: GroupOf | null;
  /** In a group meeting: the group's report (小组汇报要点) as last saved. */
  groupReport: GroupReport | null;
}

export const initialState = (): MeetingState => ({
  seq: 0,
  kind: "consultation",
  status: "scheduled",
  openedAt: null,
  closedAt: null,
  roster: [],
  agenda: [],
  currentItemId: null,
  attendance: {},
  quorumRule: "majority",
  speechCaps: DEFAULT_SPEECH_CAPS,
  ordering: DEFAULT_ORDERING,
  plan: [],
  queue: [],
  floor: null,
  speeches: [],
  written: [],
  interjectionRules: DEFAULT_INTERJECTION_RULES,
  interjectionsOff: [],
  interjectionRequests: [],
  interjection: null,
  interjections: [],
  asked: [],
  venueMuted: false,
  interpretation: null,
  polls: [],
  pollRules: { clerkMay: false, allowed: true },
  notes: { summaries: {}, suggestions: [], decisions: [] },
  recordShared: false,
  stenographers: [],
  transcript: [],
  timeZone: DEFAULT_TIME_ZONE,
  micOpensOnFloor: false,
  attendanceLog: [],
  itemVisits: [],
  bargaining: initialBargaining(),
  mediation: initialMediation(),
  groups: initialGroups(),
  groupOf: null,
  groupReport: null,
});

export const queuePosition = (state: MeetingState, participantId: string): number => state.queue.findIndex((entry) => entry.participantId === participantId);

/** Active speaking time so far: wall time since the start minus the pauses. */
export function spokenMs(speech: Speech, now: number): number {
  const pausedNow = speech.pausedAt === null ? 0 : Math.max(0, now - speech.pausedAt);
  return Math.max(0, now - speech.startedAt - speech.pausedMs - pausedNow);
}

export const inRoster = (state: MeetingState, participantId: string): boolean => state.roster.some((entry) => entry.id === participantId);

/** The refusal for commands that need a meeting in session, or null when it is open. */
export const notOpen = (state: MeetingState): "MEETING_NOT_OPEN" | "MEETING_CLOSED" | null =>
  state.status === "open" ? null : state.status === "scheduled" ? "MEETING_NOT_OPEN" : "MEETING_CLOSED";
