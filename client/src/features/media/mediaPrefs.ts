// The person's media choices on this device: which microphone and camera, and audio-only mode
// for weak connections. Kept in localStorage (per browser, not per meeting) and observable, so
// the settings panel and the media session stay in step.
import { useSyncExternalStore } from "react";

export interface MediaPrefs {
  /** deviceId of the chosen microphone; undefined: the browser's default. */
  micId?: string;
  /** deviceId of the chosen camera; undefined: the browser's default. */
  cameraId?: string;
  /** Receive and send audio only (no video), for weak connections. */
  audioOnly: boolean;
}

const KEY = "yst.mediaPrefs";
const listeners = new Set<() => void>();
let current: MediaPrefs = read();

function read(): MediaPrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Partial<MediaPrefs>;
    return {
      micId: typeof raw.micId === "string" ? raw.micId : undefined,
      cameraId: typeof raw.cameraId === "string" ? raw.cameraId : undefined,
      audioOnly: raw.audioOnly === true,
    };
  } catch {
    return { audioOnly: false };
  }
}

export const loadMediaPrefs = (): MediaPrefs => current;

export function saveMediaPrefs(change: Partial<MediaPrefs>): void {
  current = { ...current, ...change };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // Private mode or full storage: the choice holds for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useMediaPrefs = (): MediaPrefs => useSyncExternalStore(subscribe, loadMediaPrefs);
