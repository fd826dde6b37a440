// The data folder holds password hashes, phone numbers, check-in and token secrets, uploads and
// recordings: owner-only (folders 700, files 600) whatever the umask, and narrowed at every start
// for a folder an older version left 755/644.
import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config.ts";

type Log = (message: string, error?: unknown) => void;

/** Takes away group and other permissions from an existing file or folder; a missing one is fine. */
function narrow(file: string, log: Log): void {
  try {
    const mode = fs.statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) fs.chmodSync(file, mode & 0o700);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    // Owned by another user, or a file system without modes: say so, and start anyway.
    log(`cannot restrict ${file} to its owner`, error);
  }
}

/** Creates `dir` (and missing parents) 700, or narrows it to its owner. */
function privateDir(dir: string, log: Log): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  narrow(dir, log);
}

/**
 * Before the database opens: the data and recordings folders 700, the database file created 600
 * (SQLite creates its -wal and -shm with the database file's mode) and existing ones narrowed.
 * The database's own folder, if configured elsewhere (YST_DATABASE_FILE), is created 700 but an
 * existing one left alone: it may hold other things. The recordings folder of an external Janus
 * is shared with Janus's user (docs/configuration.md): left as it is.
 */
export function protectDataDir(config: Pick<Config, "dataDir" | "database" | "recordingsDir" | "media">, log: Log): void {
  privateDir(config.dataDir, log);
  if (config.media.mode !== "external") privateDir(config.recordingsDir, log);
  if (config.database.kind !== "sqlite") return;
  const { file } = config.database;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) narrow(file + suffix, log);
}
