// Applies prisma/postgresql/migrations/*/migration.sql in order, with the same bookkeeping as the
// SQLite runner (migrate.ts): each recorded with its checksum in "_yst_migrations", an applied
// migration never edited. PostgreSQL's DDL is transactional, so each migration and its record are
// one transaction; a session advisory lock (per schema) makes nodes starting together migrate once.
// Works in the schema the connection's search_path names (docs/postgresql.md).
import path from "node:path";
import type pg from "pg";
import { pendingMigrations } from "./migrationFiles.ts";
import { refuseNewerDatabase } from "./newerDatabase.ts";

export const PG_MIGRATIONS_DIR = path.join(import.meta.dirname, "../../../prisma/postgresql/migrations");

/** The advisory lock's first key ("yst" in ASCII); the second is the schema's hashtext. */
const LOCK_KEY = 0x797374;

/** Runs every migration of `dir` not yet applied, on one connection (not a pool: the lock is the session's). Returns the names it ran. */
export async function applyPgMigrations(client: pg.ClientBase, dir = PG_MIGRATIONS_DIR): Promise<string[]> {
  const schema = (await client.query<{ schema: string | null }>(`SELECT current_schema() AS "schema"`)).rows[0]?.schema;
  if (!schema) throw new Error("PostgreSQL migrations: the connection's search_path names no existing schema");
  await client.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [LOCK_KEY, schema]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS "_yst_migrations" (
      "name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`);
    const rows = (await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_yst_migrations"`)).rows;
    const applied = new Map(rows.map((row) => [row.name, row.checksum]));
    refuseNewerDatabase(dir, applied.keys()); // a newer version's database: touch nothing
    const ran: string[] = [];
    for (const { name, sql, checksum } of pendingMigrations(dir, applied)) {
      await client.query("BEGIN");
      try {
        await client.query(sql); // the simple query protocol: several statements, no parameters
        await client.query(`INSERT INTO "_yst_migrations" ("name", "checksum", "appliedAt") VALUES ($1, $2, $3)`, [name, checksum, new Date().toISOString()]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      ran.push(name);
    }
    return ran;
  } finally {
    await client.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [LOCK_KEY, schema]);
  }
}
