// The mediation cases (调解案件) over REST (docs/api.md "Mediation cases").
import { CommunitiesResponse } from "@core/api/community.ts";
import { ItemsResponse } from "@core/api/ledger.ts";
import { MeetingsResponse } from "@core/api/meetings.ts";
import {
  MediationCaseResponse,
  NewCaseSessionResponse,
  MediationCasesResponse,
  MediationStatisticsResponse,
  type MediationCaseStep,
  type NewCaseSession,
  type NewMediationCase,
} from "@core/api/mediationCases.ts";
import type { CaseState } from "@core/mediation/case.ts";
import { request } from "../../admin/api.ts";

const c = (id: string) => `/api/mediation/cases/${encodeURIComponent(id)}`;
const query = (state: CaseState | null) => (state ? `?state=${state}` : "");

export const caseApi = {
  list: (state: CaseState | null) => request("GET", `/api/mediation/cases${query(state)}`, MediationCasesResponse),
  statistics: () => request("GET", "/api/mediation/cases/statistics", MediationStatisticsResponse),
  exportUrl: (state: CaseState | null) => `/api/mediation/cases/export.xlsx${query(state)}`,
  get: (id: string) => request("GET", c(id), MediationCaseResponse),
  create: (input: NewMediationCase) => request("POST", "/api/mediation/cases", MediationCaseResponse, input),
  step: (id: string, step: MediationCaseStep) => request("POST", `${c(id)}/steps`, MediationCaseResponse, step),
  linkMeeting: (id: string, meetingId: string) => request("POST", `${c(id)}/meetings`, MediationCaseResponse, { meetingId }),
  /** 新建调解会谈: a mediation meeting whose roster is the case's people. */
  newSession: (id: string, session: NewCaseSession) => request("POST", `${c(id)}/sessions`, NewCaseSessionResponse, session),
  /** The meetings of kind mediation not archived: what an existing session is picked from. */
  mediationMeetings: async () => (await request("GET", "/api/meetings?archived=false", MeetingsResponse)).meetings.filter((m) => m.kind === "mediation"),
  communities: () => request("GET", "/api/communities", CommunitiesResponse),
  /** The ledger item with this 序号 (a resident's report), if any. */
  ledgerItem: async (number: string) => (await request("GET", `/api/ledger/items?number=${encodeURIComponent(number)}`, ItemsResponse)).items[0] ?? null,
};
