// One polite live region per page (LiveAnnouncer) says what changed for this person: their own
// request's place, their vote being stored, a vote opening, the minute marks of a speech. Screens
// call announce() on the change itself rather than marking ticking or re-rendered content as live,
// which screen readers would read on every render.

type Listener = (message: string) => void;
const listeners = new Set<Listener>();

/** Says `message` once through the page's live region (a repeat of the same text is said again). */
export function announce(message: string): void {
  for (const listener of listeners) listener(message);
}

export function onAnnouncement(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
