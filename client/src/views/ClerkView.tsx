import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { useCommand } from "../connection/useCommand.ts";
import { useDisplayName, useMeeting } from "../connection/useMeeting.ts";
import { AgendaPanel } from "../features/agenda/AgendaPanel.tsx";
import { AttendanceList } from "../features/attendance/AttendanceList.tsx";
import { InterpretationControl } from "../features/interpretation/InterpretationControl.tsx";
import { InterpreterBanner } from "../features/interpretation/InterpreterBanner.tsx";
import { CurrentSpeaker } from "../features/floor/CurrentSpeaker.tsx";
import { MeetingStatusNotice } from "../features/meeting/MeetingStatusNotice.tsx";
import { PollPanel } from "../features/poll/PollPanel.tsx";
import { GroupsPanel } from "../features/groups/GroupsPanel.tsx";
import { AddSpeaker } from "../features/queue/AddSpeaker.tsx";
import { QueueList } from "../features/queue/QueueList.tsx";
import { WrittenOnBehalf } from "../features/queue/WrittenOnBehalf.tsx";
import { RecordWorkspace } from "../features/record/RecordWorkspace.tsx";
import { SpeechRecord } from "../features/record/SpeechRecord.tsx";
import { StatsPanel } from "../features/stats/StatsPanel.tsx";
import { StenographerPad } from "../features/transcript/StenographerPad.tsx";
import { StenographyControl } from "../features/transcript/StenographyControl.tsx";
import { MinutesWorkspace } from "../features/minutes/MinutesWorkspace.tsx";
import { BargainingTable } from "../bargaining/table/BargainingTable.tsx";
import { MediationSession } from "../mediation/session/MediationSession.tsx";
import { GroupReportEditor } from "../features/groups/GroupReportEditor.tsx";
import { GroupReportAmend } from "../features/groups/GroupReportAmend.tsx";
import { useTabs } from "../components/tabs/useTabs.ts";
import "../components/tabs/tabs.css";

type Tab = "room" | "record" | "minutes" | "report";

/**
 * The clerk's workspace, in three tabs: 会场 (the floor, the queue, polls, attendance and the speech
 * table), 会议记录 (the live timeline and the notes on the selected entry) and 会议纪要 (the
 * minutes' versions and editor; kept mounted once opened, so unsaved edits survive a look at the
 * other tabs). In a group's meeting (分组讨论) a fourth tab, 小组汇报, holds the group's report for the
 * plenary (kept mounted once opened too).
 */
export function ClerkView() {
  const { t } = useTranslation();
  const { run, pending, error, clearError } = useCommand();
  const { state } = useMeeting();
  const nameOf = useDisplayName();
  const [tab, setTab] = useState<Tab>("room");
  const [minutesOpened, setMinutesOpened] = useState(false);
  const [reportOpened, setReportOpened] = useState(false);
  const show = (id: Tab) => {
    setTab(id);
    if (id === "minutes") setMinutesOpened(true);
    if (id === "report") setReportOpened(true);
  };
  const tabs: Tab[] = ["room", "record", "minutes", ...(state?.groupOf ? (["report"] as const) : [])];
  const speaker = state?.floor ? (state.floor.guestName ?? nameOf(state.floor.participantId) ?? null) : null;
  const tabList = useTabs("clerk", tabs, tab, show);
  return (
    <main className="clerk-main">
      <div className="clerk-tabs">
        <div {...tabList.list} className="tab-list" aria-label={t("notes.tabs")}>
          {tabs.map((id) => (
            <button key={id} type="button" {...tabList.tab(id)} className={tab === id ? "active" : undefined} data-testid={`clerk-tab-${id}`}>
              {id === "minutes" ? t("minutes.tab") : id === "report" ? t("groupStage.report.tab") : t(`notes.tab.${id}`)}
            </button>
          ))}
        </div>
        {tab === "record" && speaker && (
          <span className="clerk-tabs-live muted small" data-testid="clerk-tabs-live">
            {t("notes.nowSpeaking", { name: speaker })}
          </span>
        )}
      </div>
      {minutesOpened && (
        <div className="clerk-minutes" {...tabList.panel("minutes")} hidden={tab !== "minutes"}>
          <MinutesWorkspace />
        </div>
      )}
      {reportOpened && (
        <div className="clerk-report" {...tabList.panel("report")} hidden={tab !== "report"}>
          <GroupReportEditor />
        </div>
      )}
      {tab === "minutes" || tab === "report" ? null : tab === "record" ? (
        <div className="clerk-record" {...tabList.panel("record")}>
          <MeetingStatusNotice />
          <RecordWorkspace />
        </div>
      ) : (
        <div className="clerk-view" {...tabList.panel("room")}>
          <div className="centre">
            <ErrorNotice message={error} onClose={clearError} />
            {/* A clerk named interpreter (传译): the banner and the microphone. */}
            <InterpreterBanner />
            <MeetingStatusNotice />
            {/* 分组讨论 while the groups sit: the board and notices (the chair calls back). */}
            <GroupsPanel slot="running" />
            {/* 分组讨论 over: the clerk of a group (also the plenary's clerk) may still amend its report. */}
            <GroupReportAmend />
            {/* A bargaining meeting: the recorder follows the table (and adds clauses) above the floor. */}
            <BargainingTable />
            {/* A mediation meeting: separate talks (背靠背) and the parties' positions (nothing for another kind). */}
            <MediationSession />
            <CurrentSpeaker />
            {/* A clerk named stenographer (速记): the pad, under the speaker. */}
            <StenographerPad />
            <QueueList />
            <AddSpeaker run={run} pending={pending} />
            <WrittenOnBehalf />
            {/* 分组讨论 otherwise: the planner, the plan, the groups' reports. */}
            <GroupsPanel slot="idle" />
            <AgendaPanel chair={false} />
          </div>
          <aside className="side" aria-label={t("access.landmarks.side")}>
            <InterpretationControl run={run} pending={pending} />
            <StenographyControl run={run} pending={pending} />
            <PollPanel />
            <AttendanceList run={run} pending={pending} />
            <StatsPanel defaultOpen />
            <SpeechRecord />
          </aside>
        </div>
      )}
    </main>
  );
}
