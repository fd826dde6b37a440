import { useEffect, useRef, type ReactNode } from "react";
import { DialogLiveRegion } from "../../components/announcer/LiveAnnouncer.tsx";

/**
 * The member's ballot sheet as a modal dialog on the native <dialog> (showModal): the page behind
 * is inert, so Tab stays on the ballot. Focus goes to the title (`titleId`, which names the poll),
 * not to an option, where a focus ring could look like a suggestion; entering the dialog also
 * says its note (`noteId`: 无记名投票 / 记名投票). Esc leaves it (`onDismiss`:
 * 稍后, or 取消 while changing a vote). Render it only while the sheet is shown.
 */
export function PollSheetDialog({ titleId, noteId, onDismiss, children }: { titleId: string; noteId: string; onDismiss: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  }, [onDismiss]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    document.getElementById(titleId)?.focus();
    // Esc closes the dialog; Chromium does not let a page refuse that without a user activation
    // first (a vote opening is pushed, not tapped), so the sheet follows the close instead of
    // cancelling it.
    const closed = () => dismiss.current();
    dialog.addEventListener("close", closed);
    return () => {
      dialog.removeEventListener("close", closed);
      if (dialog.open) dialog.close();
    };
  }, [titleId]);
  return (
    <dialog ref={ref} className="poll-sheet" aria-labelledby={titleId} aria-describedby={noteId} data-testid="poll-sheet">
      {children}
      <DialogLiveRegion />
    </dialog>
  );
}
