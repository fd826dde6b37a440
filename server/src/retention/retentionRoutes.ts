// /api/retention*: the organisers' retention policy of recordings and materials (docs/api.md
// "Retention"). Admin and organiser sessions only: the policy spans all meetings.
import { Router } from "express";
import { RetentionPolicyInput } from "../../../core/api/retention.ts";
import { route } from "../http/apiError.ts";
import { MANAGERS, requireStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import type { Retention } from "./retention.ts";

export function retentionRoutes(deps: { retention: Retention }): Router {
  const router = Router();

  router.get(
    "/retention",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      res.json(await deps.retention.overview());
    }),
  );

  router.put(
    "/retention",
    route(async (req, res) => {
      const staff = requireStaff(req, MANAGERS);
      const input = parse(RetentionPolicyInput, req.body);
      res.json({ policy: await deps.retention.savePolicy(input, { name: staff.account.displayName, accountId: staff.account.id }) });
    }),
  );

  router.post(
    "/retention/preview",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      res.json({ due: await deps.retention.preview(parse(RetentionPolicyInput, req.body)) });
    }),
  );

  router.post(
    "/retention/sweep",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      res.json({ deleted: await deps.retention.sweep() });
    }),
  );

  return router;
}
