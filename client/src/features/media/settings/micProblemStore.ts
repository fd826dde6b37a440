// The media session's last microphone problem, for the microphone state to explain: the
// session only knows its status ("refused"), the person needs to know why and what to do.
import { useSyncExternalStore } from "react";
import type { MicProblem } from "./microphone.ts";

let current: MicProblem | null = null;
const listeners = new Set<() => void>();

/** Called by the media session: the problem when opening the microphone failed, null once it opened. */
export function reportMicProblem(problem: MicProblem | null): void {
  if (problem === current) return;
  current = problem;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useMicProblem = (): MicProblem | null => useSyncExternalStore(subscribe, () => current);
