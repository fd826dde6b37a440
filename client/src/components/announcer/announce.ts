// One polite live region per page (LiveAnnouncer) says what changed for this person: their own
// request's place, their vote being stored, a vote opening, the minute marks of a speech. Screens
// call announce() on the change itself rather than marking ticking or re-rendered content as live,
// which screen readers would read on every render.

/** `dialog`: the open modal dialog that has a live region of its own, or null (the page's). */
type Listener = (message: string, dialog: Element | null) => void;
const listeners = new Set<Listener>();
let batch: string[] = [];

/**
 * Says `message` once through the page's live region (a repeat of the same text is said again).
 * Messages said in the same task — one change of the meeting seen by several screens' parts, e.g.
 * a new speaker and my new place in line — are said together: the region shows one text at a time,
 * and the later would otherwise replace the earlier before it is read.
 */
export function announce(message: string): void {
  if (batch.length === 0) queueMicrotask(flush);
  batch.push(message);
}

function flush(): void {
  const text = batch.join(" ");
  batch = [];
  const dialog = speakingDialog();
  for (const listener of listeners) listener(text, dialog);
}

/**
 * While a modal <dialog> is open, everything outside it is hidden from assistive technology, the
 * page's live region included: the topmost modal's own region (DialogLiveRegion) says it instead.
 */
function speakingDialog(): Element | null {
  if (typeof document === "undefined") return null;
  const modal = Array.from(document.querySelectorAll("dialog[open]")).filter((d) => d.matches(":modal"));
  const top = modal[modal.length - 1];
  return top?.querySelector("[data-live-region]") ? top : null;
}

export function onAnnouncement(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
