// HTTP errors: `{ error: { code, message: { zh, en }, details? } }` with the status that
// docs/api.md gives each code. Route handlers throw ApiError; anything else becomes INTERNAL.
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from "express";
import { ERROR_MESSAGES, type CoreError, type ErrorCode } from "../../../core/errors.ts";

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  IMPORT_INVALID: 400,
  LEDGER_IMPORT_INVALID: 400,
  ENCODING_UNSUPPORTED: 400,
  PASSWORD_TOO_WEAK: 400,
  LEDGER_DEADLINE_PAST: 400,
  DEPARTMENT_UNKNOWN: 400,
  COMMUNITY_UNKNOWN: 400,
  CAMPAIGN_HOUSEHOLD_UNKNOWN: 400,
  CAMPAIGN_LINK_UNKNOWN: 400,
  BARGAINING_MEETING_UNKNOWN: 400,
  BARGAINING_DATE_INVALID: 400,
  AGREEMENT_DATE_INVALID: 400,
  MEDIATION_AGREEMENT_NAME: 400,
  MEDIATION_AGREEMENT_SIGNATURE_IMAGE: 400,
  MEDIATION_AGREEMENT_PARTIES: 400,
  MEDIATION_INTAKE_ITEM_INVALID: 400,
  MEDIATION_MEETING_UNKNOWN: 400,
  MEDIATION_DATE_INVALID: 400,
  INTAKE_TOO_MANY_PHOTOS: 400,
  PROPOSAL_ANSWERS_INVALID: 400,
  PROPOSAL_FORM_EMPTY: 400,
  PROPOSAL_FORM_UNKNOWN: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_MISSING: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  LINK_REVOKED: 401,
  FORBIDDEN: 403,
  CSRF_CHECK_FAILED: 403,
  CHECKIN_INVALID: 403,
  NOT_CHIEF: 403,
  MEDIATION_AGREEMENT_NOT_SIGNER: 403,
  NOT_FOUND: 404,
  JOIN_CODE_INVALID: 404,
  CAMPAIGN_OWN_LINK_UNKNOWN: 404,
  INTAKE_LINK_UNKNOWN: 404,
  RECEIPT_UNKNOWN: 404,
  PROPOSAL_LINK_UNKNOWN: 404,
  FILE_TOO_LARGE: 413,
  TABLE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** Codes not listed are conflicts with the current state (USERNAME_TAKEN, MEETING_ALREADY_OPEN …). */
export const statusOf = (code: ErrorCode): number => STATUS[code] ?? 409;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

/**
 * Ends the request with an error response: throws an ApiError (a handy expression form:
 * `x ?? abort("NOT_FOUND")`). Only the HTTP edge aborts; stores return results, and core's
 * `fail` builds a failed Result without throwing.
 */
export function abort(code: ErrorCode, details?: unknown): never {
  throw new ApiError(code, details);
}

/** A store's outcome: core's `Result`, or a store's own with details of any shape (e.g. EDIT_CONFLICT's version). */
export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; details?: unknown } };

/** The value of a store's result, or the request aborted with the result's code. */
export function orAbort<T>(result: StoreResult<T>): T {
  if (!result.ok) abort(result.error.code, result.error.details);
  return result.value;
}

export function sendError(res: Response, code: ErrorCode, details?: unknown): void {
  const error: { code: ErrorCode; message: CoreError["message"]; details?: unknown } = { code, message: ERROR_MESSAGES[code] };
  if (details !== undefined) error.details = details;
  res.status(statusOf(code)).json({ error });
}

type AsyncHandler = (req: Request, res: Response, next: NextFunction) => Promise<unknown> | unknown;

/** Wraps a handler so that a thrown error or rejected promise reaches the error handler. */
export const route =
  (handler: AsyncHandler): RequestHandler =>
  (req, res, next) => {
    try {
      Promise.resolve(handler(req, res, next)).catch(next);
    } catch (error) {
      next(error);
    }
  };

/**
 * The last middleware of the API and of the app: ApiError → its status; a request express or
 * body-parser could not read → 400/413, the client's fault, not logged; everything else → 500.
 */
export function apiErrorHandler(log: (message: string, error?: unknown) => void): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) {
      log(`${req.method} ${loggedPath(req)} failed after the response started`, error);
      res.destroy();
      return;
    }
    if (error instanceof ApiError) return sendError(res, error.code, error.details);
    const { type, status, expose } = (error ?? {}) as { type?: unknown; status?: unknown; expose?: unknown };
    if (type === "entity.parse.failed") return sendError(res, "VALIDATION", ["(body): malformed JSON"]);
    if (type === "entity.too.large") return sendError(res, "FILE_TOO_LARGE");
    if (type === "encoding.unsupported" || type === "charset.unsupported") return sendError(res, "VALIDATION", ["(body): unsupported encoding"]);
    // The router could not percent-decode a path parameter (/api/meetings/%E0%A4%A).
    if (error instanceof URIError && status === 400) return sendError(res, "VALIDATION", ["(path): malformed percent-encoding"]);
    // body-parser's other refusals are http-errors marked for the client: a body that is not the
    // gzip/deflate/br its Content-Encoding says (zlib's Z_DATA_ERROR), a wrong Content-Length.
    if (expose === true && status === 400) {
      return sendError(res, "VALIDATION", [`(body): unreadable (${error instanceof Error ? error.message : String(error)})`]);
    }
    log(`${req.method} ${loggedPath(req)} failed`, error); // never the query: it may hold a check-in code
    sendError(res, "INTERNAL");
  };
}

/**
 * The path a failure is logged with: as requested (ids only), but a public route's pattern instead
 * (/api/public/receipts/:code): those paths hold receipt codes and link tokens.
 */
function loggedPath(req: Request): string {
  const path = `${req.baseUrl}${req.path}`;
  if (!path.startsWith("/api/public/")) return path;
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === "string" ? `${req.baseUrl}${pattern}` : "/api/public/…";
}
