// An upgrade from the previous release's database (issue 28): a database at the previous
// release's schema — every migration before the ones added since (FIRST_SINCE_PREVIOUS_RELEASE),
// holding a real meeting's rows (a staff account, the meeting, its roster, its event log with
// speeches) — is opened by the current server, which migrates it and keeps every row: the same
// event log in the same order, the same meeting and people, the account still logs in. The rows
// come from a meeting run on the current server, copied column by column into the older schema.
// On SQLite and on PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "../../../testing/databases.ts";
import { connectTo, freshSchema, PG_TEST_URL, withSchema } from "../../../testing/postgres.ts";
import { ApiClient, STAFF_PASSWORD, staffClient } from "../../../testing/server/api.ts";
import { Harness, openMeeting, persisted } from "../../../testing/server/harness.ts";
import { applyMigrations, MIGRATIONS_DIR } from "./migrate.ts";
import { migrationNames } from "./migrationFiles.ts";
import { applyPgMigrations, PG_MIGRATIONS_DIR } from "./pgMigrate.ts";

const h = new Harness();
afterEach(() => h.cleanup());

/** The first migration of the current release: the previous release's databases have every one before it. */
const FIRST_SINCE_PREVIOUS_RELEASE = "20261226000000_command_ids";

/** A folder holding only the previous release's migrations of `dir`. */
function previousMigrations(dir: string): string {
  const old = h.tempDir();
  for (const name of migrationNames(dir).filter((n) => n < FIRST_SINCE_PREVIOUS_RELEASE))
    fs.cpSync(path.join(dir, name), path.join(old, name), { recursive: true });
  return old;
}

describe.each(DATABASE_KINDS)("the previous release's database on %s", (kind) => {
  it("is migrated by the current server, which keeps the meeting, its event log and the accounts", async () => {
    // The rows: a meeting run on the current server.
    const sourceEnv = kind === "postgresql" ? await schemaEnv() : {};
    const source = await h.startServer({ env: sourceEnv });
    await staffClient(source.server, source.url, "secretariat", "organiser");
    const meeting = await h.createMeeting(source.server, "上一版本的会议");
    await openMeeting(source.server, meeting);
    const room = await source.server.rooms.get(meeting.meetingId);
    for (const [who, command] of [
      [meeting.people.member1, { type: "queue.request" }],
      [meeting.people.member2, { type: "queue.request" }],
      [meeting.people.chair, { type: "floor.give" }],
      [meeting.people.chair, { type: "floor.give" }],
      [meeting.people.member2, { type: "floor.end" }],
    ] as const)
      expect((await room.submit({ participantId: who.id, role: who.role }, command)).ok).toBe(true);
    const before = await persisted(source.server, meeting.meetingId);
    const participantsBefore = await source.server.db.participant.findMany({ orderBy: { id: "asc" } });
    await source.close();

    // The previous release's database, holding those rows.
    const targetDir = h.tempDir();
    let targetEnv: Record<string, string> = {};
    let oldNames: string[];
    if (kind === "sqlite") {
      const oldDir = previousMigrations(MIGRATIONS_DIR);
      oldNames = migrationNames(oldDir);
      const db = new Database(path.join(targetDir, "yishiting.db"));
      expect(applyMigrations(db, oldDir)).toEqual(oldNames);
      db.exec(`ATTACH DATABASE '${path.join(source.dataDir, "yishiting.db")}' AS src`);
      db.pragma("foreign_keys = OFF");
      // Plain tables only: the archive's full-text table (virtual, with its shadow tables) is rebuilt on start.
      for (const { name } of db
        .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'`)
        .all() as { name: string }[]) {
        const sourceColumns = new Set((db.prepare(`SELECT name FROM pragma_table_info(?, 'src')`).all(name) as { name: string }[]).map((c) => c.name));
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(name) as { name: string }[])
          .map((c) => c.name)
          .filter((c) => sourceColumns.has(c));
        if (columns.length === 0) continue;
        const list = columns.map((c) => `"${c}"`).join(", ");
        db.exec(`INSERT INTO main."${name}" (${list}) SELECT ${list} FROM src."${name}"`);
      }
      db.exec("DETACH DATABASE src");
      db.close();
    } else {
      const oldDir = previousMigrations(PG_MIGRATIONS_DIR);
      oldNames = migrationNames(oldDir);
      targetEnv = await schemaEnv();
      const target = new URL(targetEnv.YST_DATABASE_URL!).searchParams.get("schema")!;
      const sourceSchema = new URL(sourceEnv.YST_DATABASE_URL!).searchParams.get("schema")!;
      const client = await connectTo(target);
      try {
        expect(await applyPgMigrations(client, oldDir)).toEqual(oldNames);
        await client.query("SET session_replication_role = replica"); // foreign keys checked by the source already
        const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND tablename NOT LIKE '\\_%'`, [
          target,
        ]);
        for (const { name } of tables.rows) {
          const columns = await client.query<{ name: string }>(
            `SELECT column_name::text AS name FROM information_schema.columns t WHERE table_schema = $1 AND table_name = $3
               AND EXISTS (SELECT 1 FROM information_schema.columns s WHERE s.table_schema = $2 AND s.table_name = $3 AND s.column_name = t.column_name)
             ORDER BY ordinal_position`,
            [target, sourceSchema, name],
          );
          const list = columns.rows.map((c) => `"${c.name}"`).join(", ");
          await client.query(`INSERT INTO "${target}"."${name}" (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM "${sourceSchema}"."${name}"`);
        }
      } finally {
        await client.end();
      }
    }
    expect(oldNames.length).toBeGreaterThan(0);
    expect(oldNames.at(-1)! < FIRST_SINCE_PREVIOUS_RELEASE).toBe(true);

    // The current server opens it: migrates, and everything is there.
    const upgraded = await h.startServer({ dataDir: targetDir, env: targetEnv });
    const applied = await upgraded.server.db.$queryRaw<{ name: string }[]>`SELECT "name" FROM "_yst_migrations" ORDER BY "name"`;
    expect(applied.map((row) => row.name)).toEqual(migrationNames(kind === "sqlite" ? MIGRATIONS_DIR : PG_MIGRATIONS_DIR));
    expect(applied.length).toBeGreaterThan(oldNames.length);
    const after = await persisted(upgraded.server, meeting.meetingId);
    expect(after.events).toEqual(before.events);
    expect(after.state).toEqual(before.state);
    expect(after.state.speeches.map((s) => s.participantId)).toEqual([meeting.people.member1.id, meeting.people.member2.id]);
    expect((await upgraded.server.meetings.get(meeting.meetingId))?.title).toBe("上一版本的会议");
    expect(await upgraded.server.db.participant.findMany({ orderBy: { id: "asc" } })).toEqual(participantsBefore);
    expect((await new ApiClient(upgraded.url).login("secretariat", STAFF_PASSWORD)).status).toBe(200);
    // The meeting goes on after the upgrade.
    const next = await (
      await upgraded.server.rooms.get(meeting.meetingId)
    ).submit({ participantId: meeting.people.member1.id, role: "member" }, { type: "queue.request" });
    expect(next.ok).toBe(true);
  }, 60_000);
});

/** A fresh PostgreSQL schema for a server (dropped after the servers close). */
async function schemaEnv(): Promise<Record<string, string>> {
  const schema = await freshSchema();
  h.afterServers(schema.drop);
  return { YST_DATABASE_URL: withSchema(PG_TEST_URL, schema.name) };
}
