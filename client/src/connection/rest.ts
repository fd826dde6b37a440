// JSON requests to the REST API with the join token (the meeting screens' few REST calls: the
// member's own speaking plan, the minutes). Refusals carry the server's stable code, its message
// in the current language and its details (docs/api.md: `{ error: { code, message, details } }`).
import { currentLanguage } from "../i18n/i18n.ts";

/** A refusal with the server's message in the current language (or the caller's fallback). */
export class RestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Sends `body` as JSON (non-GET requests carry the X-Yishiting header the server requires). */
export async function restRequest<T>(token: string, method: string, url: string, body?: unknown, fallback = "Request failed"): Promise<T> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "application/json" };
  if (method !== "GET") headers["X-Yishiting"] = "1";
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch {
    throw new RestError("NETWORK", fallback);
  }
  const json = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: { zh: string; en: string }; details?: unknown } } | undefined;
  if (!response.ok) {
    const error = json?.error;
    throw new RestError(error?.code ?? "HTTP", error?.message?.[currentLanguage()] ?? fallback, error?.details);
  }
  return json as T;
}
