// The state of one live meeting, as rebuilt from its event log.
import type { MeetingKind } from "./meetingKind.ts";
import type { Poll } from "./poll/schema.ts";
import type { RecordNotes } from "./record/schema.ts";
import type { Role } from "./roles.ts";

export const DEFAULT_SPEECH_CAP_MS = 5 * 60_000;

/** 预约发言 booked · 即席发言 impromptu · 程序性发言 point of order. */
export type SpeechKind = "booked" | "impromptu" | "pointOfOrder";
export const SPEECH_KINDS: readonly SpeechKind[] = ["booked", "impromptu", "pointOfOrder"];
export type SpeechCaps = Record<SpeechKind, number>;
/** Customary caps: booked 8 min, impromptu 5 min, a point of order 2 min. */
export const DEFAULT_SPEECH_CAPS: SpeechCaps = { booked: 8 * 60_000, impromptu: DEFAULT_SPEECH_CAP_MS, pointOfOrder: 2 * 60_000 };

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

/** 插话回应: how an official's response is marked (采纳 adopt · 研究 will study · 说明 explain). */
export type InterjectionOutcome = "adopt" | "study" | "explain";

/** Asking to interject into a speech (the running one, or the one that just ended). */
export interface InterjectionRequest {
  requestId: string;
  participantId: string;
  /** The speech it answers. */
  speechId: string;
  /** The point answered, in the requester's words (optional). */
  point: string | null;
  at: number;
}

export interface Interjection {
  interjectionId: string;
  participantId: string;
  speechId: string;
  point: string | null;
  startedAt: number;
  capMs: number;
  /** The interrupted speech's clock was running and is resumed when this ends. */
  resumesSpeech: boolean;
  outcome: InterjectionOutcome | null;
}

export interface InterjectionRecord extends Interjection {
  endedAt: number;
  durationMs: number;
  overrunMs: number;
  endedBy: string;
}

/** Per meeting: the interjection cap and whether members (not only officials) may interject. */
export interface InterjectionRules {
  capMs: number;
  membersMay: boolean;
  /** The organisers allow interjections in this meeting at all (允许插话). */
  allowed: boolean;
}
export const DEFAULT_INTERJECTION_RULES: InterjectionRules = { capMs: 2 * 60_000, membersMay: false, allowed: true };

/** 书面发言: text only, never takes the floor; goes into the record in its place. */
export interface WrittenSpeech {
  writtenId: string;
  participantId: string;
  text: string;
  at: number;
  agendaItemId: string | null;
  submittedBy: string;
}

export type MeetingStatus = "scheduled" | "open" | "closed";

/** What every screen may know about a participant (no phone or email). */
export interface RosterEntry {
  id: string;
  name: string;
  role: Role;
  sector: string | null;
  party: string | null;
  unit: string | null;
  side: "worker" | "enterprise" | null;
  chief: boolean;
  household: string | null;
  /** Vote weight in weighted polls (e.g. a property share); 1 when not set. */
  weight?: number;
}

export interface AgendaEntry {
  id: string;
  title: string;
  presenter: string | null;
  plannedMs: number;
  /** Time spent on the item in earlier visits (an item can be returned to). */
  actualMs: number;
  /** When the current visit started; null unless this is the current item. */
  startedAt: number | null;
}

export type AttendanceStatus = "present" | "absent" | "excused";
export type ArrivalVia = "online" | "qr" | "clerk";

export interface Attendance {
  status: AttendanceStatus;
  via: ArrivalVia | null;
  since: number;
}

export type QuorumRule = "none" | "majority" | "twoThirds";

export interface QueueEntry {
  /** A roster id, or `guest-…` for an in-room guest put in by name. */
  participantId: string;
  requestedAt: number;
  kind: SpeechKind;
  /** The name of an in-room guest who is not on the roster; null for roster people. */
  guestName: string | null;
  /** The planned speech this entry delivers (booked speeches only). */
  bookingId: string | null;
}

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
  /** 即时表决: every poll of the meeting, drafts included, in creation order. */
  polls: Poll[];
  /** The organisers allow polls in this meeting (允许表决), and the clerk may run them too. */
  pollRules: { clerkMay: boolean; allowed: boolean };
  /** The clerk's notes: summaries (发言要点), suggestions (意见建议), decisions (议定事项). */
  notes: RecordNotes;
  /** 会议记录向委员公开: the organisers share the clerk's notes with members, officials and observers (core/audience.ts). */
  recordShared: boolean;
  /** Every arrival, departure and 请假 in order (the record shows comings and goings, not only the last). */
  attendanceLog: AttendanceChange[];
  /** Every start of an agenda item's visit, in order (an item can be returned to). */
  itemVisits: { itemId: string; at: number }[];
}

export interface AttendanceChange {
  participantId: string;
  status: AttendanceStatus;
  via: ArrivalVia | null;
  at: number;
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
  polls: [],
  pollRules: { clerkMay: false, allowed: true },
  notes: { summaries: {}, suggestions: [], decisions: [] },
  recordShared: false,
  attendanceLog: [],
  itemVisits: [],
});

export const queuePosition = (state: MeetingState, participantId: string): number =>
  state.queue.findIndex((entry) => entry.participantId === participantId);

/** Active speaking time so far: wall time since the start minus the pauses. */
export function spokenMs(speech: Speech, now: number): number {
  const pausedNow = speech.pausedAt === null ? 0 : Math.max(0, now - speech.pausedAt);
  return Math.max(0, now - speech.startedAt - speech.pausedMs - pausedNow);
}

export const inRoster = (state: MeetingState, participantId: string): boolean =>
  state.roster.some((entry) => entry.id === participantId);

/** The refusal for commands that need a meeting in session, or null when it is open. */
export const notOpen = (state: MeetingState): "MEETING_NOT_OPEN" | "MEETING_CLOSED" | null =>
  state.status === "open" ? null : state.status === "scheduled" ? "MEETING_NOT_OPEN" : "MEETING_CLOSED";
