// The migration folders of one backend and which of them are still to run: the bookkeeping the
// SQLite runner (migrate.ts) and the PostgreSQL runner (pgMigrate.ts) share. Each folder holds a
// migration.sql; an applied migration is recorded with its checksum and may never be edited.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface PendingMigration {
  name: string;
  sql: string;
  checksum: string;
}

/** The migration folders in the order they are applied (name order). */
export function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The migrations of `dir` not in `applied` (name → checksum), in order; throws if an applied one was edited since. */
export function pendingMigrations(dir: string, applied: ReadonlyMap<string, string>): PendingMigration[] {
  const pending: PendingMigration[] = [];
  for (const name of migrationNames(dir)) {
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    const known = applied.get(name);
    if (known === undefined) pending.push({ name, sql, checksum });
    else if (known !== checksum) throw new Error(`Migration ${name} was changed after it was applied`);
  }
  return pending;
}
