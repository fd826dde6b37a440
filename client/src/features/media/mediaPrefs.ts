// The person's media choices on this device: which microphone and camera, how to listen
// (listenMode.ts: auto, full or audio-only), whether to hear an interpretation (传译) and to show captions (字幕). Kept in localStorage (per browser, not per meeting)
// and observable, so the settings panel and the media session stay in step.
import { useSyncExternalStore } from "react";
import { LISTEN_MODES, type ListenMode } from "./listenMode.ts";

export interface MediaPrefs {
  /** deviceId of the chosen microphone; undefined: the browser's default. */
  micId?: string;
  /** deviceId of the chosen camera; undefined: the browser's default. */
  cameraId?: string;
  /** How to listen: chosen by the connection (auto, the default), with video, or audio only. */
  listenMode: ListenMode;
  /**
   * 传译: the language whose interpretation this device listens to while one into it runs
   * (features/interpretation/listenChannel.ts); undefined: the floor (原声, the default).
   */
  interpretation?: string;
  /** 字幕: show the live transcript of the floor on this phone (features/transcript/Captions.tsx); off unless switched on. */
  captions?: boolean;
}

const KEY = "yst.mediaPrefs";
const listeners = new Set<() => void>();
let current: MediaPrefs = read();

/**
 * The stored value, whatever its age: before listener modes there was only `audioOnly`, and a
 * member who had switched it on keeps audio only (their own choice), everyone else gets auto.
 */
export function parseMediaPrefs(stored: string | null): MediaPrefs {
  try {
    const raw = JSON.parse(stored ?? "{}") as Partial<MediaPrefs> & { audioOnly?: unknown };
    const listenMode = LISTEN_MODES.find((m) => m === raw.listenMode) ?? (raw.audioOnly === true ? "audioOnly" : "auto");
    return {
      micId: typeof raw.micId === "string" ? raw.micId : undefined,
      cameraId: typeof raw.cameraId === "string" ? raw.cameraId : undefined,
      listenMode,
      ...(typeof raw.interpretation === "string" && raw.interpretation.length > 0 ? { interpretation: raw.interpretation } : {}),
      ...(raw.captions === true ? { captions: true } : {}),
    };
  } catch {
    return { listenMode: "auto" };
  }
}

function read(): MediaPrefs {
  try {
    return parseMediaPrefs(localStorage.getItem(KEY));
  } catch {
    return { listenMode: "auto" };
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
