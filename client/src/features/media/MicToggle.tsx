// The floor holder's microphone button, as in Tencent Meeting: off (slashed microphone, 打开麦克风)
// until they tap it, then live (microphone, 麦克风已开启 · 关闭); refused says why.
import { useTranslation } from "react-i18next";
import { Icon } from "../../components/Icon.tsx";
import { useMicProblem } from "./settings/micProblemStore.ts";
import { setMicOpen, useMicConsent } from "./micConsent.ts";
import "./media.css";

export function MicToggle() {
  const { t } = useTranslation();
  const { open, status } = useMicConsent();
  const problem = useMicProblem();
  // No media server here: nothing to open (the meeting runs in the room's own sound system).
  if (status === null) return null;
  const live = status === "live";
  const refused = open && status === "refused";
  const state = live ? "on" : refused ? "refused" : open ? "opening" : "off";
  return (
    <button
      type="button"
      className={`mic-toggle mic-toggle-${state}`}
      aria-pressed={open}
      onClick={() => setMicOpen(!open)}
      data-testid="mic-toggle"
      data-state={state}
    >
      <span className="mic-toggle-icon">
        <Icon name={live ? "mic" : refused ? "warning" : "micOff"} />
      </span>
      <span className="mic-toggle-text">
        <strong data-testid="mic-toggle-label">
          {live
            ? t("media.micOn")
            : refused
              ? problem
                ? t(`micProblem.${problem}`)
                : t("media.micRefused")
              : open
                ? t("media.micOpening")
                : t("media.micOff")}
        </strong>
        <span className="mic-toggle-action">{open ? t("media.tapToClose") : t("media.tapToOpen")}</span>
      </span>
    </button>
  );
}
