import { CurrentSpeaker } from "../features/floor/CurrentSpeaker.tsx";
import { QueueList } from "../features/queue/QueueList.tsx";
import { SpeechRecord } from "../features/record/SpeechRecord.tsx";

/** The clerk's workspace: the live record beside the floor and the queue. */
export function ClerkView() {
  return (
    <main className="clerk-view">
      <div className="centre">
        <CurrentSpeaker />
        <QueueList />
      </div>
      <aside className="side">
        <SpeechRecord />
      </aside>
    </main>
  );
}
