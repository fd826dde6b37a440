// The archive over HTTP (docs/archive.md, docs/api.md#archive): every meeting with its counts,
// and full-text search over speeches, summaries, suggestions, decisions and the minutes drafts.
// Admin and organiser sessions only: the archive spans all meetings.
import { Router } from "express";
import { z } from "zod";
import { fail, route } from "../http/apiError.ts";
import { Id } from "../http/schemas.ts";
import { MANAGERS, requireStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import type { ArchiveIndex } from "./archiveIndex.ts";

export const MAX_QUERY_CHARS = 50;

const SearchQuery = z
  .object({
    q: z
      .string({ error: "检索词必填 / required" })
      .trim()
      .min(1, { error: `检索词应为 1–${MAX_QUERY_CHARS} 个字符 / must be 1–${MAX_QUERY_CHARS} characters` })
      .refine((q) => [...q].length <= MAX_QUERY_CHARS, { error: `检索词应为 1–${MAX_QUERY_CHARS} 个字符 / must be 1–${MAX_QUERY_CHARS} characters` }),
    meetingId: Id.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export function archiveRoutes(deps: { archive: ArchiveIndex }): Router {
  const router = Router();

  router.get(
    "/archive/search",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const query = parse(SearchQuery, req.query);
      const results =
        (await deps.archive.search(query.q, { limit: query.limit, ...(query.meetingId === undefined ? {} : { meetingId: query.meetingId }) })) ??
        fail("VALIDATION", ["q: 检索词须含汉字、字母或数字 / must contain letters, digits or Chinese characters"]);
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
