// The chief's own confirmation of the voted agreement over REST with the join token (docs/api.md
// "Bargaining agreements": GET/POST /api/meetings/:id/agreement/confirmation).
import { ChiefConfirmationJson } from "@core/api/bargainingAgreement.ts";
import type { Side } from "@core/bargaining/schema.ts";
import { restRequest } from "../../connection/rest.ts";

const path = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/agreement/confirmation`;

export const chiefConfirmationApi = {
  get: (token: string, meetingId: string, fallback: string) => restRequest(token, "GET", path(meetingId), ChiefConfirmationJson, undefined, fallback),
  confirm: (token: string, meetingId: string, body: { side: Side; version: number; code: string }, fallback: string) =>
    restRequest(token, "POST", path(meetingId), ChiefConfirmationJson, body, fallback),
};
