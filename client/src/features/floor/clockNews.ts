// What a screen reader is told about the speech clock: only its changes, never its ticking
// digits. Each observation of the floor is compared with the previous one; the news is a new
// speaker, a whole minute of time left reached, the time running out, a pause, a resumption or an
// extension. An interjection's own clock likewise: its start, its whole minutes left, its end.
import { countdown, speechClock } from "@core/clock.ts";
import type { Speech } from "@core/floor/schema.ts";
import type { Interjection } from "@core/interjection/schema.ts";

/** The floor as one screen saw it at one moment; null: nobody speaks. */
export interface ClockView {
  speechId: string;
  participantId: string;
  paused: boolean;
  /** The cap plus the extensions. */
  allowedMs: number;
  remainingMs: number;
}

export type ClockNews =
  | { kind: "speaker"; participantId: string }
  | { kind: "minutesLeft"; minutes: number }
  | { kind: "timeUp" }
  | { kind: "paused" }
  | { kind: "resumed" }
  | { kind: "extended"; minutes: number };

export function viewOf(floor: Speech | null, serverNow: number): ClockView | null {
  if (!floor) return null;
  const clock = speechClock(floor, serverNow);
  return {
    speechId: floor.speechId,
    participantId: floor.participantId,
    paused: clock.paused,
    allowedMs: floor.capMs + floor.extendedMs,
    remainingMs: clock.remainingMs,
  };
}

/** The whole minutes the clock shows as started: 2:00 → 2, 1:59 → 2, 1:00 → 1, 0:00 or over → 0. */
const minuteMark = (remainingMs: number): number => (remainingMs > 0 ? Math.ceil(remainingMs / 60_000) : 0);

/**
 * What changed from `before` to `now`, if anything worth saying: the speaker (a new speech), else a
 * pause, resumption or extension, else the end of the time, else a whole minute of time left
 * reached (several crossed at once, as after a sleeping tab: only the latest).
 */
export function clockNews(before: ClockView | null, now: ClockView | null): ClockNews | null {
  if (!now) return null;
  if (!before || before.speechId !== now.speechId) return { kind: "speaker", participantId: now.participantId };
  if (now.paused !== before.paused) return { kind: now.paused ? "paused" : "resumed" };
  if (now.allowedMs > before.allowedMs) return { kind: "extended", minutes: (now.allowedMs - before.allowedMs) / 60_000 };
  if (before.remainingMs >= 0 && now.remainingMs < 0) return { kind: "timeUp" };
  const mark = minuteMark(now.remainingMs);
  if (mark >= 1 && mark < minuteMark(before.remainingMs)) return { kind: "minutesLeft", minutes: mark };
  return null;
}

/** The interjection in progress as one screen saw it at one moment; null: none. */
export interface InterjectionClockView {
  interjectionId: string;
  participantId: string;
  remainingMs: number;
}

export type InterjectionClockNews = { kind: "started"; participantId: string } | { kind: "minutesLeft"; minutes: number } | { kind: "timeUp" };

export function interjectionViewOf(running: Interjection | null | undefined, serverNow: number): InterjectionClockView | null {
  if (!running) return null;
  return {
    interjectionId: running.interjectionId,
    participantId: running.participantId,
    remainingMs: countdown(running.startedAt, running.capMs, serverNow).remainingMs,
  };
}

/**
 * What changed on the interjection's own clock from `before` to `now`: a new interjection, else its
 * time running out, else a whole minute of time left reached (only the latest of several). Its
 * clock neither pauses nor is extended.
 */
export function interjectionClockNews(before: InterjectionClockView | null, now: InterjectionClockView | null): InterjectionClockNews | null {
  if (!now) return null;
  if (!before || before.interjectionId !== now.interjectionId) return { kind: "started", participantId: now.participantId };
  if (before.remainingMs >= 0 && now.remainingMs < 0) return { kind: "timeUp" };
  const mark = minuteMark(now.remainingMs);
  if (mark >= 1 && mark < minuteMark(before.remainingMs)) return { kind: "minutesLeft", minutes: mark };
  return null;
}
