// The append-only event log, the source of truth for every meeting. The room actor talks
// only to this interface, so another storage (PostgreSQL) can stand in behind it.
import type { MeetingEvent, StoredEvent } from "../core/meeting.ts";
import type { Db } from "../db/database.ts";

export interface EventStore {
  /** Events with seq greater than `afterSeq`, in order. */
  load(meetingId: string, afterSeq?: number): Promise<StoredEvent[]>;
  /** Appends all events in one transaction; rejects (appending nothing) on any conflict. */
  append(meetingId: string, events: readonly StoredEvent[]): Promise<void>;
}

export function prismaEventStore(db: Db): EventStore {
  return {
    async load(meetingId, afterSeq = 0) {
      const rows = await db.meetingEvent.findMany({
        where: { meetingId, seq: { gt: afterSeq } },
        orderBy: { seq: "asc" },
      });
      return rows.map((row) => ({
        seq: row.seq,
        at: row.at.getTime(),
        actorId: row.actorId,
        event: JSON.parse(row.payload) as MeetingEvent,
      }));
    },
    async append(meetingId, events) {
      // The (meetingId, seq) primary key makes a second writer with the same seq fail whole.
      await db.$transaction(
        events.map((e) =>
          db.meetingEvent.create({
            data: {
              meetingId,
              seq: e.seq,
              type: e.event.type,
              actorId: e.actorId,
              at: new Date(e.at),
              payload: JSON.stringify(e.event),
            },
          }),
        ),
      );
    },
  };
}
