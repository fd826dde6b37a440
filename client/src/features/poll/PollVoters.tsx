import { useTranslation } from "react-i18next";
import type { Poll } from "@core/poll/schema.ts";
import { useDisplayName, useMeeting } from "../../connection/useMeeting.ts";
import "./pollVoters.css";

/**
 * 投票情况 of an open named (记名) poll, for the chair and the clerk: who has voted and who has not
 * yet, live (`poll.voters`, sent by the server to the staff only). Nothing for a secret poll: the
 * server never sends its voters while it runs, and this never asks (docs/ballot-secrecy.md).
 */
export function PollVoters({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const { polls } = useMeeting();
  const nameOf = useDisplayName();
  if (poll.definition.secret || poll.status !== "open") return null;
  const voted = new Set(polls.voters[poll.pollId] ?? []);
  const label = (unit: Poll["eligible"][number]) => unit.household ?? unit.participantIds.map((id) => nameOf(id) ?? "—").join(t("punct.list"));
  const done = poll.eligible.filter((u) => voted.has(u.unitId));
  const waiting = poll.eligible.filter((u) => !voted.has(u.unitId));
  return (
    <section className="poll-voters" aria-label={t("pollVoters.title")} data-testid="poll-voters">
      <h3>{t("pollVoters.title")}</h3>
      <div className="poll-voters-group poll-voters-voted" data-testid="poll-voters-voted" data-count={done.length}>
        <span className="poll-voters-label">{t("pollVoters.voted", { count: done.length })}</span>
        {done.length === 0 && <span className="muted">{t("pollVoters.nobody")}</span>}
        <ul>
          {done.map((u) => (
            <li key={u.unitId} data-testid="poll-voter">
              {label(u)}
            </li>
          ))}
        </ul>
      </div>
      <div className="poll-voters-group poll-voters-waiting" data-testid="poll-voters-waiting" data-count={waiting.length}>
        <span className="poll-voters-label">{t("pollVoters.notVoted", { count: waiting.length })}</span>
        {waiting.length === 0 && <span className="muted">{t("pollVoters.nobody")}</span>}
        <ul>
          {waiting.map((u) => (
            <li key={u.unitId} data-testid="poll-nonvoter" className={u.present ? undefined : "muted"}>
              {label(u)}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
