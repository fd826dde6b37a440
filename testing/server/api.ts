// Integration-test helpers for the REST API: a fetch client that keeps the session cookie like
// a browser and sends the CSRF header, and staff accounts made directly in the database.
import { AccountRepository, type Account, type StaffRole } from "../../server/src/accounts/accountRepository.ts";
import type { YishitingServer } from "../../server/src/server.ts";

export const STAFF_PASSWORD = "correct-horse-battery";

/** Response bodies in tests are read field by field and checked with expect. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Headers;
  bytes: Buffer;
}

export interface RequestOptions {
  body?: unknown;
  /** Multipart form instead of JSON. */
  form?: FormData;
  /** A raw body sent as-is with Content-Type application/json (malformed JSON tests). */
  raw?: string;
  headers?: Record<string, string>;
  /** Send the `X-Yishiting: 1` header (default true). */
  csrf?: boolean;
}

/** A browser-like client: one cookie jar, JSON in and out. */
export class ApiClient {
  session: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = Json>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.csrf ?? true) headers["X-Yishiting"] = "1";
    if (this.session) headers.Cookie = `yst_session=${this.session}`;
    let body: BodyInit | undefined;
    if (options.form) body = options.form;
    else if (options.raw !== undefined) {
      headers["Content-Type"] = "application/json";
      body = options.raw;
    } else if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    const res = await fetch(this.baseUrl + path, { method, headers, ...(body === undefined ? {} : { body }) });
    for (const cookie of res.headers.getSetCookie()) {
      const match = /^yst_session=([^;]*)/.exec(cookie);
      if (!match) continue;
      const cleared = match[1] === "" || /expires=Thu, 01 Jan 1970/i.test(cookie) || /max-age=0/i.test(cookie);
      this.session = cleared ? undefined : match[1];
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    const isJson = res.headers.get("content-type")?.includes("application/json") ?? false;
    return { status: res.status, body: (isJson ? JSON.parse(bytes.toString("utf8")) : undefined) as T, headers: res.headers, bytes };
  }

  get = <T = Json>(path: string, options?: RequestOptions) => this.request<T>("GET", path, options);
  post = <T = Json>(path: string, body?: unknown, options?: RequestOptions) => this.request<T>("POST", path, { ...options, body });
  patch = <T = Json>(path: string, body?: unknown, options?: RequestOptions) => this.request<T>("PATCH", path, { ...options, body });
  put = <T = Json>(path: string, body?: unknown, options?: RequestOptions) => this.request<T>("PUT", path, { ...options, body });
  delete = <T = Json>(path: string, options?: RequestOptions) => this.request<T>("DELETE", path, options);

  login(username: string, password = STAFF_PASSWORD): Promise<ApiResponse> {
    return this.post("/api/auth/login", { username, password });
  }
}

/** Creates a staff account with a known password (no password change needed) directly in the database. */
export async function createStaff(server: YishitingServer, username: string, role: StaffRole, password = STAFF_PASSWORD): Promise<Account> {
  const created = await new AccountRepository(server.db).create({ username, displayName: username, role, password });
  if (!created) throw new Error(`username ${username} taken`);
  return created.account;
}

/** A logged-in client for a new account. */
export async function staffClient(
  server: YishitingServer,
  baseUrl: string,
  username: string,
  role: StaffRole,
): Promise<{ client: ApiClient; account: Account }> {
  const account = await createStaff(server, username, role);
  const client = new ApiClient(baseUrl);
  const res = await client.login(username);
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, account };
}

/** A logged-in grid worker (网格员) of a community. */
export async function gridWorkerClient(
  server: YishitingServer,
  baseUrl: string,
  username: string,
  communityId: string,
): Promise<{ client: ApiClient; account: Account }> {
  const created = await new AccountRepository(server.db).create({ username, displayName: username, role: "gridWorker", communityId, password: STAFF_PASSWORD });
  if (!created) throw new Error(`username ${username} taken`);
  const client = new ApiClient(baseUrl);
  const res = await client.login(username);
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, account: created.account };
}

/** Links an account to a participant (a chair or clerk of that meeting). */
export async function linkAccount(server: YishitingServer, participantId: string, accountId: string): Promise<void> {
  await server.db.participant.update({ where: { id: participantId }, data: { accountId } });
}

/** A multipart form with one file in field `file`. */
export function fileForm(content: Buffer | string, fileName: string, type = "application/octet-stream"): FormData {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(typeof content === "string" ? Buffer.from(content) : content)], { type }), fileName);
  return form;
}
