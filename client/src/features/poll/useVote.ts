import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PaperBallotInput } from "@core/poll/schema.ts";
import type { BallotResult } from "../../connection/meetingConnection.ts";
import { useConnection } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";

/**
 * Casts ballots through the connection (`poll.vote`; the chair's and the clerk's paper ballots
 * through `poll.paper`), tracking the pending state and the refusal to show.
 */
export function useVote() {
  const connection = useConnection();
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const cast = useCallback(
    async (send: () => Promise<BallotResult>): Promise<boolean> => {
      setPending(true);
      setError(null);
      const result = await send();
      setPending(false);
      if (result.ok) return true;
      setError("localError" in result ? t(`error.${result.localError}`) : result.error.message[currentLanguage()]);
      return false;
    },
    [t],
  );
  /** `forUnit`: a proxy holder's ballot for the unit whose proxy they hold (委托投票). */
  const vote = useCallback(
    (pollId: string, choices: string[], forUnit?: string) => cast(() => connection.vote({ pollId, choices, ...(forUnit === undefined ? {} : { forUnit }) })),
    [cast, connection],
  );
  const paper = useCallback((ballot: PaperBallotInput) => cast(() => connection.paper(ballot)), [cast, connection]);

  return { vote, paper, pending, error, clearError: () => setError(null) };
}
