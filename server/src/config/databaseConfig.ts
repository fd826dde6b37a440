// Which database the server uses (docs/configuration.md "Data"): YST_DATABASE_URL (or
// DATABASE_URL, the name most hosting sets), else the SQLite file YST_DATABASE_FILE (default
// `$YST_DATA_DIR/yishiting.db`). A postgresql:// URL selects PostgreSQL (docs/postgresql.md).
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseConfig, Synchronous } from "../db/database.ts";

export function loadDatabaseConfig(env: NodeJS.ProcessEnv, dataDir: string): DatabaseConfig {
  const synchronous = sqliteSynchronous(env.YST_SQLITE_SYNCHRONOUS ?? "normal");
  const url = databaseUrl(env);
  if (!url) return { kind: "sqlite", file: path.resolve(env.YST_DATABASE_FILE ?? path.join(dataDir, "yishiting.db")), synchronous };
  // The scheme only: the rest of a URL may hold a password, which must not reach the logs.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "postgres" || scheme === "postgresql") {
    if (env.YST_DATABASE_FILE) throw new Error("Set YST_DATABASE_URL or YST_DATABASE_FILE, not both");
    return { kind: "postgresql", url, poolSize: poolSize(env.YST_PG_POOL_SIZE ?? "10") };
  }
  if (scheme !== "file")
    throw new Error(
      `YST_DATABASE_URL must be a postgresql:// URL or a file: URL of the SQLite file (file:/srv/yishiting/yishiting.db), got a ${scheme ?? "schemeless"} URL`,
    );
  if (env.YST_DATABASE_FILE) throw new Error("Set YST_DATABASE_URL or YST_DATABASE_FILE, not both");
  const file = url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
  if (!file) throw new Error("YST_DATABASE_URL=file: needs the SQLite file's path (file:/srv/yishiting/yishiting.db)");
  return { kind: "sqlite", file: path.resolve(file), synchronous };
}

function sqliteSynchronous(value: string): Synchronous {
  if (value !== "normal" && value !== "full") throw new Error(`YST_SQLITE_SYNCHRONOUS must be normal or full, got ${value}`);
  return value;
}

/** YST_DATABASE_URL, else DATABASE_URL; two different ones are refused (which one was meant?). */
function databaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const ours = env.YST_DATABASE_URL?.trim();
  const generic = env.DATABASE_URL?.trim();
  if (ours && generic && ours !== generic) throw new Error("YST_DATABASE_URL and DATABASE_URL are both set and differ: set one");
  return ours || generic || undefined;
}

function poolSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2 || n > 200) throw new Error(`YST_PG_POOL_SIZE must be a whole number from 2 to 200, got ${value}`);
  return n;
}
