// The residents' pages over HTTP (docs/community.md): no account — the public code and the receipt
// code are the authority. The grid worker's page calls the same routes with its session cookie.
import { GridReportsResponse, PublicCommunityResponse, ReceiptResponse, ReportCreatedResponse } from "@core/api/intake.ts";
import type { Rating } from "@core/ledger/item.ts";
import { httpClient, HttpError } from "../http/api.ts";
import { currentLanguage } from "../i18n/i18n.ts";
import { intakeEn } from "../i18n/intake.en.ts";
import { intakeZh } from "../i18n/intake.zh.ts";

const client = httpClient({ language: currentLanguage, localText: () => ({ zh: intakeZh.offline, en: intakeEn.offline }) });
const enc = encodeURIComponent;

export type RatingInput = { baseVersion: number; rating: Rating; comment: string };

export const intakeApi = {
  community: (publicCode: string) => client.json("GET", `/api/public/communities/${enc(publicCode)}`, PublicCommunityResponse),
  report: (publicCode: string, form: FormData) => client.json("POST", `/api/public/communities/${enc(publicCode)}/reports`, ReportCreatedResponse, form),
  receipt: (code: string) => client.json("GET", `/api/public/receipts/${enc(code)}`, ReceiptResponse),
  rate: (code: string, body: RatingInput) => client.json("POST", `/api/public/receipts/${enc(code)}/rating`, ReceiptResponse, body),
  gridReport: (form: FormData) => client.json("POST", "/api/grid/reports", ReportCreatedResponse, form),
  gridReports: () => client.json("GET", "/api/grid/reports", GridReportsResponse),
  gridRate: (id: string, body: RatingInput) => client.json("POST", `/api/grid/reports/${enc(id)}/rating`, ReceiptResponse, body),
};

/** The feedback form's download path through the receipt. */
export const feedbackPath = (code: string, format: "pdf" | "docx") => `/api/public/receipts/${enc(code)}/feedback.${format}`;

/** The receipt's link as the resident keeps it. */
export const receiptUrl = (code: string) => `${window.location.origin}/r/${code}`;

/** A receipt code from what was typed or pasted: the code itself or a receipt link. */
export const receiptCodeOf = (text: string): string => {
  const match = /(?:\/r\/)?([a-z2-9]{16,64})\s*$/i.exec(text.trim());
  return match ? match[1]!.toLowerCase() : "";
};

/** The refusal's text in the page's language. */
export const errorText = (error: unknown): string =>
  error instanceof HttpError ? error.text[currentLanguage()] : String(error instanceof Error ? error.message : error);
