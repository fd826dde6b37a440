import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command } from "@core/meeting.ts";
import { currentLanguage } from "../i18n/i18n.ts";
import { useConnection } from "./useMeeting.ts";

/** Sends commands, tracking the pending state and the refusal message to show. */
export function useCommand() {
  const connection = useConnection();
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (command: Command): Promise<boolean> => {
      setPending(true);
      setError(null);
      const result = await connection.send(command);
      setPending(false);
      if (result.ok) return true;
      setError("localError" in result ? t(`error.${result.localError}`) : result.error.message[currentLanguage()]);
      return false;
    },
    [connection, t],
  );

  return { run, pending, error, clearError: () => setError(null) };
}
