// Registers the "mediationCases" namespace (the mediation cases' admin pages) with the shared
// i18next instance; imported by the pages that use it.
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { mediationCasesEn } from "./mediationCases.en.ts";
import { mediationCasesZh } from "./mediationCases.zh.ts";
import "./i18n.ts";

export const MEDIATION_CASES_NS = "mediationCases";

if (!i18next.hasResourceBundle("zh", MEDIATION_CASES_NS)) {
  i18next.addResourceBundle("zh", MEDIATION_CASES_NS, mediationCasesZh, true, true);
  i18next.addResourceBundle("en", MEDIATION_CASES_NS, mediationCasesEn, true, true);
}

export const useMediationCasesT = () => useTranslation(MEDIATION_CASES_NS);
