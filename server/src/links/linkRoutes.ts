// Join links (current, re-issue, revoke), the room display's link and the check-in link.
import { Router } from "express";
import { z } from "zod";
import { fail, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { Id, IdParams } from "../http/schemas.ts";
import { isManager, requireMeetingManager, requireMeetingStaff, requireStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";

const ParticipantParams = z.object({ id: Id, pid: Id });

export function linkRoutes(deps: ApiDeps): Router {
  const { db, links, participants } = deps;
  const router = Router();

  router.get(
    "/meetings/:id/participants/:pid/link",
    route(async (req, res) => {
      const { id, pid } = parse(ParticipantParams, req.params);
      const { account } = requireStaff(req);
      if (isManager(account)) {
        await requireMeetingManager(db, req, id);
        if (!(await participants.find(id, pid))) fail("NOT_FOUND");
      } else {
        // A chair or clerk gets only the link of the participant linked to their own account.
        const p = await participants.find(id, pid);
        if (!p || p.accountId !== account.id) fail("FORBIDDEN");
      }
      res.json(await links.current(deps.baseUrl(req), pid));
    }),
  );

  router.post(
    "/meetings/:id/participants/:pid/link/reissue",
    route(async (req, res) => {
      const { id, pid } = parse(ParticipantParams, req.params);
      await requireMeetingManager(db, req, id);
      if (!(await participants.find(id, pid))) fail("NOT_FOUND");
      res.json(await links.reissue(deps.baseUrl(req), pid));
    }),
  );

  router.post(
    "/meetings/:id/participants/:pid/link/revoke",
    route(async (req, res) => {
      const { id, pid } = parse(ParticipantParams, req.params);
      await requireMeetingManager(db, req, id);
      if (!(await participants.find(id, pid))) fail("NOT_FOUND");
      await links.revoke(pid);
      res.json({ ok: true });
    }),
  );

  router.get(
    "/meetings/:id/display-link",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaff(db, req, id);
      res.json(await links.display(deps.baseUrl(req), id));
    }),
  );

  router.get(
    "/meetings/:id/checkin-link",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaff(db, req, id);
      res.json(await links.checkin(deps.baseUrl(req), id));
    }),
  );

  return router;
}
