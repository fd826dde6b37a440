// The storage seam: `openDatabase` opens the configured backend and hands the server what it
// needs of it — the Prisma client every organisers' store uses, and the stores whose queries are
// the backend's own (the meetings' event log, the ballot box, the archive's full-text index).
// Everything above these stores is dialect-free: SQLite, the embedded default, and PostgreSQL for
// deployments with several nodes (docs/postgresql.md); docs/architecture.md "Storage".
import { SqliteArchiveStorage } from "../archive/sqliteArchiveStorage.ts";
import type pg from "pg";
import type { ArchiveStorage } from "../archive/archiveStorage.ts";
import { PgArchiveStorage } from "../archive/pgArchiveStorage.ts";
import { pgEventStore } from "../eventlog/pgEventStore.ts";
import { PgBallotStore } from "../polls/pgBallotStore.ts";
import { openPgDatabase } from "./pgDatabase.ts";
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

export interface PostgresDatabaseConfig {
  kind: "postgresql";
  /** postgresql://… with an optional `?schema=` (default public). Holds a password: never logged. */
  url: string;
  /** Connections in the node's pool (YST_PG_POOL_SIZE). */
  poolSize: number;
}

export type DatabaseConfig = SqliteDatabaseConfig | PostgresDatabaseConfig;

/** What the stores need besides the database. */
export interface StoreSecrets {
  /** Seals secret ballots while their poll is open on PostgreSQL (polls/pgBallotStore.ts); every node the same. */
  ballotSecret: Buffer;
}

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
  /** PostgreSQL's pool (the leases of several nodes use it); none on SQLite. */
  pool?: pg.Pool;
  stores: Stores;
  /** Closes the connection(s); the stores are unusable afterwards. */
  close(): Promise<void>;
}

/** Opens (and migrates) the configured database, with its stores. */
export async function openDatabase(config: DatabaseConfig, secrets: StoreSecrets): Promise<OpenDatabase> {
  if (config.kind === "postgresql") {
    const { db, pool, close } = await openPgDatabase(config.url, { poolSize: config.poolSize });
    return {
      kind: "postgresql",
      db,
      pool,
      stores: { events: pgEventStore(pool), ballots: new PgBallotStore(db, pool, secrets.ballotSecret), archive: new PgArchiveStorage(pool) },
      close,
    };
  }
  const db = await openSqliteDatabase(config.file, { synchronous: config.synchronous });
  return {
    kind: "sqlite",
    db,
    stores: { events: sqliteEventStore(db), ballots: new SqliteBallotStore(db), archive: new SqliteArchiveStorage(db) },
    close: () => db.$disconnect(),
  };
}

/** What the logs may say of the database: the SQLite file, or PostgreSQL's host, database and schema (never the password). */
export function databaseName(config: DatabaseConfig): string {
  if (config.kind === "sqlite") return config.file;
  const url = new URL(config.url);
  return `PostgreSQL ${url.host}${url.pathname}${url.searchParams.get("schema") ? ` schema ${url.searchParams.get("schema")}` : ""}`;
}
