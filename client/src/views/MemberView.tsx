import { AttendanceSummary } from "../features/attendance/AttendanceSummary.tsx";
import { CurrentSpeaker } from "../features/floor/CurrentSpeaker.tsx";
import { MyFloorBanner } from "../features/floor/MyFloorBanner.tsx";
import { MeetingStatusNotice } from "../features/meeting/MeetingStatusNotice.tsx";
import { QueueList } from "../features/queue/QueueList.tsx";
import { RequestButton } from "../features/queue/RequestButton.tsx";
import { PollSheet } from "../features/poll/PollSheet.tsx";
import { PublishedPollResult } from "../features/poll/PublishedPollResult.tsx";
import { AgendaPanel } from "../features/agenda/AgendaPanel.tsx";
import { MyPlanPanel } from "../features/plan/MyPlanPanel.tsx";

/** The member's (and official's, observer's) screen, designed for a phone first. */
export function MemberView() {
  return (
    <main className="member-view">
      <MeetingStatusNotice />
      <MyFloorBanner />
      <PollSheet />
      <CurrentSpeaker />
      <PublishedPollResult />
      <QueueList />
      <AttendanceSummary compact />
      <AgendaPanel chair={false} />
      <MyPlanPanel />
      <RequestButton />
    </main>
  );
}
