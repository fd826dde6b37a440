// The event log on PostgreSQL (the EventStore of eventStore.ts): SQL of its own on the pool that
// openPgDatabase shares with Prisma, appends of all meetings grouped into one commit, each
// checked against the meeting's lease when the caller gives its fence.
import type pg from "pg";
import type { MeetingEvent, StoredEvent } from "../../../core/meeting.ts";
import { assertFence, type Fence } from "../cluster/fence.ts";
import type { EventStore } from "./eventStore.ts";

// One statement per append whatever its length: the events go in as parallel arrays. `at` is
// sent as ISO text and stored as the UTC wall time (TIMESTAMP(3) without time zone, as Prisma
// stores it), independently of the session's TimeZone.
const INSERT = `INSERT INTO "MeetingEvent" ("meetingId", "seq", "type", "actorId", "at", "payload", "commandId")
  SELECT $1, e.seq, e.type, e."actorId", e.at::timestamptz AT TIME ZONE 'UTC', e.payload, e."commandId"
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS e(seq, type, "actorId", at, payload, "commandId")`;
// The column holds UTC; epoch milliseconds are read without going through a Date parser, so
// the result does not depend on the pool's type parsers.
const SELECT = `SELECT "seq", (extract(epoch FROM "at") * 1000)::float8 AS "at", "actorId", "payload", "commandId"
  FROM "MeetingEvent" WHERE "meetingId" = $1 AND "seq" > $2 ORDER BY "seq"`;
const HEADS = `SELECT "meetingId", max("seq") AS "seq" FROM "MeetingEvent" GROUP BY "meetingId"`;
const HEADS_OF_TYPES = `SELECT "meetingId", max("seq") AS "seq" FROM "MeetingEvent"
  WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS p(prefix) WHERE starts_with("type", p.prefix))
  GROUP BY "meetingId"`;

interface Row {
  seq: number;
  at: number;
  actorId: string | null;
  payload: string;
  commandId: string | null;
}

/**
 * Group commit, as on SQLite: the appends of all meetings that arrive while one commit is under
 * way go into the next transaction together, on one client checked out of the pool for it, each
 * in a savepoint of its own — one failing (a taken seq, a lost lease) appends nothing of its own
 * and does not affect the others; every append resolves only after that COMMIT. One transaction
 * at a time per store keeps the pool free for Prisma and the other stores, and a busy server pays
 * one commit (one WAL flush) for many meetings' appends instead of one each.
 */
export function pgEventStore(pool: pg.Pool): EventStore {
  let waiting: Pending[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    let client: pg.PoolClient | undefined;
    let batch: Pending[] = [];
    let broken: Error | undefined; // the connection can no longer be trusted to be outside a transaction
    try {
      client = await pool.connect();
      // Taken only now: appends that arrived while waiting for a connection join this batch.
      batch = waiting;
      waiting = [];
      await client.query("BEGIN");
      const failed = new Map<Pending, unknown>();
      for (const p of batch) {
        await client.query("SAVEPOINT one");
        try {
          if (p.fence) await assertFence(client, p.meetingId, p.fence);
          // The (meetingId, seq) primary key makes a second writer with the same seq fail whole.
          if (p.events.length) await client.query(INSERT, insertParams(p));
          await client.query("RELEASE SAVEPOINT one");
        } catch (error) {
          await client.query("ROLLBACK TO SAVEPOINT one");
          await client.query("RELEASE SAVEPOINT one");
          failed.set(p, error);
        }
      }
      await client.query("COMMIT");
      for (const p of batch) {
        if (failed.has(p)) p.reject(failed.get(p));
        else p.resolve();
      }
    } catch (error) {
      if (client) broken = await rollback(client);
      else [batch, waiting] = [waiting, []]; // no connection: those waiting fail now
      for (const p of batch) p.reject(error);
    } finally {
      // A client whose ROLLBACK failed is destroyed rather than returned in an unknown state.
      client?.release(broken);
      flushing = false;
      if (waiting.length) void flush();
    }
  }

  return {
    async load(meetingId, afterSeq = 0) {
      const { rows } = await pool.query<Row>(SELECT, [meetingId, afterSeq]);
      return rows.map((row) => ({
        seq: row.seq,
        at: row.at,
        actorId: row.actorId,
        event: JSON.parse(row.payload) as MeetingEvent,
        ...(row.commandId === null ? {} : { cid: row.commandId }),
      }));
    },
    append(meetingId, events, fence) {
      return new Promise((resolve, reject) => {
        waiting.push({ meetingId, events, fence, resolve, reject });
        if (!flushing) void flush();
      });
    },
    async heads(typePrefixes) {
      const { rows } =
        typePrefixes === undefined
          ? await pool.query<{ meetingId: string; seq: number }>(HEADS)
          : await pool.query<{ meetingId: string; seq: number }>(HEADS_OF_TYPES, [typePrefixes]);
      return new Map(rows.map((row) => [row.meetingId, row.seq]));
    },
  };
}

/** ROLLBACK; what it threw, if it failed (the connection is then not to be reused). */
async function rollback(client: pg.PoolClient): Promise<Error | undefined> {
  try {
    await client.query("ROLLBACK");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function insertParams(p: Pending): unknown[] {
  const { events } = p;
  return [
    p.meetingId,
    events.map((e) => e.seq),
    events.map((e) => e.event.type),
    events.map((e) => e.actorId),
    events.map((e) => new Date(e.at).toISOString()),
    events.map((e) => JSON.stringify(e.event)),
    events.map((e) => e.cid ?? null),
  ];
}

interface Pending {
  meetingId: string;
  events: readonly StoredEvent[];
  fence: Fence | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}
