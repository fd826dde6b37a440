import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useConnection } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";

/** Casts ballots through the connection (`poll.vote`), tracking the pending state and the refusal to show. */
export function useVote() {
  const connection = useConnection();
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const vote = useCallback(
    async (pollId: string, choices: string[]): Promise<boolean> => {
      setPending(true);
      setError(null);
      const result = await connection.vote({ pollId, choices });
      setPending(false);
      if (result.ok) return true;
      setError("localError" in result ? t(`error.${result.localError}`) : result.error.message[currentLanguage()]);
      return false;
    },
    [connection, t],
  );

  return { vote, pending, error, clearError: () => setError(null) };
}
