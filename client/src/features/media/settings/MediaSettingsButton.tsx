import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "../../../components/Icon.tsx";
import { MediaSettingsPanel } from "./MediaSettingsPanel.tsx";
import { useMicPermission } from "./useDevices.ts";

/**
 * The top bar's way into 音视频设置 (members, chair and clerk alike). When the browser already
 * refuses the microphone it shows a warning, so a member can fix it before being given the floor.
 */
export function MediaSettingsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const denied = useMicPermission() === "denied";
  const label = t(denied ? "mediaSettings.openBlocked" : "mediaSettings.open");
  return (
    <>
      <button
        type="button"
        className={`ghost media-settings-button ${denied ? "media-settings-button-warn" : ""}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title={label}
        data-testid="media-settings-open"
        data-mic-denied={denied}
      >
        <Icon name={denied ? "warning" : "settings"} /> <span className="media-settings-button-text">{label}</span>
      </button>
      {open && <MediaSettingsPanel onClose={() => setOpen(false)} />}
    </>
  );
}
