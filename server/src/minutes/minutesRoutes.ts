// The minutes draft (会议纪要初稿) over HTTP, for the meeting's staff only (as the statistics):
// generated from the live room's state and the meeting's log at the moment of the request, as
// JSON (the Minutes structure), Markdown, DOCX or PDF (docs/minutes.md, docs/api.md#minutes);
// next to it the speech list (发言清单) as CSV or XLSX, with the same access.
import { Router, type Request } from "express";
import { z } from "zod";
import { draftMinutes, type Minutes } from "../core/minutes/minutes.ts";
import { speechList } from "../core/minutes/speechList.ts";
import { prismaEventStore } from "../eventlog/eventStore.ts";
import { fail, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { requireMeetingStaffAccess } from "../http/meetingStaffAccess.ts";
import { IdParams } from "../http/schemas.ts";
import { parse } from "../http/validate.ts";
import { cleanFileName, contentDisposition } from "../meetings/materialFiles.ts";
import { NoCjkFontError } from "./cjkFonts.ts";
import { exportMinutes, MINUTES_MIME, type MinutesFormat } from "./minutesExport.ts";
import { exportSpeechList, SPEECH_LIST_MIME, type SpeechListFormat } from "./speechListExport.ts";

/** `?recorder=…` (记录人, default: the clerks on the roster) and `?distribution=…` (分送, repeatable). */
const MinutesQuery = z.object({
  recorder: z.string().trim().min(1).max(40).optional(),
  distribution: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().trim().min(1).max(80)).max(50))
    .optional(),
});

export function minutesRoutes(deps: ApiDeps): Router {
  const router = Router();
  const store = prismaEventStore(deps.db);

  /** Authorizes, then drafts from the live room (opened from the log if no one is connected). */
  async function draft(req: Request): Promise<{ title: string; minutes: Minutes }> {
    const { id } = parse(IdParams, req.params);
    await requireMeetingStaffAccess(deps, req, id);
    const query = parse(MinutesQuery, req.query);
    const meeting = (await deps.meetings.get(id)) ?? fail("NOT_FOUND");
    const state = (await deps.rooms.get(id)).current;
    // The log up to the state's seq: attendance in the minutes is "arrived at some point".
    const log = (await store.load(id)).filter((e) => e.seq <= state.seq);
    const minutes = draftMinutes(meeting, state, {
      log,
      ...(query.recorder ? { recorderName: query.recorder } : {}),
      ...(query.distribution ? { distribution: query.distribution } : {}),
    });
    return { title: meeting.title, minutes };
  }

  router.get(
    "/meetings/:id/minutes/draft",
    route(async (req, res) => {
      const { minutes } = await draft(req);
      res.json(minutes);
    }),
  );

  for (const format of ["md", "docx", "pdf"] as const satisfies readonly MinutesFormat[]) {
    router.get(
      `/meetings/:id/minutes/draft.${format}`,
      route(async (req, res) => {
        const { title, minutes } = await draft(req);
        let body: Buffer;
        try {
          body = await exportMinutes(minutes, format);
        } catch (error) {
          if (error instanceof NoCjkFontError) deps.log(error.message);
          throw error;
        }
        // A slash in the title ("2026/11 …") is not a folder: keep the whole title in the name.
        const name = title.replace(/[/\\]/g, "-");
        res.set({
          "Content-Type": MINUTES_MIME[format],
          "Content-Disposition": contentDisposition("attachment", cleanFileName(`${name}-会议纪要（初稿）.${format}`)),
          "Cache-Control": "private, no-store",
        });
        res.send(body);
      }),
    );
  }

  // The speech list: the live state's rows at the server's now (a running speech with its time so far).
  for (const format of ["csv", "xlsx"] as const satisfies readonly SpeechListFormat[]) {
    router.get(
      `/meetings/:id/minutes/speeches.${format}`,
      route(async (req, res) => {
        const { id } = parse(IdParams, req.params);
        await requireMeetingStaffAccess(deps, req, id);
        const meeting = (await deps.meetings.get(id)) ?? fail("NOT_FOUND");
        const state = (await deps.rooms.get(id)).current;
        const body = await exportSpeechList(speechList(state, deps.now()), format);
        const name = meeting.title.replace(/[/\\]/g, "-");
        res.set({
          "Content-Type": SPEECH_LIST_MIME[format],
          "Content-Disposition": contentDisposition("attachment", cleanFileName(`${name}-发言清单.${format}`)),
          "Cache-Control": "private, no-store",
        });
        res.send(body);
      }),
    );
  }

  return router;
}
