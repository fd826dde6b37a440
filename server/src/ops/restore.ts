// `npm run restore -- <archive> [--force]` (docs/operations.md "Backups and restore"): with the
// server stopped, puts a backup archive's database, files, recordings and token secret back.
// Before changing anything it refuses a running server, an archive whose checksums or manifest do
// not hold, one from a newer version (migrations this build does not know), one of the other
// database kind, and a target that already holds data — unless --force, which moves the existing
// data aside (`<backups>/before-restore-<stamp>/`, PostgreSQL schema `<schema>_before_restore_<stamp>`)
// rather than deleting it. The restored folders are 700, the files 600; the next start migrates
// an older archive's database up to this build (the migration runners).
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config/config.ts";
import { splitSchema } from "../db/pgDatabase.ts";
import { MIGRATIONS_DIR } from "../db/migrate.ts";
import { PG_MIGRATIONS_DIR } from "../db/pgMigrate.ts";
import { unknownMigrations } from "../db/newerDatabase.ts";
import { extractArchive } from "./archiveFile.ts";
import { copyTree, privateFolder } from "./backup.ts";
import { DATA_DIR, DATA_FOLDERS, filesUnder, Manifest, MANIFEST_FILE, RECORDINGS_DIR, sha256File, TOKEN_SECRET_FILE } from "./manifest.ts";
import { OpsError } from "./opsError.ts";
import { pgAdmin, pgSchemaTables, quoteIdent, restorePg } from "./pgDump.ts";
import { localServerUrl, serverAnswers } from "./serverProbe.ts";

export interface RestoreOptions {
  force?: boolean;
  /**
   * Where the archive is extracted and --force moves the existing data: the backups folder
   * (YST_BACKUP_DIR), which the service's user may write — the data folder's parent
   * (/var/lib) may not be — and which is never inside the data folder.
   */
  workDir: string;
  /** When the restore happens (the moved-aside names' stamp). */
  now?: Date;
}

export interface RestoreResult {
  manifest: Manifest;
  /** Where --force moved the data that was there (folder and/or PostgreSQL schema). */
  movedAside: string[];
}

/** Entries of the data folder that are not data: made again at every start (embedded Janus's configuration). */
const REGENERATED = /^(janus(-edge-\d+)?|lost\+found)$/;

const stampOf = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

/** Reads and checks the extracted archive in `stage`: manifest, every file's size and SHA-256, nothing unlisted. */
export async function verifyStage(stage: string): Promise<Manifest> {
  const manifestFile = path.join(stage, MANIFEST_FILE);
  if (!fs.existsSync(manifestFile)) throw new OpsError("RESTORE_BAD_ARCHIVE", "no manifest.json");
  let manifest: Manifest;
  try {
    manifest = Manifest.parse(JSON.parse(fs.readFileSync(manifestFile, "utf8")));
  } catch (error) {
    throw new OpsError("RESTORE_BAD_ARCHIVE", `manifest.json: ${(error as Error).message.split("\n")[0]}`);
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const file of manifest.files) {
    const full = path.join(stage, file.path);
    if (!fs.existsSync(full)) throw new OpsError("RESTORE_CHECKSUM_MISMATCH", `missing: ${file.path}`);
    if (fs.statSync(full).size !== file.size || (await sha256File(full)) !== file.sha256) throw new OpsError("RESTORE_CHECKSUM_MISMATCH", file.path);
  }
  const extra = filesUnder(stage).filter((rel) => rel !== MANIFEST_FILE && !listed.has(rel));
  if (extra.length > 0) throw new OpsError("RESTORE_CHECKSUM_MISMATCH", `not in the manifest: ${extra.join(", ")}`);
  if (!listed.has(manifest.database.file)) throw new OpsError("RESTORE_BAD_ARCHIVE", "the manifest lists no database file");
  return manifest;
}

/** Whether the configured data folder, recordings folder or database holds anything. */
export async function targetHoldsData(config: Config): Promise<string[]> {
  const found: string[] = [];
  const nonEmpty = (dir: string, ignore?: RegExp) => fs.existsSync(dir) && fs.readdirSync(dir).some((name) => !ignore?.test(name));
  if (nonEmpty(config.dataDir, REGENERATED)) found.push(config.dataDir);
  if (!isInside(config.recordingsDir, config.dataDir) && nonEmpty(config.recordingsDir)) found.push(config.recordingsDir);
  if (config.database.kind === "sqlite") {
    const { file } = config.database;
    if (!isInside(file, config.dataDir) && fs.existsSync(file) && fs.statSync(file).size > 0) found.push(file);
  } else {
    const { tables } = await pgSchemaTables(config.database.url);
    if (tables > 0) found.push(`PostgreSQL schema ${splitSchema(config.database.url).schema}`);
  }
  return found;
}

const isInside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/** Moves a folder's entries (but those made again at start) into `aside`; returns whether anything moved. */
function moveEntries(dir: string, aside: string, ignore?: RegExp): boolean {
  if (!fs.existsSync(dir)) return false;
  const names = fs.readdirSync(dir).filter((name) => !ignore?.test(name));
  if (names.length === 0) return false;
  privateFolder(aside);
  for (const name of names) move(path.join(dir, name), path.join(aside, name));
  return true;
}

/** Renames `from` to `to`, or copies and deletes it across file systems. */
function move(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    fs.cpSync(from, to, { recursive: true, preserveTimestamps: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

export async function restoreBackup(config: Config, archive: string, options: RestoreOptions): Promise<RestoreResult> {
  const now = options.now ?? new Date();
  if (!fs.existsSync(archive) || !fs.statSync(archive).isFile()) throw new OpsError("RESTORE_ARCHIVE_MISSING", archive);
  const baseUrl = localServerUrl(config);
  if (await serverAnswers(baseUrl)) throw new OpsError("RESTORE_SERVER_RUNNING", baseUrl);

  privateFolder(options.workDir);
  const stage = fs.mkdtempSync(path.join(options.workDir, ".restore-"));
  fs.chmodSync(stage, 0o700);
  try {
    await extractArchive(archive, stage);
    const manifest = await verifyStage(stage);

    if (manifest.database.kind !== config.database.kind)
      throw new OpsError("RESTORE_DATABASE_KIND_MISMATCH", `${manifest.database.kind} → ${config.database.kind}`);
    const newer = unknownMigrations(manifest.database.kind === "sqlite" ? MIGRATIONS_DIR : PG_MIGRATIONS_DIR, manifest.schema);
    if (newer.length > 0) throw new OpsError("RESTORE_ARCHIVE_NEWER", `${manifest.version}: ${newer.join(", ")}`);
    if (manifest.database.kind === "postgresql" && config.database.kind === "postgresql") {
      const target = splitSchema(config.database.url).schema;
      if (target !== manifest.database.schema) throw new OpsError("RESTORE_SCHEMA_MISMATCH", `${manifest.database.schema} → ${target}`);
    }

    const occupied = await targetHoldsData(config);
    if (occupied.length > 0 && !options.force) throw new OpsError("RESTORE_TARGET_NOT_EMPTY", occupied.join(", "));

    // From here on the target changes: what is there goes aside first (only with --force can there be any).
    const movedAside: string[] = [];
    const aside = path.join(options.workDir, `before-restore-${stampOf(now)}`);
    if (moveEntries(config.dataDir, path.join(aside, "data"), REGENERATED)) movedAside.push(path.join(aside, "data"));
    if (!isInside(config.recordingsDir, config.dataDir) && moveEntries(config.recordingsDir, path.join(aside, "recordings")))
      movedAside.push(path.join(aside, "recordings"));

    if (config.database.kind === "sqlite") {
      const { file } = config.database;
      if (!isInside(file, config.dataDir))
        for (const suffix of ["", "-wal", "-shm", "-journal"])
          if (fs.existsSync(file + suffix)) {
            privateFolder(path.join(aside, "database"));
            move(file + suffix, path.join(aside, "database", path.basename(file) + suffix));
            if (suffix === "") movedAside.push(path.join(aside, "database", path.basename(file)));
          }
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const partial = `${file}.restoring`;
      fs.copyFileSync(path.join(stage, manifest.database.file), partial);
      fs.chmodSync(partial, 0o600);
      fs.renameSync(partial, file);
    } else if (config.database.kind === "postgresql") {
      const { url } = config.database;
      const schema = splitSchema(url).schema;
      const { exists, tables } = await pgSchemaTables(url);
      const admin = await pgAdmin(url);
      try {
        if (exists && tables > 0) {
          const asideSchema = `${schema}_before_restore_${stampOf(now).toLowerCase()}`;
          await admin.query(`ALTER SCHEMA ${quoteIdent(schema)} RENAME TO ${quoteIdent(asideSchema)}`);
          movedAside.push(`PostgreSQL schema ${asideSchema}`);
          if (schema === "public") await admin.query(`CREATE SCHEMA public`);
        } else if (exists && schema !== "public") await admin.query(`DROP SCHEMA ${quoteIdent(schema)}`); // empty: the dump creates it
      } finally {
        await admin.end();
      }
      await restorePg(url, path.join(stage, manifest.database.file));
    }

    privateFolder(config.dataDir);
    const data = path.join(stage, DATA_DIR);
    for (const folder of DATA_FOLDERS) copyTree(path.join(data, folder), path.join(config.dataDir, folder));
    if (fs.existsSync(path.join(data, TOKEN_SECRET_FILE))) {
      fs.copyFileSync(path.join(data, TOKEN_SECRET_FILE), path.join(config.dataDir, TOKEN_SECRET_FILE));
      fs.chmodSync(path.join(config.dataDir, TOKEN_SECRET_FILE), 0o600);
    }
    privateFolder(config.recordingsDir);
    copyTree(path.join(stage, RECORDINGS_DIR), config.recordingsDir);
    return { manifest, movedAside };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
