// One polite live region per page (LiveAnnouncer) says what changed for this person: their own
// request's place, their vote being stored, a vote opening, the minute marks of a speech. Screens
// call announce() on the change itself rather than marking ticking or re-rendered content as live,
// which screen readers would read on every render.

type Listener = (message: string) => void;
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
  for (const listener of listeners) listener(text);
}

export function onAnnouncement(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
