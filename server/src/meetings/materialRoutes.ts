// Materials of agenda items: upload (checked by content), delete, download for the meeting's
// staff and for its participants with their join token.
import { Router, type Request, type RequestHandler, type Response } from "express";
import multer from "multer";
import { ApiError, abort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { bearerToken, requireParticipantOrStaffEntry } from "../http/participantAuth.ts";
import { ItemParams, MaterialParams } from "../../../core/api/meetings.ts";
import { requireMeetingManager, requireMeetingStaff } from "../http/staffAuth.ts";
import { sendUploadedFile } from "../http/uploadedFile.ts";
import { parse } from "../http/validate.ts";
import { cleanFileName, MAX_MATERIAL_BYTES, sniffMaterial } from "./materialFiles.ts";

/** Receives one file in field `file` (memory), mapping multer's errors to API errors. */
export function receiveFile(maxBytes: number): (req: Request, res: Response) => Promise<Express.Multer.File> {
  const upload: RequestHandler = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 },
    defParamCharset: "utf8", // Chinese file names as browsers send them
  }).single("file");
  return (req, res) =>
    new Promise((resolve, reject) => {
      upload(req, res, (error: unknown) => {
        if (error instanceof multer.MulterError) {
          reject(
            new ApiError(
              error.code === "LIMIT_FILE_SIZE" ? "FILE_TOO_LARGE" : "VALIDATION",
              error.code === "LIMIT_FILE_SIZE" ? undefined : [`file: ${error.message}`],
            ),
          );
        } else if (error) {
          // busboy's parse errors ("Malformed part header", "Unexpected end of form"): the client's fault
          reject(new ApiError("VALIDATION", [`file: malformed multipart body (${error instanceof Error ? error.message : String(error)})`]));
        } else if (!req.file) reject(new ApiError("VALIDATION", ["file: a multipart field named file is required"]));
        else resolve(req.file);
      });
    });
}

export function materialRoutes(deps: ApiDeps): Router {
  const { agenda, materials, files } = deps;
  const router = Router();
  const receive = receiveFile(MAX_MATERIAL_BYTES);

  router.post(
    "/meetings/:id/agenda/:itemId/materials",
    route(async (req, res) => {
      const { id, itemId } = parse(ItemParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      if (!(await agenda.find(id, itemId))) abort("NOT_FOUND");
      const file = await receive(req, res);
      const fileName = cleanFileName(file.originalname);
      const mimeType = sniffMaterial(file.buffer, fileName) ?? abort("FILE_TYPE_NOT_ALLOWED");
      const storedName = await files.save(id, file.buffer);
      try {
        const material = await materials.add(id, itemId, { fileName, mimeType, size: file.size, storedName });
        res.status(201).json({ material });
      } catch (error) {
        await files.remove(id, storedName);
        throw error;
      }
    }),
  );

  router.delete(
    "/meetings/:id/materials/:materialId",
    route(async (req, res) => {
      const { id, materialId } = parse(MaterialParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      const material = (await materials.find(id, materialId)) ?? abort("NOT_FOUND");
      await materials.delete(id, material.id);
      await files.remove(id, material.storedName);
      res.json({ ok: true });
    }),
  );

  router.get(
    "/meetings/:id/materials/:materialId",
    route(async (req, res) => {
      const { id, materialId } = parse(MaterialParams, req.params);
      if (bearerToken(req) !== undefined) {
        // A roster participant of any role, or staff who entered the meeting from the admin app.
        const participant = await requireParticipantOrStaffEntry(deps, req);
        if (participant.meetingId !== id) abort("FORBIDDEN");
      } else {
        await requireMeetingStaff(deps.meetings, req, id);
      }
      const material = (await materials.find(id, materialId)) ?? abort("NOT_FOUND");
      await sendUploadedFile(
        res,
        { path: files.path(id, material.storedName), mime: material.mimeType, size: material.size, name: material.fileName },
        deps.log,
      );
    }),
  );

  return router;
}
