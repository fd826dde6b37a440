import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useListenDecision } from "../listenModeStore.ts";
import { saveMediaPrefs } from "../mediaPrefs.ts";

/**
 * 收听方式: the mode in effect and why (自动：仅音频（网络较差）), 按网络自动选择 (auto, the default)
 * and 仅音频 — on when audio only is in effect; switching it by hand is the member's own choice
 * and ends auto until it is switched on again. Saved at once (mediaPrefs); the media session follows.
 */
export function ListenModeSetting() {
  const { t } = useTranslation();
  const decision = useListenDecision();
  const auto = decision.mode === "auto";
  const titleId = useId();
  const autoHintId = useId();
  const audioHintId = useId();
  const now = t(`mediaSettings.listenNow.${auto ? decision.reason : decision.mode}`);
  return (
    <div className="listen-mode" role="group" aria-labelledby={titleId}>
      <div className="listen-mode-head">
        <strong id={titleId}>{t("mediaSettings.listen")}</strong>
        <span
          className={`listen-mode-now ${decision.audioOnly ? "listen-mode-audio" : "listen-mode-full"}`}
          role="status"
          data-testid="listen-mode-now"
          data-mode={decision.mode}
          data-audio-only={decision.audioOnly}
          data-reason={decision.reason}
        >
          {now}
        </span>
      </div>
      <label className="audio-only-switch">
        <span className="audio-only-text">
          <strong>{t("mediaSettings.listenAuto")}</strong>
          <span className="muted small" id={autoHintId}>
            {t("mediaSettings.listenAutoHint")}
          </span>
        </span>
        <input
          type="checkbox"
          role="switch"
          checked={auto}
          aria-describedby={autoHintId}
          // Off keeps what is in effect now, as the member's own choice.
          onChange={(e) => saveMediaPrefs({ listenMode: e.target.checked ? "auto" : decision.audioOnly ? "audioOnly" : "full" })}
          data-testid="listen-auto"
        />
      </label>
      <label className="audio-only-switch">
        <span className="audio-only-text">
          <strong>{t("mediaSettings.audioOnly")}</strong>
          <span className="muted small" id={audioHintId}>
            {t("mediaSettings.audioOnlyHint")}
          </span>
        </span>
        <input
          type="checkbox"
          role="switch"
          checked={decision.audioOnly}
          aria-describedby={audioHintId}
          onChange={(e) => saveMediaPrefs({ listenMode: e.target.checked ? "audioOnly" : "full" })}
          data-testid="audio-only"
        />
      </label>
    </div>
  );
}
