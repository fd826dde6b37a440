// Applies prisma/migrations/*/migration.sql in order on start, recording each in a table, so a
// fresh or older database file is brought up to date without anyone running a command.
// (Our own runner: `prisma migrate deploy` needs the CLI at run time and does not work through
// the PostgreSQL adapter; see docs/configuration.md.)
import path from "node:path";
import type Database from "better-sqlite3";
import { pendingMigrations } from "./migrationFiles.ts";
import { refuseNewerDatabase } from "./newerDatabase.ts";

export const MIGRATIONS_DIR = path.join(import.meta.dirname, "../../../prisma/migrations");

export function applyMigrations(db: Database.Database, dir = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS "_yst_migrations" (
    "name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`);
  const applied = new Map(
    (db.prepare(`SELECT name, checksum FROM "_yst_migrations"`).all() as { name: string; checksum: string }[]).map((row) => [row.name, row.checksum]),
  );
  refuseNewerDatabase(dir, applied.keys()); // a newer version's database: touch nothing
  const ran: string[] = [];
  for (const { name, sql, checksum } of pendingMigrations(dir, applied)) {
    // Prisma's SQLite migrations redefine tables (create new, copy, drop old, rename), which
    // needs foreign keys off; the pragma is ignored inside a transaction, so set it around it.
    db.pragma("foreign_keys = OFF");
    try {
      db.transaction(() => {
        db.exec(sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${name} broke ${broken.length} foreign key(s)`);
        db.prepare(`INSERT INTO "_yst_migrations" (name, checksum, appliedAt) VALUES (?, ?, ?)`).run(name, checksum, new Date().toISOString());
      })();
    } finally {
      db.pragma("foreign_keys = ON");
    }
    ran.push(name);
  }
  return ran;
}
