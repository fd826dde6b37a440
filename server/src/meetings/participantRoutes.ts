// The roster by hand: list (sorted), add, edit (docs/api.md, "Roster and links").
import { Router } from "express";
import { identityKey, type Nameable } from "../../../core/naming/displayNames.ts";
import { abort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { IdParams } from "../../../core/api/common.ts";
import { requireMeetingManager, requireMeetingStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import { sortParticipants } from "../roster/index.ts";
import { ParticipantBody, ParticipantParams, ParticipantPatch, SortQuery } from "../../../core/api/roster.ts";

export function participantRoutes(deps: ApiDeps): Router {
  const { participants } = deps;
  const router = Router();

  const checkAccount = async (accountId: string | null | undefined) => {
    if (accountId && (await participants.unknownAccounts([accountId])).length) abort("VALIDATION", ["accountId: no such account"]);
  };
  // Like the roster import: a second person whom nothing on the roster tells apart is refused (core/naming).
  const checkDistinct = async (meetingId: string, person: Nameable, except: string | null = null) => {
    const key = identityKey(person);
    if ((await participants.list(meetingId)).some((p) => p.id !== except && identityKey(p) === key)) abort("SAME_NAME_INDISTINCT");
  };

  router.get(
    "/meetings/:id/participants",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaff(deps.meetings, req, id);
      const { sort } = parse(SortQuery, req.query);
      res.json({ participants: sortParticipants(await participants.list(id), sort) });
    }),
  );

  router.post(
    "/meetings/:id/participants",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      const input = parse(ParticipantBody, req.body);
      await checkAccount(input.accountId);
      await checkDistinct(id, input);
      const [participant] = await participants.append(id, [input]);
      res.status(201).json({ participant });
    }),
  );

  router.patch(
    "/meetings/:id/participants/:pid",
    route(async (req, res) => {
      const { id, pid } = parse(ParticipantParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      const patch = parse(ParticipantPatch, req.body);
      const current = (await participants.find(id, pid)) ?? abort("NOT_FOUND");
      await checkAccount(patch.accountId);
      await checkDistinct(id, { ...current, ...patch }, pid);
      const participant = await participants.update(id, pid, patch);
      res.json({ participant });
    }),
  );

  return router;
}
