// Opens the SQLite file: migrations first (raw better-sqlite3), then a Prisma client on the
// better-sqlite3 driver adapter for all queries.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations } from "./migrate.ts";

export type Db = PrismaClient;

export async function openDatabase(file: string): Promise<Db> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new Database(file);
  try {
    // WAL survives kill -9 of the process with every committed transaction intact.
    raw.pragma("journal_mode = WAL");
    applyMigrations(raw);
  } finally {
    raw.close();
  }
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  await prisma.$connect();
  // Deleted content is overwritten, not left in free pages: a secret poll's ballots are
  // rewritten after its close so the file keeps no trace of the order of voting (docs/ballot-secrecy.md).
  await prisma.$queryRawUnsafe("PRAGMA secure_delete = ON");
  return prisma;
}
