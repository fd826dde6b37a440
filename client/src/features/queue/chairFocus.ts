// Where the chair's focus goes after an action on the queue or the speech bar (focusAfter): the
// control that did it is gone or was disabled while the command ran.

/** The speech bar's 结束发言 (SpeechDock): after giving the floor. */
export const END_SPEECH_ID = "speech-dock-end";
/** The chair's queue's heading: the focus's place when nobody is left in line. */
export const QUEUE_TITLE_ID = "chair-queue-title";

export type EntryAction = "drag" | "up" | "down" | "remove" | "give";

export const endSpeechButton = (): HTMLElement | null => document.getElementById(END_SPEECH_ID);

/** After a speech ends: the queue's first 请…发言 (the suggestion's, else the first entry's), or its heading when nobody waits. */
export function queueStart(): HTMLElement | null {
  const title = document.getElementById(QUEUE_TITLE_ID);
  return title?.closest("section")?.querySelector<HTMLElement>('[data-action="give"]') ?? title;
}

/** The queue's entries in their order on screen. */
const entries = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>("[data-queue-entry]")];

/** An entry's button, once the entry stands at `index` (0-based), that is once the move has arrived. */
export function entryButtonAt(participantId: string, index: number, action: EntryAction): HTMLElement | null {
  const entry = entries()[index];
  if (entry?.dataset.queueEntry !== participantId) return null;
  return entry.querySelector<HTMLElement>(`[data-action="${action}"]`);
}

/** After taking an entry off the list (once it is gone): the same button of the entry now in its place, else of the last one, else the heading. */
export function removeButtonNear(participantId: string, index: number): HTMLElement | null {
  const all = entries();
  if (all.some((e) => e.dataset.queueEntry === participantId)) return null;
  const entry = all[Math.min(index, all.length - 1)];
  return entry?.querySelector<HTMLElement>('[data-action="remove"]') ?? document.getElementById(QUEUE_TITLE_ID);
}
