import { useTranslation } from "react-i18next";
import type { Poll } from "@core/poll/schema.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { useUnitLabel } from "./useUnitLabel.ts";
import "./pollVoters.css";

/**
 * 投票情况 of an open named (记名) poll, for the chair and the clerk: who has voted and who has not
 * yet, live (`poll.voters`, sent by the server to the staff only). Nothing for a secret poll: the
 * server never sends its voters while it runs, and this never asks (docs/ballot-secrecy.md).
 * A unit that voted by proxy or on paper says so: 委托 · the holder, or 纸质票.
 */
export function PollVoters({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const { polls } = useMeeting();
  const label = useUnitLabel();
  if (poll.definition.secret || poll.status !== "open") return null;
  const voted = new Set(polls.voters[poll.pollId] ?? []);
  const via = polls.via[poll.pollId] ?? {};
  const how = (unitId: string) => {
    if (via[unitId] === "paper") return t("pollVoters.viaPaper");
    const holder = poll.proxies.find((p) => p.unitId === unitId)?.holderName;
    return via[unitId] === "proxy" && holder ? t("pollVoters.viaProxy", { holder }) : null;
  };
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
            <li key={u.unitId} data-testid="poll-voter" data-via={via[u.unitId] ?? "self"}>
              {label(u)}
              {how(u.unitId) && <span className="poll-voter-via"> · {how(u.unitId)}</span>}
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
