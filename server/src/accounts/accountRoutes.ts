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
import type { Db } from "../db/database.ts";

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{1,31}$/, "2–32 characters: letters, digits, _ . -");
const DisplayName = z.string().trim().min(1).max(64);
const Role = z.enum(STAFF_ROLES);
const DepartmentId = z.string().min(1).max(64);
/** A department account names its department (承办单位); no other role has one. */
const NewAccount = z
  .strictObject({ username: Username, displayName: DisplayName, role: Role, departmentId: DepartmentId.nullish() })
  .refine((a) => (a.role === "department") === (a.departmentId !== undefined && a.departmentId !== null), {
    message: "departmentId is required for role department and not allowed otherwise",
    path: ["departmentId"],
  });
const AccountPatch = z.strictObject({ displayName: DisplayName.optional(), role: Role.optional(), disabled: z.boolean().optional(), departmentId: DepartmentId.nullish() });

export function accountRoutes(accounts: AccountRepository, sessions: SessionStore, db: Db): Router {
  const router = Router();
  /** DEPARTMENT_UNKNOWN unless the department exists and is not disabled. */
  const checkDepartment = async (departmentId: string) => {
    if (!(await db.department.count({ where: { id: departmentId, disabled: false } }))) fail("DEPARTMENT_UNKNOWN");
  };

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
      if (input.departmentId) await checkDepartment(input.departmentId);
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
      // The role and department go together: a department account keeps one, others have none.
      const role = patch.role ?? current.role;
      const departmentId = patch.departmentId === undefined ? (role === "department" ? current.departmentId : null) : patch.departmentId;
      if ((role === "department") !== (departmentId !== null)) fail("VALIDATION", ["departmentId: required for role department and not allowed otherwise"]);
      if (departmentId !== null && departmentId !== current.departmentId) await checkDepartment(departmentId);
      const losesAdmin = current.role === "admin" && !current.disabled && ((patch.role && patch.role !== "admin") || patch.disabled);
      if (losesAdmin && (await accounts.activeAdminCount()) <= 1) fail("VALIDATION", ["(root): the last active admin cannot be demoted or disabled"]);
      const account = await accounts.update(id, { ...patch, departmentId });
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
