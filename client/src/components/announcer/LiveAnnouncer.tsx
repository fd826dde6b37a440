import { useEffect, useState } from "react";
import { onAnnouncement } from "./announce.ts";

/**
 * The page's live region, mounted once at the root. It is empty at first and changes only on
 * announce(); a repeated message is cleared first so that it is read again. Tests read it by its
 * test id.
 */
export function LiveAnnouncer() {
  const [message, setMessage] = useState({ text: "", serial: 0 });
  useEffect(
    () =>
      onAnnouncement((text) => {
        setMessage((previous) => ({ text, serial: previous.serial + 1 }));
      }),
    [],
  );
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {/* A fresh node per message: screen readers announce an inserted node even when its text repeats. */}
      <span key={message.serial}>{message.text}</span>
    </div>
  );
}
