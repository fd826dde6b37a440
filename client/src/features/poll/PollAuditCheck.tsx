import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Poll, PollResult } from "@core/poll/schema.ts";
import type { PollAudit } from "@core/protocol.ts";
import { Icon } from "../../components/Icon.tsx";
import { useConnection, useDisplayName } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { auditMatches } from "./polls.ts";
import { usePollText } from "./usePollText.ts";

/** A per-household poll's voting unit (core/poll/eligibility.ts householdUnit). */
const HOUSEHOLD = "household:";

/**
 * 核对选票: after the close anyone may fetch the poll's voters and ballots (poll.audit; anonymous
 * for a secret poll) and see that they add up to the result announced.
 */
export function PollAuditCheck({ poll, result }: { poll: Poll; result: PollResult }) {
  const { t } = useTranslation();
  const connection = useConnection();
  const nameOf = useDisplayName();
  const text = usePollText();
  const [audit, setAudit] = useState<PollAudit | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const check = async () => {
    setPending(true);
    setError(null);
    const answer = await connection.pollAudit(poll.pollId);
    setPending(false);
    if (answer.ok) setAudit(answer);
    else setError("localError" in answer ? t(`error.${answer.localError}`) : answer.error.message[currentLanguage()]);
  };

  if (!audit) {
    return (
      <p className="poll-audit">
        <button type="button" className="link" disabled={pending} onClick={() => void check()} data-testid="poll-audit">
          {pending ? t("pending") : t("poll.audit")}
        </button>
        {error && (
          <span className="poll-audit-error" role="alert">
            {" "}
            {error}
          </span>
        )}
      </p>
    );
  }
  const matches = auditMatches(poll, result, audit);
  // A named poll's ballots carry their voter: named as everywhere in the meeting (同名区分).
  const named = audit.ballots.filter((b): b is typeof b & { voter: string } => b.voter !== null);
  const voterName = (unitId: string) => (unitId.startsWith(HOUSEHOLD) ? unitId.slice(HOUSEHOLD.length) : (nameOf(unitId) ?? unitId));
  return (
    <>
      <p className={`poll-audit ${matches ? "poll-audit-ok" : "poll-audit-bad"}`} data-testid="poll-audit-result">
        <Icon name={matches ? "check" : "warning"} /> {t("poll.auditLine", { voters: audit.voters.length, ballots: audit.ballots.length })} ·{" "}
        {matches ? t("poll.auditOk") : t("poll.auditBad")}
      </p>
      {named.length > 0 && (
        <details className="poll-audit poll-audit-voters" data-testid="poll-audit-voters">
          <summary>{t("poll.auditVoters", { count: named.length })}</summary>
          <ul>
            {named.map((b) => (
              <li key={b.voter} data-testid="poll-audit-voter">
                {t("poll.auditVote", {
                  name: voterName(b.voter),
                  choices: b.choices.length === 0 ? t("poll.votedBlank") : b.choices.map((c) => text.optionById(poll, c)).join(" / "),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
