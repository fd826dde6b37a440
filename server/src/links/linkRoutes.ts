// Join links and the room's two links (current, re-issue, revoke), and the check-in link.
import { Router } from "express";
import { ROOM_LINK_KINDS } from "../../../core/venue/roomLinks.ts";
import { abort, orAbort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { IdParams } from "../../../core/api/common.ts";
import { ParticipantParams } from "../../../core/api/roster.ts";
import { isManager, requireMeetingManager, requireMeetingStaff, requireStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";

export function linkRoutes(deps: ApiDeps): Router {
  const { links, participants } = deps;
  const router = Router();

  router.get(
    "/meetings/:id/participants/:pid/link",
    route(async (req, res) => {
      const { id, pid } = parse(ParticipantParams, req.params);
      const { account } = requireStaff(req);
      if (isManager(account)) {
        await requireMeetingManager(deps.meetings, req, id);
        if (!(await participants.find(id, pid))) abort("NOT_FOUND");
      } else {
        // A chair or clerk gets only the link of the participant linked to their own account.
        const p = await participants.find(id, pid);
        if (!p || p.accountId !== account.id) abort("FORBIDDEN");
      }
      res.json(orAbort(await links.current(deps.baseUrl(req), pid)));
    }),
  );

  router.post(
    "/meetings/:id/participants/:pid/link/reissue",
    route(async (req, res) => {
      const { id, pid } = parse(ParticipantParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      if (!(await participants.find(id, pid))) abort("NOT_FOUND");
      res.json(await links.reissue(deps.baseUrl(req), pid));
    }),
  );

  router.post(
    "/meetings/:id/participants/:pid/link/revoke",
    route(async (req, res) => {
      const { id, pid } = parse(ParticipantParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      if (!(await participants.find(id, pid))) abort("NOT_FOUND");
      await links.revoke(pid);
      res.json({ ok: true });
    }),
  );

  // The room's two links: /display-link (大屏) and /venue-link (会场终端), each with its version.
  for (const kind of ROOM_LINK_KINDS) {
    const path = `/meetings/:id/${kind}-link`;
    router.get(
      path,
      route(async (req, res) => {
        const { id } = parse(IdParams, req.params);
        await requireMeetingStaff(deps.meetings, req, id);
        res.json(orAbort(await links.room(deps.baseUrl(req), id, kind)));
      }),
    );
    router.post(
      `${path}/reissue`,
      route(async (req, res) => {
        const { id } = parse(IdParams, req.params);
        await requireMeetingManager(deps.meetings, req, id);
        res.json(await links.reissueRoom(deps.baseUrl(req), id, kind));
      }),
    );
    router.post(
      `${path}/revoke`,
      route(async (req, res) => {
        const { id } = parse(IdParams, req.params);
        await requireMeetingManager(deps.meetings, req, id);
        await links.revokeRoom(id, kind);
        res.json({ ok: true });
      }),
    );
  }

  router.get(
    "/meetings/:id/checkin-link",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaff(deps.meetings, req, id);
      res.json(orAbort(await links.checkin(deps.baseUrl(req), id)));
    }),
  );

  return router;
}
