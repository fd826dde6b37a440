import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { useCommand } from "../connection/useCommand.ts";
import { AgendaPanel } from "../features/agenda/AgendaPanel.tsx";
import { AttendanceList } from "../features/attendance/AttendanceList.tsx";
import { CurrentSpeaker } from "../features/floor/CurrentSpeaker.tsx";
import { MeetingStatusNotice } from "../features/meeting/MeetingStatusNotice.tsx";
import { PollPanel } from "../features/poll/PollPanel.tsx";
import { AddSpeaker } from "../features/queue/AddSpeaker.tsx";
import { QueueList } from "../features/queue/QueueList.tsx";
import { WrittenOnBehalf } from "../features/queue/WrittenOnBehalf.tsx";
import { SpeechRecord } from "../features/record/SpeechRecord.tsx";
import { StatsPanel } from "../features/stats/StatsPanel.tsx";

/** The clerk's workspace: the live record beside the floor, the queue and attendance. */
export function ClerkView() {
  const { run, pending, error, clearError } = useCommand();
  return (
    <main className="clerk-view">
      <div className="centre">
        <ErrorNotice message={error} onClose={clearError} />
        <MeetingStatusNotice />
        <CurrentSpeaker />
        <QueueList />
        <AddSpeaker run={run} pending={pending} />
        <WrittenOnBehalf />
        <AgendaPanel chair={false} />
      </div>
      <aside className="side">
        <PollPanel />
        <AttendanceList run={run} pending={pending} />
        <StatsPanel defaultOpen />
        <SpeechRecord />
      </aside>
    </main>
  );
}
