// The browser's one HTTP client (docs/api.md): every REST call of the admin app (session cookie),
// the meeting screens (join token), the check-in page and the live roster goes through here.
// Requests carry the CSRF header on every non-GET; answers are parsed with the response schemas of
// core/api (an answer that does not match is RESPONSE_INVALID, never an unchecked cast); every
// failure is one HttpError with a stable code and its text in both languages: the server's
// `{ error: { code, message: { zh, en }, details } }`, or the caller's text for what the browser
// names itself (NETWORK, HTTP, FILE_TOO_LARGE, RESPONSE_INVALID). No i18n here: node tests
// import this module through the meeting connection.
import type { z } from "zod";
import { ErrorBody, type Bilingual } from "@core/api/common.ts";
import { RowReport } from "@core/api/roster.ts";

export type { Bilingual };
export type Language = keyof Bilingual;
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Failures the browser names itself, by the text they need. */
export type LocalFailure = "network" | "unexpected" | "tooLarge";

/** The stable codes of failures without the server's error body. */
export const LOCAL_CODES = {
  /** No answer: offline, DNS, connection refused. */
  network: "NETWORK",
  /** An error status without a readable error body, or a success without a JSON body. */
  http: "HTTP",
  /** 413 from a proxy (no error body). */
  tooLarge: "FILE_TOO_LARGE",
  /** A success whose body does not match the route's response schema. */
  invalid: "RESPONSE_INVALID",
} as const;

/** A refused or failed request: the server's code and message, or a local code with the caller's text. */
export class HttpError extends Error {
  constructor(
    /** The HTTP status (0: no answer). */
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly details?: unknown,
    language: Language = "en",
  ) {
    super(text[language]);
  }

  /** Row reports of a refused import (roster, ledger), when the server sent them. */
  get rows(): RowReport[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((d: unknown) => {
      const row = RowReport.safeParse(d);
      return row.success ? [row.data] : [];
    });
  }
}

export interface HttpClientOptions {
  /** The join token sent as a bearer token; absent or null: the same-origin session cookie. */
  token?: string | null;
  /** Prefix of every path (node tests: the server's origin); default: same origin. */
  baseUrl?: string;
  /** Text of local failures (default: 请求失败 / Request failed). */
  localText?: (failure: LocalFailure) => Bilingual;
  /** The language of `HttpError.message` (default English). */
  language?: () => Language;
  /** Sees every HttpError before it is thrown (the admin app: 401 UNAUTHENTICATED → login). */
  onError?: (error: HttpError) => void;
}

const DEFAULT_TEXT: Bilingual = { zh: "请求失败", en: "Request failed" };

export interface HttpClient {
  /** One JSON request; the answer parsed with `response`. A FormData body is sent as multipart. */
  json<S extends z.ZodType>(method: Method, path: string, response: S, body?: unknown): Promise<z.output<S>>;
  /** The same, with the answer's headers (the door page reads the service worker's offline copy mark). */
  jsonWithHeaders<S extends z.ZodType>(method: Method, path: string, response: S, body?: unknown): Promise<{ body: z.output<S>; headers: Headers }>;
  /** A GET whose answer is a file (downloads, audio): the Response once it is known to be a success. */
  file(path: string): Promise<Response>;
}

export function httpClient(options: HttpClientOptions = {}): HttpClient {
  const { token = null, baseUrl = "", localText = () => DEFAULT_TEXT, language = () => "en", onError } = options;

  const error = (status: number, code: string, text: Bilingual, details?: unknown): HttpError => {
    const e = new HttpError(status, code, text, details, language());
    onError?.(e);
    return e;
  };
  const local = (status: number, code: string, failure: LocalFailure, details?: unknown) => error(status, code, localText(failure), details);

  async function send(method: Method, path: string, body: unknown, accept: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (method !== "GET") headers["X-Yishiting"] = "1";
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    try {
      return await fetch(baseUrl + path, { method, headers, body: payload, ...(token === null ? { credentials: "same-origin" } : {}) });
    } catch {
      throw local(0, LOCAL_CODES.network, "network");
    }
  }

  const readJson = async (response: Response): Promise<unknown> => {
    const text = await response.text().catch(() => "");
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };

  const refusal = (response: Response, json: unknown): HttpError => {
    const parsed = ErrorBody.safeParse(json);
    if (parsed.success) return error(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
    return response.status === 413 ? local(413, LOCAL_CODES.tooLarge, "tooLarge") : local(response.status, LOCAL_CODES.http, "unexpected");
  };

  const jsonWithHeaders: HttpClient["jsonWithHeaders"] = async (method, path, response, body) => {
    const answer = await send(method, path, body, "application/json");
    const json = await readJson(answer);
    if (!answer.ok) throw refusal(answer, json);
    if (json === undefined) throw local(answer.status, LOCAL_CODES.http, "unexpected");
    const parsed = response.safeParse(json);
    if (!parsed.success)
      throw local(
        answer.status,
        LOCAL_CODES.invalid,
        "unexpected",
        parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
      );
    return { body: parsed.data, headers: answer.headers };
  };

  return {
    jsonWithHeaders,
    async json(method, path, response, body) {
      return (await jsonWithHeaders(method, path, response, body)).body;
    },
    async file(path) {
      const answer = await send("GET", path, undefined, "*/*");
      if (!answer.ok) throw refusal(answer, await readJson(answer));
      return answer;
    },
  };
}
