// The worker's 征集表 page (/w/<publicCode>) over HTTP, without an account: the public code is the
// authority. Its own small client, so the phone page loads none of the admin app.
import { FormReceivedResponse, PublicCollectionResponse, type FormInput } from "@core/api/bargainingProposals.ts";
import { httpClient, HttpError } from "../../http/api.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { proposalsEn } from "../../i18n/proposals.en.ts";
import { proposalsZh } from "../../i18n/proposals.zh.ts";

const enc = encodeURIComponent;
const client = httpClient({ language: currentLanguage, localText: () => ({ zh: proposalsZh.offline, en: proposalsEn.offline }) });

export const workerApi = {
  collection: (publicCode: string) => client.json("GET", `/api/public/proposal-collections/${enc(publicCode)}`, PublicCollectionResponse),
  send: (publicCode: string, form: FormInput) => client.json("POST", `/api/public/proposal-collections/${enc(publicCode)}/forms`, FormReceivedResponse, form),
};

/** The refusal's text in the page's language. */
export const errorText = (error: unknown): string =>
  error instanceof HttpError ? error.text[currentLanguage()] : String(error instanceof Error ? error.message : error);

/** A day as people in China read it (2026/12/21). */
export const chinaDay = (iso: string): string => new Date(iso).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });
