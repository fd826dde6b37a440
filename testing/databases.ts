// The two databases the server runs on, for tests that run the same cases against both
// (`describe.each(DATABASE_KINDS)`): a fresh SQLite file, or a fresh schema of the real
// PostgreSQL (testing/postgres.ts); either is closed (and the schema dropped) by `h.cleanup()`.
import path from "node:path";
import type pg from "pg";
import type { DatabaseConfig, Db } from "../server/src/db/database.ts";
import { openPgDatabase } from "../server/src/db/pgDatabase.ts";
import { openSqliteDatabase } from "../server/src/db/sqliteDatabase.ts";
import { freshSchema, PG_TEST_URL } from "./postgres.ts";
import type { Harness } from "./server/harness.ts";

export const DATABASE_KINDS = ["sqlite", "postgresql"] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export type TestDatabase = { kind: "sqlite"; db: Db } | { kind: "postgresql"; db: Db; pool: pg.Pool; url: string };

/** A migrated, empty database of this kind. */
export async function openTestDatabase(kind: DatabaseKind, h: Harness): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const db = await openSqliteDatabase(path.join(h.tempDir(), "db.sqlite"));
    h.onCleanup(() => db.$disconnect());
    return { kind, db };
  }
  const schema = await freshSchema();
  const url = `${PG_TEST_URL}?schema=${schema.name}`;
  const { db, pool, close } = await openPgDatabase(url);
  h.onCleanup(async () => {
    await close();
    await schema.drop();
  });
  return { kind, db, pool, url };
}

/** The SQLite file of a server's configuration, for the tests that read it directly (they run on SQLite only). */
export function sqliteFile(config: DatabaseConfig): string {
  if (config.kind !== "sqlite") throw new Error("this test reads the SQLite file directly: it runs on SQLite only");
  return config.file;
}

/** Every row of every table of the database, through the server's own connection (either database). */
export async function allRows(db: Db, kind: DatabaseConfig["kind"]): Promise<{ table: string; row: Record<string, unknown> }[]> {
  const tables =
    kind === "sqlite"
      ? await db.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type = 'table'`
      : await db.$queryRaw<{ name: string }[]>`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema()`;
  const rows: { table: string; row: Record<string, unknown> }[] = [];
  for (const { name } of tables)
    for (const row of await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`)) rows.push({ table: name, row });
  return rows;
}
