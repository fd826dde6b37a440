// The member's own speaking-plan entries over the REST API with the join token
// (docs/api.md#speaking-plan-发言安排): before the meeting opens they register a booked or a
// written speech, see their entries (also those the secretariat arranged) and withdraw their own.
import { currentLanguage } from "../../i18n/i18n.ts";

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

/** A refusal with the server's message in the current language (or a local one). */
export class PlanRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/my-speeches`;

async function request<T>(token: string, method: string, url: string, body?: unknown, fallback = "Request failed"): Promise<T> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "application/json" };
  if (method !== "GET") headers["X-Yishiting"] = "1";
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch {
    throw new PlanRequestError("NETWORK", fallback);
  }
  const json = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: { zh: string; en: string } } } | undefined;
  if (!response.ok) {
    const error = json?.error;
    throw new PlanRequestError(error?.code ?? "HTTP", error?.message?.[currentLanguage()] ?? fallback);
  }
  return json as T;
}

export const myPlanApi = {
  list: (meetingId: string, token: string, fallback?: string) =>
    request<{ plan: MyPlannedSpeech[] }>(token, "GET", base(meetingId), undefined, fallback).then((r) => r.plan),
  register: (meetingId: string, token: string, input: MySpeechInput, fallback?: string) =>
    request<{ speech: MyPlannedSpeech }>(token, "POST", base(meetingId), input, fallback).then((r) => r.speech),
  withdraw: (meetingId: string, token: string, id: string, fallback?: string) =>
    request<{ ok: true }>(token, "DELETE", `${base(meetingId)}/${encodeURIComponent(id)}`, undefined, fallback),
};
