// Attendance from connections: a participant arrives with their first connection and leaves
// when their last one has been gone for the grace period (a reconnect within it changes
// nothing). Arrivals are batched, so a whole meeting joining at once is a few events, not
// thousands of broadcasts.
import { SYSTEM_ACTOR } from "../core/roles.ts";
import type { RoomRegistry } from "../rooms/meetingRoom.ts";

const ARRIVAL_BATCH_MS = 200;

export class Presence {
  private readonly connections = new Map<string, number>();
  private readonly departures = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly arriving = new Map<string, Set<string>>();
  private closed = false;

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly graceMs: number,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

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
    const timer = setTimeout(() => {
      this.departures.delete(key);
      this.submit(meetingId, { type: "attendance.leave", participantIds: [participantId] });
    }, this.graceMs);
    timer.unref();
    this.departures.set(key, timer);
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
    if (still.length) this.submit(meetingId, { type: "attendance.arrive", participantIds: still, via: "online" });
  }

  private submit(
    meetingId: string,
    command: { type: "attendance.leave"; participantIds: string[] } | { type: "attendance.arrive"; participantIds: string[]; via: "online" },
  ): void {
    if (this.closed) return;
    this.rooms
      .get(meetingId)
      .then((room) => {
        // Someone removed from the roster meanwhile must not hold up everyone else's arrival.
        const known = command.participantIds.filter((id) => room.current.roster.some((p) => p.id === id));
        return known.length ? room.submit(SYSTEM_ACTOR, { ...command, participantIds: known }) : null;
      })
      .then((result) => {
        if (result && !result.ok) this.log(`${command.type} refused for meeting ${meetingId}: ${result.error.code}`);
      })
      .catch((error: unknown) => this.log(`${command.type} failed for meeting ${meetingId}`, error));
  }
}
