// Closes polls at the end of their countdown, and erases the write order of a secret poll's
// ballots once it is closed. Timers are re-armed from the state when a room is (re)opened, so a
// countdown survives a server restart (a poll whose time ran out meanwhile closes at once).
import type { StoredEvent } from "../../../core/meeting.ts";
import type { Poll } from "../../../core/poll/schema.ts";
import { SYSTEM_ACTOR } from "../../../core/roles.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { MeetingRoom } from "../rooms/meetingRoom.ts";

export interface PollClockDeps {
  room: (meetingId: string) => Promise<MeetingRoom>;
  now: () => number;
  log: (message: string, error?: unknown) => void;
  /** A poll has closed (secret polls: the ballot box forgets the write order). */
  closed: (poll: Poll) => Promise<void>;
}

export class PollClock {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: PollClockDeps) {}

  /** The room's listener (RoomListener): a room opened from its log arms the countdowns of its open polls. */
  opened(room: MeetingRoom): void {
    for (const poll of room.current.polls) if (poll.status === "open" && poll.closesAt !== null) this.arm(room.meetingId, poll.pollId, poll.closesAt);
  }

  /** The room's listener (RoomListener): countdowns of polls opened are armed, those of polls closed disarmed. */
  committed(meetingId: string, events: readonly StoredEvent[], state: MeetingState): void {
    for (const { event } of events) {
      if (event.type === "poll.opened" && event.closesAt !== null) this.arm(meetingId, event.pollId, event.closesAt);
      if (event.type === "poll.closed") {
        this.disarm(event.pollId);
        const poll = state.polls.find((p) => p.pollId === event.pollId);
        if (poll) void this.deps.closed(poll).catch((error: unknown) => this.deps.log(`after closing poll ${event.pollId}`, error));
      }
    }
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private arm(meetingId: string, pollId: string, closesAt: number): void {
    this.disarm(pollId);
    const timer = setTimeout(
      () => {
        this.timers.delete(pollId);
        void this.closeNow(meetingId, pollId);
      },
      Math.max(0, closesAt - this.deps.now()),
    );
    timer.unref();
    this.timers.set(pollId, timer);
  }

  private disarm(pollId: string): void {
    clearTimeout(this.timers.get(pollId));
    this.timers.delete(pollId);
  }

  private async closeNow(meetingId: string, pollId: string): Promise<void> {
    try {
      const result = await (await this.deps.room(meetingId)).submit(SYSTEM_ACTOR, { type: "poll.close", pollId });
      // The chair closing it just before the countdown ended is fine.
      if (!result.ok && result.error.code !== "POLL_CLOSED") this.deps.log(`countdown close of poll ${pollId} refused: ${result.error.code}`);
    } catch (error) {
      this.deps.log(`countdown close of poll ${pollId} failed`, error);
    }
  }
}
