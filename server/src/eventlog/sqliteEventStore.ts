// The event log on SQLite (the EventStore of eventStore.ts): prepared statements on Prisma's
// own connection, appends of all meetings grouped into one commit.
import type { MeetingEvent, StoredEvent } from "../../../core/meeting.ts";
import type { Db } from "../db/database.ts";
import { prismaDateTime, sqliteConnection } from "../db/sqliteDatabase.ts";
import type { EventStore } from "./eventStore.ts";

interface Row {
  seq: number;
  at: string;
  actorId: string | null;
  payload: string;
  commandId: string | null;
}

/**
 * The log on Prisma's own SQLite connection, with prepared statements instead of Prisma
 * queries: a Prisma transaction costs ~3 ms of main-thread CPU, and every meeting's commits
 * queue behind each other on the one connection (50 busy meetings: acks of ~1 s, docs/performance.md).
 * Group commit: the appends of all meetings that arrive while one commit is under way go into
 * the next transaction together, each in a savepoint of its own (one failing appends nothing of
 * its own and does not affect the others); every append resolves only after that COMMIT.
 * Appends take the adapter's transaction lock, so they never land inside a Prisma interactive
 * transaction that is waiting between two of its queries.
 * An append's `fence` is ignored: SQLite is one process, there are no leases to lose.
 */
export function sqliteEventStore(db: Db): EventStore {
  const { raw, adapter } = sqliteConnection(db);
  const insert = raw.prepare("INSERT INTO MeetingEvent (meetingId, seq, type, actorId, at, payload, commandId) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const select = raw.prepare("SELECT seq, at, actorId, payload, commandId FROM MeetingEvent WHERE meetingId = ? AND seq > ? ORDER BY seq").safeIntegers(false);
  const savepoint = raw.prepare("SAVEPOINT one");
  const release = raw.prepare("RELEASE one");
  const rollbackTo = raw.prepare("ROLLBACK TO one");
  const commit = raw.prepare("COMMIT");
  const rollback = raw.prepare("ROLLBACK");
  let waiting: Pending[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    let tx: Awaited<ReturnType<typeof adapter.startTransaction>> | undefined;
    let batch: Pending[] = [];
    try {
      tx = await adapter.startTransaction(); // the adapter's lock, then BEGIN
      batch = waiting;
      waiting = [];
      const failed = new Map<Pending, unknown>();
      for (const p of batch) {
        savepoint.run();
        try {
          // The (meetingId, seq) primary key makes a second writer with the same seq fail whole.
          for (const e of p.events) insert.run(p.meetingId, e.seq, e.event.type, e.actorId, prismaDateTime(e.at), JSON.stringify(e.event), e.cid ?? null);
          release.run();
        } catch (error) {
          rollbackTo.run();
          release.run();
          failed.set(p, error);
        }
      }
      commit.run();
      for (const p of batch) {
        if (failed.has(p)) p.reject(failed.get(p));
        else p.resolve();
      }
    } catch (error) {
      if (raw.inTransaction) rollback.run();
      if (!tx) [batch, waiting] = [waiting, []]; // no lock, no BEGIN (database closed)
      for (const p of batch) p.reject(error);
    } finally {
      await tx?.commit(); // only releases the lock: COMMIT or ROLLBACK ran above
      flushing = false;
      if (waiting.length) void flush();
    }
  }

  return {
    async load(meetingId, afterSeq = 0) {
      // A read needs no lock: the log's rows are only ever written by `flush`, which holds no
      // transaction open across an await, so nothing uncommitted of it can be seen.
      return (select.all(meetingId, afterSeq) as Row[]).map((row) => ({
        seq: row.seq,
        at: Date.parse(row.at),
        actorId: row.actorId,
        event: JSON.parse(row.payload) as MeetingEvent,
        ...(row.commandId === null ? {} : { cid: row.commandId }),
      }));
    },
    append(meetingId, events) {
      return new Promise((resolve, reject) => {
        waiting.push({ meetingId, events, resolve, reject });
        if (!flushing) void flush();
      });
    },
    async heads(typePrefixes) {
      const rows = await db.meetingEvent.groupBy({
        by: ["meetingId"],
        ...(typePrefixes === undefined ? {} : { where: { OR: typePrefixes.map((prefix) => ({ type: { startsWith: prefix } })) } }),
        _max: { seq: true },
      });
      return new Map(rows.map((row) => [row.meetingId, row._max.seq ?? 0]));
    },
  };
}

interface Pending {
  meetingId: string;
  events: readonly StoredEvent[];
  resolve: () => void;
  reject: (error: unknown) => void;
}
