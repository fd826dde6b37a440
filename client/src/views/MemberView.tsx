import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMeeting } from "../connection/useMeeting.ts";
import { AttendanceSummary } from "../features/attendance/AttendanceSummary.tsx";
import { CurrentSpeaker } from "../features/floor/CurrentSpeaker.tsx";
import { MemberFloorBar } from "../features/floor/MemberFloorBar.tsx";
import { ChannelChoice } from "../features/interpretation/ChannelChoice.tsx";
import { MeetingStatusNotice } from "../features/meeting/MeetingStatusNotice.tsx";
import { useActingRole } from "../features/meeting/useActingRole.ts";
import { memberTools } from "../features/meeting/memberTools.ts";
import { QueueList } from "../features/queue/QueueList.tsx";
import { RequestButton } from "../features/queue/RequestButton.tsx";
import { PollSheet } from "../features/poll/PollSheet.tsx";
import { PublishedPollResult } from "../features/poll/PublishedPollResult.tsx";
import { AgendaPanel } from "../features/agenda/AgendaPanel.tsx";
import { MyPlanPanel } from "../features/plan/MyPlanPanel.tsx";
import { RecordWorkspace } from "../features/record/RecordWorkspace.tsx";
import { StenographerPad } from "../features/transcript/StenographerPad.tsx";
import { MySuggestionsPanel } from "../features/ledger/MySuggestionsPanel.tsx";
import { BargainingTable } from "../bargaining/table/BargainingTable.tsx";
import { MediationSession } from "../mediation/session/MediationSession.tsx";
import { ChiefConfirmation } from "../bargaining/agreement/ChiefConfirmation.tsx";
import { PartyConfirmation } from "../mediation/agreement/PartyConfirmation.tsx";
import { GroupChoice } from "../features/groups/GroupChoice.tsx";
import { GroupReportAmend } from "../features/groups/GroupReportAmend.tsx";
import "../mediation/session/mediationCard.css";
import { useTabs } from "../components/tabs/useTabs.ts";
import "../components/tabs/tabs.css";

type Tab = "room" | "record" | "mine";

/**
 * The member's (and official's, observer's) screen, designed for a phone first. When the
 * organisers share the record (会议记录向委员公开), a 会议记录 tab shows the clerk's timeline and
 * notes read-only; members and officials (who raise suggestions) have a 我的建议 tab with their
 * suggestions in the follow-up ledger, opened first when they come back after the meeting has
 * closed. The floor bar (sticky: the clock, 您已获得发言权, 下一位是您), a poll and the request button
 * stay on every tab. In a mediation, a party's (or mediator's) phone has no 我的建议 and no speaking plan
 * (memberTools).
 */
export function MemberView() {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const acting = useActingRole();
  const tools = memberTools(state?.kind ?? "consultation", acting);
  const raises = tools.suggestions;
  // Back days later, after the meeting: what is left to follow is one's own suggestions.
  const [tab, setTab] = useState<Tab>(() => (raises && state?.status === "closed" ? "mine" : "room"));
  const shared = state?.recordShared === true;
  const tabs: Tab[] = ["room", ...(shared ? (["record"] as const) : []), ...(raises ? (["mine"] as const) : [])];
  const showing: Tab = tabs.includes(tab) ? tab : "room";
  const tabList = useTabs("member", tabs, showing, setTab);
  const tabbed = tabs.length > 1;
  return (
    <main className="member-view">
      {tabbed && (
        <div className="clerk-tabs member-tabs">
          <div {...tabList.list} className="tab-list" aria-label={t("notes.memberTabs")}>
            {tabs.map((id) => (
              <button key={id} type="button" {...tabList.tab(id)} className={showing === id ? "active" : undefined} data-testid={`member-tab-${id}`}>
                {t(`notes.tab.${id}`)}
              </button>
            ))}
          </div>
        </div>
      )}
      <MeetingStatusNotice />
      <MemberFloorBar />
      {/* 原声 / 传译（英语） while an interpretation runs, on every tab. */}
      <ChannelChoice />
      {/* A named stenographer (速记): the pad, on every tab. */}
      <StenographerPad />
      <PollSheet />
      <div className="member-tabpanel" {...(tabbed ? tabList.panel(showing) : {})}>
        {showing === "mine" ? (
          <MySuggestionsPanel />
        ) : showing === "record" ? (
          <section className="member-record" data-testid="member-record">
            <p className="muted small">{t("notes.sharedHint")}</p>
            <RecordWorkspace readOnly />
          </section>
        ) : (
          <>
            {/* A bargaining meeting: the table (clauses, offers, caucus, suspension) is the main content; the floor follows. */}
            {/* A side's chief: 确认签署 of the agreement the 职工代表大会 adopted (nothing for anyone else). */}
            <ChiefConfirmation />
            {/* A mediation meeting: a party's (or mediator's) 调解协议书 to confirm, then the signed copy. */}
            <PartyConfirmation />
            <BargainingTable />
            {/* 分组讨论 defined, not yet open: choose a topic (自选议题), or which group I am in. */}
            <GroupChoice />
            {/* 分组讨论 over: a group's convener or clerk may still amend its report (小组汇报要点). */}
            <GroupReportAmend />
            {/* A mediation meeting: separate talks (背靠背) and the parties' positions (nothing for another kind). */}
            <div className="mediation-card">
              <MediationSession />
            </div>
            {/* The clock is the sticky floor bar's (above): one countdown on the phone, always in view. */}
            <CurrentSpeaker clock={false} />
            <PublishedPollResult />
            <QueueList />
            <AttendanceSummary compact />
            <AgendaPanel chair={false} />
            {tools.plan && <MyPlanPanel />}
          </>
        )}
      </div>
      <RequestButton />
    </main>
  );
}
