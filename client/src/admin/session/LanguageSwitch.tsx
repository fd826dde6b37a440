import { currentLanguage, setLanguage } from "../../i18n/i18n.ts";
import { useAdminT } from "../ui/useAdminT.ts";

export function LanguageSwitch() {
  const { t } = useAdminT();
  const other = currentLanguage() === "zh" ? "en" : "zh";
  return (
    <button type="button" className="ghost" lang={other === "zh" ? "zh-CN" : "en"} onClick={() => setLanguage(other)} data-testid="language-switch">
      {t("language")}
    </button>
  );
}
