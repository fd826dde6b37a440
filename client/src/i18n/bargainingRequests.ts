// Registers the "bargainingRequests" namespace (the requests to bargain, the delegation check on the
// roster) with the shared i18next instance; imported by the admin pages that use it.
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { bargainingRequestsEn } from "./bargainingRequests.en.ts";
import { bargainingRequestsZh } from "./bargainingRequests.zh.ts";
import "./i18n.ts";

export const BARGAINING_REQUESTS_NS = "bargainingRequests";

if (!i18next.hasResourceBundle("zh", BARGAINING_REQUESTS_NS)) {
  i18next.addResourceBundle("zh", BARGAINING_REQUESTS_NS, bargainingRequestsZh, true, true);
  i18next.addResourceBundle("en", BARGAINING_REQUESTS_NS, bargainingRequestsEn, true, true);
}

export const useBargainingRequestsT = () => useTranslation(BARGAINING_REQUESTS_NS);
