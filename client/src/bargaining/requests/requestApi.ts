// The requests to bargain (要约书) over REST (docs/api.md "Bargaining requests").
import { BargainingRequestResponse, BargainingRequestsResponse, type BargainingReplyInput, type NewBargainingRequest } from "@core/api/bargainingRequests.ts";
import { request } from "../../admin/api.ts";

const r = (id: string) => `/api/bargaining/requests/${encodeURIComponent(id)}`;

export const requestApi = {
  list: () => request("GET", "/api/bargaining/requests", BargainingRequestsResponse),
  create: (input: NewBargainingRequest) => request("POST", "/api/bargaining/requests", BargainingRequestResponse, input),
  reply: (id: string, input: BargainingReplyInput) => request("POST", `${r(id)}/reply`, BargainingRequestResponse, input),
  fileUrl: (id: string, format: "docx" | "pdf") => `${r(id)}/request.${format}`,
};
