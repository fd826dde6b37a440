// /api/bargaining/requests* (docs/bargaining.md "Request and delegations", docs/api.md "Bargaining
// requests"): the secretariat (admin, organiser) enters the 要约书 one side sends, downloads it as
// DOCX or PDF, follows the 20-day reply deadline and records the other side's reply.
import { Router } from "express";
import { z } from "zod";
import { BargainingReplyInput, NewBargainingRequest } from "../../../../core/api/bargainingRequests.ts";
import { Id, IdParams } from "../../../../core/api/common.ts";
import { abort, orAbort, route } from "../../http/apiError.ts";
import type { ApiDeps } from "../../http/apiDeps.ts";
import { MANAGERS, requireStaff } from "../../http/staffAuth.ts";
import { parse } from "../../http/validate.ts";
import { cleanFileName, contentDisposition } from "../../meetings/materialFiles.ts";
import { NoCjkFontError } from "../../minutes/cjkFonts.ts";
import { REQUEST_FORMATS, renderRequest } from "./requestFiles.ts";

const FileParams = z.object({ id: Id, format: z.enum(REQUEST_FORMATS) });

export function bargainingRequestRoutes(deps: ApiDeps): Router {
  const { bargainingRequests: requests } = deps;
  const router = Router();
  const clerk = (account: { id: string; displayName: string }) => ({ id: account.id, name: account.displayName });

  router.get(
    "/bargaining/requests",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      res.json({ requests: await requests.list() });
    }),
  );

  router.post(
    "/bargaining/requests",
    route(async (req, res) => {
      const staff = requireStaff(req, MANAGERS);
      const input = parse(NewBargainingRequest, req.body);
      res.status(201).json({ request: orAbort(await requests.create(input, clerk(staff.account))) });
    }),
  );

  router.get(
    "/bargaining/requests/:id",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { id } = parse(IdParams, req.params);
      res.json({ request: (await requests.get(id)) ?? abort("NOT_FOUND") });
    }),
  );

  router.post(
    "/bargaining/requests/:id/reply",
    route(async (req, res) => {
      const staff = requireStaff(req, MANAGERS);
      const { id } = parse(IdParams, req.params);
      const input = parse(BargainingReplyInput, req.body);
      res.json({ request: orAbort(await requests.reply(id, input, clerk(staff.account))) });
    }),
  );

  router.get(
    "/bargaining/requests/:id/request.:format",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { id, format } = parse(FileParams, req.params);
      const request = (await requests.get(id)) ?? abort("NOT_FOUND");
      let file;
      try {
        file = await renderRequest(request, format);
      } catch (error) {
        if (error instanceof NoCjkFontError) deps.log(error.message);
        throw error;
      }
      res.set({
        "Content-Type": file.mimeType,
        "Content-Disposition": contentDisposition("attachment", cleanFileName(file.fileName)),
        "Cache-Control": "private, no-store",
      });
      res.send(file.body);
    }),
  );

  return router;
}
