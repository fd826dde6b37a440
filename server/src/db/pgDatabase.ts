// PostgreSQL for deployments with several nodes (docs/postgresql.md): migrations first (our own
// runner, on one connection), then one `pg.Pool` shared by the Prisma client (through
// @prisma/adapter-pg) and the stores whose SQL is PostgreSQL's own (event log, ballots, archive).
// Every connection works in the URL's schema (`?schema=`, default public) with TimeZone=UTC.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated-pg/client.ts";
import type { Db } from "./database.ts";
import { applyPgMigrations } from "./pgMigrate.ts";

export interface PgConnection {
  /** The Prisma client; the PostgreSQL client typed as the SQLite one (same models, same calls). */
  db: Db;
  /** The pool under it, for the stores' own SQL. Timestamps without time zone are read as UTC. */
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface PgOptions {
  /** Connections in the pool (YST_PG_POOL_SIZE). */
  poolSize?: number;
}

/** TIMESTAMP(3) columns hold UTC (Prisma writes them so): parse them as UTC, whatever the machine's zone. */
const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE && format !== "binary"
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** The URL without `schema=` (libpq does not know it) and the schema it named. */
export function splitSchema(url: string): { url: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") || "public";
  parsed.searchParams.delete("schema");
  return { url: parsed.toString(), schema };
}

export async function openPgDatabase(url: string, options: PgOptions = {}): Promise<PgConnection> {
  const { url: connectionString, schema } = splitSchema(url);
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    options: `-c search_path="${schema.replaceAll('"', '""')}" -c TimeZone=UTC`,
    types,
  });
  // A dropped idle connection is the pool's business; without a listener it would crash the process.
  pool.on("error", () => undefined);
  try {
    const client = await pool.connect();
    try {
      await applyPgMigrations(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema }) });
  await prisma.$connect();
  return {
    // The two generated clients have the same models and calls; only their nominal types differ.
    db: prisma as unknown as Db,
    pool,
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}
