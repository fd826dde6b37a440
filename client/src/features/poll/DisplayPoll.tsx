import { useTranslation } from "react-i18next";
import type { Poll } from "@core/poll/schema.ts";
import { PollCountdown, PollTurnout } from "./PollBits.tsx";
import { PollResultView } from "./PollResultView.tsx";
import "./poll.css";

/**
 * The room display's poll, in place of the speaker: while open, the question with 已投 N / 应投 M
 * and the countdown; once published, the result as bars in large type.
 */
export function DisplayPoll({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const open = poll.status === "open";
  return (
    <main className={`display-poll${open ? " display-poll-open" : ""}`} data-testid="display-poll" data-status={poll.status}>
      <p className="display-label">
        {open ? t("poll.inProgress") : t("poll.published")}
        <span className="display-poll-note"> · {poll.definition.secret ? t("poll.noteSecret") : t("poll.noteNamed")}</span>
      </p>
      <p className="display-poll-title" data-testid="display-poll-title">{poll.definition.title}</p>
      {open ? (
        <p className="display-poll-progress">
          <PollTurnout poll={poll} />
          <PollCountdown poll={poll} />
        </p>
      ) : (
        poll.result && <PollResultView poll={poll} result={poll.result} display />
      )}
    </main>
  );
}
