import { CurrentSpeaker } from "../features/floor/CurrentSpeaker.tsx";
import { MyFloorBanner } from "../features/floor/MyFloorBanner.tsx";
import { QueueList } from "../features/queue/QueueList.tsx";
import { RequestButton } from "../features/queue/RequestButton.tsx";

/** The member's (and official's, observer's) screen, designed for a phone first. */
export function MemberView() {
  return (
    <main className="member-view">
      <MyFloorBanner />
      <CurrentSpeaker />
      <QueueList />
      <RequestButton />
    </main>
  );
}
