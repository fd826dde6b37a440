// Registers the "mediationSession" namespace (人民调解 背靠背 and positions) with the shared i18next
// instance; imported by the components that use it.
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { mediationSessionEn } from "./mediationSession.en.ts";
import { mediationSessionZh } from "./mediationSession.zh.ts";
import "./i18n.ts";

export const MEDIATION_SESSION_NS = "mediationSession";

if (!i18next.hasResourceBundle("zh", MEDIATION_SESSION_NS)) {
  i18next.addResourceBundle("zh", MEDIATION_SESSION_NS, mediationSessionZh, true, true);
  i18next.addResourceBundle("en", MEDIATION_SESSION_NS, mediationSessionEn, true, true);
}

export const useMediationSessionT = () => useTranslation(MEDIATION_SESSION_NS);
