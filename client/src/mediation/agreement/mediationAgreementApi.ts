// The mediation agreement over REST (docs/api.md "Mediation agreements"): the signer's own view,
// confirmation and refusal with the join token; the staff's page with the admin session.
import { MediationAgreementJson, MediationConfirmationJson } from "@core/api/mediationAgreement.ts";
import type { Referral } from "@core/mediation/agreement.ts";
import { request } from "../../admin/api.ts";
import { restRequest } from "../../connection/rest.ts";

export const agreementPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/mediation-agreement`;

export const partyAgreementApi = {
  get: (token: string, meetingId: string, fallback: string) =>
    restRequest(token, "GET", `${agreementPath(meetingId)}/confirmation`, MediationConfirmationJson, undefined, fallback),
  confirm: (token: string, meetingId: string, body: { version: number; code: string; name: string | null; signaturePng: string | null }, fallback: string) =>
    restRequest(token, "POST", `${agreementPath(meetingId)}/confirmation`, MediationConfirmationJson, body, fallback),
  refuse: (token: string, meetingId: string, reason: string, fallback: string) =>
    restRequest(token, "POST", `${agreementPath(meetingId)}/refusal`, MediationConfirmationJson, { reason }, fallback),
  /** The signed copy as a file (the join token travels in the header, so it is fetched, then saved). */
  download: async (token: string, meetingId: string, format: "pdf" | "docx"): Promise<Blob> => {
    const res = await fetch(`${agreementPath(meetingId)}/signed.${format}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(String(res.status));
    return res.blob();
  },
};

export const staffAgreementApi = {
  get: (meetingId: string) => request("GET", agreementPath(meetingId), MediationAgreementJson),
  save: (meetingId: string, body: unknown) => request("POST", `${agreementPath(meetingId)}/versions`, MediationAgreementJson, body),
  signMediator: (meetingId: string, body: { participantId: string; version: number; code: string }) =>
    request("POST", `${agreementPath(meetingId)}/mediator-signatures`, MediationAgreementJson, body),
  refer: (meetingId: string, body: { referral: Referral; note: string | null }) =>
    request("POST", `${agreementPath(meetingId)}/referral`, MediationAgreementJson, body),
  fileUrl: (meetingId: string, number: number, format: "pdf" | "docx") => `${agreementPath(meetingId)}/versions/${number}.${format}`,
};
