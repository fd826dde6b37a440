// Attendance from connections: a participant arrives with their first connection and leaves
// when their last one has been gone for the grace period (a reconnect within it changes
// nothing). Arrivals are batched, so a whole meeting joining at once is a few events, not
// thousands of broadcasts. Only online presence is undone by a disconnect: someone checked in
// in the room (QR code or clerk) stays present when their phone drops. Nothing is recorded
// for a closed meeting.
// A restart of the server is nobody leaving: those the log shows present online get until the
// restart grace ends (counted from the start, long enough for a whole reconnect storm), so
// whoever comes back in that time changes nothing and the quorum never dips; whoever does not
// is recorded as gone when it ends, with that time, as for any drop (docs/configuration.md).
import { performance } from "node:perf_hooks";
import { SYSTEM_ACTOR } from "../../../core/roles.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { MeetingRoom } from "../rooms/meetingRoom.ts";
import type { RoomRegistry } from "../rooms/roomRegistry.ts";

const ARRIVAL_BATCH_MS = 200;

export class Presence {
  private readonly connections = new Map<string, number>();
  private readonly departures = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly arriving = new Map<string, Set<string>>();
  private readonly adopted = new Set<string>();
  private closed = false;
  private readonly graceMs: number;
  /** Until then (performance.now()) nobody present before the start is recorded as gone. */
  private readonly restartUntil: number;

  constructor(
    private readonly rooms: RoomRegistry,
    grace: { graceMs: number; restartGraceMs: number },
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    this.graceMs = grace.graceMs;
    this.restartUntil = performance.now() + grace.restartGraceMs;
  }

  connected(meetingId: string, participantId: string): void {
    if (this.closed) return;
    const key = `${meetingId}/${participantId}`;
    this.connections.set(key, (this.connections.get(key) ?? 0) + 1);
    const pending = this.departures.get(key);
    if (pending) {
      clearTimeout(pending);
      this.departures.delete(key);
      return; // came back within the grace period: still present
    }
    let batch = this.arriving.get(meetingId);
    if (!batch) {
      batch = new Set();
      this.arriving.set(meetingId, batch);
      setTimeout(() => this.flushArrivals(meetingId), ARRIVAL_BATCH_MS).unref();
    }
    batch.add(participantId);
  }

  disconnected(meetingId: string, participantId: string): void {
    // Shutting down disconnects every socket: that is not people leaving the meeting.
    if (this.closed) return;
    const key = `${meetingId}/${participantId}`;
    const left = (this.connections.get(key) ?? 1) - 1;
    if (left > 0) {
      this.connections.set(key, left);
      return;
    }
    this.connections.delete(key);
    this.scheduleDeparture(meetingId, participantId);
  }

  private scheduleDeparture(meetingId: string, participantId: string, delay = this.graceMs): void {
    const key = `${meetingId}/${participantId}`;
    const timer = setTimeout(() => {
      this.departures.delete(key);
      this.submit(meetingId, "leave", [participantId]);
    }, delay);
    timer.unref();
    this.departures.set(key, timer);
  }

  /**
   * On the first connection to a meeting after a (re)start: people the log still shows present
   * online but who have no connection now get the grace period to come back, like a drop, and
   * at least until the restart grace ends.
   */
  adopt(room: MeetingRoom): void {
    if (this.closed || this.adopted.has(room.meetingId)) return;
    this.adopted.add(room.meetingId);
    for (const [participantId, attendance] of Object.entries(room.current.attendance)) {
      const key = `${room.meetingId}/${participantId}`;
      if (attendance.status !== "present" || attendance.via !== "online" || this.connections.has(key) || this.departures.has(key)) continue;
      this.scheduleDeparture(room.meetingId, participantId, Math.max(this.graceMs, this.restartUntil - performance.now()));
    }
  }

  /** Stops pending timers (server shutdown); nothing more is written. */
  close(): void {
    this.closed = true;
    for (const timer of this.departures.values()) clearTimeout(timer);
    this.departures.clear();
    this.arriving.clear();
  }

  private flushArrivals(meetingId: string): void {
    const batch = this.arriving.get(meetingId);
    this.arriving.delete(meetingId);
    // Whoever already left again (a grace period shorter than the batch) did not arrive.
    const still = [...(batch ?? [])].filter((id) => {
      const key = `${meetingId}/${id}`;
      return this.connections.has(key) || this.departures.has(key);
    });
    if (still.length) this.submit(meetingId, "arrive", still);
  }

  private submit(meetingId: string, kind: "arrive" | "leave", participantIds: string[]): void {
    if (this.closed) return;
    this.rooms
      .local(meetingId)
      .then((room) => room.submitWith(SYSTEM_ACTOR, (state) => attendanceCommand(state, kind, participantIds)))
      .then((result) => {
        if (!result.ok) this.log(`attendance.${kind} refused for meeting ${meetingId}: ${result.error.code}`);
      })
      .catch((error: unknown) => this.log(`attendance.${kind} failed for meeting ${meetingId}`, error));
  }
}

/** The command for the state it applies to: roster members only, online presence only, never after close. */
function attendanceCommand(state: MeetingState, kind: "arrive" | "leave", participantIds: string[]) {
  if (state.status === "closed") return null;
  // Someone removed from the roster meanwhile must not hold up everyone else's arrival.
  const known = participantIds.filter((id) => state.roster.some((p) => p.id === id));
  if (kind === "arrive") return known.length ? { type: "attendance.arrive" as const, participantIds: known, via: "online" as const } : null;
  const online = known.filter((id) => state.attendance[id]?.via === "online");
  return online.length ? { type: "attendance.leave" as const, participantIds: online } : null;
}
