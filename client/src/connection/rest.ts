// REST calls of the meeting screens with the join token (the member's own speaking plan and
// suggestions, the minutes, the recordings, downloads), over the one HTTP client
// (../http/api.ts). A refusal is an HttpError whose message is the server's text in the current
// language, else the caller's fallback (docs/api.md: `{ error: { code, message, details } }`).
import type { z } from "zod";
import { httpClient, type HttpClient, type Method } from "../http/api.ts";
import { currentLanguage } from "../i18n/i18n.ts";

/** The client of the meeting screens: the join token, messages in the current language, `fallback` for local failures. */
export function meetingHttp(token: string, fallback = "Request failed"): HttpClient {
  return httpClient({ token, language: currentLanguage, localText: () => ({ zh: fallback, en: fallback }) });
}

/** Sends `body` as JSON (non-GET requests carry the X-Yishiting header the server requires); the answer parsed with `response`. */
export function restRequest<S extends z.ZodType>(
  token: string,
  method: Method,
  url: string,
  response: S,
  body?: unknown,
  fallback = "Request failed",
): Promise<z.output<S>> {
  return meetingHttp(token, fallback).json(method, url, response, body);
}
