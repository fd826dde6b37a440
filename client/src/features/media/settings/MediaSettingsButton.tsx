import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "../../../components/Icon.tsx";
import { MediaSettingsPanel } from "./MediaSettingsPanel.tsx";

/** The top bar's way into 音视频设置 (members, chair and clerk alike). */
export function MediaSettingsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="ghost media-settings-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title={t("mediaSettings.open")}
        data-testid="media-settings-open"
      >
        <Icon name="settings" /> <span className="media-settings-button-text">{t("mediaSettings.open")}</span>
      </button>
      {open && <MediaSettingsPanel onClose={() => setOpen(false)} />}
    </>
  );
}
