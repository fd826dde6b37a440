// The member's own ledger items over the REST API with the join token (docs/api.md, the
// follow-up ledger): the items they raised in this meeting, and the rating of a reply.
import type { LedgerItemJson } from "@core/ledger/json.ts";
import type { Rating } from "@core/ledger/item.ts";
import { ItemResponse, ItemsResponse } from "@core/api/ledger.ts";
import { restRequest as request } from "../../connection/rest.ts";

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/my-suggestions`;

export const mySuggestionsApi = {
  list: (meetingId: string, token: string, fallback?: string) =>
    request(token, "GET", base(meetingId), ItemsResponse, undefined, fallback).then((r) => r.items),
  rate: (meetingId: string, token: string, item: Pick<LedgerItemJson, "id" | "version">, rating: Rating, comment: string, fallback?: string) =>
    request(
      token,
      "POST",
      `${base(meetingId)}/${encodeURIComponent(item.id)}/rating`,
      ItemResponse,
      { baseVersion: item.version, rating, comment },
      fallback,
    ).then((r) => r.item),
};

/** An attachment of a reply, fetched with the join token (GET /api/ledger/attachments/:id). */
export const attachmentUrl = (id: string) => `/api/ledger/attachments/${encodeURIComponent(id)}`;
