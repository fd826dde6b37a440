import { CurrentItem } from "../features/agenda/CurrentItem.tsx";
import { Icon } from "./Icon.tsx";
import { useTranslation } from "react-i18next";
import { useDisplayName, useMeeting, useRoster } from "../connection/useMeeting.ts";
import { currentLanguage, setLanguage } from "../i18n/i18n.ts";
import { MediaSettingsButton } from "../features/media/settings/MediaSettingsButton.tsx";
import { useRoleLabel } from "../features/meeting/useRoleLabel.ts";
import { TextSizeSetting } from "./textSize/TextSizeSetting.tsx";
import "./topBar.css";

export function TopBar() {
  const { t } = useTranslation();
  const { welcome, status } = useMeeting();
  const role = useRoleLabel();
  // The live roster's entry: the organisers may change the side or chief flag during the meeting.
  const person = useRoster();
  const nameOf = useDisplayName();
  const online = status === "connected";
  return (
    <header className="top-bar">
      <div className="top-bar-title">
        <h1 title={welcome?.meeting.title}>{welcome?.meeting.title ?? t("app.name")}</h1>
        {welcome && (
          <span className="me" data-testid="me">
            {nameOf(welcome.me.id) ?? welcome.me.name} · {role(person(welcome.me.id) ?? welcome.me)}
          </span>
        )}
        <CurrentItem />
      </div>
      <div className="top-bar-actions">
        <span className={`conn ${online ? "conn-on" : "conn-off"}`} data-testid="connection-state">
          <Icon name={online ? "dot" : "ring"} /> {t(`status.${status}`)}
        </span>
        <TextSizeSetting />
        <MediaSettingsButton />
        <button type="button" className="ghost" onClick={() => setLanguage(currentLanguage() === "zh" ? "en" : "zh")}>
          {t("language")}
        </button>
      </div>
    </header>
  );
}

export function ConnectionBanner() {
  const { t } = useTranslation();
  const { status } = useMeeting();
  if (status !== "reconnecting") return null;
  return (
    <div className="banner banner-warn" role="status" data-testid="reconnecting-banner">
      {t("status.reconnecting")}
    </div>
  );
}
