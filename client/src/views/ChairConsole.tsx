import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { useCommand } from "../connection/useCommand.ts";
import { useMeeting } from "../connection/useMeeting.ts";
import { AgendaPanel } from "../features/agenda/AgendaPanel.tsx";
import { AttendanceList } from "../features/attendance/AttendanceList.tsx";
import { CurrentSpeaker } from "../features/floor/CurrentSpeaker.tsx";
import { FloorControls, SpeechDock } from "../features/floor/FloorControls.tsx";
import { ChairMinutesPanel } from "../features/minutes/ChairMinutes.tsx";
import { InterjectionRequests } from "../features/interjection/InterjectionRequests.tsx";
import { InterpretationControl } from "../features/interpretation/InterpretationControl.tsx";
import { PollPanel } from "../features/poll/PollPanel.tsx";
import { GroupsPanel } from "../features/groups/GroupsPanel.tsx";
import { StenographerPad } from "../features/transcript/StenographerPad.tsx";
import { StenographyControl } from "../features/transcript/StenographyControl.tsx";
import { chairTools } from "../features/meeting/chairTools.ts";
import { LifecycleControls } from "../features/meeting/LifecycleControls.tsx";
import { MeetingStatusNotice } from "../features/meeting/MeetingStatusNotice.tsx";
import { AddSpeaker } from "../features/queue/AddSpeaker.tsx";
import { ChairQueue } from "../features/queue/ChairQueue.tsx";
import { ChairClosingPanel } from "../features/record/ChairClosing.tsx";
import { SpeechRecord } from "../features/record/SpeechRecord.tsx";
import { StatsPanel } from "../features/stats/StatsPanel.tsx";
import { VenueMuteControl } from "../features/venue/VenueMuteControl.tsx";
import { BargainingTable } from "../bargaining/table/BargainingTable.tsx";
import { MediationSession } from "../mediation/session/MediationSession.tsx";
import { ChiefConfirmation } from "../bargaining/agreement/ChiefConfirmation.tsx";
import { PartyConfirmation } from "../mediation/agreement/PartyConfirmation.tsx";
import { GroupReportEditor } from "../features/groups/GroupReportEditor.tsx";
import "../mediation/session/mediationCard.css";
import "./chairConsole.css";
import { useTranslation } from "react-i18next";

/**
 * The chair's console: agenda and the minutes (to read and approve) left, the floor and the queue in
 * the centre (and 分组讨论), the room's microphone, interpretation (传译), stenographers (速记), polls, attendance and record right. A mediation has no polls,
 * interjections or speech statistics (chairTools).
 */
export function ChairConsole() {
  const { t } = useTranslation();
  const { run, pending, error, clearError } = useCommand();
  const { state } = useMeeting();
  const tools = chairTools(state?.kind ?? "consultation");
  return (
    <main className="chair-console">
      <aside className="left" aria-label={t("access.landmarks.chairLeft")}>
        <LifecycleControls run={run} pending={pending} />
        <AgendaPanel chair run={run} pending={pending} />
        <ChairClosingPanel />
        <ChairMinutesPanel />
      </aside>
      <div className="centre">
        <ErrorNotice message={error} onClose={clearError} />
        <MeetingStatusNotice />
        {/* 分组讨论 while the groups sit: the board, notices and the call back, above the plenary's floor. */}
        <GroupsPanel slot="running" />
        {/* A bargaining meeting: the presiding chief's table (移交主持, 中止, 新增条款) above the floor. */}
        {/* The presiding chief: 确认签署 of the agreement the 职工代表大会 adopted. */}
        <ChiefConfirmation />
        {/* The 主持调解员: the 调解协议书 to sign as a mediator. */}
        <PartyConfirmation />
        <BargainingTable />
        {/* A mediation meeting: separate talks (背靠背) and the parties' positions (nothing for another kind). */}
        <div className="mediation-card">
          <MediationSession />
        </div>
        <CurrentSpeaker size="large" />
        {/* The speech bar (暂停, +1/+2 分钟, 结束, pending 插话): sticky, on screen at 1366×768 whatever the video's height. */}
        <SpeechDock run={run} pending={pending} interjections={tools.interjections} />
        {/* Requests to interject: prominent, right under the speaker, apart from the queue. */}
        {tools.interjections && <InterjectionRequests run={run} pending={pending} />}
        {/* The chair named a stenographer (速记): their pad. */}
        <StenographerPad />
        <FloorControls run={run} pending={pending} />
        <ChairQueue run={run} pending={pending} />
        <AddSpeaker run={run} pending={pending} />
        {/* 分组讨论 otherwise: the planner, the plan with 开始分组讨论, the groups' reports. */}
        <GroupsPanel slot="idle" />
      </div>
      <aside className="side" aria-label={t("access.landmarks.side")}>
        {/* A group's meeting (分组讨论): its convener may write and send the group's report too. */}
        <GroupReportEditor />
        <VenueMuteControl run={run} pending={pending} />
        <InterpretationControl run={run} pending={pending} />
        <StenographyControl run={run} pending={pending} />
        {tools.polls && <PollPanel />}
        <AttendanceList run={run} pending={pending} />
        {tools.stats && <StatsPanel />}
        <SpeechRecord />
      </aside>
    </main>
  );
}
