// /api/accounts*: administrators manage staff accounts.
import { Router } from "express";
import { z } from "zod";
import { fail, route } from "../http/apiError.ts";
import { IdParams } from "../http/schemas.ts";
import { requireStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import { STAFF_ROLES, type AccountRepository } from "./accountRepository.ts";
import { oneTimePassword } from "./passwords.ts";
import type { SessionStore } from "./sessions.ts";

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{1,31}$/, "2–32 characters: letters, digits, _ . -");
const DisplayName = z.string().trim().min(1).max(64);
const Role = z.enum(STAFF_ROLES);
const NewAccount = z.strictObject({ username: Username, displayName: DisplayName, role: Role });
const AccountPatch = z.strictObject({ displayName: DisplayName.optional(), role: Role.optional(), disabled: z.boolean().optional() });

export function accountRoutes(accounts: AccountRepository, sessions: SessionStore): Router {
  const router = Router();

  router.get(
    "/accounts",
    route(async (req, res) => {
      requireStaff(req, ["admin"]);
      res.json({ accounts: await accounts.list() });
    }),
  );

  router.post(
    "/accounts",
    route(async (req, res) => {
      requireStaff(req, ["admin"]);
      const input = parse(NewAccount, req.body);
      const created = (await accounts.create(input)) ?? fail("USERNAME_TAKEN");
      res.status(201).json(created);
    }),
  );

  router.patch(
    "/accounts/:id",
    route(async (req, res) => {
      requireStaff(req, ["admin"]);
      const { id } = parse(IdParams, req.params);
      const patch = parse(AccountPatch, req.body);
      const current = (await accounts.byId(id)) ?? fail("NOT_FOUND");
      const losesAdmin = current.role === "admin" && !current.disabled && ((patch.role && patch.role !== "admin") || patch.disabled);
      if (losesAdmin && (await accounts.activeAdminCount()) <= 1) fail("VALIDATION", ["(root): the last active admin cannot be demoted or disabled"]);
      const account = await accounts.update(id, patch);
      if (account.disabled) await sessions.deleteAll(id);
      res.json({ account });
    }),
  );

  router.post(
    "/accounts/:id/reset-password",
    route(async (req, res) => {
      requireStaff(req, ["admin"]);
      const { id } = parse(IdParams, req.params);
      if (!(await accounts.byId(id))) fail("NOT_FOUND");
      const password = oneTimePassword();
      await accounts.setPassword(id, password, true);
      await sessions.deleteAll(id);
      res.json({ oneTimePassword: password });
    }),
  );

  return router;
}
