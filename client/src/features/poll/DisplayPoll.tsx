import { useTranslation } from "react-i18next";
import type { Poll } from "@core/poll/schema.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { PollCountdown, PollTurnout } from "./PollBits.tsx";
import { PollResultView } from "./PollResultView.tsx";
import "./poll.css";

/**
 * The room display's poll, in place of the speaker: while open, the question with 已投 N · 应到 M · 实到 K
 * (and a bar) and the countdown; once published, the question beside 通过/未通过 and the result as bars.
 */
export function DisplayPoll({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const { polls } = useMeeting();
  const open = poll.status === "open";
  const title = (
    <p className="display-poll-title" data-testid="display-poll-title">
      {poll.definition.title}
    </p>
  );
  // The bar fills towards those who can still vote: present at the opening, or all when latecomers may.
  const eligible = poll.eligible.filter((u) => u.present || poll.definition.eligibility.absentMayVote).length;
  const ballots = polls.turnout[poll.pollId] ?? 0;
  return (
    <main className={`display-poll${open ? " display-poll-open" : ""}`} data-testid="display-poll" data-status={poll.status}>
      <p className="display-label">
        {open ? t("poll.inProgress") : t("poll.published")}
        <span className="display-poll-note"> · {poll.definition.secret ? t("poll.noteSecret") : t("poll.noteNamed")}</span>
      </p>
      {open ? (
        <>
          {title}
          <p className="display-poll-progress">
            <PollTurnout poll={poll} />
            <PollCountdown poll={poll} />
          </p>
          <span className="display-poll-turnout-bar" aria-hidden="true">
            <span style={{ width: `${eligible === 0 ? 0 : Math.min(100, (ballots / eligible) * 100)}%` }} />
          </span>
        </>
      ) : (
        poll.result && <PollResultView poll={poll} result={poll.result} display title={title} />
      )}
    </main>
  );
}
