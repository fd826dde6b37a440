// Countdown arithmetic shared by every screen, so all of them show the same clock.
import { spokenMs } from "./state.ts";
import type { Speech } from "./floor/schema.ts";

export const WARNING_MS = 60_000;

export type ClockPhase = "running" | "warning" | "overrun";

export interface Countdown {
  /** Milliseconds left; negative once the cap is exceeded. */
  remainingMs: number;
  phase: ClockPhase;
}

export function countdown(startedAt: number, capMs: number, serverNow: number): Countdown {
  // A client whose clock estimate is a few ms off must not show more time than the cap.
  const elapsedMs = Math.max(0, serverNow - startedAt);
  return at(capMs - elapsedMs);
}

/**
 * A speech's clock: its cap plus extensions, counting only unpaused time; frozen while paused — at
 * the pause itself, also on a browser whose estimate of the server's time is still a little before
 * it (every screen shows the same frozen time).
 */
export function speechClock(speech: Speech, serverNow: number): Countdown & { paused: boolean } {
  return { ...at(speech.capMs + speech.extendedMs - spokenMs(speech, speech.pausedAt ?? serverNow)), paused: speech.pausedAt !== null };
}

const at = (remainingMs: number): Countdown => ({ remainingMs, phase: remainingMs < 0 ? "overrun" : remainingMs <= WARNING_MS ? "warning" : "running" });

/**
 * "4:05", or "+0:12" when over time. Partial seconds round up both ways: a partial second left
 * shows as one left, and the first moment over time already reads +0:01, never +0:00.
 */
export function formatClock(remainingMs: number): string {
  const over = remainingMs < 0;
  const totalSeconds = Math.ceil(Math.abs(remainingMs) / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${over ? "+" : ""}${minutes}:${String(seconds).padStart(2, "0")}`;
}
