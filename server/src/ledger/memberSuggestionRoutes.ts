// The member's own suggestions (我的意见建议): with the bearer join token of a participant of the
// meeting, the ledger items raised by them in that meeting (state, replies) and the rating of the
// latest reply (满意度), once per reply.
import { Router, type Request } from "express";
import { abort, orAbort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { requireParticipant } from "../http/participantAuth.ts";
import { IdParams } from "../../../core/api/common.ts";
import { RatingBody, RatingParams } from "../../../core/api/ledger.ts";
import { parse } from "../http/validate.ts";

export function memberSuggestionRoutes(deps: ApiDeps): Router {
  const { ledger, participants } = deps;
  const router = Router();

  /** The participant of meeting `meetingId` named by the join token (403 for another meeting's). */
  const member = async (req: Request, meetingId: string): Promise<{ id: string; name: string }> => {
    const me = await requireParticipant(deps, req);
    if (me.meetingId !== meetingId) abort("FORBIDDEN");
    return (await participants.person(meetingId, me.participantId)) ?? abort("FORBIDDEN");
  };

  router.get(
    "/meetings/:id/my-suggestions",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const me = await member(req, id);
      res.json({ items: await ledger.raisedBy(id, me.id) });
    }),
  );

  router.post(
    "/meetings/:id/my-suggestions/:itemId/rating",
    route(async (req, res) => {
      const { id, itemId } = parse(RatingParams, req.params);
      const me = await member(req, id);
      const { baseVersion, rating, comment } = parse(RatingBody, req.body);
      const row = await ledger.origin(itemId);
      if (!row || row.meetingId !== id) abort("NOT_FOUND");
      // The item's history names the member as the meeting did (同名区分).
      const name = (await participants.displayNames(id)).get(me.id) ?? me.name;
      const { item } = orAbort(await ledger.act(itemId, baseVersion, { type: "rate", rating, comment }, { role: "member", id: me.id, name }));
      res.json({ item });
    }),
  );

  return router;
}
