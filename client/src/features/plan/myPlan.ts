// The member's own speaking-plan entries over the REST API with the join token
// (docs/api.md#speaking-plan-发言安排): before the meeting opens they register a booked or a
// written speech, see their entries (also those the secretariat arranged) and withdraw their own.
import type { z } from "zod";
import { OkResponse } from "@core/api/common.ts";
import { PlannedSpeechResponse, PlanResponse, type OwnPlanInput, type PlannedSpeech } from "@core/api/plan.ts";
import { restRequest as request } from "../../connection/rest.ts";

export type MyPlannedSpeech = PlannedSpeech;
/** What the form sends (every field present). */
export type MySpeechInput = Required<z.input<typeof OwnPlanInput>>;

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/my-speeches`;

export const myPlanApi = {
  list: (meetingId: string, token: string, fallback?: string) => request(token, "GET", base(meetingId), PlanResponse, undefined, fallback).then((r) => r.plan),
  register: (meetingId: string, token: string, input: MySpeechInput, fallback?: string) =>
    request(token, "POST", base(meetingId), PlannedSpeechResponse, input, fallback).then((r) => r.speech),
  withdraw: (meetingId: string, token: string, id: string, fallback?: string) =>
    request(token, "DELETE", `${base(meetingId)}/${encodeURIComponent(id)}`, OkResponse, undefined, fallback),
};
