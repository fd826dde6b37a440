// The organiser API client (docs/api.md): same-origin cookie session, JSON, the CSRF header on
// every non-GET request, and errors carried as the server's { code, message: { zh, en } }.
import type { RoomLinkKind } from "@core/venue/roomLinks.ts";
import { adminEn } from "../i18n/admin.en.ts";
import { adminZh } from "../i18n/admin.zh.ts";
import type {
  Account,
  AgendaItem,
  ArchiveMeeting,
  ImportResult,
  Link,
  Material,
  Meeting,
  MeetingDetail,
  MeetingInput,
  Participant,
  ParticipantInput,
  PlannedSpeech,
  SearchHit,
  PlannedSpeechInput,
  RosterSort,
  RowReport,
  StaffRole,
} from "./types.ts";

export interface Bilingual {
  zh: string;
  en: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly details?: unknown,
  ) {
    super(`${status} ${code}: ${text.en}`);
  }

  /** Row reports of a refused roster import, when the server sent them. */
  get rows(): RowReport[] {
    if (!Array.isArray(this.details)) return [];
    return (this.details as unknown[]).filter(
      (d): d is RowReport => typeof d === "object" && d !== null && typeof (d as RowReport).row === "number" && typeof (d as RowReport).message === "object",
    );
  }
}

const localError = (status: number, code: string, key: keyof typeof adminZh.errors): ApiError =>
  new ApiError(status, code, { zh: adminZh.errors[key], en: adminEn.errors[key] });

let unauthenticated: (() => void) | null = null;

/** Called when the server answers 401 UNAUTHENTICATED (session missing or expired). */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticated = handler;
}

type Body = unknown;

/** One JSON request to the API (exported for page modules with their own endpoints, e.g. the ledger). */
export async function request<T>(method: string, path: string, body?: Body): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET") headers["X-Yishiting"] = "1";
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  } catch {
    throw localError(0, "NETWORK", "network");
  }
  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
    const message = error?.message as Partial<Bilingual> | undefined;
    const apiError =
      error && typeof error.code === "string" && message && typeof message.zh === "string" && typeof message.en === "string"
        ? new ApiError(response.status, error.code, { zh: message.zh, en: message.en }, error.details)
        : response.status === 413
          ? localError(413, "FILE_TOO_LARGE", "tooLarge")
          : localError(response.status, "HTTP", "unexpected");
    if (apiError.code === "UNAUTHENTICATED") unauthenticated?.();
    throw apiError;
  }
  if (json === undefined) throw localError(response.status, "HTTP", "unexpected");
  return json as T;
}

const get = <T>(path: string) => request<T>("GET", path);
const post = <T>(path: string, body?: Body) => request<T>("POST", path, body ?? {});
const patch = <T>(path: string, body: Body) => request<T>("PATCH", path, body);
const put = <T>(path: string, body: Body) => request<T>("PUT", path, body);
const del = <T>(path: string) => request<T>("DELETE", path);
const enc = encodeURIComponent;
const m = (meetingId: string) => `/api/meetings/${enc(meetingId)}`;

const fileForm = (file: File): FormData => {
  const form = new FormData();
  form.append("file", file, file.name);
  return form;
};

export const api = {
  // Session
  login: (username: string, password: string) => post<{ account: Account }>("/api/auth/login", { username, password }),
  logout: () => post<{ ok: true }>("/api/auth/logout"),
  me: () => get<{ account: Account }>("/api/auth/me"),
  changePassword: (currentPassword: string, newPassword: string) =>
    post<{ ok: true }>("/api/auth/password", { currentPassword, newPassword }),

  // Accounts (admin)
  accounts: () => get<{ accounts: Account[] }>("/api/accounts"),
  createAccount: (input: { username: string; displayName: string; role: StaffRole; departmentId?: string }) =>
    post<{ account: Account; oneTimePassword: string }>("/api/accounts", input),
  updateAccount: (id: string, input: { displayName?: string; role?: StaffRole; disabled?: boolean; departmentId?: string }) =>
    patch<{ account: Account }>(`/api/accounts/${enc(id)}`, input),
  resetPassword: (id: string) => post<{ oneTimePassword: string }>(`/api/accounts/${enc(id)}/reset-password`),

  // Meetings
  meetings: (archived: boolean) => get<{ meetings: Meeting[] }>(`/api/meetings?archived=${archived}`),
  createMeeting: (input: MeetingInput) => post<{ meeting: Meeting }>("/api/meetings", input),
  meeting: (id: string) => get<MeetingDetail>(m(id)),
  updateMeeting: (id: string, input: Partial<MeetingInput>) => patch<{ meeting: Meeting }>(m(id), input),
  archiveMeeting: (id: string, archived: boolean) => post<{ meeting: Meeting }>(`${m(id)}/archive`, { archived }),

  // Archive (会议档案): every meeting, and full-text search over their records
  archiveMeetings: () => get<{ meetings: ArchiveMeeting[] }>("/api/archive/meetings"),
  archiveSearch: (q: string) => get<{ query: string; results: SearchHit[] }>(`/api/archive/search?q=${enc(q)}&limit=100`),

  // Agenda and materials
  addAgendaItem: (id: string, input: { title: string; presenter?: string; plannedMinutes: number }) =>
    post<{ item: AgendaItem }>(`${m(id)}/agenda`, input),
  updateAgendaItem: (id: string, itemId: string, input: { title?: string; presenter?: string | null; plannedMinutes?: number }) =>
    patch<{ item: AgendaItem }>(`${m(id)}/agenda/${enc(itemId)}`, input),
  deleteAgendaItem: (id: string, itemId: string) => del<{ ok: true }>(`${m(id)}/agenda/${enc(itemId)}`),
  reorderAgenda: (id: string, itemIds: string[]) => put<{ agenda: AgendaItem[] }>(`${m(id)}/agenda/order`, { itemIds }),
  uploadMaterial: (id: string, itemId: string, file: File) =>
    post<{ material: Material }>(`${m(id)}/agenda/${enc(itemId)}/materials`, fileForm(file)),
  deleteMaterial: (id: string, materialId: string) => del<{ ok: true }>(`${m(id)}/materials/${enc(materialId)}`),
  materialUrl: (id: string, materialId: string) => `${m(id)}/materials/${enc(materialId)}`,

  // Speaking plan
  plan: (id: string) => get<{ plan: PlannedSpeech[] }>(`${m(id)}/plan`),
  addPlannedSpeech: (id: string, input: PlannedSpeechInput) => post<{ speech: PlannedSpeech }>(`${m(id)}/plan`, input),
  updatePlannedSpeech: (id: string, bookingId: string, input: Partial<PlannedSpeechInput>) =>
    patch<{ speech: PlannedSpeech }>(`${m(id)}/plan/${enc(bookingId)}`, input),
  deletePlannedSpeech: (id: string, bookingId: string) => del<{ ok: true }>(`${m(id)}/plan/${enc(bookingId)}`),
  reorderPlan: (id: string, bookingIds: string[]) => put<{ plan: PlannedSpeech[] }>(`${m(id)}/plan/order`, { bookingIds }),

  // Roster and links
  participants: (id: string, sort: RosterSort) => get<{ participants: Participant[] }>(`${m(id)}/participants?sort=${sort}`),
  addParticipant: (id: string, input: ParticipantInput) => post<{ participant: Participant }>(`${m(id)}/participants`, input),
  updateParticipant: (id: string, pid: string, input: Partial<ParticipantInput>) =>
    patch<{ participant: Participant }>(`${m(id)}/participants/${enc(pid)}`, input),
  importRoster: (id: string, file: File, dryRun: boolean, acceptWarnings = false) =>
    post<ImportResult>(`${m(id)}/roster/import?dryRun=${dryRun}${acceptWarnings ? "&acceptWarnings=true" : ""}`, fileForm(file)),
  exportUrl: (id: string, format: "csv" | "xlsx", sort: RosterSort) => `${m(id)}/roster/export?format=${format}&sort=${sort}`,
  link: (id: string, pid: string) => get<Link>(`${m(id)}/participants/${enc(pid)}/link`),
  reissueLink: (id: string, pid: string) => post<Link>(`${m(id)}/participants/${enc(pid)}/link/reissue`),
  revokeLink: (id: string, pid: string) => post<{ ok: true }>(`${m(id)}/participants/${enc(pid)}/link/revoke`),
  /** The room display's (display-link) or the venue terminal's (venue-link) link. */
  roomLink: (id: string, kind: RoomLinkKind) => get<Link>(`${m(id)}/${kind}-link`),
  reissueRoomLink: (id: string, kind: RoomLinkKind) => post<Link>(`${m(id)}/${kind}-link/reissue`),
  revokeRoomLink: (id: string, kind: RoomLinkKind) => post<{ ok: true }>(`${m(id)}/${kind}-link/revoke`),
  checkinLink: (id: string) => get<Link>(`${m(id)}/checkin-link`),
};
