// The member's own say over their microphone: given the floor (or an interjection), it opens only
// when they tap 打开麦克风 (or by itself where the organisers set micOpensOnFloor), and they can close it again; the chair's microphone needs no tap. The
// media session (MicState) reads `open`; the floor banner's toggle reads the session's status.
import { useSyncExternalStore } from "react";
import type { MicStatus } from "./mediaSession.ts";

interface MicConsent {
  /** The member's microphone is open now (tapped 打开麦克风, not closed since). */
  open: boolean;
  /** They opened it at least once this turn: from then on it stays published, closing only silences it. */
  opened: boolean;
  /** The media session's status; null when there is no media here. */
  status: MicStatus | null;
}

let current: MicConsent = { open: false, opened: false, status: null };
const listeners = new Set<() => void>();

function update(next: Partial<MicConsent>): void {
  const merged = { ...current, ...next };
  if (merged.open === current.open && merged.opened === current.opened && merged.status === current.status) return;
  current = merged;
  for (const listener of listeners) listener();
}

export const setMicOpen = (open: boolean): void => update(open ? { open, opened: true } : { open });
/** The turn is over: the next one starts with the microphone closed. */
export const resetMic = (): void => update({ open: false, opened: false });
export const setMicStatus = (status: MicStatus | null): void => update({ status });

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useMicConsent(): MicConsent {
  return useSyncExternalStore(subscribe, () => current);
}
