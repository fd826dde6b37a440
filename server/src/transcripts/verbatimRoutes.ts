// The verbatim record (会议实录) over HTTP, for the meeting's staff only (the minutes export's
// authorization): GET /api/meetings/:id/verbatim.docx and .pdf, made from the live room's state
// at the moment of the request (docs/transcripts.md#verbatim-record, docs/api.md#minutes).
import { Router } from "express";
import { IdParams } from "../../../core/api/common.ts";
import { abort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { requireMeetingStaffAccess } from "../http/meetingStaffAccess.ts";
import { parse } from "../http/validate.ts";
import { cleanFileName, contentDisposition } from "../meetings/materialFiles.ts";
import { NoCjkFontError } from "../minutes/cjkFonts.ts";
import { exportMinutes, MINUTES_MIME } from "../minutes/minutesExport.ts";
import { verbatimBlocks } from "./verbatim.ts";

export const VERBATIM_FORMATS = ["docx", "pdf"] as const;

export function verbatimRoutes(deps: ApiDeps): Router {
  const router = Router();
  for (const format of VERBATIM_FORMATS) {
    router.get(
      `/meetings/:id/verbatim.${format}`,
      route(async (req, res) => {
        const { id } = parse(IdParams, req.params);
        await requireMeetingStaffAccess(deps, req, id);
        const meeting = (await deps.meetings.get(id)) ?? abort("NOT_FOUND");
        const state = (await deps.rooms.get(id)).current;
        let body: Buffer;
        try {
          body = await exportMinutes(verbatimBlocks(meeting, state), format);
        } catch (error) {
          if (error instanceof NoCjkFontError) deps.log(error.message);
          throw error;
        }
        // A slash in the title ("2026/11 …") is not a folder: keep the whole title in the name.
        const name = meeting.title.replace(/[/\\]/g, "-");
        res.set({
          "Content-Type": MINUTES_MIME[format],
          "Content-Disposition": contentDisposition("attachment", cleanFileName(`${name}-会议实录.${format}`)),
          "Cache-Control": "private, no-store",
        });
        res.send(body);
      }),
    );
  }
  return router;
}
