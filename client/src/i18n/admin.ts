// Registers the "admin" namespace (organiser pages, landing page) with the shared i18next
// instance. Imported by the lazily loaded admin and landing chunks only.
import i18next from "i18next";
import { adminEn } from "./admin.en.ts";
import { adminZh } from "./admin.zh.ts";
import "./i18n.ts";

export const ADMIN_NS = "admin";

if (!i18next.hasResourceBundle("zh", ADMIN_NS)) {
  i18next.addResourceBundle("zh", ADMIN_NS, adminZh, true, true);
  i18next.addResourceBundle("en", ADMIN_NS, adminEn, true, true);
}
