import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Poll, PollProxy } from "@core/poll/schema.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Icon } from "../../components/Icon.tsx";
import { useMeeting } from "../../connection/useMeeting.ts";
import { BallotForm } from "./BallotForm.tsx";
import { useUnitLabel } from "./useUnitLabel.ts";
import { useVote } from "./useVote.ts";

/**
 * 委托投票 on the holder's phone: one ballot per household (or person) whose proxy the clerk
 * recorded for me in this poll, labelled 代 1-104户 投票, then 已代 1-104户 投票 once stored (the
 * focus moves to that line).
 */
export function ProxyBallots({ poll, me }: { poll: Poll; me: string }) {
  const held = poll.proxies.filter((p) => p.holderId === me);
  if (held.length === 0) return null;
  return (
    <div className="proxy-ballots" data-testid="proxy-ballots">
      {held.map((proxy) => (
        <ProxyBallot key={proxy.unitId} poll={poll} proxy={proxy} />
      ))}
    </div>
  );
}

function ProxyBallot({ poll, proxy }: { poll: Poll; proxy: PollProxy }) {
  const { t } = useTranslation();
  const { polls, status } = useMeeting();
  const label = useUnitLabel();
  const { vote, pending, error, clearError } = useVote();
  // Cast just now on this page (not restored by a reload): the form gives way to the 已代 line,
  // which takes the focus, so it is read rather than focus falling to the page.
  const [cast, setCast] = useState(false);
  const votedLine = useRef<HTMLParagraphElement>(null);
  const voted = polls.proxyMine[poll.pollId]?.[proxy.unitId] !== undefined;
  useEffect(() => {
    if (cast && voted) votedLine.current?.focus();
  }, [cast, voted]);
  const unit = poll.eligible.find((u) => u.unitId === proxy.unitId);
  if (!unit) return null;
  const name = label(unit, "户");
  if (voted)
    return (
      <p ref={votedLine} className="proxy-voted" tabIndex={-1} data-testid="proxy-voted" data-unit={proxy.unitId}>
        <Icon name="check" /> {t("pollProxy.votedFor", { unit: name })}
      </p>
    );
  return (
    <section className="proxy-ballot" aria-label={t("pollProxy.ballotFor", { unit: name })} data-testid="proxy-ballot" data-unit={proxy.unitId}>
      <h3 className="proxy-ballot-title">{t("pollProxy.ballotFor", { unit: name })}</h3>
      <ErrorNotice message={error} onClose={clearError} />
      <BallotForm
        poll={poll}
        initial={[]}
        pending={pending}
        disabled={status !== "connected" || !polls.mineLoaded}
        onCast={(choices) =>
          void vote(poll.pollId, choices, proxy.unitId).then((ok) => {
            if (ok) setCast(true);
          })
        }
      />
    </section>
  );
}
