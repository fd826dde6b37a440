import { useTranslation } from "react-i18next";
import { ConnectionBanner, TopBar } from "../components/TopBar.tsx";
import type { MeetingConnection } from "../connection/meetingConnection.ts";
import { ConnectionContext, useMeeting } from "../connection/useMeeting.ts";
import { currentLanguage } from "../i18n/i18n.ts";
import { DisplayView } from "../features/display/DisplayView.tsx";
import { ClockAnnouncements } from "../features/floor/ClockAnnouncements.tsx";
import { GroupStage } from "../features/groups/GroupStage.tsx";
import { MicState } from "../features/media/MicState.tsx";
import { VenueMutedLabel } from "../features/media/VenueMutedLabel.tsx";
import { MediaNotice } from "../features/meeting/MediaNotice.tsx";
import { useActingRole } from "../features/meeting/useActingRole.ts";
import { ChairConsole } from "../views/ChairConsole.tsx";
import { ClerkView } from "../views/ClerkView.tsx";
import { MemberView } from "../views/MemberView.tsx";

/**
 * `connection` is null when the page was opened without a join link. While the plenary's groups
 * meet (分组讨论), GroupStage shows my group's meeting, on a connection of its own, in place of it.
 */
export function App({ connection }: { connection: MeetingConnection | null }) {
  if (!connection) return <Notice titleKey="status.refused" text={null} />;
  return (
    <ConnectionContext.Provider value={connection}>
      <GroupStage
        screen={
          <>
            {/* The speech clock's news for screen readers, once per screen (whichever view it is). */}
            <ClockAnnouncements />
            <Meeting />
          </>
        }
      />
    </ConnectionContext.Provider>
  );
}

function Meeting() {
  const { t } = useTranslation();
  const { status, refusal, welcome, state } = useMeeting();
  // In a bargaining meeting the presiding chief gets the chair's console, whatever the link says.
  const acting = useActingRole();
  if (status === "refused" || status === "ended") return <Notice titleKey={`status.${status}`} text={refusal?.message[currentLanguage()] ?? null} />;
  if (!welcome || !state) {
    return (
      <div className="center-notice" role="status" data-testid="connecting">
        {t("status.connecting")}
      </div>
    );
  }
  if (welcome.display) return <DisplayView />;
  const role = acting ?? welcome.me.role;
  return (
    <div className={`app role-${role}`}>
      <TopBar />
      <ConnectionBanner />
      <MediaNotice />
      <MicState />
      <VenueMutedLabel />
      {role === "chair" ? <ChairConsole /> : role === "clerk" ? <ClerkView /> : <MemberView />}
    </div>
  );
}

function Notice({ titleKey, text }: { titleKey: string; text: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="center-notice" role="alert" data-testid="refused">
      <h1>{t(titleKey)}</h1>
      <p>{text ?? t("status.noLink")}</p>
    </div>
  );
}
