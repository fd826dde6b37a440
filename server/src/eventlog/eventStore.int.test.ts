// The event log on both databases (a real SQLite file, a real PostgreSQL schema): group commit
// across meetings, one failing append that sinks nobody else's, reads, heads and the append-only
// triggers; then what only one of them has — SQLite's appends that never become part of someone
// else's open transaction, PostgreSQL's fencing by the meeting's lease.
import { afterEach, describe, expect, it } from "vitest";
import type pg from "pg";
import type { MeetingEvent, StoredEvent } from "../../../core/meeting.ts";
import { LeaseLostError } from "../cluster/fence.ts";
import type { Db } from "../db/database.ts";
import { DATABASE_KINDS, openTestDatabase, type DatabaseKind } from "../../../testing/databases.ts";
import { Harness } from "../../../testing/server/harness.ts";
import type { EventStore } from "./eventStore.ts";
import { pgEventStore } from "./pgEventStore.ts";
import { sqliteEventStore } from "./sqliteEventStore.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const event = (seq: number, type = "queue.requested"): StoredEvent => ({
  seq,
  at: 1_780_000_000_000 + seq * 1_001, // distinct milliseconds, not whole seconds
  actorId: seq % 2 ? "p1" : null,
  event: { type, participantId: "p1" } as unknown as MeetingEvent,
});

async function open(kind: DatabaseKind, meetings: string[]): Promise<{ db: Db; store: EventStore; pool?: pg.Pool }> {
  const t = await openTestDatabase(kind, h);
  for (const id of meetings) await t.db.meeting.create({ data: { id, title: id } });
  return t.kind === "sqlite" ? { db: t.db, store: sqliteEventStore(t.db) } : { db: t.db, store: pgEventStore(t.pool), pool: t.pool };
}

describe.each(DATABASE_KINDS)("EventStore on %s", (kind) => {
  it("appends of many meetings at once all commit; a conflicting one fails alone, appending nothing", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `m${i}`);
    const { db, store } = await open(kind, ids);
    await store.append("m0", [event(1)]);
    const results = await Promise.allSettled([
      ...ids.map((id) => store.append(id, id === "m0" ? [event(2), event(3)] : [event(1)])),
      store.append("m0", [event(4), event(1)]), // seq 1 is taken: neither 4 nor 1 may land
    ]);
    expect(results.map((r) => r.status)).toEqual([...ids.map(() => "fulfilled"), "rejected"]);
    expect((await store.load("m0")).map((e) => e.seq)).toEqual([1, 2, 3]);
    for (const id of ids.slice(1)) expect(await store.load(id)).toEqual([event(1)]);
    // Prisma reads the rows back alike (the same millisecond, the same columns).
    const row = await db.meetingEvent.findFirstOrThrow({ where: { meetingId: "m0", seq: 3 } });
    expect(row.at.getTime()).toBe(event(3).at);
    expect({ type: row.type, actorId: row.actorId, payload: JSON.parse(row.payload) as unknown }).toEqual({
      type: "queue.requested",
      actorId: "p1",
      payload: event(3).event,
    });
  });

  it("loads after a seq, in order; heads give each meeting's last seq, or its last of some types", async () => {
    const { store } = await open(kind, ["a", "b", "c"]);
    await store.append("a", [event(1, "meeting.started"), event(2, "poll.opened"), event(3, "queue.requested")]);
    await store.append("b", [event(1, "queue.requested")]);
    await store.append("a", []); // nothing to append is no error
    expect((await store.load("a", 1)).map((e) => [e.seq, e.event.type])).toEqual([
      [2, "poll.opened"],
      [3, "queue.requested"],
    ]);
    expect(await store.load("c")).toEqual([]);
    expect(await store.heads()).toEqual(
      new Map([
        ["a", 3],
        ["b", 1],
      ]),
    );
    expect(await store.heads(["poll.", "meeting."])).toEqual(new Map([["a", 2]]));
    expect(await store.heads([])).toEqual(new Map());
  });

  it("keeps a command's id on the event that carries it, and none on the others", async () => {
    const { db, store } = await open(kind, ["m"]);
    const cid = "3f1c2a9e-7b4d-4e0a-9c1f-2d5e8a6b0c17";
    await store.append("m", [{ ...event(1), cid }, event(2)]);
    await store.append("m", [event(3)]);
    const loaded = await store.load("m");
    expect(loaded.map((e) => e.cid)).toEqual([cid, undefined, undefined]);
    expect(loaded.map((e) => "cid" in e)).toEqual([true, false, false]); // not even as undefined: events go to clients as loaded
    const rows = await db.meetingEvent.findMany({ where: { meetingId: "m" }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.commandId)).toEqual([cid, null, null]);
  });

  it("the log is append-only: rows cannot be changed or deleted", async () => {
    const { db, store } = await open(kind, ["m"]);
    await store.append("m", [event(1)]);
    await expect(db.meetingEvent.updateMany({ where: { meetingId: "m" }, data: { payload: "{}" } })).rejects.toThrow(/append-only/);
    await expect(db.meetingEvent.deleteMany({ where: { meetingId: "m" } })).rejects.toThrow(/append-only/);
    expect(await store.load("m")).toEqual([event(1)]);
  });
});

describe("EventStore on SQLite only", () => {
  it("an append waits for an open interactive transaction and does not roll back with it", async () => {
    const { db, store } = await open("sqlite", ["m"]);
    let appended: Promise<void> | undefined;
    await expect(
      db.$transaction(async (tx) => {
        await tx.meeting.update({ where: { id: "m" }, data: { title: "changed" } });
        appended = store.append("m", [event(1)]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await appended;
    expect(await store.load("m")).toEqual([event(1)]);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: "m" } })).title).toBe("m");
  });
});

describe("EventStore on PostgreSQL only", () => {
  async function openPg(meetings: string[]): Promise<{ store: EventStore; pool: pg.Pool }> {
    const { store, pool } = await open("postgresql", meetings);
    if (!pool) throw new Error("no pool");
    return { store, pool };
  }
  const lease = (pool: pg.Pool, meetingId: string, token: number) =>
    pool.query(`INSERT INTO "MeetingLease" ("meetingId", "token", "holder", "expiresAt") VALUES ($1, $2, 'n1', now() + interval '1 minute')`, [
      meetingId,
      token,
    ]);

  it("appends that arrive together go into one transaction, on one client taken from the pool", async () => {
    const ids = ["a", "b", "c", "d"];
    const { store, pool } = await openPg(ids);
    // (Not xmin: each append's savepoint gives its rows a subtransaction id of their own.)
    let checkouts = 0;
    pool.on("acquire", () => checkouts++);
    await Promise.all(ids.map((id) => store.append(id, [event(1), event(2)])));
    expect(checkouts).toBe(1);
    for (const id of ids) expect((await store.load(id)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it("appends with the meeting's current fence; a stale token appends nothing and sinks no other meeting's append", async () => {
    const { store, pool } = await openPg(["a", "b", "c"]);
    await lease(pool, "a", 7);
    await lease(pool, "b", 3);
    await store.append("a", [event(1)], { token: 7 });
    const results = await Promise.allSettled([
      store.append("a", [event(2)], { token: 7 }),
      store.append("b", [event(1), event(2)], { token: 2 }), // taken over since: token 3 is current
      store.append("c", [event(1)], { token: 1 }), // no lease row at all
      store.append("c", [event(2)]), // no fence: nothing to check, as on SQLite
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    for (const r of results.slice(1, 3)) {
      expect(r.status === "rejected" && r.reason).toBeInstanceOf(LeaseLostError);
    }
    expect((await store.load("a")).map((e) => e.seq)).toEqual([1, 2]);
    expect(await store.load("b")).toEqual([]);
    expect(await store.load("c")).toEqual([event(2)]);
  });
});
