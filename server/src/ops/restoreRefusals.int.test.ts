// What the backup and restore commands refuse, and what retention keeps: nothing is changed by a
// refused restore (a running server, a target that holds data without --force, a damaged or
// tampered archive, one from a newer version, one with a link in it), and --force moves the
// existing data aside rather than deleting it. On SQLite (integration) and PostgreSQL (integration-pg).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../config/config.ts";
import { Harness, type TestServer } from "../../../testing/server/harness.ts";
import { runScript } from "../../../testing/server/opsCommands.ts";
import { takeBackup } from "./backup.ts";
import { loadBackupConfig } from "./backupConfig.ts";
import { MANIFEST_FILE, type Manifest } from "./manifest.ts";
import { OpsError } from "./opsError.ts";
import { restoreBackup } from "./restore.ts";
import { pgAdmin, quoteIdent } from "./pgDump.ts";
import { PG_TEST_URL } from "../../../testing/postgres.ts";
import { archivesIn } from "./retention.ts";

const h = new Harness();
afterEach(() => h.cleanup());

/** A server with a meeting in its data, and a backup of it. */
async function backedUp(): Promise<{ srv: TestServer; archive: string; backupDir: string }> {
  const srv = await h.startServer({ secret: "" });
  await h.createMeeting(srv.server, "备份拒绝测试", { open: true });
  const backupDir = h.tempDir();
  const { archive } = await takeBackup(srv.config, { dir: backupDir, keep: 5 });
  return { srv, archive, backupDir };
}

/** The configuration of the service over `dataDir` with the database the harness gives that folder. */
async function configOver(dataDir: string, port: number): Promise<Config> {
  return loadConfig({ PORT: String(port), HOST: "127.0.0.1", YST_DATA_DIR: dataDir, ...(await h.databaseEnv(dataDir)) });
}

/** Rewrites `archive` after `edit` changed its extracted contents. */
function repack(archive: string, edit: (dir: string) => void): string {
  const dir = h.tempDir();
  execFileSync("tar", ["-xzf", archive, "-C", dir]);
  edit(dir);
  const out = path.join(h.tempDir(), "edited.tar.gz");
  execFileSync("tar", ["-czf", out, "-C", dir, "."]);
  return out;
}

const refusal = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OpsError);
  return (error as OpsError).code;
};

describe("restore refuses", () => {
  it("while a server answers on the configured port, and into a target that holds data unless --force (which moves it aside)", async () => {
    const { srv, archive, backupDir } = await backedUp();
    expect(await refusal(restoreBackup({ ...srv.config, port: srv.port }, archive, { workDir: backupDir }))).toBe("RESTORE_SERVER_RUNNING");
    // Through the command: the code and both languages, a non-zero exit.
    const env = { PORT: String(srv.port), HOST: "127.0.0.1", YST_DATA_DIR: srv.dataDir, YST_BACKUP_DIR: backupDir, ...srv.databaseEnv };
    const run = await runScript("server/src/ops/restoreCommand.ts", [archive], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/RESTORE_SERVER_RUNNING\n\s+服务器正在运行[^\n]*\n\s+A server answers/);
    await srv.close();
    const before = fs.readdirSync(srv.dataDir).sort();

    const config = await configOver(srv.dataDir, srv.port);
    expect(await refusal(restoreBackup(config, archive, { workDir: backupDir }))).toBe("RESTORE_TARGET_NOT_EMPTY");
    expect(fs.readdirSync(srv.dataDir).sort()).toEqual(before);
    const usage = await runScript("server/src/ops/restoreCommand.ts", [], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/RESTORE_USAGE/);

    const now = new Date("2026-12-07T08:00:00Z");
    const { movedAside } = await restoreBackup(config, archive, { force: true, now, workDir: backupDir });
    const aside = path.join(backupDir, "before-restore-20261207T080000Z");
    expect(movedAside[0]).toBe(path.join(aside, "data"));
    expect(fs.readdirSync(path.join(aside, "data")).sort()).toEqual(before);
    if (config.database.kind === "postgresql") {
      expect(movedAside[1]).toMatch(/^PostgreSQL schema t_[0-9a-f]+_before_restore_20261207t080000z$/);
      const asideSchema = movedAside[1]!.slice("PostgreSQL schema ".length);
      h.afterServers(async () => {
        const admin = await pgAdmin(PG_TEST_URL);
        await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(asideSchema)} CASCADE`);
        await admin.end();
      });
    }
    // The restored data serves again.
    const again = await h.startServer({ dataDir: srv.dataDir, secret: "" });
    expect(await again.server.meetings.findByTitle("备份拒绝测试")).not.toBeNull();
  }, 120_000);

  it("a damaged, tampered, newer or unsafe archive, before touching the target", async () => {
    const { srv, archive } = await backedUp();
    await srv.close();
    const target = h.tempDir();
    const workDir = h.tempDir();
    const config = await configOver(target, srv.port);
    const manifestOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), "utf8")) as Manifest;

    const garbage = path.join(h.tempDir(), "garbage.tar.gz");
    fs.writeFileSync(garbage, "not a tar file");
    expect(await refusal(restoreBackup(config, garbage, { workDir }))).toBe("RESTORE_BAD_ARCHIVE");
    expect(await refusal(restoreBackup(config, path.join(target, "missing.tar.gz"), { workDir }))).toBe("RESTORE_ARCHIVE_MISSING");

    const tampered = repack(archive, (dir) => {
      const db = manifestOf(dir).database.file;
      fs.appendFileSync(path.join(dir, db), "x");
    });
    expect(await refusal(restoreBackup(config, tampered, { workDir }))).toBe("RESTORE_CHECKSUM_MISMATCH");
    const extra = repack(archive, (dir) => fs.writeFileSync(path.join(dir, "data", "materials-extra"), "?"));
    expect(await refusal(restoreBackup(config, extra, { workDir }))).toBe("RESTORE_CHECKSUM_MISMATCH");
    const noManifest = repack(archive, (dir) => fs.rmSync(path.join(dir, MANIFEST_FILE)));
    expect(await refusal(restoreBackup(config, noManifest, { workDir }))).toBe("RESTORE_BAD_ARCHIVE");

    const newer = repack(archive, (dir) => {
      const manifest = manifestOf(dir);
      manifest.schema.push("29991231000000_from_a_newer_version");
      fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    });
    expect(await refusal(restoreBackup(config, newer, { workDir }))).toBe("RESTORE_ARCHIVE_NEWER");
    const otherKind = repack(archive, (dir) => {
      const manifest = manifestOf(dir);
      manifest.database =
        manifest.database.kind === "sqlite"
          ? { kind: "postgresql", file: manifest.database.file, schema: "public" }
          : { kind: "sqlite", file: manifest.database.file };
      fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    });
    expect(await refusal(restoreBackup(config, otherKind, { workDir }))).toBe("RESTORE_DATABASE_KIND_MISMATCH");

    const linked = repack(archive, (dir) => fs.symlinkSync("/etc/passwd", path.join(dir, "data", "link")));
    expect(await refusal(restoreBackup(config, linked, { workDir }))).toBe("RESTORE_BAD_ARCHIVE");

    // Nothing was written into the target, nothing left behind in the work folder.
    expect(fs.readdirSync(target)).toEqual([]);
    expect(fs.readdirSync(workDir)).toEqual([]);
  }, 120_000);
});

describe("backup retention", () => {
  it("keeps the YST_BACKUP_KEEP newest archives and leaves other files alone", async () => {
    const srv = await h.startServer();
    const dir = h.tempDir();
    fs.writeFileSync(path.join(dir, "notes.txt"), "the operator's own file");
    const backups = loadBackupConfig({ YST_BACKUP_DIR: dir, YST_BACKUP_KEEP: "2" }, srv.dataDir);
    expect(backups).toEqual({ dir, keep: 2 });
    const made: string[] = [];
    const pruned: string[][] = [];
    for (const day of [1, 2, 3, 4]) {
      const result = await takeBackup(srv.config, backups, new Date(`2026-12-0${day}T03:00:00.000Z`));
      made.push(result.archive);
      pruned.push(result.pruned);
    }
    expect(archivesIn(dir)).toEqual(["yishiting-20261203T030000.000Z.tar.gz", "yishiting-20261204T030000.000Z.tar.gz"]);
    expect(pruned).toEqual([[], [], [made[0]], [made[1]]]);
    expect(fs.readdirSync(dir).sort()).toEqual(["notes.txt", "yishiting-20261203T030000.000Z.tar.gz", "yishiting-20261204T030000.000Z.tar.gz"]);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);

    expect(loadBackupConfig({}, "/srv/yishiting/data")).toEqual({ dir: "/srv/yishiting/data-backups", keep: 14 });
    expect(() => loadBackupConfig({ YST_BACKUP_KEEP: "0" }, "/srv/d")).toThrow(/YST_BACKUP_KEEP/);
    expect(() => loadBackupConfig({ YST_BACKUP_DIR: "/srv/d/backups" }, "/srv/d")).toThrow(/YST_BACKUP_DIR/);
  }, 60_000);
});
