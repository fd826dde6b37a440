import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../components/ErrorNotice.tsx";
import { useCommand } from "../connection/useCommand.ts";
import { useMeeting } from "../connection/useMeeting.ts";
import { CurrentSpeaker } from "../features/floor/CurrentSpeaker.tsx";
import { FloorControls } from "../features/floor/FloorControls.tsx";
import { ChairQueue } from "../features/queue/ChairQueue.tsx";
import { SpeechRecord } from "../features/record/SpeechRecord.tsx";

/** The chair's console: the floor and the queue in the centre, participants and record aside. */
export function ChairConsole() {
  const { run, pending, error, clearError } = useCommand();
  return (
    <main className="chair-console">
      <div className="centre">
        <ErrorNotice message={error} onClose={clearError} />
        <CurrentSpeaker size="large" />
        <FloorControls run={run} pending={pending} />
        <ChairQueue run={run} pending={pending} />
      </div>
      <aside className="side">
        <Participants />
        <SpeechRecord />
      </aside>
    </main>
  );
}

function Participants() {
  const { t } = useTranslation();
  const { welcome } = useMeeting();
  const people = welcome?.participants ?? [];
  return (
    <section className="panel" aria-labelledby="participants-title">
      <h2 id="participants-title">
        {t("participants.title")} <span className="muted small">{t("participants.count", { count: people.length })}</span>
      </h2>
      <ul className="participants">
        {people.map((p) => (
          <li key={p.id}>
            <span className="name">{p.name}</span>
            <span className="chips">{[t(`role.${p.role}`), p.sector].filter(Boolean).join(" · ")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
