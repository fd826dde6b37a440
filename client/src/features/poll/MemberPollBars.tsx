import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Poll } from "@core/poll/schema.ts";
import { announce } from "../../components/announcer/announce.ts";
import { Icon } from "../../components/Icon.tsx";
import { LiveTally } from "./LiveTally.tsx";
import { PollCountdown, PollTurnout } from "./PollBits.tsx";
import { ProxyBallots } from "./ProxyBallots.tsx";
import { usePollText } from "./usePollText.ts";

// The member's poll when the ballot sheet is not shown: a plain bar on the page. None of them is a
// live region (turnout and countdown change all the time); what is to be said is announced once.

/** Not on the list, or absent at the opening while latecomers may not vote: the note instead of a ballot. */
export function NoBallotBar({ poll, me, absent }: { poll: Poll; me: string; absent: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="poll-bar" data-testid={absent ? "poll-absent-at-opening" : "poll-not-eligible"}>
      <p className="poll-bar-title">
        <Icon name="hand" /> {t("poll.inProgress")}
        {t("poll.colon")}
        {poll.definition.title}
      </p>
      <p className="muted">{t(absent ? "poll.absentAtOpening" : "poll.notEligible")}</p>
      {absent && (
        <p className="poll-progress muted small">
          <PollTurnout poll={poll} />
        </p>
      )}
      <ProxyBallots poll={poll} me={me} />
    </div>
  );
}

/**
 * 已投票 (with 改票 where a named poll allows it). `arrived`: how the member just got here — after
 * casting or changing their vote, focus moves to the 已投票 line and it is said once (the choice
 * only for a named poll: a secret one is not read aloud where others may hear); after 取消 of a
 * change, focus returns to 改票. `mine`: my choices, null for a secret ballot.
 */
export function VotedBar({
  poll,
  me,
  mine,
  arrived,
  onChange,
}: {
  poll: Poll;
  me: string;
  mine: string[] | null;
  arrived: "voted" | "changed" | "cancelled" | null;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const text = usePollText();
  const head = useRef<HTMLParagraphElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  const choices = mine && (mine.length === 0 ? t("poll.votedBlank") : mine.map((id) => text.optionById(poll, id)).join(t("punct.list")));
  const said =
    arrived === "cancelled"
      ? null
      : arrived === "changed"
        ? t("ballotSheet.changed", { choices })
        : choices
          ? t("ballotSheet.votedChoice", { choices })
          : t("ballotSheet.voted");
  useOnArrival(arrived !== null, () => {
    if (arrived === "cancelled") change.current?.focus();
    else head.current?.focus();
    if (said) announce(said);
  });
  const canChange = !poll.definition.secret && poll.definition.allowChange;
  return (
    <div className="poll-bar poll-bar-voted" data-testid="poll-voted">
      <p ref={head} className="poll-voted-head" tabIndex={-1} data-testid="poll-voted-head">
        <Icon name="check" /> <strong>{t("poll.voted")}</strong> · {poll.definition.title}
      </p>
      <p data-testid="poll-voted-note">{poll.definition.secret ? t("poll.votedSecret") : choices ? t("poll.votedNamed", { choices }) : t("poll.votedFinal")}</p>
      <p className="poll-progress muted small">
        <PollTurnout poll={poll} /> <PollCountdown poll={poll} />
      </p>
      <LiveTally poll={poll} />
      {canChange && (
        <button ref={change} type="button" className="secondary" onClick={onChange} data-testid="poll-change">
          {t("poll.change")}
        </button>
      )}
      <ProxyBallots poll={poll} me={me} />
    </div>
  );
}

/** 稍后 or Esc: the poll waits in a bar (not modal) with 去投票, which has the focus. */
export function MinimisedBar({ poll, onReopen }: { poll: Poll; onReopen: () => void }) {
  const { t } = useTranslation();
  const reopen = useRef<HTMLButtonElement>(null);
  useOnArrival(true, () => reopen.current?.focus());
  return (
    <div className="poll-bar poll-bar-waiting" data-testid="poll-minimised">
      <p className="poll-bar-title">
        <Icon name="hand" /> {t("poll.inProgress")}
        {t("poll.colon")}
        {poll.definition.title}
      </p>
      <span className="poll-bar-row">
        <PollCountdown poll={poll} />
        <button ref={reopen} type="button" className="primary" onClick={onReopen} data-testid="poll-vote-now">
          {t("poll.voteNow")}
        </button>
      </span>
    </div>
  );
}

/** Runs `arrive` once when the bar mounts after the member's own action (not on a reload or a re-render). */
function useOnArrival(active: boolean, arrive: () => void) {
  const done = useRef(false);
  const latest = useRef(arrive);
  useEffect(() => {
    latest.current = arrive;
  });
  useEffect(() => {
    if (!active || done.current) return;
    done.current = true;
    latest.current();
  }, [active]);
}
