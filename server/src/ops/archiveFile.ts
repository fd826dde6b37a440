// The backup archive on disk: one gzip-compressed tar, written and read with the system's GNU tar
// (Debian's `tar`, always installed) rather than a JavaScript implementation. A restore first
// lists the archive and accepts only plain files and folders with relative paths, so nothing in
// it can write outside the folder it is extracted into.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { OpsError } from "./opsError.ts";

const run = promisify(execFile);
const MAX_OUTPUT = 256 * 1024 * 1024;

/** Writes `archive` (mode 600) from the contents of `dir`. */
export async function writeArchive(dir: string, archive: string): Promise<void> {
  try {
    await run("tar", ["--create", "--gzip", "--file", archive, "--directory", dir, "--owner=0", "--group=0", "--numeric-owner", "."], {
      maxBuffer: MAX_OUTPUT,
    });
  } catch (error) {
    throw new OpsError("BACKUP_TAR_FAILED", (error as Error).message);
  }
}

/** The archive's members; refuses links, devices, absolute paths and `..`. */
export async function listArchive(archive: string): Promise<string[]> {
  let stdout: string;
  try {
    ({ stdout } = await run("tar", ["--list", "--verbose", "--quoting-style=literal", "--gzip", "--file", archive], { maxBuffer: MAX_OUTPUT }));
  } catch (error) {
    throw new OpsError("RESTORE_BAD_ARCHIVE", (error as Error).message.split("\n")[0]);
  }
  const names: string[] = [];
  for (const line of stdout.split("\n").filter(Boolean)) {
    const type = line[0];
    // "-rw------- 0/0 123 2026-12-07 06:40 ./data/materials/m1/abc"
    const name = /^\S+\s+\S+\s+\d+\s+\S+\s+\S+\s+(.*)$/.exec(line)?.[1];
    if ((type !== "-" && type !== "d") || name === undefined) throw new OpsError("RESTORE_BAD_ARCHIVE", `unexpected member: ${line}`);
    const clean = name.replace(/^\.\//, "");
    if (clean.startsWith("/") || clean.split("/").includes("..")) throw new OpsError("RESTORE_BAD_ARCHIVE", `unsafe path: ${name}`);
    names.push(clean);
  }
  return names;
}

/** Extracts the (listed and checked) archive into `dir`. */
export async function extractArchive(archive: string, dir: string): Promise<void> {
  await listArchive(archive);
  try {
    await run("tar", ["--extract", "--gzip", "--file", archive, "--directory", dir, "--no-same-owner", "--no-same-permissions"], { maxBuffer: MAX_OUTPUT });
  } catch (error) {
    throw new OpsError("RESTORE_BAD_ARCHIVE", (error as Error).message.split("\n")[0]);
  }
}
