import { useId } from "react";
import { useTranslation } from "react-i18next";
import { saveMediaPrefs, useMediaPrefs } from "../media/mediaPrefs.ts";
import { useActingRole } from "../meeting/useActingRole.ts";
import { captionsOffered } from "./stenography.ts";

/**
 * 字幕 in 音视频设置, on the listeners' pages (members, officials, observers): off by default, kept
 * on this device (mediaPrefs), saved at once; PhoneCaptions follows.
 */
export function CaptionsSetting() {
  const { t } = useTranslation();
  const { captions } = useMediaPrefs();
  const role = useActingRole();
  const hintId = useId();
  if (!captionsOffered(role)) return null;
  return (
    <section className="media-settings-section">
      <label className="audio-only-switch">
        <span className="audio-only-text">
          <strong>{t("transcript.captions.setting")}</strong>
          <span className="muted small" id={hintId}>
            {t("transcript.captions.settingHint")}
          </span>
        </span>
        <input
          type="checkbox"
          role="switch"
          checked={captions === true}
          aria-describedby={hintId}
          onChange={(e) => saveMediaPrefs({ captions: e.target.checked })}
          data-testid="captions-switch"
        />
      </label>
    </section>
  );
}
