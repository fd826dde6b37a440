import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "../../components/Icon.tsx";
import { currentLanguage } from "../../i18n/i18n.ts";
import { languageLabel } from "./languageNames.ts";
import type { ListenChannel } from "./listenChannel.ts";
import { chooseChannel, useListenChannel } from "./useListenChannel.ts";
import "./interpretation.css";

/**
 * 原声 / 传译（英语）: a listener's choice while an interpretation runs (not on the interpreter's own
 * page). Kept on this device; the media session subscribes again on the chosen channel.
 */
export function ChannelChoice() {
  const { t } = useTranslation();
  const uid = useId();
  const { interpretation, offered, channel } = useListenChannel();
  if (!offered || !interpretation) return null;
  const language = languageLabel(interpretation.language, currentLanguage());
  const options: [ListenChannel, string][] = [
    ["floor", t("interpretation.floor")],
    ["interpretation", t("interpretation.channel", { language })],
  ];
  return (
    <div className="channel-choice" role="radiogroup" aria-labelledby={`${uid}-label`} data-testid="channel-choice" data-channel={channel}>
      <span className="channel-choice-label" id={`${uid}-label`}>
        <Icon name="headphones" /> {t("interpretation.listen")}
      </span>
      {options.map(([value, label]) => (
        <label key={value} className={channel === value ? "selected" : undefined}>
          <input
            type="radio"
            name={`${uid}-channel`}
            value={value}
            checked={channel === value}
            onChange={() => chooseChannel(value, interpretation)}
            data-testid={`channel-${value}`}
          />
          {label}
        </label>
      ))}
    </div>
  );
}
