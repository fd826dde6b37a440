// Registers the "mediationAgreement" namespace (调解协议书: the party's phone card and the staff's
// page) with the shared i18next instance; imported by the components that use it.
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { mediationAgreementEn } from "./mediationAgreement.en.ts";
import { mediationAgreementZh } from "./mediationAgreement.zh.ts";
import "./i18n.ts";

export const MEDIATION_AGREEMENT_NS = "mediationAgreement";

if (!i18next.hasResourceBundle("zh", MEDIATION_AGREEMENT_NS)) {
  i18next.addResourceBundle("zh", MEDIATION_AGREEMENT_NS, mediationAgreementZh, true, true);
  i18next.addResourceBundle("en", MEDIATION_AGREEMENT_NS, mediationAgreementEn, true, true);
}

export const useMediationAgreementT = () => useTranslation(MEDIATION_AGREEMENT_NS);
