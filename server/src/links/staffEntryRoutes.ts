// POST /api/meetings/:id/staff-entry: staff enter a live meeting they organise without a roster
// entry (core/staffEntry.ts). Admins and organisers may take chair, clerk or observer; a chair or
// clerk account linked to the meeting its own role or observer. The answer is a join link whose
// token (signed server-side, short-lived) names the account and role and carries the login
// session it was issued in; the handshake checks the account and that the session is still open on
// every connection (meetings/joinCache.ts), and logging out drops the entry's sockets.
import { Router } from "express";
import { IdParams } from "../../../core/api/common.ts";
import { StaffEntryRequest, type StaffEntryResponse } from "../../../core/api/staffEntry.ts";
import { staffEntryRoles, staffSubject } from "../../../core/staffEntry.ts";
import { abort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { requireMeetingStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import { joinUrl } from "./urls.ts";

/** A staff entry lasts a long meeting day, not the days a personal link does. */
export const STAFF_ENTRY_TTL_HOURS = 10;

export function staffEntryRoutes(deps: Pick<ApiDeps, "meetings" | "tokens" | "baseUrl">): Router {
  const router = Router();
  router.post(
    "/meetings/:id/staff-entry",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const { account, sessionId, sessionExpiresAt } = await requireMeetingStaff(deps.meetings, req, id);
      const { role } = parse(StaffEntryRequest, req.body);
      const roles = staffEntryRoles(account.role);
      if (!roles.includes(role)) abort("FORBIDDEN");
      // Never beyond the session it belongs to (the handshake then only asks whether it is open).
      const now = Date.now();
      const expiresAt = Math.min(now + STAFF_ENTRY_TTL_HOURS * 3600_000, sessionExpiresAt);
      const claims = { participantId: staffSubject(role, account.id), meetingId: id, role, session: sessionId };
      const token = await deps.tokens.issue(claims, (expiresAt - now) / 3600_000);
      const answer: StaffEntryResponse = { url: joinUrl(deps.baseUrl(req), token), expiresAt, roles: [...roles] };
      res.json(answer);
    }),
  );
  return router;
}
