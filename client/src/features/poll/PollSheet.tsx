import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Poll } from "@core/poll/schema.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Icon } from "../../components/Icon.tsx";
import { useMeeting } from "../../connection/useMeeting.ts";
import { BallotForm } from "./BallotForm.tsx";
import { LiveTally } from "./LiveTally.tsx";
import { PollCountdown, PollTurnout } from "./PollBits.tsx";
import { ProxyBallots } from "./ProxyBallots.tsx";
import { myUnit, openPoll } from "./polls.ts";
import { usePollText } from "./usePollText.ts";
import { useVote } from "./useVote.ts";
import "./poll.css";

/**
 * The member's poll on the phone: while a poll is open and I may vote, a bottom sheet with the
 * ballot (无记名/记名 note, the closing countdown); after the acknowledgement a clear 已投票 line
 * (改票 while a named poll allows it); not on the list, or absent at the opening (the frozen list
 * counts me in 应到, but latecomers may not vote): a plain note. After a reload `poll.mine`
 * (asked by the connection) restores 已投票. A proxy holder (委托) also gets one ballot per household
 * whose proxy they hold, beside their own (ProxyBallots).
 */
export function PollSheet() {
  const { state, welcome } = useMeeting();
  if (!state || !welcome) return null;
  const poll = openPoll(state);
  if (!poll) return null;
  // Keyed by poll: a new poll starts with a fresh sheet.
  return <OpenPoll key={poll.pollId} poll={poll} me={welcome.me.id} />;
}

function OpenPoll({ poll, me }: { poll: Poll; me: string }) {
  const { t } = useTranslation();
  const text = usePollText();
  const { polls, status } = useMeeting();
  const { vote, pending, error, clearError } = useVote();
  const [minimised, setMinimised] = useState(false);
  const [changing, setChanging] = useState(false);
  const mine = polls.mine[poll.pollId];
  const voted = mine !== undefined;
  const note = poll.definition.secret ? t("poll.noteSecret") : poll.definition.allowChange ? t("poll.noteNamedChange") : t("poll.noteNamed");

  const unit = myUnit(poll, me);
  // Not on the list, or on it (应到) but absent at the opening while latecomers may not vote:
  // a plain note instead of a ballot the server would refuse (ABSENT_AT_OPENING).
  const absent = unit !== null && !unit.present && !poll.definition.eligibility.absentMayVote;
  if (!unit || absent) {
    return (
      <div className="poll-bar" role="status" data-testid={absent ? "poll-absent-at-opening" : "poll-not-eligible"}>
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

  if (voted && !changing) {
    return (
      <div className="poll-bar poll-bar-voted" role="status" data-testid="poll-voted">
        <p className="poll-voted-head">
          <Icon name="check" /> <strong>{t("poll.voted")}</strong> · {poll.definition.title}
        </p>
        <p data-testid="poll-voted-note">
          {poll.definition.secret
            ? t("poll.votedSecret")
            : mine
              ? t("poll.votedNamed", { choices: mine.length === 0 ? t("poll.votedBlank") : mine.map((id) => text.optionById(poll, id)).join(t("punct.list")) })
              : t("poll.votedFinal")}
        </p>
        <p className="poll-progress muted small">
          <PollTurnout poll={poll} /> <PollCountdown poll={poll} />
        </p>
        <LiveTally poll={poll} />
        {!poll.definition.secret && poll.definition.allowChange && (
          <button type="button" className="secondary" onClick={() => setChanging(true)} data-testid="poll-change">
            {t("poll.change")}
          </button>
        )}
        <ProxyBallots poll={poll} me={me} />
      </div>
    );
  }

  if (minimised) {
    return (
      <div className="poll-bar poll-bar-waiting" data-testid="poll-minimised">
        <p className="poll-bar-title">
          <Icon name="hand" /> {t("poll.inProgress")}
          {t("poll.colon")}
          {poll.definition.title}
        </p>
        <span className="poll-bar-row">
          <PollCountdown poll={poll} />
          <button type="button" className="primary" onClick={() => setMinimised(false)} data-testid="poll-vote-now">
            {t("poll.voteNow")}
          </button>
        </span>
      </div>
    );
  }

  return (
    <>
      <div className="poll-backdrop" aria-hidden="true" />
      <section className="poll-sheet" role="dialog" aria-labelledby="poll-sheet-title" data-testid="poll-sheet">
        <header className="poll-sheet-head">
          <span className={`poll-note ${poll.definition.secret ? "poll-note-secret" : "poll-note-named"}`} data-testid="poll-note">
            {note}
          </span>
          <PollCountdown poll={poll} />
        </header>
        <h2 id="poll-sheet-title" className="poll-sheet-title" data-testid="poll-sheet-title">
          {poll.definition.title}
        </h2>
        <ErrorNotice message={error} onClose={clearError} />
        <BallotForm
          poll={poll}
          initial={mine ?? []}
          pending={pending}
          disabled={status !== "connected" || !polls.mineLoaded}
          onCast={(choices) =>
            void vote(poll.pollId, choices).then((ok) => {
              if (ok) setChanging(false);
            })
          }
        />
        {!changing && <ProxyBallots poll={poll} me={me} />}
        <button type="button" className="ghost poll-later" onClick={() => (changing ? setChanging(false) : setMinimised(true))} data-testid="poll-later">
          {changing ? t("poll.cancel") : t("poll.later")}
        </button>
      </section>
    </>
  );
}
