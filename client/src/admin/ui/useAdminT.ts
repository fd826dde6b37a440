import { useTranslation } from "react-i18next";
import { HttpError } from "../api.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { ADMIN_NS } from "../../i18n/admin.ts";

/** t() of the admin namespace. */
export function useAdminT() {
  return useTranslation(ADMIN_NS);
}

/** An error as text in the current language (the server's message for API errors). */
export function errorText(error: unknown): string {
  if (error instanceof HttpError) return error.text[currentLanguage()];
  return error instanceof Error ? error.message : String(error);
}

/** The same text for a bilingual server message (row reports). */
export const bilingual = (text: { zh: string; en: string }): string => text[currentLanguage()];
