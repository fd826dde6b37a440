// The online backup (`npm run backup`, docs/operations.md "Backups and restore"), safe while the
// server runs: the database (SQLite's backup API, or pg_dump), the data folder's uploads and
// attachments, the recordings and the token secret (it opens PostgreSQL's sealed ballots and keeps
// the join links valid: docs/ballot-secrecy.md) are staged beside the backups folder, described in
// manifest.json and written as one tar.gz (600) into the backups folder (700); then the oldest
// archives beyond YST_BACKUP_KEEP are deleted.
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config/config.ts";
import { pruneArchives, archiveName } from "./retention.ts";
import { writeArchive } from "./archiveFile.ts";
import type { BackupConfig } from "./backupConfig.ts";
import {
  appVersion,
  DATA_DIR,
  DATA_FOLDERS,
  DATABASE_DIR,
  describeFiles,
  MANIFEST_FILE,
  RECORDINGS_DIR,
  TOKEN_SECRET_FILE,
  type Manifest,
} from "./manifest.ts";
import { appliedPgMigrations, dumpPg } from "./pgDump.ts";
import { copySqlite } from "./sqliteCopy.ts";

export interface BackupResult {
  archive: string;
  manifest: Manifest;
  /** Archives deleted by retention. */
  pruned: string[];
}

/** A folder created 700, or an existing one narrowed to its owner. */
export function privateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/**
 * Copies the regular files under `from` into `to` (folders 700, files 600). A file deleted while
 * it is copied is skipped; one being written is copied as it is then (a recording still being
 * recorded is finished into a new file by the server, never rewritten in place).
 */
export function copyTree(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  privateFolder(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target);
    else if (entry.isFile()) {
      try {
        fs.copyFileSync(source, target);
        fs.chmodSync(target, 0o600);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
}

export async function takeBackup(config: Config, backups: BackupConfig, now = new Date()): Promise<BackupResult> {
  privateFolder(backups.dir);
  const stage = fs.mkdtempSync(path.join(backups.dir, ".staging-"));
  fs.chmodSync(stage, 0o700);
  try {
    privateFolder(path.join(stage, DATABASE_DIR));
    let database: Manifest["database"];
    let schema: string[];
    if (config.database.kind === "sqlite") {
      const file = `${DATABASE_DIR}/yishiting.db`;
      schema = await copySqlite(config.database.file, path.join(stage, file));
      database = { kind: "sqlite", file };
    } else {
      const file = `${DATABASE_DIR}/yishiting.pgdump`;
      // The schema's migrations first: a server that migrated in between would show in the dump.
      schema = await appliedPgMigrations(config.database.url);
      const pgSchema = await dumpPg(config.database.url, path.join(stage, file));
      fs.chmodSync(path.join(stage, file), 0o600);
      database = { kind: "postgresql", file, schema: pgSchema };
    }

    privateFolder(path.join(stage, DATA_DIR));
    for (const folder of DATA_FOLDERS) copyTree(path.join(config.dataDir, folder), path.join(stage, DATA_DIR, folder));
    const secretFile = path.join(config.dataDir, TOKEN_SECRET_FILE);
    const secretInFile = fs.existsSync(secretFile);
    if (secretInFile) {
      fs.copyFileSync(secretFile, path.join(stage, DATA_DIR, TOKEN_SECRET_FILE));
      fs.chmodSync(path.join(stage, DATA_DIR, TOKEN_SECRET_FILE), 0o600);
    }
    copyTree(config.recordingsDir, path.join(stage, RECORDINGS_DIR));

    const manifest: Manifest = {
      format: 1,
      app: "yishiting",
      version: appVersion(),
      createdAt: now.toISOString(),
      database,
      schema,
      tokenSecret: config.tokenSecret ? "environment" : secretInFile ? "file" : "none",
      files: await describeFiles(stage),
    };
    fs.writeFileSync(path.join(stage, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });

    const archive = path.join(backups.dir, archiveName(now));
    const partial = `${archive}.partial`;
    fs.closeSync(fs.openSync(partial, "w", 0o600)); // owner-only before a byte is written
    try {
      await writeArchive(stage, partial);
      fs.chmodSync(partial, 0o600);
      fs.renameSync(partial, archive);
    } finally {
      fs.rmSync(partial, { force: true });
    }
    return { archive, manifest, pruned: pruneArchives(backups.dir, backups.keep) };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
