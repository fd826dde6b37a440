// Registers the "intake" namespace (residents' pages, the grid worker's page) with the shared
// i18next instance; imported by those lazily loaded chunks only.
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { intakeEn } from "./intake.en.ts";
import { intakeZh } from "./intake.zh.ts";
import "./i18n.ts";

export const INTAKE_NS = "intake";

if (!i18next.hasResourceBundle("zh", INTAKE_NS)) {
  i18next.addResourceBundle("zh", INTAKE_NS, intakeZh, true, true);
  i18next.addResourceBundle("en", INTAKE_NS, intakeEn, true, true);
}

export const useIntakeT = () => useTranslation(INTAKE_NS);
