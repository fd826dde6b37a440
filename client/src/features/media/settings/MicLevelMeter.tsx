import { useTranslation } from "react-i18next";
import { Icon } from "../../../components/Icon.tsx";
import type { MicReading } from "./micTest.ts";
import type { MicTestState } from "./useMicTest.ts";

/** The live level as a bar, with the verdict in words and an icon (not by colour alone). */
export function MicLevelMeter({ reading, state }: { reading: MicReading; state: MicTestState }) {
  const { t } = useTranslation();
  const verdict = state === "running" ? (reading.heard ? "heard" : "silent") : state === "starting" ? "starting" : "idle";
  const text = t(`mediaSettings.${verdict}`);
  return (
    <div className={`mic-meter mic-meter-${verdict}`}>
      <div
        className="mic-meter-bar"
        role="meter"
        aria-label={t("mediaSettings.level")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={reading.level}
        aria-valuetext={`${reading.level} · ${text}`}
        data-testid="mic-level"
        data-running={state === "running"}
      >
        <div className="mic-meter-fill" style={{ width: `${reading.level}%` }} />
      </div>
      <p className="mic-meter-text" data-testid="mic-verdict">
        {verdict === "heard" && <Icon name="mic" />}
        {verdict === "silent" && <Icon name="warning" />} {text}
      </p>
    </div>
  );
}
