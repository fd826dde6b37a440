// Roster import (CSV in UTF-8 or GBK, XLSX) and export; parsing lives in server/src/roster.
import { Router } from "express";
import type { Role } from "../../../core/roles.ts";
import { abort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { IdParams, ImportQuery } from "../../../core/api/common.ts";
import { ExportQuery } from "../../../core/api/roster.ts";
import { requireMeetingManager, requireMeetingStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import { exportRoster, parseRosterFile, sortParticipants } from "../roster/index.ts";
import { cleanFileName, contentDisposition } from "./materialFiles.ts";
import { receiveFile } from "./materialRoutes.ts";
import type { ParticipantJson } from "./participantStore.ts";

export const MAX_ROSTER_FILE_BYTES = 2 * 1024 * 1024;
/** The live meeting accepts rosters up to this size (core/config/schema.ts). */
const MAX_PARTICIPANTS = 10_000;

/** acceptWarnings: the organiser saw the dry run's warnings (e.g. 王? where a character was lost) and imports anyway. */

const MIME = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

export function rosterRoutes(deps: ApiDeps): Router {
  const { participants } = deps;
  const router = Router();
  const receive = receiveFile(MAX_ROSTER_FILE_BYTES);

  router.post(
    "/meetings/:id/roster/import",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      const { dryRun, acceptWarnings } = parse(ImportQuery, req.query);
      const file = await receive(req, res);
      const parsed = await parseRosterFile(file.buffer, cleanFileName(file.originalname), await participants.list(id));
      if (!parsed.ok) abort(parsed.code, parsed.report);
      const { participants: people, warnings } = parsed;
      // Rows with warnings are not applied until the organiser has confirmed them.
      if (!dryRun && warnings.length > 0 && !acceptWarnings) abort("IMPORT_NEEDS_CONFIRMATION", warnings);
      const unknown = await participants.unknownAccounts(people.flatMap((p) => (p.accountId ? [p.accountId] : [])));
      if (unknown.length)
        abort(
          "VALIDATION",
          unknown.slice(0, 10).map((a) => `accountId: no such account ${a}`),
        );
      const existing = await participants.count(id);
      if (existing + people.length > MAX_PARTICIPANTS) abort("VALIDATION", [`(root): a meeting has at most ${MAX_PARTICIPANTS} participants`]);
      if (!dryRun) await participants.append(id, people);
      res.json({ imported: people.length, dryRun, report: warnings });
    }),
  );

  router.get(
    "/meetings/:id/roster/export",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaff(deps.meetings, req, id);
      const { format, sort } = parse(ExportQuery, req.query);
      const list = sortParticipants(await participants.list(id), sort);
      const body = await exportRoster(list.map(exportable), format);
      const meeting = await deps.meetings.get(id);
      res.set({
        "Content-Type": MIME[format],
        "Content-Disposition": contentDisposition("attachment", cleanFileName(`${meeting?.title ?? "roster"}-名单.${format}`)),
        "Cache-Control": "private, no-store",
      });
      res.send(body);
    }),
  );

  return router;
}

const exportable = (p: ParticipantJson) => ({
  ordinal: p.ordinal,
  name: p.name,
  role: p.role as Role,
  sector: p.sector ?? undefined,
  party: p.party ?? undefined,
  unit: p.unit ?? undefined,
  phone: p.phone ?? undefined,
  email: p.email ?? undefined,
  side: sideOf(p.side),
  chief: p.chief,
  household: p.household ?? undefined,
  voteWeight: p.voteWeight ?? undefined,
});

const sideOf = (side: string | null): "worker" | "enterprise" | undefined => (side === "worker" || side === "enterprise" ? side : undefined);
