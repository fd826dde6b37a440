// The photo of a proxy's authorisation (委托书, docs/protocol.md poll.recordProxy): uploaded by the
// meeting's chair or clerk with their join token (or staff entry), checked and re-encoded like a
// resident's photo (no EXIF), stored under `<dataDir>/polls/<meetingId>/`; `poll.recordProxy`
// then names it. Read back by the chair and the clerk, and by the meeting's staff in the admin app.
import fs from "node:fs/promises";
import { Router, type Request } from "express";
import { PollEvidenceParams, type PollEvidenceResponse } from "../../../core/api/polls.ts";
import { IdParams } from "../../../core/api/common.ts";
import { actingRole } from "../../../core/bargaining/chairing.ts";
import { parseStaffSubject } from "../../../core/staffEntry.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { abort, route } from "../http/apiError.ts";
import { bearerToken, requireParticipantOrStaffEntry } from "../http/participantAuth.ts";
import { requireMeetingStaff } from "../http/staffAuth.ts";
import { sendUploadedFile } from "../http/uploadedFile.ts";
import { parse } from "../http/validate.ts";
import { cleanPhoto } from "../intake/photos.ts";
import { LedgerFiles } from "../ledger/ledgerFiles.ts";
import { receiveFile } from "../meetings/materialRoutes.ts";

/** A phone photo of a signed form is a few MB. */
const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export function pollEvidenceRoutes(deps: ApiDeps): Router {
  const router = Router();
  const photos = new LedgerFiles(deps.config.dataDir, "polls");
  const receive = receiveFile(MAX_EVIDENCE_BYTES);

  /** The role a participant acts in now, as the live meeting has them (null: not on its roster). */
  const liveRole = async (meetingId: string, participantId: string) => {
    const state = (await deps.rooms.get(meetingId)).current;
    const entry = state.roster.find((p) => p.id === participantId);
    return entry ? actingRole(state, entry) : null;
  };

  /**
   * The chair or the clerk of this meeting, by join token or staff entry (their role as the entry, or
   * as the roster says and the person acts now: at a bargaining table the presiding chief is the chair).
   */
  const requirePollStaff = async (req: Request, meetingId: string): Promise<void> => {
    const who = await requireParticipantOrStaffEntry(deps, req);
    if (who.meetingId !== meetingId) abort("FORBIDDEN");
    const role = parseStaffSubject(who.participantId)?.role ?? (await liveRole(meetingId, who.participantId));
    if (role !== "chair" && role !== "clerk") abort("FORBIDDEN");
  };

  router.post(
    "/meetings/:id/polls/evidence",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requirePollStaff(req, id);
      const file = await receive(req, res);
      const jpeg = (await cleanPhoto(file.buffer)) ?? abort("FILE_TYPE_NOT_ALLOWED");
      const body: PollEvidenceResponse = { evidence: await photos.save(id, jpeg) };
      res.status(201).json(body);
    }),
  );

  router.get(
    "/meetings/:id/polls/evidence/:evidenceId",
    route(async (req, res) => {
      const { id, evidenceId } = parse(PollEvidenceParams, req.params);
      if (bearerToken(req) !== undefined) await requirePollStaff(req, id);
      else await requireMeetingStaff(deps.meetings, req, id);
      const path = photos.path(id, evidenceId);
      const size = (await fs.stat(path).catch(() => null))?.size ?? abort("NOT_FOUND");
      await sendUploadedFile(res, { path, mime: "image/jpeg", size, name: `委托书-${evidenceId.slice(0, 8)}.jpg` }, deps.log);
    }),
  );

  return router;
}
