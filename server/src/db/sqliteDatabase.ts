// The embedded default: opens the SQLite file, migrations first (raw better-sqlite3), then a
// Prisma client on the better-sqlite3 driver adapter for all queries. The event log, the ballot
// box and the archive share that one connection (eventlog/sqliteEventStore.ts,
// polls/sqliteBallotStore.ts, archive/sqliteArchiveStorage.ts): `sqliteConnection` hands it over.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.ts";
import type { Db } from "./database.ts";
import { applyMigrations } from "./migrate.ts";

/**
 * `normal`: a commit reaches the WAL file (the OS) before it returns, so `kill -9` of the process
 * loses nothing committed; only an OS crash or power loss may lose the last commits. `full`:
 * also fsync on every commit (survives power loss, costs a disk flush per commit).
 */
export type Synchronous = "normal" | "full";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/** Prisma's connection of each open database: the raw handle and the adapter that serialises transactions. */
export interface SqliteConnection {
  raw: Database.Database;
  adapter: Adapter;
}

const connections = new WeakMap<Db, SqliteConnection>();

/** The connection under `db` (for hot paths that cannot afford Prisma's per-query cost). */
export function sqliteConnection(db: Db): SqliteConnection {
  const connection = connections.get(db);
  if (!connection) throw new Error("not a database opened by openSqliteDatabase");
  return connection;
}

/**
 * Runs `work` (synchronous statements on the raw connection) as one transaction under the
 * adapter's transaction lock: it never lands inside a Prisma interactive transaction, and the
 * lock is held only for the synchronous work, never across an await (unlike `db.$transaction`
 * with awaited queries, which holds every meeting's event-log commits back meanwhile).
 */
export async function writeLocked<T>(db: Db, work: (raw: Database.Database) => T): Promise<T> {
  const { raw, adapter } = sqliteConnection(db);
  const tx = await adapter.startTransaction(); // the adapter's lock, then BEGIN
  try {
    const result = work(raw);
    raw.exec("COMMIT");
    return result;
  } catch (error) {
    if (raw.inTransaction) raw.exec("ROLLBACK");
    throw error;
  } finally {
    await tx.commit(); // only releases the lock: COMMIT or ROLLBACK ran above
  }
}

/** The text Prisma's adapter stores for a DateTime ("2026-05-02T08:30:00.000+00:00"), so Prisma reads raw-written rows back alike. */
export function prismaDateTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

export async function openSqliteDatabase(file: string, options: { synchronous?: Synchronous } = {}): Promise<Db> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new Database(file);
  try {
    // WAL survives kill -9 of the process with every committed transaction intact.
    raw.pragma("journal_mode = WAL");
    applyMigrations(raw);
  } finally {
    raw.close();
  }
  const factory = new PrismaBetterSQLite3({ url: `file:${file}` });
  let connection: SqliteConnection | undefined;
  const prisma = new PrismaClient({
    adapter: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      async connect() {
        const adapter = await factory.connect();
        // The adapter keeps its better-sqlite3 handle as `client` (adapter-better-sqlite3 6.19).
        const raw = (adapter as unknown as { client?: unknown }).client;
        if (!(raw instanceof Database)) throw new Error("@prisma/adapter-better-sqlite3 no longer exposes its connection");
        connection = { raw, adapter };
        return adapter;
      },
    },
  });
  await prisma.$connect();
  if (!connection) throw new Error("Prisma did not open its connection");
  connections.set(prisma, connection);
  // Explicit, whatever the build's default (better-sqlite3 builds with NORMAL for WAL).
  connection.raw.pragma(`synchronous = ${options.synchronous === "full" ? "FULL" : "NORMAL"}`);
  // Deleted content is overwritten, not left in free pages: a secret poll's ballots are
  // rewritten after its close so the file keeps no trace of the order of voting (docs/ballot-secrecy.md).
  await prisma.$queryRawUnsafe("PRAGMA secure_delete = ON");
  return prisma;
}
