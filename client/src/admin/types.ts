// Shapes of the HTTP API (docs/api.md). Fields marked optional are ones the contract leaves open.
import type { MeetingKind } from "@core/meetingKind.ts";

/** `department`: a 承办单位's user, who sees only the ledger (its own items). */
export type StaffRole = "admin" | "organiser" | "chair" | "clerk" | "department";
export const STAFF_ROLES: StaffRole[] = ["admin", "organiser", "chair", "clerk", "department"];

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  mustChangePassword: boolean;
  disabled: boolean;
  /** The 承办单位 of a department account (null for other roles). */
  departmentId?: string | null;
  departmentName?: string | null;
}

export { MEETING_KINDS, type MeetingKind } from "@core/meetingKind.ts";
export type MeetingMode = "hybrid" | "online";
export type QuorumRule = "none" | "majority" | "twoThirds";
export const QUORUM_RULES: QuorumRule[] = ["none", "majority", "twoThirds"];
export type NotYetSpoken = "off" | "item" | "meeting";
export const NOT_YET_SPOKEN: NotYetSpoken[] = ["off", "item", "meeting"];

export interface MeetingInput {
  title: string;
  number?: string | null;
  kind: MeetingKind;
  startsAt?: string | null;
  place?: string | null;
  mode: MeetingMode;
  /** 即席发言 (impromptu) cap. */
  speechCapSeconds: number;
  /** 预约发言 (booked) cap. */
  bookedCapSeconds: number;
  /** 程序性发言 (point of order) cap. */
  pointOfOrderCapSeconds: number;
  orderBookedFirst: boolean;
  orderPartyFirst: boolean;
  orderSectorBalance: boolean;
  orderNotYetSpoken: NotYetSpoken;
  /** 界别均衡优先: sector balance before the booked order and the party slot. */
  orderSectorFirst: boolean;
  interjectionsAllowed: boolean;
  /** 插话回应: the cap of one interjection. */
  interjectionCapSeconds: number;
  /** 插话回应: members (not only officials) may ask to interject. */
  membersMayInterject: boolean;
  pollsAllowed: boolean;
  /** 记录员可发起表决: the clerk may create, open and close polls too. */
  clerkMayRunPolls: boolean;
  /** 会议记录向委员公开: members, officials and observers see the clerk's notes live. */
  recordShared: boolean;
  quorumRule: QuorumRule;
}

export interface Meeting extends MeetingInput {
  id: string;
  archived: boolean;
  /** Live state when the server reports it (the contract leaves MeetingSummary open). */
  status?: string;
  participantCount?: number;
}

export interface Material {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
}

export interface AgendaItem {
  id: string;
  position: number;
  title: string;
  presenter: string | null;
  plannedMinutes: number;
  materials: Material[];
}

export type ParticipantRole = "chair" | "member" | "official" | "clerk" | "observer";
export const PARTICIPANT_ROLES: ParticipantRole[] = ["chair", "member", "official", "clerk", "observer"];

export interface ParticipantInput {
  name: string;
  role: ParticipantRole;
  sector?: string | null;
  party?: string | null;
  unit?: string | null;
  phone?: string | null;
  email?: string | null;
  side?: "worker" | "enterprise" | null;
  chief?: boolean;
  household?: string | null;
  /** 表决权重 in weighted polls (e.g. 专有部分面积); null or absent counts as 1. */
  voteWeight?: number | null;
  accountId?: string | null;
}

export interface Participant extends ParticipantInput {
  id: string;
  ordinal?: number;
  linkRevoked?: boolean;
}

export interface MeetingDetail {
  meeting: Meeting;
  agenda: AgendaItem[];
  participants: Participant[];
}

export interface Link {
  url: string;
  qrSvg: string;
}

export type PlanKind = "booked" | "written";

export interface PlannedSpeechInput {
  participantId: string;
  kind: PlanKind;
  agendaItemId: string | null;
  title: string;
  text: string;
}

/** One entry of the speaking plan (发言安排). */
export interface PlannedSpeech extends PlannedSpeechInput {
  id: string;
  participantName: string;
  position: number;
  createdBy: string;
  selfRegistered: boolean;
}

export type RosterSort = "roster" | "pinyin" | "stroke";
export const ROSTER_SORTS: RosterSort[] = ["roster", "pinyin", "stroke"];

export interface RowReport {
  row: number;
  field?: string;
  code: string;
  message: { zh: string; en: string };
  /** A warning: the row imports only once confirmed (e.g. LOSSY_TEXT, a character lost to GBK). */
  warning?: boolean;
}

export interface ImportResult {
  imported: number;
  report: RowReport[];
}

/** The archive (会议档案, docs/api.md#archive-会议档案): a meeting with its counts as last indexed. */
export interface ArchiveMeeting {
  id: string;
  title: string;
  number: string | null;
  kind: MeetingKind;
  /** ISO: opened, else scheduled start. */
  date: string | null;
  status: "scheduled" | "open" | "closed";
  archived: boolean;
  speeches: number;
  suggestions: number;
}

export type HitKind = "summary" | "bookedText" | "written" | "interjection" | "suggestion" | "decision" | "minutes";

/** One search hit: a unit of a meeting's record, with the matches marked in its snippet. */
export interface SearchHit {
  meetingId: string;
  meetingTitle: string;
  meetingNumber: string | null;
  date: string | null;
  kind: HitKind;
  ref: string;
  itemId: string | null;
  /** The agenda item's title (a minutes section's heading). */
  item: string | null;
  speaker: string | null;
  snippet: { text: string; match: boolean }[];
  score: number;
}
