// The listen mode in effect on this page (the media session writes, the settings panel and the
// room tiles read), and the browser's Network Information hints (navigator.connection, where the
// browser has it: Chromium, Android WebView; not Safari or Firefox).
import { useSyncExternalStore } from "react";
import { initialDecision, type ListenDecision, type NetworkHint } from "./listenMode.ts";
import { useMediaPrefs } from "./mediaPrefs.ts";

let current: ListenDecision | null = null;
const listeners = new Set<() => void>();

/** Called by the media session with the decision in effect; null when it closes. */
export function reportListenDecision(decision: ListenDecision | null): void {
  const same = decision && current && decision.mode === current.mode && decision.audioOnly === current.audioOnly && decision.reason === current.reason;
  if (same || decision === current) return;
  current = decision;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface NetworkInformationLike extends NetworkHint, EventTarget {}

const connection = (): NetworkInformationLike | undefined =>
  typeof navigator === "undefined" ? undefined : (navigator as Navigator & { connection?: NetworkInformationLike }).connection;

/** The hints now, or undefined without the API. */
export function readNetworkHint(): NetworkHint | undefined {
  const c = connection();
  return c ? { saveData: c.saveData, effectiveType: c.effectiveType, downlink: c.downlink } : undefined;
}

/** Calls back when the browser's estimate changes; returns the unsubscribe. */
export function onNetworkChange(callback: () => void): () => void {
  const c = connection();
  c?.addEventListener("change", callback);
  return () => c?.removeEventListener("change", callback);
}

let hintKey = "";
let hint: NetworkHint | undefined;
/** A stable snapshot for React (a fresh object only when a value changed). */
function hintSnapshot(): NetworkHint | undefined {
  const now = readNetworkHint();
  const key = JSON.stringify(now ?? null);
  if (key !== hintKey) {
    hintKey = key;
    hint = now;
  }
  return hint;
}

/**
 * The mode in effect and why: the media session's decision while it runs; otherwise (media not
 * available, not connected) what the page would start with — the member's choice, or in auto the hints.
 */
export function useListenDecision(): ListenDecision {
  const session = useSyncExternalStore(subscribe, () => current);
  const network = useSyncExternalStore(onNetworkChange, hintSnapshot);
  const { listenMode } = useMediaPrefs();
  return session && session.mode === listenMode ? session : initialDecision(listenMode, network);
}
