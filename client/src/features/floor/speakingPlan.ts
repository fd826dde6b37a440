// Pure helpers for the speaking plan on the live screens: who comes next in the suggested order,
// a speaker's name (roster person or in-room guest), and the clock bar.
import { speechClock } from "@core/clock.ts";
import { suggestNext } from "@core/ordering/suggest.ts";
import type { MeetingState } from "@core/state.ts";
import type { QueueEntry } from "@core/queue/schema.ts";
import type { Speech, SpeechRecord } from "@core/floor/schema.ts";

type PlanContext = Pick<MeetingState, "queue" | "roster" | "speeches" | "ordering" | "currentItemId" | "floor">;

/**
 * The waiting people in the order they would be called if the chair took every suggestion and
 * nobody else asked: the suggestion, then the suggestion once that person has spoken, and so on.
 * A forecast, not a promise; the chair may always choose someone else.
 */
export function upcomingSpeakers(state: PlanContext, limit = Number.POSITIVE_INFINITY): QueueEntry[] {
  const order: QueueEntry[] = [];
  let ctx: PlanContext = state;
  while (order.length < limit) {
    const suggestion = suggestNext(ctx);
    const entry = suggestion && ctx.queue.find((e) => e.participantId === suggestion.participantId);
    if (!entry) break;
    order.push(entry);
    // Pretend the suggested person takes the floor: the one speaking now has finished.
    ctx = {
      ...ctx,
      queue: ctx.queue.filter((e) => e !== entry),
      speeches: ctx.floor ? [...ctx.speeches, finished(ctx.floor)] : ctx.speeches,
      floor: imagined(entry, ctx.currentItemId),
    };
  }
  return order;
}

/** 1-based place of a person in the suggested order, or 0 when not waiting. */
export function placeInLine(state: PlanContext, participantId: string): number {
  return upcomingSpeakers(state).findIndex((e) => e.participantId === participantId) + 1;
}

/** A roster person's name as the meeting shows it (`useDisplayName`), or the in-room guest's. */
export function speakerName(who: { participantId: string; guestName: string | null }, nameOf: (id: string) => string | undefined): string {
  return who.guestName ?? nameOf(who.participantId) ?? "—";
}

/** Share of the speech's time (cap plus extensions) used so far, 0…1. */
export function usedShare(speech: Speech, serverNow: number): number {
  const total = speech.capMs + speech.extendedMs;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, 1 - speechClock(speech, serverNow).remainingMs / total));
}

const finished = (speech: Speech): SpeechRecord => ({ ...speech, endedAt: 0, durationMs: 0, overrunMs: 0, endedBy: "" });

const imagined = (entry: QueueEntry, agendaItemId: string | null): Speech => ({
  speechId: `upcoming-${entry.participantId}`,
  participantId: entry.participantId,
  kind: entry.kind,
  guestName: entry.guestName,
  bookingId: entry.bookingId,
  startedAt: 0,
  capMs: 0,
  extendedMs: 0,
  pausedAt: null,
  pausedMs: 0,
  agendaItemId,
  override: null,
});
