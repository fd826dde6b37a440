// /api/ledger/* (docs/api.md, docs/ledger.md): departments (承办单位), ledger items, their actions
// and reply attachments. The secretariat (admin, organiser) sees and manages every item; a
// department account sees only the items its department leads or assists, and acts on them.
// Reports (dashboard, reminders, export) are in reportRoutes.ts.
import { Router } from "express";
import type { LedgerActor } from "../../../core/ledger/item.ts";
import { abort, orAbort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { bearerToken, requireParticipant } from "../http/participantAuth.ts";
import { IdParams } from "../../../core/api/common.ts";
import { ActionBody, DepartmentPatch, NewDepartment, NewLedgerItem } from "../../../core/api/ledger.ts";
import { MANAGERS, requireStaff, type StaffContext } from "../http/staffAuth.ts";
import { sendUploadedFile } from "../http/uploadedFile.ts";
import { parse } from "../http/validate.ts";
import { STAFF_ROLES } from "../accounts/accountRepository.ts";
import { receiveFile } from "../meetings/materialRoutes.ts";
import { cleanFileName } from "../meetings/materialFiles.ts";
import { MAX_ATTACHMENT_BYTES, sniffAttachment } from "./ledgerFiles.ts";
import { canSee } from "./ledgerFilter.ts";
import { parseLedgerFilter, requireLedgerViewer } from "./ledgerRequest.ts";

/** The ledger actor of a secretariat or department account. */
export function staffActor(staff: StaffContext): LedgerActor {
  const { account } = staff;
  if (account.role === "department") {
    // Never the secretariat's powers for a department account, even one without its department.
    const departmentId = account.departmentId ?? abort("FORBIDDEN");
    return { role: "department", id: account.id, name: account.departmentName ?? account.displayName, departmentId };
  }
  return { role: "secretariat", id: account.id, name: account.displayName };
}

export function ledgerRoutes(deps: ApiDeps): Router {
  const { ledger, ledgerFiles } = deps;
  const { departments } = ledger;
  const router = Router();
  const receive = receiveFile(MAX_ATTACHMENT_BYTES);

  router.get(
    "/ledger/departments",
    route(async (req, res) => {
      requireStaff(req, STAFF_ROLES);
      res.json({ departments: await departments.list() });
    }),
  );

  router.post(
    "/ledger/departments",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { name } = parse(NewDepartment, req.body);
      const department = (await departments.create(name, deps.now())) ?? abort("DEPARTMENT_EXISTS");
      res.status(201).json({ department });
    }),
  );

  router.patch(
    "/ledger/departments/:id",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { id } = parse(IdParams, req.params);
      const patch = parse(DepartmentPatch, req.body);
      const department = await departments.update(id, patch);
      if (department === null) abort("NOT_FOUND");
      if (department === "exists") abort("DEPARTMENT_EXISTS");
      res.json({ department });
    }),
  );

  router.get(
    "/ledger/items",
    route(async (req, res) => {
      const { viewer } = requireLedgerViewer(req);
      const filter = parseLedgerFilter(req.query);
      res.json({ items: await ledger.list(filter, viewer) });
    }),
  );

  router.post(
    "/ledger/items",
    route(async (req, res) => {
      const { account } = requireStaff(req, MANAGERS);
      const input = parse(NewLedgerItem, req.body);
      if (input.communityId !== undefined && !(await deps.communities.byId(input.communityId))) abort("COMMUNITY_UNKNOWN");
      res.status(201).json({ item: await ledger.create(input, account.id) });
    }),
  );

  router.get(
    "/ledger/items/:id",
    route(async (req, res) => {
      const { viewer } = requireLedgerViewer(req);
      const { id } = parse(IdParams, req.params);
      res.json((await ledger.get(id, viewer)) ?? abort("NOT_FOUND"));
    }),
  );

  router.post(
    "/ledger/items/:id/actions",
    route(async (req, res) => {
      const { staff } = requireLedgerViewer(req);
      const { id } = parse(IdParams, req.params);
      const { baseVersion, action } = parse(ActionBody, req.body);
      // Members and residents rate through their own routes; withdrawal is the record sync's; import is
      // POST /ledger/import's; 提交议事会 is POST /ledger/items/:id/council's (it adds the agenda item).
      if (action.type === "rate" || action.type === "withdraw" || action.type === "import" || action.type === "toCouncil") abort("FORBIDDEN");
      res.json(orAbort(await ledger.act(id, baseVersion, action, staffActor(staff))));
    }),
  );

  router.post(
    "/ledger/items/:id/attachments",
    route(async (req, res) => {
      const { staff, viewer } = requireLedgerViewer(req);
      const { id } = parse(IdParams, req.params);
      if (viewer.role !== "department") abort("FORBIDDEN");
      const item = (await ledger.get(id, viewer)) ?? abort("NOT_FOUND");
      if (item.item.state !== "assigned" && item.item.state !== "in_progress")
        abort("LEDGER_BAD_STATE", ["attachments go with a reply, while the item is with the department"]);
      const file = await receive(req, res);
      const name = cleanFileName(file.originalname);
      const mime = sniffAttachment(file.buffer, name) ?? abort("FILE_TYPE_NOT_ALLOWED");
      const storedName = await ledgerFiles.save(id, file.buffer);
      try {
        const attachment = await ledger.attachments.add(id, { name, storedName, size: file.size, mime, uploadedBy: staff.account.id });
        res.status(201).json({ attachment });
      } catch (error) {
        await ledgerFiles.discard(id, storedName);
        throw error;
      }
    }),
  );

  router.get(
    "/ledger/attachments/:id",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const attachment = (await ledger.attachments.find(id)) ?? abort("NOT_FOUND");
      const listed = (replies: readonly { attachments: readonly { id: string }[] }[]) => replies.some((r) => r.attachments.some((a) => a.id === id));
      if (bearerToken(req) !== undefined) {
        // The member who raised the item, once a reply lists the file.
        const me = await requireParticipant(deps, req);
        const row = await ledger.origin(attachment.itemId);
        const item = await ledger.json(attachment.itemId, { role: "member" });
        if (!row || !item || row.raisedByParticipantId !== me.participantId || !listed(item.replies)) abort("NOT_FOUND");
      } else {
        const { viewer } = requireLedgerViewer(req);
        const item = (await ledger.json(attachment.itemId, viewer)) ?? abort("NOT_FOUND");
        // Before its reply, only the departments of the item see an uploaded file; a resident's photos are there from the start.
        const photo = item.photos.some((p) => p.id === id);
        if (!canSee(item, viewer) || (!listed(item.replies) && !photo && viewer.role !== "department")) abort("NOT_FOUND");
      }
      await sendUploadedFile(
        res,
        { path: ledgerFiles.path(attachment.itemId, attachment.storedName), mime: attachment.mime, size: attachment.size, name: attachment.name },
        deps.log,
      );
    }),
  );

  return router;
}
