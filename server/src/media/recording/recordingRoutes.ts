// Speech recordings over HTTP, for the staff of the meeting only: organiser and admin accounts,
// chair and clerk accounts linked to it (session cookie), and the meeting's chair and clerk with
// their join token. Members, observers, displays and other meetings' people get FORBIDDEN.
import { Router, type Request } from "express";
import { ApiError, abort, route } from "../../http/apiError.ts";
import type { ApiDeps } from "../../http/apiDeps.ts";
import { requireMeetingStaffAccess } from "../../http/meetingStaffAccess.ts";
import { IdParams } from "../../../../core/api/common.ts";
import { RecordingParams } from "../../../../core/api/recordings.ts";
import { parse } from "../../http/validate.ts";
import { recordingFilePath } from "./recordingFiles.ts";
import { recordingView } from "./recordingStore.ts";
import { recordingMarkers } from "../../../../core/media/recording.ts";

export function recordingRoutes(deps: ApiDeps): Router {
  const { config, recordings: store } = deps;
  const router = Router();

  const requireRecordingAccess = (req: Request, meetingId: string) => requireMeetingStaffAccess(deps, req, meetingId);

  router.get(
    "/meetings/:id/recordings",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireRecordingAccess(req, id);
      const rows = await store.list(id);
      // One recording per speech: its pauses and interjections are marked, from the meeting's log.
      const log = rows.length > 0 ? await deps.events.load(id) : [];
      res.json({
        recordings: rows.map((row) => {
          const markers = recordingMarkers(log, row.speechId, row.startedAt.getTime()).filter(
            // Another part's (a reconnect splits a speech): not inside this one.
            (m) => (m.endMs === null || m.endMs > 0) && (row.status !== "ready" || m.startMs <= row.durationMs),
          );
          return { ...recordingView(row), markers };
        }),
      });
    }),
  );

  router.get(
    "/meetings/:id/recordings/:recordingId",
    route(async (req, res) => {
      const { id, recordingId } = parse(RecordingParams, req.params);
      await requireRecordingAccess(req, id);
      const recording = await store.find(id, recordingId);
      if (!recording || recording.status !== "ready") abort("NOT_FOUND");
      // sendFile answers Range requests (206), so a player can seek without downloading it all.
      await new Promise<void>((resolve, reject) => {
        res.sendFile(
          recordingFilePath(config.recordingsDir, id, recording.file),
          {
            cacheControl: false,
            headers: { "Content-Type": "audio/ogg", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
          },
          (error?: Error & { status?: number }) => {
            if (!error) resolve();
            else if (res.headersSent) reject(error);
            else reject(error.status === 404 ? new ApiError("NOT_FOUND") : error);
          },
        );
      });
    }),
  );

  return router;
}
