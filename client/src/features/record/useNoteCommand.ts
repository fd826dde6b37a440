import { useCallback, useState, type FocusEvent } from "react";
import { useTranslation } from "react-i18next";
import type { RecordCommand } from "@core/record/schema.ts";
import { useConnection } from "../../connection/useMeeting.ts";
import { currentLanguage } from "../../i18n/i18n.ts";

export type NoteResult = "ok" | "conflict" | "failed";

/**
 * Sends the notes' commands. An edit conflict (EDIT_CONFLICT) is returned, not shown as an
 * error: the editor shows the other person's newer text beside the clerk's own instead.
 */
export function useNoteCommand() {
  const connection = useConnection();
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = useCallback(
    async (command: RecordCommand): Promise<NoteResult> => {
      setPending(true);
      setError(null);
      const result = await connection.send(command);
      setPending(false);
      if (result.ok) return "ok";
      if ("error" in result && result.error.code === "EDIT_CONFLICT") return "conflict";
      setError("localError" in result ? t(`error.${result.localError}`) : result.error.message[currentLanguage()]);
      return "failed";
    },
    [connection, t],
  );
  return { send, pending, error, clearError: () => setError(null) };
}

/**
 * Tells the other staff what I am editing: put on the element around an editor (a textarea, a
 * form); focus inside it sends the key, focus leaving it sends null.
 */
export function useEditingPresence(key: string) {
  const connection = useConnection();
  return {
    onFocus: () => connection.setEditing(key),
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
      connection.setEditing(null);
    },
  };
}
