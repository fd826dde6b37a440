import { useTranslation } from "react-i18next";
import { useMeeting } from "../../connection/useMeeting.ts";
import { PollAuditCheck } from "./PollAuditCheck.tsx";
import { PollResultView } from "./PollResultView.tsx";
import { openPoll } from "./polls.ts";
import "./poll.css";

/**
 * For members: the last poll's result once the chair published it (表决结果), or, between the
 * close and the publication, that the result is coming. Nothing while a poll is open.
 */
export function PublishedPollResult() {
  const { t } = useTranslation();
  const { state } = useMeeting();
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
  return (
    <section className="panel poll-published" aria-labelledby="poll-published-title" data-testid="poll-published">
      <h2 id="poll-published-title">
        {t("poll.published")}
        {t("poll.colon")}
        {last.definition.title}
      </h2>
      <PollResultView poll={last} result={last.result} />
      <PollAuditCheck key={last.pollId} poll={last} result={last.result} />
    </section>
  );
}
