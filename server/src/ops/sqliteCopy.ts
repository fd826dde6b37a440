// The SQLite database copied while the server runs: SQLite's online backup API on a connection of
// its own to the same file (better-sqlite3's `backup()`), which reads a consistent snapshot page by
// page and never blocks the server's writers for long; committed transactions still in the WAL
// are included. The copy is a single file (no -wal), in rollback-journal mode.
import fs from "node:fs";
import Database from "better-sqlite3";
import { OpsError } from "./opsError.ts";

/** The most pages better-sqlite3 lets one backup step copy (it clamps a negative count to 0). */
const ALL_PAGES = 0x7fffffff;

/** Copies the live database `file` to `target` (600); returns the migrations the copy has applied. */
export async function copySqlite(file: string, target: string): Promise<string[]> {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) throw new OpsError("BACKUP_DATABASE_MISSING", file);
  const source = new Database(file, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 10000");
    // After the first step (which only counts the pages) everything goes in one step: a backup
    // copied in several steps starts over whenever the server commits in between, which a busy
    // meeting does every few milliseconds. Asking for the pages that remained is not enough: the
    // database grows with each commit, that step ends a few pages short, and the next one starts
    // over again, for ever. In WAL mode one step is a read transaction, which never blocks the
    // server's writers.
    await source.backup(target, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  fs.chmodSync(target, 0o600);
  const copy = new Database(target);
  try {
    copy.pragma("journal_mode = DELETE");
    return appliedSqliteMigrations(copy);
  } finally {
    copy.close();
  }
}

/** The migrations a SQLite database has applied, in order (none for a file never migrated). */
export function appliedSqliteMigrations(db: Database.Database): string[] {
  const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_yst_migrations'`).get();
  if (!table) return [];
  return (db.prepare(`SELECT name FROM "_yst_migrations" ORDER BY name`).all() as { name: string }[]).map((row) => row.name);
}
