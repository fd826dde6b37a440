// The consent campaigns' REST endpoints (docs/community.md "Consent campaigns").
import {
  CampaignResponse,
  CampaignsResponse,
  DoorsResponse,
  LinksResponse,
  OwnLinkResponse,
  ProgressResponse,
  RecordAnswerResponse,
  type NewCampaign,
  type OwnLinkAnswer,
  type RecordAnswer,
} from "@core/api/campaign.ts";
import { OkResponse } from "@core/api/common.ts";
import { request, requestWithHeaders } from "../admin/api.ts";
import { offlineCopyTime } from "../offline/offlineRoutes.ts";

const c = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export const campaignApi = {
  campaigns: () => request("GET", "/api/campaigns", CampaignsResponse),
  create: (input: NewCampaign) => request("POST", "/api/campaigns", CampaignResponse, input),
  /** The door list; `copyOf`: the time of the service worker's offline copy it is (null: fresh). */
  doors: async (id: string) => {
    const { body, headers } = await requestWithHeaders("GET", c(id), DoorsResponse);
    return { ...body, copyOf: offlineCopyTime(headers) };
  },
  progress: (id: string) => request("GET", `${c(id)}/progress`, ProgressResponse),
  close: (id: string) => request("POST", `${c(id)}/close`, ProgressResponse, {}),
  record: (id: string, answer: RecordAnswer) => request("POST", `${c(id)}/answers`, RecordAnswerResponse, answer),
  photo: (id: string, clientId: string, photo: Blob) => {
    const form = new FormData();
    form.append("file", photo, "form.jpg");
    return request("POST", `${c(id)}/answers/${encodeURIComponent(clientId)}/photo`, OkResponse, form);
  },
  reportUrl: (id: string, format: "pdf" | "xlsx") => `${c(id)}/report.${format}`,
  issueLinks: (id: string) => request("POST", `${c(id)}/links`, LinksResponse, {}),
  ownLink: (token: string) => request("GET", `/api/public/campaign-links/${encodeURIComponent(token)}`, OwnLinkResponse),
  ownLinkAnswer: (token: string, answer: OwnLinkAnswer) =>
    request("POST", `/api/public/campaign-links/${encodeURIComponent(token)}/answers`, RecordAnswerResponse, answer),
};
