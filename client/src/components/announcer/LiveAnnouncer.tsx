import { useEffect, useRef, useState } from "react";
import { onAnnouncement } from "./announce.ts";

/**
 * The page's live region, mounted once at the root: it says what announce() is given while no
 * modal dialog with a region of its own is open. Tests read it by its test id.
 */
export function LiveAnnouncer() {
  return <LiveRegion speaks={outsideDialogs} testId="live-announcer" />;
}
const outsideDialogs = (dialog: Element | null) => dialog === null;

/**
 * A modal dialog's own live region (the page's is hidden while the dialog is open): put it inside
 * every modal <dialog>, so that it exists before anything is said into it.
 */
export function DialogLiveRegion() {
  return <LiveRegion speaks={inItsDialog} testId="dialog-live-region" />;
}
const inItsDialog = (dialog: Element | null, region: HTMLElement) => dialog !== null && dialog.contains(region);

function LiveRegion({ speaks, testId }: { speaks: (dialog: Element | null, region: HTMLElement) => boolean; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState({ text: "", serial: 0 });
  useEffect(
    () =>
      onAnnouncement((text, dialog) => {
        if (ref.current && speaks(dialog, ref.current)) setMessage((previous) => ({ text, serial: previous.serial + 1 }));
      }),
    [speaks],
  );
  return (
    <div ref={ref} className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-live-region="" data-testid={testId}>
      {/* A fresh node per message: screen readers announce an inserted node even when its text repeats. */}
      <span key={message.serial}>{message.text}</span>
    </div>
  );
}
