// The storage seam: `openDatabase` opens the configured backend and hands the server what it
// needs of it — the Prisma client every organisers' store uses, and the stores whose queries are
// the backend's own (the meetings' event log, the ballot box, the archive's full-text index).
// Everything above these stores is dialect-free. Only SQLite exists so far (config/databaseConfig.ts
// refuses a PostgreSQL URL); docs/architecture.md "Storage".
import { SqliteArchiveStorage } from "../archive/sqliteArchiveStorage.ts";
import type { ArchiveStorage } from "../archive/archiveStorage.ts";
import type { EventStore } from "../eventlog/eventStore.ts";
import { sqliteEventStore } from "../eventlog/sqliteEventStore.ts";
import type { BallotStore } from "../polls/ballotStore.ts";
import { SqliteBallotStore } from "../polls/sqliteBallotStore.ts";
import type { PrismaClient } from "./generated/client.ts";
import { openSqliteDatabase, type Synchronous } from "./sqliteDatabase.ts";

/** The Prisma client of every backend (model calls and tagged `$queryRaw` run unchanged on each). */
export type Db = PrismaClient;

export type { Synchronous } from "./sqliteDatabase.ts";

/** Which database, from YST_DATABASE_URL / YST_DATABASE_FILE (config/databaseConfig.ts). */
export interface SqliteDatabaseConfig {
  kind: "sqlite";
  /** The SQLite file. */
  file: string;
  /** SQLite `synchronous`: normal survives kill -9, full also power loss. */
  synchronous: Synchronous;
}

export type DatabaseConfig = SqliteDatabaseConfig;

/** The stores whose SQL is the backend's own; each has one implementation per backend. */
export interface Stores {
  /** The meetings' append-only event log. */
  events: EventStore;
  /** The ballot box's PollVoter and PollBallot tables. */
  ballots: BallotStore;
  /** The archive's full-text index rows. */
  archive: ArchiveStorage;
}

export interface OpenDatabase {
  kind: DatabaseConfig["kind"];
  db: Db;
  stores: Stores;
  /** Closes the connection(s); the stores are unusable afterwards. */
  close(): Promise<void>;
}

/** Opens (and migrates) the configured database, with its stores. */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  const db = await openSqliteDatabase(config.file, { synchronous: config.synchronous });
  return {
    kind: "sqlite",
    db,
    stores: { events: sqliteEventStore(db), ballots: new SqliteBallotStore(db), archive: new SqliteArchiveStorage(db) },
    close: () => db.$disconnect(),
  };
}
