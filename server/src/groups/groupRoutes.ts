// 分组讨论 for the organisers before the meeting (docs/api.md, "Groups"): define the plenary's
// groups (submitted as the system actor's groups.define in the live meeting, so the log holds the
// definition and every screen sees it), read them, and a proposal by a roster column.
import { Router } from "express";
import { GroupsBody, GroupsProposalQuery } from "../../../core/api/groups.ts";
import { IdParams } from "../../../core/api/common.ts";
import { proposeGroups } from "../../../core/groups/assign.ts";
import { SYSTEM_ACTOR } from "../../../core/roles.ts";
import { orAbort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { requireMeetingManager, requireMeetingStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";

export function groupRoutes(deps: ApiDeps): Router {
  const { meetings, rooms } = deps;
  const router = Router();

  router.get(
    "/meetings/:id/groups",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaff(meetings, req, id);
      res.json({ groups: (await rooms.get(id)).current.groups });
    }),
  );

  router.put(
    "/meetings/:id/groups",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingManager(meetings, req, id);
      const { method, groups } = parse(GroupsBody, req.body);
      const room = await rooms.get(id);
      // The room's refusal (GROUPS_OPEN, GROUP_MEMBER_TWICE, …) is the answer, with its details.
      orAbort(await room.submit(SYSTEM_ACTOR, { type: "groups.define", method, groups }));
      res.json({ groups: (await rooms.get(id)).current.groups });
    }),
  );

  router.get(
    "/meetings/:id/groups/proposal",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaff(meetings, req, id);
      const { by } = parse(GroupsProposalQuery, req.query);
      res.json({ groups: proposeGroups((await rooms.get(id)).current.roster, by) });
    }),
  );

  return router;
}
