// Shapes of the HTTP API (docs/api.md) as the admin app uses them: all of them are the contract's
// (core/api, inferred from its zod schemas); this module only names them for the admin screens.
import type { z } from "zod";
import type { PlanInput } from "@core/api/plan.ts";

export { STAFF_ROLES, type Account, type StaffRole } from "@core/api/accounts.ts";
export { MEETING_KINDS, ORGANISER_KINDS, type MeetingKind } from "@core/meetingKind.ts";
export {
  NOT_YET_SPOKEN,
  QUORUM_RULES,
  type AgendaItem,
  type Material,
  type Meeting,
  type MeetingDetail,
  type MeetingInput,
  type MeetingMode,
  type NotYetSpoken,
  type QuorumRule,
} from "@core/api/meetings.ts";
export {
  PARTICIPANT_ROLES,
  ROSTER_SORTS,
  type ImportResult,
  type Participant,
  type ParticipantFields as ParticipantInput,
  type ParticipantRole,
  type RosterSort,
  type RowReport,
} from "@core/api/roster.ts";
export type { Link } from "@core/api/links.ts";
export type { PlanKind, PlannedSpeech } from "@core/api/plan.ts";
export type { ArchiveMeeting, HitKind, SearchHit } from "@core/api/archive.ts";

/** What the plan form edits and sends (every field present). */
export type PlannedSpeechInput = Required<z.input<typeof PlanInput>>;
