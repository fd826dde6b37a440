// /api/mediation/cases* (docs/mediation.md "Case and follow-up", docs/api.md "Mediation cases"): the
// secretariat (admin, organiser) accepts a case (typed, or from a resident's report), links its
// sessions (an existing mediation meeting, or a new one made from the case: 新建调解会谈), records its steps (start, agreement or failure, obligations → ledger items, return
// visits, closing), and reads the list, the statistics and their XLSX export.
import { Router } from "express";
import { IdParams } from "../../../../core/api/common.ts";
import { MeetingInput } from "../../../../core/api/meetings.ts";
import { LinkMeetingBody, MediationCaseQuery, MediationCaseStep, NewCaseSession, NewMediationCase } from "../../../../core/api/mediationCases.ts";
import { chinaDate } from "../../../../core/ledger/deadline.ts";
import { SESSION_STATES, sessionRoster } from "../../../../core/mediation/caseSession.ts";
import { caseStatistics } from "../../../../core/mediation/caseStatistics.ts";
import { abort, orAbort, route } from "../../http/apiError.ts";
import type { ApiDeps } from "../../http/apiDeps.ts";
import { MANAGERS, requireStaff } from "../../http/staffAuth.ts";
import { parse } from "../../http/validate.ts";
import { contentDisposition } from "../../meetings/materialFiles.ts";
import { CASES_SHEET, exportCases, XLSX_MIME } from "./caseExport.ts";

export function mediationCaseRoutes(deps: ApiDeps): Router {
  const { mediationCases: cases } = deps;
  const router = Router();
  const clerk = (account: { id: string; displayName: string }) => ({ id: account.id, name: account.displayName });

  router.get(
    "/mediation/cases",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      res.json({ cases: await cases.list(parse(MediationCaseQuery, req.query)) });
    }),
  );

  router.post(
    "/mediation/cases",
    route(async (req, res) => {
      const staff = requireStaff(req, MANAGERS);
      const input = parse(NewMediationCase, req.body);
      res.status(201).json({ case: orAbort(await cases.create(input, clerk(staff.account))) });
    }),
  );

  router.get(
    "/mediation/cases/statistics",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      res.json({ statistics: caseStatistics(await cases.list(parse(MediationCaseQuery, req.query))) });
    }),
  );

  router.get(
    "/mediation/cases/export.xlsx",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const list = await cases.list(parse(MediationCaseQuery, req.query));
      const body = await exportCases(list, caseStatistics(list));
      res.set({
        "Content-Type": XLSX_MIME,
        "Content-Disposition": contentDisposition("attachment", `${CASES_SHEET}-${chinaDate(deps.now()).replace(/-/g, "")}.xlsx`),
        "Cache-Control": "private, no-store",
      });
      res.send(body);
    }),
  );

  router.get(
    "/mediation/cases/:id",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { id } = parse(IdParams, req.params);
      res.json({ case: (await cases.get(id)) ?? abort("NOT_FOUND") });
    }),
  );

  router.post(
    "/mediation/cases/:id/meetings",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { id } = parse(IdParams, req.params);
      const { meetingId } = parse(LinkMeetingBody, req.body);
      res.json({ case: orAbort(await cases.linkMeeting(id, meetingId)) });
    }),
  );

  // 新建调解会谈: a meeting of kind mediation whose roster is made from the case (core/mediation/caseSession.ts),
  // linked to the case; each case party and mediator keeps the id of their roster entry.
  router.post(
    "/mediation/cases/:id/sessions",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { id } = parse(IdParams, req.params);
      const body = parse(NewCaseSession, req.body);
      const c = (await cases.get(id)) ?? abort("NOT_FOUND");
      if (!SESSION_STATES.includes(c.state)) abort("MEDIATION_CASE_STATE");
      const roster = sessionRoster(c);
      const meeting = await deps.meetings.add(MeetingInput.parse({ title: body.title, kind: "mediation", startsAt: body.startsAt ?? null }));
      const people = await deps.participants.append(
        meeting.id,
        roster.map((r) => r.person),
      );
      const participants = new Map(roster.map((r, i) => [r.of.id, people[i]!.id]));
      res.status(201).json({ case: orAbort(await cases.linkMeeting(id, meeting.id, participants)), meetingId: meeting.id });
    }),
  );

  router.post(
    "/mediation/cases/:id/steps",
    route(async (req, res) => {
      const staff = requireStaff(req, MANAGERS);
      const { id } = parse(IdParams, req.params);
      const step = parse(MediationCaseStep, req.body);
      res.json({ case: orAbort(await cases.step(id, step, clerk(staff.account))) });
    }),
  );

  return router;
}
