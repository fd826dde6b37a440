// PostgreSQL's backup and restore through its own tools (pg_dump / pg_restore, the client of the
// server's major version or newer): one schema — the one YST_DATABASE_URL's `?schema=` names,
// default public — in the custom format, without owners or grants so it restores under another
// role. The password goes to the tools in PGPASSWORD, never on their command line (visible in ps).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { splitSchema } from "../db/pgDatabase.ts";
import { OpsError } from "./opsError.ts";

const run = promisify(execFile);

/** The tools' connection: the URL without its password and schema, the password in the environment. */
function connection(url: string): { dbUrl: string; schema: string; env: NodeJS.ProcessEnv } {
  const { url: plain, schema } = splitSchema(url);
  const parsed = new URL(plain);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbUrl: parsed.toString(), schema, env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** A client on the database (not the schema) of `url`. */
export async function pgAdmin(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: splitSchema(url).url });
  await client.connect();
  return client;
}

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The migrations the schema has applied, in order (none for an empty or missing schema). */
export async function appliedPgMigrations(url: string): Promise<string[]> {
  const { schema } = splitSchema(url);
  const client = await pgAdmin(url);
  try {
    const exists = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = '_yst_migrations'`, [schema]);
    if (exists.rowCount === 0) return [];
    const rows = await client.query<{ name: string }>(`SELECT "name" FROM ${quoteIdent(schema)}."_yst_migrations" ORDER BY "name"`);
    return rows.rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/** Writes the schema of `url` to `target` (pg_dump's custom format); returns the schema's name. */
export async function dumpPg(url: string, target: string): Promise<string> {
  const { dbUrl, schema, env } = connection(url);
  try {
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--schema=${schema}`, `--file=${target}`, `--dbname=${dbUrl}`], { env });
  } catch (error) {
    throw new OpsError("BACKUP_PG_DUMP_FAILED", (error as { stderr?: string }).stderr?.trim() || (error as Error).message);
  }
  return schema;
}

/** Whether the schema of `url` exists, and how many tables it has. */
export async function pgSchemaTables(url: string): Promise<{ exists: boolean; tables: number }> {
  const { schema } = splitSchema(url);
  const client = await pgAdmin(url);
  try {
    const exists = (await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema])).rowCount! > 0;
    const tables = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1`, [schema])).rows[0]!.n;
    return { exists, tables };
  } finally {
    await client.end();
  }
}

/**
 * Restores `dump` into the schema of `url`, which must then not exist (the dump creates it; the
 * public schema, which the dump does not create, must exist and be empty). One transaction.
 */
export async function restorePg(url: string, dump: string): Promise<void> {
  const { dbUrl, env } = connection(url);
  try {
    await run("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${dbUrl}`, dump], { env });
  } catch (error) {
    throw new OpsError("RESTORE_PG_RESTORE_FAILED", (error as { stderr?: string }).stderr?.trim() || (error as Error).message);
  }
}
