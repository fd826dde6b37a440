// The append-only event log, the source of truth for every meeting. The room actor talks
// only to this interface; each database has its implementation (sqliteEventStore.ts,
// pgEventStore.ts), chosen by db/database.ts.
import type { StoredEvent } from "../../../core/meeting.ts";
import type { Fence } from "../cluster/fence.ts";

export interface EventStore {
  /** Events with seq greater than `afterSeq`, in order. */
  load(meetingId: string, afterSeq?: number): Promise<StoredEvent[]>;
  /**
   * Appends all events in one transaction; rejects (appending nothing) on any conflict.
   * With `fence`, the PostgreSQL store checks in that same transaction that it is still the
   * meeting's current lease (docs/cluster.md) and rejects with LeaseLostError, appending nothing,
   * when another node has taken the meeting over. SQLite (one process, no leases) ignores it.
   */
  append(meetingId: string, events: readonly StoredEvent[], fence?: Fence): Promise<void>;
  /**
   * The last seq of every meeting with a log; with `typePrefixes`, of its last event whose type
   * starts with one of them (meetings without such an event are left out). For catching up on start.
   */
  heads(typePrefixes?: readonly string[]): Promise<Map<string, number>>;
}
