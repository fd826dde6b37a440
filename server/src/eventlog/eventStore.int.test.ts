// The event log on a real SQLite file: group commit across meetings, one failing append that
// sinks nobody else's, and appends that never become part of someone else's open transaction.
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import type { MeetingEvent, StoredEvent } from "../../../core/meeting.ts";
import type { Db } from "../db/database.ts";
import { openSqliteDatabase } from "../db/sqliteDatabase.ts";
import { Harness } from "../../../testing/server/harness.ts";
import { sqliteEventStore } from "./sqliteEventStore.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const event = (seq: number): StoredEvent => ({
  seq,
  at: 1_780_000_000_000 + seq,
  actorId: "p1",
  event: { type: "queue.requested", participantId: "p1" } as unknown as MeetingEvent,
});

async function open(meetings: string[]): Promise<Db> {
  const db = await openSqliteDatabase(path.join(h.tempDir(), "db.sqlite"));
  h.onCleanup(() => db.$disconnect());
  for (const id of meetings) await db.meeting.create({ data: { id, title: id } });
  return db;
}

it("appends of many meetings at once all commit; a conflicting one fails alone, appending nothing", async () => {
  const ids = Array.from({ length: 20 }, (_, i) => `m${i}`);
  const db = await open(ids);
  const store = sqliteEventStore(db);
  await store.append("m0", [event(1)]);
  const results = await Promise.allSettled([
    ...ids.map((id) => store.append(id, id === "m0" ? [event(2), event(3)] : [event(1)])),
    store.append("m0", [event(4), event(1)]), // seq 1 is taken: neither 4 nor 1 may land
  ]);
  expect(results.map((r) => r.status)).toEqual([...ids.map(() => "fulfilled"), "rejected"]);
  expect((await store.load("m0")).map((e) => e.seq)).toEqual([1, 2, 3]);
  for (const id of ids.slice(1)) expect(await store.load(id)).toEqual([event(1)]);
  // Prisma reads the rows back alike (the DateTime text it writes itself).
  expect((await db.meetingEvent.findFirst({ where: { meetingId: "m1" } }))?.at.getTime()).toBe(event(1).at);
});

it("an append waits for an open interactive transaction and does not roll back with it", async () => {
  const db = await open(["m"]);
  const store = sqliteEventStore(db);
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
