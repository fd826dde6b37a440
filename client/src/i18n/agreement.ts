// Registers the "agreement" namespace (the agreement after bargaining: draft, vote, signing and
// filing) with the shared i18next instance; imported by the admin pages that use it.
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { agreementEn } from "./agreement.en.ts";
import { agreementZh } from "./agreement.zh.ts";
import "./i18n.ts";

export const AGREEMENT_NS = "agreement";

if (!i18next.hasResourceBundle("zh", AGREEMENT_NS)) {
  i18next.addResourceBundle("zh", AGREEMENT_NS, agreementZh, true, true);
  i18next.addResourceBundle("en", AGREEMENT_NS, agreementEn, true, true);
}

export const useAgreementT = () => useTranslation(AGREEMENT_NS);
