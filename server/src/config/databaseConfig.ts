// Which database the server uses (docs/configuration.md "Data"): YST_DATABASE_URL, else the
// SQLite file YST_DATABASE_FILE (default `$YST_DATA_DIR/yishiting.db`). Only SQLite exists so
// far; a PostgreSQL URL is refused at start with a message saying so, never silently ignored.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseConfig, Synchronous } from "../db/database.ts";

export function loadDatabaseConfig(env: NodeJS.ProcessEnv, dataDir: string): DatabaseConfig {
  const synchronous = sqliteSynchronous(env.YST_SQLITE_SYNCHRONOUS ?? "normal");
  const url = env.YST_DATABASE_URL?.trim();
  if (!url) return { kind: "sqlite", file: path.resolve(env.YST_DATABASE_FILE ?? path.join(dataDir, "yishiting.db")), synchronous };
  // The scheme only: the rest of a URL may hold a password, which must not reach the logs.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "postgres" || scheme === "postgresql") {
    throw new Error(
      "YST_DATABASE_URL is a PostgreSQL URL, but this version of Yishiting stores its data in SQLite only (PostgreSQL support is not finished). " +
        "Unset YST_DATABASE_URL to use the SQLite file in YST_DATA_DIR (or set YST_DATABASE_FILE).",
    );
  }
  if (scheme !== "file")
    throw new Error(`YST_DATABASE_URL must be a file: URL of the SQLite file (file:/srv/yishiting/yishiting.db), got a ${scheme ?? "schemeless"} URL`);
  if (env.YST_DATABASE_FILE) throw new Error("Set YST_DATABASE_URL or YST_DATABASE_FILE, not both");
  const file = url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
  if (!file) throw new Error("YST_DATABASE_URL=file: needs the SQLite file's path (file:/srv/yishiting/yishiting.db)");
  return { kind: "sqlite", file: path.resolve(file), synchronous };
}

function sqliteSynchronous(value: string): Synchronous {
  if (value !== "normal" && value !== "full") throw new Error(`YST_SQLITE_SYNCHRONOUS must be normal or full, got ${value}`);
  return value;
}
