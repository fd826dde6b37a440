// 分组讨论's call back (docs/groups.md): when the chair's countdown (`groups.recalled`, the
// plenary's state.groups.recallEndsAt) ends, the server closes the groups (system `groups.close`).
// Re-armed from the state when a plenary's room is (re)opened, like polls/pollClock.ts, so a
// countdown survives a restart (one that ran out meanwhile closes at once); disarmed on the close.
import type { StoredEvent } from "../../../core/meeting.ts";
import { SYSTEM_ACTOR } from "../../../core/roles.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { MeetingRoom, RoomListener } from "../rooms/meetingRoom.ts";

export interface RecallClockDeps {
  room: (meetingId: string) => Promise<MeetingRoom>;
  now: () => number;
  log: (message: string, error?: unknown) => void;
}

export class RecallClock implements RoomListener {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: RecallClockDeps) {}

  opened(room: MeetingRoom): void {
    const { phase, recallEndsAt } = room.current.groups;
    if (phase === "recalling" && recallEndsAt !== null) this.arm(room.meetingId, recallEndsAt);
  }

  committed(meetingId: string, events: readonly StoredEvent[], _state: MeetingState): void {
    for (const { event } of events) {
      // A second call back shortens or extends the countdown: armed again at its new end.
      if (event.type === "groups.recalled") this.arm(meetingId, event.endsAt);
      if (event.type === "groups.closed") this.disarm(meetingId);
    }
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private arm(meetingId: string, endsAt: number): void {
    this.disarm(meetingId);
    const timer = setTimeout(
      () => {
        this.timers.delete(meetingId);
        void this.closeNow(meetingId);
      },
      Math.max(0, endsAt - this.deps.now()),
    );
    timer.unref();
    this.timers.set(meetingId, timer);
  }

  private disarm(meetingId: string): void {
    clearTimeout(this.timers.get(meetingId));
    this.timers.delete(meetingId);
  }

  private async closeNow(meetingId: string): Promise<void> {
    try {
      const result = await (await this.deps.room(meetingId)).submit(SYSTEM_ACTOR, { type: "groups.close" });
      // The chair closing them just before the countdown ended is fine.
      if (!result.ok && result.error.code !== "GROUPS_NOT_OPEN")
        this.deps.log(`the call back's close of the groups of meeting ${meetingId} refused: ${result.error.code}`);
    } catch (error) {
      this.deps.log(`the call back's close of the groups of meeting ${meetingId} failed`, error);
    }
  }
}
