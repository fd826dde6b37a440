// /api/accounts*: administrators manage staff accounts.
import { Router } from "express";
import { abort, route } from "../http/apiError.ts";
import { AccountPatch, NewAccount } from "../../../core/api/accounts.ts";
import { IdParams } from "../../../core/api/common.ts";
import { requireStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import type { AccountRepository } from "./accountRepository.ts";
import { oneTimePassword } from "./passwords.ts";
import type { SessionStore } from "./sessions.ts";
import type { DepartmentStore } from "../ledger/departmentStore.ts";
import type { CommunityStore } from "../community/communityStore.ts";

export function accountRoutes(accounts: AccountRepository, sessions: SessionStore, departments: DepartmentStore, communities: CommunityStore): Router {
  const router = Router();
  /** DEPARTMENT_UNKNOWN unless the department exists and is not disabled. */
  const checkDepartment = async (departmentId: string) => {
    const department = await departments.byId(departmentId);
    if (!department || department.disabled) abort("DEPARTMENT_UNKNOWN");
  };
  /** COMMUNITY_UNKNOWN unless the community exists. */
  const checkCommunity = async (communityId: string) => {
    if (!(await communities.byId(communityId))) abort("COMMUNITY_UNKNOWN");
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
      if (input.communityId) await checkCommunity(input.communityId);
      const created = (await accounts.create(input)) ?? abort("USERNAME_TAKEN");
      res.status(201).json(created);
    }),
  );

  router.patch(
    "/accounts/:id",
    route(async (req, res) => {
      requireStaff(req, ["admin"]);
      const { id } = parse(IdParams, req.params);
      const patch = parse(AccountPatch, req.body);
      const current = (await accounts.byId(id)) ?? abort("NOT_FOUND");
      // The role and department go together: a department account keeps one, others have none.
      const role = patch.role ?? current.role;
      const departmentId = patch.departmentId === undefined ? (role === "department" ? current.departmentId : null) : patch.departmentId;
      if ((role === "department") !== (departmentId !== null)) abort("VALIDATION", ["departmentId: required for role department and not allowed otherwise"]);
      if (departmentId !== null && departmentId !== current.departmentId) await checkDepartment(departmentId);
      // Likewise a grid worker and their community.
      const communityId = patch.communityId === undefined ? (role === "gridWorker" ? current.communityId : null) : patch.communityId;
      if ((role === "gridWorker") !== (communityId !== null)) abort("VALIDATION", ["communityId: required for role gridWorker and not allowed otherwise"]);
      if (communityId !== null && communityId !== current.communityId) await checkCommunity(communityId);
      const losesAdmin = current.role === "admin" && !current.disabled && ((patch.role && patch.role !== "admin") || patch.disabled);
      if (losesAdmin && (await accounts.activeAdminCount()) <= 1) abort("VALIDATION", ["(root): the last active admin cannot be demoted or disabled"]);
      const account = await accounts.update(id, { ...patch, departmentId, communityId });
      if (account.disabled) await sessions.deleteAll(id);
      res.json({ account });
    }),
  );

  router.post(
    "/accounts/:id/reset-password",
    route(async (req, res) => {
      requireStaff(req, ["admin"]);
      const { id } = parse(IdParams, req.params);
      if (!(await accounts.byId(id))) abort("NOT_FOUND");
      const password = oneTimePassword();
      await accounts.setPassword(id, password, true);
      await sessions.deleteAll(id);
      res.json({ oneTimePassword: password });
    }),
  );

  return router;
}
