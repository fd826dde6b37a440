// The start-up catch-up (the ledger following the records, the archive's search index) with several
// nodes on one database (real PostgreSQL schema, real Redis stream, real servers in this process):
// nodes starting together do not each redo it — every stale meeting is caught up by one of them.
import pg from "pg";
import { afterEach, expect, it } from "vitest";
import { Harness } from "../../../testing/server/harness.ts";
import { testCluster } from "../../../testing/server/cluster.ts";
import { splitSchema } from "../db/pgDatabase.ts";

const h = new Harness();
afterEach(() => h.cleanup());

/** Enough meetings that one node's catch-up is still under way when the other node starts its own. */
const MEETINGS = 40;

it("two nodes starting together catch each stale meeting up once between them", async () => {
  const cluster = await testCluster(h);
  const first = await cluster.start("first");
  const meetingIds: string[] = [];
  for (let i = 0; i < MEETINGS; i++) meetingIds.push((await h.createMeeting(first.server, `第${i + 1}次协商会`, { open: true })).meetingId);
  await first.close();

  // As after an upgrade or a crash: no meeting's search index or ledger sync is current.
  const { url, schema } = splitSchema(cluster.env.YST_DATABASE_URL!);
  const client = new pg.Client({ connectionString: url, options: `-c search_path="${schema}"` });
  await client.connect();
  try {
    await client.query(`DELETE FROM "ArchiveIndexState"`);
    await client.query(`DELETE FROM "LedgerSyncState"`);
  } finally {
    await client.end();
  }

  const [a, b] = await Promise.all([cluster.start("a"), cluster.start("b")]);
  for (const job of ["ledger", "archive"] as const) {
    const onA = await a.server.caughtUp[job];
    const onB = await b.server.caughtUp[job];
    // Every meeting once: by whichever node got to it, the other leaving it the work.
    expect([...onA!, ...onB!].sort(), job).toEqual([...meetingIds].sort());
    expect(Math.min(onA!.length, onB!.length), job).toBe(0);
  }
  expect(await a.server.db.archiveIndexState.count()).toBe(MEETINGS);
  expect(await a.server.db.ledgerSyncState.count()).toBe(MEETINGS);
});
