// GET /api/live/roster: the live meeting's roster for its participants and its room display, by
// their join token (the socket handshake's checks). The compact snapshot (core/compactState.ts)
// names the roster by its tag instead of carrying it, so a client fetches it once per roster
// version: the ETag is the tag, and `If-None-Match` with it is answered 304 without a body.
import { gzipSync } from "node:zlib";
import { Router } from "express";
import { rosterJson } from "../../../core/compactState.ts";
import type { RosterEntry } from "../../../core/config/schema.ts";
import { identify } from "../gateway/handshake.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { abort, route } from "../http/apiError.ts";
import { bearerToken } from "../http/participantAuth.ts";

interface Encoded {
  etag: string;
  body: Buffer;
  /** The same body gzipped: a 2,000-name roster is ~400 KB as JSON and a tenth of it gzipped. */
  gzipped: Buffer;
}

// Encoded once per roster (the array changes only with roster.set), however many ask.
const encoded = new WeakMap<readonly RosterEntry[], Encoded>();

function encode(roster: readonly RosterEntry[]): Encoded {
  let done = encoded.get(roster);
  if (!done) {
    const { tag, json } = rosterJson(roster);
    const body = Buffer.from(`{"version":${JSON.stringify(tag)},"roster":${json}}`);
    done = { etag: `"${tag}"`, body, gzipped: gzipSync(body) };
    encoded.set(roster, done);
  }
  return done;
}

export function liveRosterRoutes(deps: Pick<ApiDeps, "tokens" | "rooms" | "meetings">): Router {
  const router = Router();
  router.get(
    "/live/roster",
    route(async (req, res) => {
      const who = await identify(bearerToken(req), deps.tokens, deps.meetings.joins, deps.rooms);
      if (!who.ok) abort(who.error.code);
      const { etag, body, gzipped } = encode((await deps.rooms.get(who.value.meetingId)).current.roster);
      // Revalidated on every use (no-cache), kept by this browser only (private).
      res.set({ "Cache-Control": "private, no-cache", ETag: etag, Vary: "Accept-Encoding" });
      if (matches(req.get("if-none-match"), etag)) return res.status(304).end();
      res.type("application/json");
      if (req.acceptsEncodings("gzip") === "gzip") res.set("Content-Encoding", "gzip").send(gzipped);
      else res.send(body);
    }),
  );
  return router;
}

const matches = (header: string | undefined, etag: string): boolean =>
  header !== undefined && header.split(",").some((candidate) => candidate.trim() === etag || candidate.trim() === "*");
