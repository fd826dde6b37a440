import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Poll, PollResult } from "@core/poll/schema.ts";
import type { PollAudit } from "@core/protocol.ts";
import { Icon } from "../../components/Icon.tsx";
import { useConnection } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { auditMatches } from "./polls.ts";

/**
 * 核对选票: after the close anyone may fetch the poll's voters and ballots (poll.audit; anonymous
 * for a secret poll) and see that they add up to the result announced.
 */
export function PollAuditCheck({ poll, result }: { poll: Poll; result: PollResult }) {
  const { t } = useTranslation();
  const connection = useConnection();
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
        <button type="button" className="link" disabled={pending} onClick={() => void check()} data-testid="poll-audit">{pending ? t("pending") : t("poll.audit")}</button>
        {error && <span className="poll-audit-error" role="alert"> {error}</span>}
      </p>
    );
  }
  const matches = auditMatches(poll, result, audit);
  return (
    <p className={`poll-audit ${matches ? "poll-audit-ok" : "poll-audit-bad"}`} data-testid="poll-audit-result">
      <Icon name={matches ? "check" : "warning"} /> {t("poll.auditLine", { voters: audit.voters.length, ballots: audit.ballots.length })} · {matches ? t("poll.auditOk") : t("poll.auditBad")}
    </p>
  );
}
