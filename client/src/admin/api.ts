// The organiser API (docs/api.md) over the one HTTP client (../http/api.ts): same-origin cookie
// session, every answer parsed with its core/api schema, refusals as HttpError with the server's
// { code, message: { zh, en } } (local failures with the admin's texts).
import { z } from "zod";
import { AccountPatch, AccountResponse, AccountsResponse, CreatedAccountResponse, OneTimePasswordResponse, type NewAccountInput } from "@core/api/accounts.ts";
import { ArchiveMeetingsResponse, SearchResponse } from "@core/api/archive.ts";
import { OkResponse } from "@core/api/common.ts";
import { JoinCodeResponse, Link } from "@core/api/links.ts";
import {
  AgendaItemResponse,
  AgendaResponse,
  MaterialResponse,
  MeetingDetail,
  MeetingResponse,
  MeetingsResponse,
  type AgendaInput,
  type AgendaPatch,
  type MeetingInput,
} from "@core/api/meetings.ts";
import { GroupsResponse, type GroupsBody } from "@core/api/groups.ts";
import { PlannedSpeechResponse, PlanResponse } from "@core/api/plan.ts";
import { StaffEntryResponse } from "@core/api/staffEntry.ts";
import type { StaffEntryRole } from "@core/staffEntry.ts";
import { RetentionPolicy, RetentionPreviewResponse, RetentionResponse, RetentionSweepResponse, type RetentionPolicyInput } from "@core/api/retention.ts";
import { ImportResponse, ParticipantResponse, ParticipantsResponse, type ParticipantFields, type RosterSort } from "@core/api/roster.ts";
import type { RoomLinkKind } from "@core/venue/roomLinks.ts";
import { httpClient, HttpError, type Method } from "../http/api.ts";
import { adminEn } from "../i18n/admin.en.ts";
import { adminZh } from "../i18n/admin.zh.ts";
import type { PlannedSpeechInput } from "./types.ts";

export { HttpError, type Bilingual } from "../http/api.ts";

let unauthenticated: (() => void) | null = null;

/** Called when the server answers 401 UNAUTHENTICATED (session missing or expired). */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticated = handler;
}

const client = httpClient({
  localText: (failure) => ({ zh: adminZh.errors[failure], en: adminEn.errors[failure] }),
  onError: (error: HttpError) => {
    if (error.code === "UNAUTHENTICATED") unauthenticated?.();
  },
});

/** One JSON request to the API, its answer parsed with `response` (for page modules with their own endpoints, e.g. the ledger). */
export const request = <S extends z.ZodType>(method: Method, path: string, response: S, body?: unknown): Promise<z.output<S>> =>
  client.json(method, path, response, body);

/** The same, with the answer's headers. */
export const requestWithHeaders = <S extends z.ZodType>(method: Method, path: string, response: S, body?: unknown) =>
  client.jsonWithHeaders(method, path, response, body);

const get = <S extends z.ZodType>(path: string, response: S) => request("GET", path, response);
const post = <S extends z.ZodType>(path: string, response: S, body?: unknown) => request("POST", path, response, body ?? {});
const patch = <S extends z.ZodType>(path: string, response: S, body: unknown) => request("PATCH", path, response, body);
const put = <S extends z.ZodType>(path: string, response: S, body: unknown) => request("PUT", path, response, body);
const del = <S extends z.ZodType>(path: string, response: S) => request("DELETE", path, response);
const enc = encodeURIComponent;
const m = (meetingId: string) => `/api/meetings/${enc(meetingId)}`;

const fileForm = (file: File): FormData => {
  const form = new FormData();
  form.append("file", file, file.name);
  return form;
};

export const api = {
  // Session
  login: (username: string, password: string) => post("/api/auth/login", AccountResponse, { username, password }),
  logout: () => post("/api/auth/logout", OkResponse),
  me: () => get("/api/auth/me", AccountResponse),
  changePassword: (currentPassword: string, newPassword: string) => post("/api/auth/password", OkResponse, { currentPassword, newPassword }),

  // Accounts (admin)
  accounts: () => get("/api/accounts", AccountsResponse),
  createAccount: (input: NewAccountInput) => post("/api/accounts", CreatedAccountResponse, input),
  updateAccount: (id: string, input: AccountPatch) => patch(`/api/accounts/${enc(id)}`, AccountResponse, input),
  resetPassword: (id: string) => post(`/api/accounts/${enc(id)}/reset-password`, OneTimePasswordResponse),

  // Meetings
  meetings: (archived: boolean) => get(`/api/meetings?archived=${archived}`, MeetingsResponse),
  createMeeting: (input: MeetingInput) => post("/api/meetings", MeetingResponse, input),
  meeting: (id: string) => get(m(id), MeetingDetail),
  updateMeeting: (id: string, input: Partial<MeetingInput>) => patch(m(id), MeetingResponse, input),
  archiveMeeting: (id: string, archived: boolean) => post(`${m(id)}/archive`, MeetingResponse, { archived }),

  // Archive (会议档案): every meeting, and full-text search over their records
  archiveMeetings: () => get("/api/archive/meetings", ArchiveMeetingsResponse),
  archiveSearch: (q: string) => get(`/api/archive/search?q=${enc(q)}&limit=100`, SearchResponse),

  // 保留策略: the policy for recordings and materials, what it deletes, and the record of deletions
  retention: () => get("/api/retention", RetentionResponse),
  /** `PUT` answers `{ policy }` (the contract names no schema for it). */
  saveRetention: (input: RetentionPolicyInput) => put("/api/retention", z.object({ policy: RetentionPolicy }), input),
  previewRetention: (input: RetentionPolicyInput) => post("/api/retention/preview", RetentionPreviewResponse, input),
  sweepRetention: () => post("/api/retention/sweep", RetentionSweepResponse),

  // Agenda and materials
  addAgendaItem: (id: string, input: AgendaInput) => post(`${m(id)}/agenda`, AgendaItemResponse, input),
  updateAgendaItem: (id: string, itemId: string, input: AgendaPatch) => patch(`${m(id)}/agenda/${enc(itemId)}`, AgendaItemResponse, input),
  deleteAgendaItem: (id: string, itemId: string) => del(`${m(id)}/agenda/${enc(itemId)}`, OkResponse),
  reorderAgenda: (id: string, itemIds: string[]) => put(`${m(id)}/agenda/order`, AgendaResponse, { itemIds }),
  uploadMaterial: (id: string, itemId: string, file: File) => post(`${m(id)}/agenda/${enc(itemId)}/materials`, MaterialResponse, fileForm(file)),
  deleteMaterial: (id: string, materialId: string) => del(`${m(id)}/materials/${enc(materialId)}`, OkResponse),
  materialUrl: (id: string, materialId: string) => `${m(id)}/materials/${enc(materialId)}`,

  // 分组讨论: the groups as the live meeting holds them; defining them (groups.define by the server)
  groups: (id: string) => get(`${m(id)}/groups`, GroupsResponse),
  defineGroups: (id: string, body: GroupsBody) => put(`${m(id)}/groups`, GroupsResponse, body),

  // Speaking plan
  plan: (id: string) => get(`${m(id)}/plan`, PlanResponse),
  addPlannedSpeech: (id: string, input: PlannedSpeechInput) => post(`${m(id)}/plan`, PlannedSpeechResponse, input),
  updatePlannedSpeech: (id: string, bookingId: string, input: Partial<PlannedSpeechInput>) =>
    patch(`${m(id)}/plan/${enc(bookingId)}`, PlannedSpeechResponse, input),
  deletePlannedSpeech: (id: string, bookingId: string) => del(`${m(id)}/plan/${enc(bookingId)}`, OkResponse),
  reorderPlan: (id: string, bookingIds: string[]) => put(`${m(id)}/plan/order`, PlanResponse, { bookingIds }),

  // Roster and links
  participants: (id: string, sort: RosterSort) => get(`${m(id)}/participants?sort=${sort}`, ParticipantsResponse),
  addParticipant: (id: string, input: ParticipantFields) => post(`${m(id)}/participants`, ParticipantResponse, input),
  updateParticipant: (id: string, pid: string, input: Partial<ParticipantFields>) => patch(`${m(id)}/participants/${enc(pid)}`, ParticipantResponse, input),
  importRoster: (id: string, file: File, dryRun: boolean, acceptWarnings = false) =>
    post(`${m(id)}/roster/import?dryRun=${dryRun}${acceptWarnings ? "&acceptWarnings=true" : ""}`, ImportResponse, fileForm(file)),
  exportUrl: (id: string, format: "csv" | "xlsx", sort: RosterSort) => `${m(id)}/roster/export?format=${format}&sort=${sort}`,
  link: (id: string, pid: string) => get(`${m(id)}/participants/${enc(pid)}/link`, Link),
  reissueLink: (id: string, pid: string) => post(`${m(id)}/participants/${enc(pid)}/link/reissue`, Link),
  revokeLink: (id: string, pid: string) => post(`${m(id)}/participants/${enc(pid)}/link/revoke`, OkResponse),
  /** The room display's (display-link) or the venue terminal's (venue-link) link. */
  roomLink: (id: string, kind: RoomLinkKind) => get(`${m(id)}/${kind}-link`, Link),
  reissueRoomLink: (id: string, kind: RoomLinkKind) => post(`${m(id)}/${kind}-link/reissue`, Link),
  revokeRoomLink: (id: string, kind: RoomLinkKind) => post(`${m(id)}/${kind}-link/revoke`, OkResponse),
  checkinLink: (id: string) => get(`${m(id)}/checkin-link`, Link),
  /** Printed invitations (8 per A4 page, QR code and join code each) and table cards (桌牌), as PDF downloads. */
  invitationsUrl: (id: string) => `${m(id)}/invitations`,
  tableCardsUrl: (id: string) => `${m(id)}/table-cards`,
  /** What a join code (入会码) opens: the long link to go to. No session needed. */
  resolveJoinCode: (code: string) => post("/api/join/code", JoinCodeResponse, { code }),
  /** A short-lived link into the live meeting as chair, clerk or observer, without a roster entry. */
  staffEntry: (id: string, role: StaffEntryRole) => post(`${m(id)}/staff-entry`, StaffEntryResponse, { role }),
};
