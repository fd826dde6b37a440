import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMeeting } from "../../connection/useMeeting.ts";
import { Icon } from "../../components/Icon.tsx";
import { PollAuditCheck } from "./PollAuditCheck.tsx";
import { PollResultView } from "./PollResultView.tsx";
import { openPoll } from "./polls.ts";
import "./poll.css";

/**
 * For members: the last poll's result once the chair published it (表决结果), or, between the
 * close and the publication, that the result is coming. Nothing while a poll is open. The
 * published result is one summary line (title and verdict) that opens to the full result, so it
 * does not take half the phone's screen for the rest of the item.
 */
export function PublishedPollResult() {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const [expanded, setExpanded] = useState(false);
  if (!state || openPoll(state)) return null;
  const last = state.polls
    .filter((p) => p.status === "closed" || p.status === "published")
    .reduce<(typeof state.polls)[number] | null>((a, p) => (a === null || (p.closedAt ?? 0) > (a.closedAt ?? 0) ? p : a), null);
  if (!last) return null;
  if (last.status === "closed") {
    return (
      <p className="poll-bar muted" role="status" data-testid="poll-closed-waiting">
        {t("poll.closedWaiting")}
        {t("poll.colon")}
        {last.definition.title}
      </p>
    );
  }
  if (!last.result) return null;
  const election = last.definition.form === "candidates" || last.definition.seats !== undefined;
  const passed = last.result.passed;
  const verdict = election ? (passed ? t("poll.elected") : t("poll.noneElected")) : passed ? t("poll.passed") : t("poll.failed");
  return (
    <details
      className="panel poll-published"
      open={expanded}
      onToggle={(event) => setExpanded(event.currentTarget.open)}
      data-testid="poll-published"
      data-expanded={expanded}
    >
      <summary className="poll-published-summary" data-testid="poll-published-summary">
        <span className="poll-published-title">
          {t("poll.published")}
          {t("poll.colon")}
          {last.definition.title}
        </span>
        <span className={`poll-published-verdict ${passed ? "poll-passed" : "poll-failed"}`} data-testid="poll-published-verdict">
          <Icon name={passed ? "check" : "close"} /> {verdict}
        </span>
        <span className="poll-published-toggle">{expanded ? t("poll.hideResult") : t("poll.showResult")}</span>
      </summary>
      <PollResultView poll={last} result={last.result} />
      <PollAuditCheck key={last.pollId} poll={last} result={last.result} />
    </details>
  );
}
