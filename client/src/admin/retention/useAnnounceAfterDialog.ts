import { useCallback, useEffect, useState } from "react";
import { announce } from "../../components/announcer/announce.ts";

/**
 * say(text) announces once the render it causes is done: called together with closing a confirm
 * dialog, the text reaches the page's live region rather than the closing dialog's own, which
 * disappears before it is read.
 */
export function useAnnounceAfterDialog(): (text: string) => void {
  const [message, setMessage] = useState<{ text: string; serial: number } | null>(null);
  useEffect(() => {
    if (message) announce(message.text);
  }, [message]);
  return useCallback((text: string) => setMessage((previous) => ({ text, serial: (previous?.serial ?? 0) + 1 })), []);
}
