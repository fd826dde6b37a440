// The member's own speaking-plan entries over the REST API with the join token
// (docs/api.md#speaking-plan-发言安排): before the meeting opens they register a booked or a
// written speech, see their entries (also those the secretariat arranged) and withdraw their own.
import { restRequest as request } from "../../connection/rest.ts";

export interface MyPlannedSpeech {
  id: string;
  kind: "booked" | "written";
  agendaItemId: string | null;
  title: string;
  text: string;
  selfRegistered: boolean;
}

export interface MySpeechInput {
  kind: "booked" | "written";
  agendaItemId: string | null;
  title: string;
  text: string;
}

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/my-speeches`;

export const myPlanApi = {
  list: (meetingId: string, token: string, fallback?: string) =>
    request<{ plan: MyPlannedSpeech[] }>(token, "GET", base(meetingId), undefined, fallback).then((r) => r.plan),
  register: (meetingId: string, token: string, input: MySpeechInput, fallback?: string) =>
    request<{ speech: MyPlannedSpeech }>(token, "POST", base(meetingId), input, fallback).then((r) => r.speech),
  withdraw: (meetingId: string, token: string, id: string, fallback?: string) =>
    request<{ ok: true }>(token, "DELETE", `${base(meetingId)}/${encodeURIComponent(id)}`, undefined, fallback),
};
