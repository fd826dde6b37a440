// The archive over HTTP (docs/archive.md, docs/api.md#archive): every meeting with its counts,
// and full-text search over speeches, summaries, suggestions, decisions and the minutes drafts.
// Admin and organiser sessions only: the archive spans all meetings.
import { Router } from "express";
import { abort, route } from "../http/apiError.ts";
import { SearchQuery } from "../../../core/api/archive.ts";
import { MANAGERS, requireStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import type { ArchiveIndex } from "./archiveIndex.ts";

export function archiveRoutes(deps: { archive: ArchiveIndex }): Router {
  const router = Router();

  router.get(
    "/archive/search",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const query = parse(SearchQuery, req.query);
      const results =
        (await deps.archive.search(query.q, { limit: query.limit, ...(query.meetingId === undefined ? {} : { meetingId: query.meetingId }) })) ??
        abort("VALIDATION", ["q: 检索词须含汉字、字母或数字 / must contain letters, digits or Chinese characters"]);
      res.json({ query: query.q, results });
    }),
  );

  router.get(
    "/archive/meetings",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      res.json({ meetings: await deps.archive.meetings() });
    }),
  );

  return router;
}
