// Saved versions of the minutes (第n稿) over HTTP (docs/minutes.md, docs/api.md): the meeting's
// staff list, read, save (generated from the record or edited blocks) and download them; only the
// meeting's chair approves (定稿). Approved versions are locked: a later save is a correction and
// needs its reason (更正理由).
import { Router } from "express";
import { minutesBlocks } from "../../../core/minutes/blocks.ts";
import { abort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { requireMeetingChair, requireMeetingStaffAccess } from "../http/meetingStaffAccess.ts";
import { IdParams } from "../../../core/api/common.ts";
import { SaveBody, VersionParams } from "../../../core/api/minutes.ts";
import { parse } from "../http/validate.ts";
import { MINUTES_FORMATS } from "./minutesExport.ts";
import { currentDraft, sendMinutesFile } from "./minutesRoutes.ts";
import type { VersionResult } from "./minutesVersionStore.ts";

/** Saved minutes carry the whole document: the body limit of the save route (the API's is 100 kB). */
export const MINUTES_VERSION_BODY_LIMIT = "1mb";
export const MINUTES_VERSIONS_PATH = "/meetings/:id/minutes/versions";

export function minutesVersionRoutes(deps: ApiDeps): Router {
  const router = Router();
  const versions = deps.minutesVersions;

  const settled = (result: VersionResult) => (result.ok ? result.version : abort(result.code, { latest: result.latest }));
  // The archive searches the approved (else the latest) version: reindex once it is committed.
  const reindex = (meetingId: string, result: VersionResult) => {
    if (result.ok) void deps.archive.reindex(meetingId).catch((error: unknown) => deps.log(`archive: reindexing meeting ${meetingId} failed`, error));
  };

  router.get(
    MINUTES_VERSIONS_PATH,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaffAccess(deps, req, id);
      res.json({ versions: await versions.list(id) });
    }),
  );

  router.post(
    MINUTES_VERSIONS_PATH,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const author = await requireMeetingStaffAccess(deps, req, id);
      const body = parse(SaveBody, req.body);
      const blocks = body.blocks ?? minutesBlocks((await currentDraft(deps, id)).minutes);
      const result = await versions.save(id, { baseVersion: body.baseVersion, blocks, note: body.note || null, generated: body.generate === true }, author);
      reindex(id, result);
      res.status(201).json({ version: settled(result) });
    }),
  );

  // The files before `/:n`, which would otherwise take "2.pdf" as the number.
  for (const format of MINUTES_FORMATS) {
    router.get(
      `${MINUTES_VERSIONS_PATH}/:n.${format}`,
      route(async (req, res) => {
        const { id, n } = parse(VersionParams, req.params);
        await requireMeetingStaffAccess(deps, req, id);
        const version = (await versions.get(id, n)) ?? abort("NOT_FOUND");
        const meeting = (await deps.meetings.get(id)) ?? abort("NOT_FOUND");
        const label = version.approvedAt ? "定稿" : `第${n}稿`;
        await sendMinutesFile(deps, res, { title: meeting.title, label, blocks: version.blocks, format });
      }),
    );
  }

  router.get(
    `${MINUTES_VERSIONS_PATH}/:n`,
    route(async (req, res) => {
      const { id, n } = parse(VersionParams, req.params);
      await requireMeetingStaffAccess(deps, req, id);
      res.json({ version: (await versions.get(id, n)) ?? abort("NOT_FOUND") });
    }),
  );

  router.post(
    `${MINUTES_VERSIONS_PATH}/:n/approve`,
    route(async (req, res) => {
      const { id, n } = parse(VersionParams, req.params);
      const chair = await requireMeetingChair(deps, req, id);
      const result = (await versions.approve(id, n, chair)) ?? abort("NOT_FOUND");
      reindex(id, result);
      res.json({ version: settled(result) });
    }),
  );

  return router;
}
