// Registers the "proposals" namespace (the worker's 征集表 page /w/<code>, the union's pages of
// collections and 协商提案) with the shared i18next instance; imported by those chunks only.
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { proposalsEn } from "./proposals.en.ts";
import { proposalsZh } from "./proposals.zh.ts";
import "./i18n.ts";

export const PROPOSALS_NS = "proposals";

if (!i18next.hasResourceBundle("zh", PROPOSALS_NS)) {
  i18next.addResourceBundle("zh", PROPOSALS_NS, proposalsZh, true, true);
  i18next.addResourceBundle("en", PROPOSALS_NS, proposalsEn, true, true);
}

export const useProposalsT = () => useTranslation(PROPOSALS_NS);
