// /api/communities* (docs/community.md, docs/api.md "Communities"): the secretariat (admin,
// organiser: the community secretary among them) creates communities and lists their
// households; a grid worker (网格员) reads their own community and its households, nothing else.
import { Router, type Request } from "express";
import { IdParams } from "../../../core/api/common.ts";
import { NewCommunity, NewHouseholds } from "../../../core/api/community.ts";
import { abort, orAbort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { MANAGERS, requireStaff, type StaffContext } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import { receiveFile } from "../meetings/materialRoutes.ts";
import { cleanFileName } from "../meetings/materialFiles.ts";
import { readTable } from "../roster/readTable.ts";
import { householdRows } from "./householdRows.ts";

/**
 * The secretariat, or the grid worker of community `communityId`; anyone else is refused.
 * Another community's grid worker gets 404, as if it did not exist.
 */
export function requireCommunityStaff(req: Request, communityId: string): StaffContext {
  const staff = requireStaff(req, [...MANAGERS, "gridWorker"]);
  if (staff.account.role === "gridWorker" && staff.account.communityId !== communityId) abort("NOT_FOUND");
  return staff;
}

export function communityRoutes(deps: ApiDeps): Router {
  const { communities } = deps;
  const router = Router();

  router.get(
    "/communities",
    route(async (req, res) => {
      const staff = requireStaff(req, [...MANAGERS, "gridWorker"]);
      const all = await communities.list();
      res.json({ communities: staff.account.role === "gridWorker" ? all.filter((c) => c.id === staff.account.communityId) : all });
    }),
  );

  router.post(
    "/communities",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { name } = parse(NewCommunity, req.body);
      res.status(201).json({ community: orAbort(await communities.create(name)) });
    }),
  );

  router.get(
    "/communities/:id",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      requireCommunityStaff(req, id);
      res.json({ community: (await communities.byId(id)) ?? abort("NOT_FOUND") });
    }),
  );

  router.get(
    "/communities/:id/households",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      requireCommunityStaff(req, id);
      if (!(await communities.byId(id))) abort("NOT_FOUND");
      res.json({ households: await communities.households(id) });
    }),
  );

  router.post(
    "/communities/:id/households",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { id } = parse(IdParams, req.params);
      const { households } = parse(NewHouseholds, req.body);
      res.status(201).json({ households: orAbort(await communities.addHouseholds(id, households)) });
    }),
  );

  // A household roster file (CSV or XLSX): all or nothing, as the JSON form.
  const receive = receiveFile(MAX_HOUSEHOLD_FILE_BYTES);
  router.post(
    "/communities/:id/households/import",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { id } = parse(IdParams, req.params);
      if (!(await communities.byId(id))) abort("NOT_FOUND");
      const file = await receive(req, res);
      const table = await readTable(file.buffer, cleanFileName(file.originalname));
      if (!table.ok)
        abort(table.code === "CSV_SYNTAX" ? "IMPORT_INVALID" : table.code, table.code === "CSV_SYNTAX" ? [`line ${table.line}: unclosed quote`] : table.report);
      const rows = householdRows(table.rows);
      if (!rows.ok) abort("IMPORT_INVALID", rows.problems);
      const checked = NewHouseholds.safeParse({ households: rows.households });
      if (!checked.success) abort("IMPORT_INVALID", checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).slice(0, 20));
      res.status(201).json({ households: orAbort(await communities.addHouseholds(id, checked.data.households)), skipped: rows.skipped });
    }),
  );

  return router;
}

/** A household roster of a few thousand rows is well under this. */
const MAX_HOUSEHOLD_FILE_BYTES = 2 * 1024 * 1024;
