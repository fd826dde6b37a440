// The REST API under /api (docs/api.md): JSON bodies, CSRF header check, staff sessions,
// then one router per capability; unknown routes and all errors answer in the API's format.
import { mediationCaseRoutes } from "../mediation/cases/caseRoutes.ts";
import cookieParser from "cookie-parser";
import express, { Router } from "express";
import { accountRoutes } from "../accounts/accountRoutes.ts";
import { authRoutes } from "../accounts/authRoutes.ts";
import { archiveRoutes } from "../archive/archiveRoutes.ts";
import { retentionRoutes } from "../retention/retentionRoutes.ts";
import { checkinRoutes } from "../checkin/checkinRoutes.ts";
import { groupRoutes } from "../groups/groupRoutes.ts";
import { intakeRoutes } from "../intake/intakeRoutes.ts";
import { importRoutes } from "../ledger/importRoutes.ts";
import { ledgerRoutes } from "../ledger/ledgerRoutes.ts";
import { ledgerFormRoutes } from "../ledger/forms/formRoutes.ts";
import { communityRoutes } from "../community/communityRoutes.ts";
import { campaignRoutes } from "../campaign/campaignRoutes.ts";
import { proposalRoutes } from "../bargaining/proposals/proposalRoutes.ts";
import { bargainingRequestRoutes } from "../bargaining/requests/requestRoutes.ts";
import { pollEvidenceRoutes } from "../polls/evidenceRoutes.ts";
import { meetingDepartmentRoutes } from "../ledger/meetingDepartmentRoutes.ts";
import { memberSuggestionRoutes } from "../ledger/memberSuggestionRoutes.ts";
import { reportRoutes } from "../ledger/reportRoutes.ts";
import { linkRoutes } from "../links/linkRoutes.ts";
import { staffEntryRoutes } from "../links/staffEntryRoutes.ts";
import { liveRosterRoutes } from "../live/liveRosterRoutes.ts";
import { recordingRoutes } from "../media/recording/recordingRoutes.ts";
import { minutesRoutes } from "../minutes/minutesRoutes.ts";
import { verbatimRoutes } from "../transcripts/verbatimRoutes.ts";
import { MINUTES_VERSION_BODY_LIMIT, MINUTES_VERSIONS_PATH, minutesVersionRoutes } from "../minutes/minutesVersionRoutes.ts";
import { materialRoutes } from "../meetings/materialRoutes.ts";
import { meetingRoutes } from "../meetings/meetingRoutes.ts";
import { participantRoutes } from "../meetings/participantRoutes.ts";
import { rosterRoutes } from "../meetings/rosterRoutes.ts";
import { planRoutes } from "../plan/planRoutes.ts";
import { statisticsRoutes } from "../stats/statisticsRoutes.ts";
import { agreementRoutes } from "../bargaining/agreement/agreementRoutes.ts";
import { mediationAgreementRoutes } from "../mediation/agreement/mediationAgreementRoutes.ts";
import { apiErrorHandler, sendError } from "./apiError.ts";
import type { ApiDeps } from "./apiDeps.ts";
import { csrfGuard } from "./csrf.ts";
import { loadStaff } from "./staffAuth.ts";

export function createApi(deps: ApiDeps): Router {
  const api = Router();
  api.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  api.use(csrfGuard);
  // A saved version of the minutes is the whole document; the parser after it skips a parsed body.
  api.post(MINUTES_VERSIONS_PATH, express.json({ limit: MINUTES_VERSION_BODY_LIMIT }));
  api.use(express.json({ limit: "100kb" }));
  api.use(cookieParser());
  api.use(loadStaff(deps.sessions));
  api.use(
    authRoutes({
      accounts: deps.accounts,
      sessions: deps.sessions,
      limiter: deps.limiter,
      secureCookies: deps.secure,
      sessionEnded: (sessionId) => deps.links.endStaffSession(sessionId),
    }),
    accountRoutes(deps.accounts, deps.sessions, deps.ledger.departments, deps.communities),
    meetingRoutes(deps),
    materialRoutes(deps),
    participantRoutes(deps),
    rosterRoutes(deps),
    planRoutes(deps),
    groupRoutes(deps),
    linkRoutes(deps),
    staffEntryRoutes(deps),
    checkinRoutes(deps),
    intakeRoutes(deps),
    recordingRoutes(deps),
    statisticsRoutes(deps),
    minutesRoutes(deps),
    verbatimRoutes(deps),
    minutesVersionRoutes(deps),
    archiveRoutes(deps),
    retentionRoutes(deps),
    ledgerRoutes(deps),
    ledgerFormRoutes(deps),
    meetingDepartmentRoutes(deps),
    importRoutes(deps),
    memberSuggestionRoutes(deps),
    reportRoutes(deps),
    liveRosterRoutes(deps),
    communityRoutes(deps),
    campaignRoutes(deps),
    proposalRoutes(deps),
    bargainingRequestRoutes(deps),
    mediationCaseRoutes(deps),
    pollEvidenceRoutes(deps),
    agreementRoutes(deps),
    mediationAgreementRoutes(deps),
  );
  api.use((_req, res) => sendError(res, "NOT_FOUND"));
  api.use(apiErrorHandler(deps.log));
  return api;
}
