// The chiefs sign the agreement themselves (docs/bargaining.md "Agreement, vote and filing"): once
// the 职工代表大会's vote passed §36 (表决通过), each side's 首席代表 opens the voted version's full
// text on their own meeting screen (their join link) with its confirmation code and confirms
// (确认签署). The signature is recorded in the same row as the staff's paper signatures, marked as
// given by the chief (side, the roster's name, the moment). Only that side's chief of that meeting
// may (NOT_CHIEF otherwise); once per side; not before the vote passed; persisted before the answer.
import { Router, type Request } from "express";
import { agreementStatus, confirmationCode, stepProblem } from "../../../../core/bargaining/agreement.ts";
import { ChiefConfirmationBody } from "../../../../core/api/bargainingAgreement.ts";
import { IdParams } from "../../../../core/api/common.ts";
import type { RosterEntry } from "../../../../core/config/schema.ts";
import type { Side } from "../../../../core/bargaining/schema.ts";
import { abort, route } from "../../http/apiError.ts";
import type { ApiDeps } from "../../http/apiDeps.ts";
import { requireParticipantOrStaffEntry } from "../../http/participantAuth.ts";
import { parse } from "../../http/validate.ts";
import { stepsOf } from "./agreementStore.ts";

export const CONFIRMATION_PATH = "/meetings/:id/agreement/confirmation";

type Chief = RosterEntry & { side: Side };

export function chiefConfirmationRoutes(deps: ApiDeps): Router {
  const router = Router();
  const store = deps.agreements;

  /** The caller's join token must be a chief's of this bargaining meeting (the live roster's side and chief flag). */
  const chiefOf = async (req: Request, meetingId: string): Promise<Chief> => {
    const caller = await requireParticipantOrStaffEntry(deps, req);
    if (caller.meetingId !== meetingId) abort("FORBIDDEN");
    const meeting = (await deps.meetings.get(meetingId)) ?? abort("NOT_FOUND");
    if (meeting.kind !== "bargaining") abort("NOT_BARGAINING");
    const entry = (await deps.rooms.get(meetingId)).current.roster.find((r) => r.id === caller.participantId);
    if (!entry || !entry.chief || entry.side === null) abort("NOT_CHIEF");
    return entry as Chief;
  };

  // The answer's shape is core/api/bargainingAgreement.ts ChiefConfirmationJson.
  const confirmationJson = async (meetingId: string, chief: Chief) => {
    const found = await store.find(meetingId);
    const steps = found ? stepsOf(found.row) : null;
    const status = steps && agreementStatus(steps, deps.now());
    const adopted = steps?.vote && status?.state !== "draft" ? steps.vote : null;
    const version = adopted ? await store.version(meetingId, adopted.version) : null;
    return {
      meetingId,
      side: chief.side,
      name: chief.name,
      state: status?.state ?? "draft",
      voted:
        adopted && version ? { version: version.number, code: confirmationCode(version.content), votedOn: adopted.votedOn, content: version.content } : null,
      signatures: steps?.signatures ?? { worker: null, enterprise: null },
      signedOn: status?.signedOn ?? null,
      filingDue: status?.filingDue ?? null,
    };
  };

  router.get(
    CONFIRMATION_PATH,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const chief = await chiefOf(req, id);
      res.set("Cache-Control", "private, no-store").json(await confirmationJson(id, chief));
    }),
  );

  router.post(
    CONFIRMATION_PATH,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const chief = await chiefOf(req, id);
      const body = parse(ChiefConfirmationBody, req.body);
      // A chief signs for their own side only.
      if (body.side !== chief.side) abort("NOT_CHIEF");
      const found = (await store.find(id)) ?? abort("AGREEMENT_STEP_ORDER");
      const steps = stepsOf(found.row);
      const problem = stepProblem(steps, "sign", chief.side);
      if (problem) abort(problem);
      // The confirmation names the text on the chief's screen: the voted version and its code.
      const version = (await store.version(id, steps.vote!.version)) ?? abort("AGREEMENT_NO_DRAFT");
      if (body.version !== version.number || body.code !== confirmationCode(version.content)) abort("AGREEMENT_CONFIRMATION_CODE");
      const recorded = await store.record(
        id,
        { kind: "sign", side: chief.side, name: chief.name, signing: { by: "chief", participantId: chief.id } },
        { name: chief.name, participantId: chief.id, accountId: null },
      );
      if (!recorded.ok) abort(recorded.code, recorded.details);
      res.json(await confirmationJson(id, chief));
    }),
  );

  return router;
}
