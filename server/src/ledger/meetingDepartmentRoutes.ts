// GET /api/meetings/:id/departments: the ledger's departments (承办单位, departmentStore.ts) the
// clerk's 承办单位 picker offers while recording suggestions and decisions — the meeting's staff
// only (chair and clerk with their join token, staff sessions), enabled departments by pinyin.
import { Router } from "express";
import { IdParams } from "../../../core/api/common.ts";
import { route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { requireMeetingStaffAccess } from "../http/meetingStaffAccess.ts";
import { parse } from "../http/validate.ts";

export function meetingDepartmentRoutes(deps: Pick<ApiDeps, "meetings" | "tokens" | "ledger">): Router {
  const router = Router();
  router.get(
    "/meetings/:id/departments",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaffAccess(deps, req, id);
      res.json({ departments: (await deps.ledger.departments.list()).filter((d) => !d.disabled) });
    }),
  );
  return router;
}
