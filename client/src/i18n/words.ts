// The words that follow the kind of meeting (core/meetingKind.ts, core/roleLabels.ts) in the
// UI's language: one mapping for the admin app and the live screens.
import { useTranslation } from "react-i18next";
import { meetingKindLabel, type Lang } from "@core/meetingKind.ts";
import { roleLabel, type LabelledPerson } from "@core/roleLabels.ts";

/** The UI's language as the core's mappings take it (re-renders when it changes). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "zh";
}

/** A meeting kind's name and its role words, e.g. 居民代表 in a community council. */
export function useWords(kind: string): { kindLabel: string; role: (person: LabelledPerson) => string } {
  const lang = useLang();
  return { kindLabel: meetingKindLabel(kind, lang), role: (person) => roleLabel(kind, person, lang) };
}
