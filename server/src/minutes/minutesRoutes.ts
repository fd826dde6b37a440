// The minutes draft (会议纪要初稿) over HTTP, for the meeting's staff only (as the statistics):
// generated from the live room's state and the meeting's log at the moment of the request, as
// JSON (the Minutes structure), Markdown, DOCX or PDF (docs/minutes.md, docs/api.md#minutes);
// next to it the speech list (发言清单) as CSV or XLSX, with the same access.
import { Router, type Request, type Response } from "express";
import { minutesBlocks, type Block } from "../../../core/minutes/blocks.ts";
import { draftMinutes, type Minutes } from "../../../core/minutes/minutes.ts";
import { speechList } from "../../../core/minutes/speechList.ts";
import { abort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { requireMeetingStaffAccess } from "../http/meetingStaffAccess.ts";
import { IdParams } from "../../../core/api/common.ts";
import { MinutesQuery } from "../../../core/api/minutes.ts";
import { parse } from "../http/validate.ts";
import { cleanFileName, contentDisposition } from "../meetings/materialFiles.ts";
import { NoCjkFontError } from "./cjkFonts.ts";
import { exportMinutes, MINUTES_FORMATS, MINUTES_MIME, type MinutesFormat } from "./minutesExport.ts";
import { exportSpeechList, SPEECH_LIST_MIME, type SpeechListFormat } from "./speechListExport.ts";

/** The draft from the live room (opened from the log if no one is connected) and its log. */
export async function currentDraft(
  deps: ApiDeps,
  meetingId: string,
  options: { recorderName?: string; distribution?: string[] } = {},
): Promise<{ title: string; minutes: Minutes }> {
  const meeting = (await deps.meetings.get(meetingId)) ?? abort("NOT_FOUND");
  const state = (await deps.rooms.get(meetingId)).current;
  // The log up to the state's seq: attendance in the minutes is "arrived at some point".
  const log = (await deps.events.load(meetingId)).filter((e) => e.seq <= state.seq);
  return { title: meeting.title, minutes: draftMinutes(meeting, state, { log, ...options }) };
}

/** Sends blocks as a minutes file named `<title>-会议纪要（<label>）.<ext>` (初稿, 第2稿, 定稿). */
export async function sendMinutesFile(
  deps: ApiDeps,
  res: Response,
  file: { title: string; label: string; blocks: readonly Block[]; format: MinutesFormat },
): Promise<void> {
  let body: Buffer;
  try {
    body = await exportMinutes(file.blocks, file.format);
  } catch (error) {
    if (error instanceof NoCjkFontError) deps.log(error.message);
    throw error;
  }
  // A slash in the title ("2026/11 …") is not a folder: keep the whole title in the name.
  const name = file.title.replace(/[/\\]/g, "-");
  res.set({
    "Content-Type": MINUTES_MIME[file.format],
    "Content-Disposition": contentDisposition("attachment", cleanFileName(`${name}-会议纪要（${file.label}）.${file.format}`)),
    "Cache-Control": "private, no-store",
  });
  res.send(body);
}

export function minutesRoutes(deps: ApiDeps): Router {
  const router = Router();

  /** Authorizes, then drafts with the query's recorder and distribution. */
  async function draft(req: Request): Promise<{ title: string; minutes: Minutes }> {
    const { id } = parse(IdParams, req.params);
    await requireMeetingStaffAccess(deps, req, id);
    const query = parse(MinutesQuery, req.query);
    return currentDraft(deps, id, {
      ...(query.recorder ? { recorderName: query.recorder } : {}),
      ...(query.distribution ? { distribution: query.distribution } : {}),
    });
  }

  router.get(
    "/meetings/:id/minutes/draft",
    route(async (req, res) => {
      const { minutes } = await draft(req);
      res.json(minutes);
    }),
  );

  for (const format of MINUTES_FORMATS) {
    router.get(
      `/meetings/:id/minutes/draft.${format}`,
      route(async (req, res) => {
        const { title, minutes } = await draft(req);
        await sendMinutesFile(deps, res, { title, label: "初稿", blocks: minutesBlocks(minutes), format });
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
        const meeting = (await deps.meetings.get(id)) ?? abort("NOT_FOUND");
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
