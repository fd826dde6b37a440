// Speaking statistics (发言统计) over HTTP, for the meeting's staff only (organiser/admin and
// linked chair/clerk sessions; the meeting's chair and clerk with their join token): the live
// state's speechStats at the server's now, as JSON, CSV or XLSX (docs/api.md#statistics).
import { Router, type Request } from "express";
import { speechStats } from "../../../core/stats/speechStats.ts";
import { route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { requireMeetingStaffAccess } from "../http/meetingStaffAccess.ts";
import { IdParams } from "../../../core/api/common.ts";
import { parse } from "../http/validate.ts";
import { cleanFileName, contentDisposition } from "../meetings/materialFiles.ts";
import { exportStatistics } from "./statisticsExport.ts";

const MIME = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

export function statisticsRoutes(deps: ApiDeps): Router {
  const router = Router();

  /** Authorizes, then reads the live room (opened from the log if no one is connected). */
  async function live(req: Request) {
    const { id } = parse(IdParams, req.params);
    await requireMeetingStaffAccess(deps, req, id);
    const state = (await deps.rooms.get(id)).current;
    const at = deps.now();
    return { id, state, at, stats: speechStats(state, at) };
  }

  router.get(
    "/meetings/:id/statistics",
    route(async (req, res) => {
      const { at, stats } = await live(req);
      res.json({ at, ...stats });
    }),
  );

  for (const format of ["csv", "xlsx"] as const) {
    router.get(
      `/meetings/:id/statistics.${format}`,
      route(async (req, res) => {
        const { id, state, stats } = await live(req);
        const body = await exportStatistics(stats, state.roster, format);
        const meeting = await deps.meetings.get(id);
        // A slash in the title ("2026/11 …") is not a folder: keep the whole title in the name.
        const title = (meeting?.title ?? "meeting").replace(/[/\\]/g, "-");
        res.set({
          "Content-Type": MIME[format],
          "Content-Disposition": contentDisposition("attachment", cleanFileName(`${title}-发言统计.${format}`)),
          "Cache-Control": "private, no-store",
        });
        res.send(body);
      }),
    );
  }

  return router;
}
