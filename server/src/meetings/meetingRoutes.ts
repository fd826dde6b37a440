// /api/meetings and their agenda (docs/api.md, "Meetings and agenda").
import { Router } from "express";
import { abort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { IdParams } from "../../../core/api/common.ts";
import { isManager, MANAGERS, requireMeetingManager, requireMeetingStaff, requireStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import {
  AgendaInput,
  AgendaOrder,
  AgendaPatch,
  ArchiveBody,
  ItemParams,
  MAX_AGENDA_ITEMS,
  MeetingInput,
  MeetingListQuery,
  MeetingPatch,
} from "../../../core/api/meetings.ts";

export function meetingRoutes(deps: ApiDeps): Router {
  const { meetings, agenda, materials, participants } = deps;
  const router = Router();

  router.get(
    "/meetings",
    route(async (req, res) => {
      const { account } = requireStaff(req);
      const archived = parse(MeetingListQuery, req.query).archived === "true";
      res.json({ meetings: await meetings.list(archived, isManager(account) ? undefined : account.id) });
    }),
  );

  router.post(
    "/meetings",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      res.status(201).json({ meeting: await meetings.add(parse(MeetingInput, req.body)) });
    }),
  );

  router.get(
    "/meetings/:id",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaff(meetings, req, id);
      res.json({ meeting: await meetings.get(id), agenda: await agenda.list(id), participants: await participants.list(id) });
    }),
  );

  router.patch(
    "/meetings/:id",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingManager(meetings, req, id);
      const patch = parse(MeetingPatch, req.body);
      // A group meeting stays one and no meeting becomes one: groups are made by their plenary (core/groups).
      const current = patch.kind === undefined ? null : await meetings.get(id);
      if (current && (patch.kind === "group") !== (current.kind === "group")) abort("VALIDATION", ["kind: a group meeting (分组讨论) is made by its plenary"]);
      const meeting = await meetings.update(id, patch);
      res.json({ meeting });
    }),
  );

  router.post(
    "/meetings/:id/archive",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingManager(meetings, req, id);
      res.json({ meeting: await meetings.setArchived(id, parse(ArchiveBody, req.body).archived) });
    }),
  );

  router.post(
    "/meetings/:id/agenda",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingManager(meetings, req, id);
      const input = parse(AgendaInput, req.body);
      if ((await agenda.count(id)) >= MAX_AGENDA_ITEMS) abort("VALIDATION", [`(root): at most ${MAX_AGENDA_ITEMS} agenda items`]);
      const item = await agenda.append(id, input);
      res.status(201).json({ item });
    }),
  );

  // Before /agenda/:itemId so that "order" is never taken for an item id.
  router.put(
    "/meetings/:id/agenda/order",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingManager(meetings, req, id);
      const { itemIds } = parse(AgendaOrder, req.body);
      const current = new Set((await agenda.list(id)).map((item) => item.id));
      const problems = permutationProblems(itemIds, current);
      if (problems.length) abort("VALIDATION", problems);
      await agenda.reorder(id, itemIds);
      res.json({ agenda: await agenda.list(id) });
    }),
  );

  router.patch(
    "/meetings/:id/agenda/:itemId",
    route(async (req, res) => {
      const { id, itemId } = parse(ItemParams, req.params);
      await requireMeetingManager(meetings, req, id);
      const patch = parse(AgendaPatch, req.body);
      if (!(await agenda.find(id, itemId))) abort("NOT_FOUND");
      const item = await agenda.update(id, itemId, patch);
      res.json({ item });
    }),
  );

  router.delete(
    "/meetings/:id/agenda/:itemId",
    route(async (req, res) => {
      const { id, itemId } = parse(ItemParams, req.params);
      await requireMeetingManager(meetings, req, id);
      const item = (await agenda.find(id, itemId)) ?? abort("NOT_FOUND");
      if (await agenda.hasBeenCurrent(id, itemId)) abort("MEETING_ALREADY_OPEN");
      const stored = await materials.storedNames(itemId);
      await agenda.delete(id, item.id);
      for (const storedName of stored) await deps.files.remove(id, storedName);
      res.json({ ok: true });
    }),
  );

  return router;
}

/** Why `ids` is not an ordering of exactly the items in `current` (empty when it is). */
export function permutationProblems(ids: readonly string[], current: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`itemIds: ${id} appears twice`);
    else if (!current.has(id)) problems.push(`itemIds: ${id} is not an item of this meeting`);
    seen.add(id);
  }
  for (const id of current) if (!seen.has(id)) problems.push(`itemIds: ${id} is missing`);
  return problems.slice(0, 10);
}
