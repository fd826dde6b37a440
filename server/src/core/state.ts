// The state of one live meeting, as rebuilt from its event log.
import type { Role } from "./roles.ts";

export const DEFAULT_SPEECH_CAP_MS = 5 * 60_000;

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
  participantId: string;
  requestedAt: number;
}

export interface Speech {
  speechId: string;
  participantId: string;
  startedAt: number;
  capMs: number;
  /** The agenda item that was current when the speech started. */
  agendaItemId: string | null;
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
  status: MeetingStatus;
  openedAt: number | null;
  closedAt: number | null;
  roster: RosterEntry[];
  agenda: AgendaEntry[];
  currentItemId: string | null;
  attendance: Record<string, Attendance>;
  quorumRule: QuorumRule;
  speechCapMs: number;
  queue: QueueEntry[];
  floor: Speech | null;
  speeches: SpeechRecord[];
  /** The chair muted the room's microphone feed (会场). */
  venueMuted: boolean;
}

export const initialState = (): MeetingState => ({
  seq: 0,
  status: "scheduled",
  openedAt: null,
  closedAt: null,
  roster: [],
  agenda: [],
  currentItemId: null,
  attendance: {},
  quorumRule: "majority",
  speechCapMs: DEFAULT_SPEECH_CAP_MS,
  queue: [],
  floor: null,
  speeches: [],
  venueMuted: false,
});

export const queuePosition = (state: MeetingState, participantId: string): number =>
  state.queue.findIndex((entry) => entry.participantId === participantId);

export const inRoster = (state: MeetingState, participantId: string): boolean =>
  state.roster.some((entry) => entry.id === participantId);

/** The refusal for commands that need a meeting in session, or null when it is open. */
export const notOpen = (state: MeetingState): "MEETING_NOT_OPEN" | "MEETING_CLOSED" | null =>
  state.status === "open" ? null : state.status === "scheduled" ? "MEETING_NOT_OPEN" : "MEETING_CLOSED";
