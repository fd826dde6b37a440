// Each HTTP request gets an id — the caller's X-Request-Id when it is a plain token, else a new
// one — sent back in X-Request-Id and carried by every log line written while serving it
// (requestContext.ts); when the response is done, one line: method, the matched route's pattern
// (never the path itself: some hold tokens or codes, /api/public/campaign-links/:token), status,
// duration and, for a meeting's routes, the meeting id. Never the query, a body, a cookie or the address.
import { randomUUID } from "node:crypto";
import type { Request, RequestHandler } from "express";
import type { Logger } from "./logger.ts";
import { withRequest } from "./requestContext.ts";

/** A request id from the caller is kept only when it is short and plain (it goes into every line). */
const CALLER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get("x-request-id");
    const reqId = given !== undefined && CALLER_ID.test(given) ? given : randomUUID();
    res.setHeader("X-Request-Id", reqId);
    const started = performance.now();
    res.once("close", () => {
      const route = routeOf(req);
      withRequest({ reqId }, () =>
        logger.info("request", {
          method: req.method,
          route,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          // A response cut off before it was complete (the client went away, or the server destroyed it).
          ...(res.writableFinished ? {} : { aborted: true }),
          ...meetingOf(req, route),
        }),
      );
    });
    withRequest({ reqId }, next);
  };
}

/** The pattern of the route that answered (`/api/meetings/:id/agenda`), or undefined when none did (static files, 404s). */
function routeOf(req: Request): string | undefined {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (!route || route.path === undefined) return undefined;
  return typeof route.path === "string" ? `${req.baseUrl}${route.path}` : "(pattern)";
}

/**
 * A meeting's routes name it `:id` right after /api/meetings/: that segment of the path. (Read from
 * the URL: once a route has failed, express has already put the router's parameters back.)
 */
function meetingOf(req: Request, route: string | undefined): { meetingId?: string } {
  if (!route?.startsWith("/api/meetings/:id")) return {};
  const segment = req.originalUrl.split("?")[0]!.split("/")[3];
  try {
    return segment ? { meetingId: decodeURIComponent(segment) } : {};
  } catch {
    return {};
  }
}
