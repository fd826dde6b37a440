// The agreement after bargaining over REST (docs/api.md "Bargaining agreements").
import { z } from "zod";
import { AgreementJson, AgreementListJson, AgreementPollsJson, AgreementVersionJson } from "@core/api/bargainingAgreement.ts";
import type { AgreementContent } from "@core/bargaining/agreement.ts";
import type { Side } from "@core/bargaining/schema.ts";
import { request } from "../../admin/api.ts";

const a = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/agreement`;
const Version = z.object({ version: AgreementVersionJson });
const Vote = z.looseObject({ vote: AgreementJson.shape.vote });

export const agreementApi = {
  list: () => request("GET", "/api/bargaining/agreements", AgreementListJson),
  get: (meetingId: string) => request("GET", a(meetingId), AgreementJson),
  version: (meetingId: string, n: number) => request("GET", `${a(meetingId)}/versions/${n}`, Version),
  generate: (meetingId: string, baseVersion: number) => request("POST", `${a(meetingId)}/versions`, Version, { baseVersion, generate: true }),
  save: (meetingId: string, baseVersion: number, content: AgreementContent, note: string) =>
    request("POST", `${a(meetingId)}/versions`, Version, { baseVersion, content, ...(note.trim() ? { note } : {}) }),
  polls: (meetingId: string, voteMeetingId: string) =>
    request("GET", `${a(meetingId)}/polls?meetingId=${encodeURIComponent(voteMeetingId)}`, AgreementPollsJson),
  vote: (meetingId: string, voteMeetingId: string, pollId: string) => request("POST", `${a(meetingId)}/vote`, Vote, { meetingId: voteMeetingId, pollId }),
  sign: (meetingId: string, side: Side, signedOn: string) => request("POST", `${a(meetingId)}/signatures`, AgreementJson, { side, signedOn }),
  file: (meetingId: string, filedOn: string, receivedOn: string) =>
    request("POST", `${a(meetingId)}/filing`, AgreementJson, { filedOn, ...(receivedOn ? { receivedOn } : {}) }),
  receipt: (meetingId: string, receivedOn: string) => request("POST", `${a(meetingId)}/receipt`, AgreementJson, { receivedOn }),
  review: (meetingId: string, outcome: "objection" | "noObjection", on: string, note: string) =>
    request("POST", `${a(meetingId)}/review`, AgreementJson, { outcome, on, ...(note.trim() ? { note } : {}) }),
  versionUrl: (meetingId: string, n: number, format: "docx" | "pdf") => `${a(meetingId)}/versions/${n}.${format}`,
  voteUrl: (meetingId: string, format: "docx" | "pdf") => `${a(meetingId)}/vote.${format}`,
};
