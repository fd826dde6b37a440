import { useTranslation } from "react-i18next";
import { interpreterOf } from "@core/media/audible.ts";
import { Icon } from "../../components/Icon.tsx";
import { useMeeting } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { MicToggle } from "../media/MicToggle.tsx";
import { languageLabel } from "./languageNames.ts";
import "./interpretation.css";

/**
 * The interpreter's own page: 您正在为本场传译（英语） and the microphone button (tap to open, as a
 * member given the floor does). `toggle` false where another banner already holds the button
 * (the interpreter also holds the floor).
 */
export function InterpreterBanner({ toggle = true }: { toggle?: boolean }) {
  const { t } = useTranslation();
  const { state, welcome } = useMeeting();
  if (!state || !welcome || welcome.display || !state.interpretation || interpreterOf(state) !== welcome.me.id) return null;
  const language = languageLabel(state.interpretation.language, currentLanguage());
  return (
    <div className="banner banner-interpreter" role="status" data-testid="interpreter-banner">
      <p className="interpreter-prompt">
        <Icon name="headphones" /> <strong>{t("interpretation.banner", { language })}</strong>
      </p>
      <p className="interpreter-hint muted small">{t("interpretation.bannerHint")}</p>
      {toggle && <MicToggle />}
    </div>
  );
}
