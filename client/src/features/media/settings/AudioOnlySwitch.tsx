import { useId } from "react";
import { useTranslation } from "react-i18next";
import { saveMediaPrefs, useMediaPrefs } from "../mediaPrefs.ts";

/** 仅音频（弱网）: no video sent or received; the media session reads it from mediaPrefs. */
export function AudioOnlySwitch() {
  const { t } = useTranslation();
  const { audioOnly } = useMediaPrefs();
  const hintId = useId();
  return (
    <label className="audio-only-switch">
      <span className="audio-only-text">
        <strong>{t("mediaSettings.audioOnly")}</strong>
        <span className="muted small" id={hintId}>
          {t("mediaSettings.audioOnlyHint")}
        </span>
      </span>
      <input
        type="checkbox"
        role="switch"
        checked={audioOnly}
        aria-describedby={hintId}
        onChange={(e) => saveMediaPrefs({ audioOnly: e.target.checked })}
        data-testid="audio-only"
      />
    </label>
  );
}
