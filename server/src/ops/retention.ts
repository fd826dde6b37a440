// Retention of backup archives: the newest YST_BACKUP_KEEP stay, older ones are deleted. Only
// files named like the backup command's own archives count (yishiting-<UTC stamp>.tar.gz); the
// stamp sorts in time order, so the newest are the last by name.
import fs from "node:fs";
import path from "node:path";

export const ARCHIVE_NAME = /^yishiting-\d{8}T\d{6}\.\d{3}Z\.tar\.gz$/;

/** yishiting-20261207T064500.123Z.tar.gz for that moment (UTC). */
export function archiveName(at: Date): string {
  const iso = at.toISOString(); // 2026-12-07T06:45:00.123Z
  return `yishiting-${iso.slice(0, 10).replaceAll("-", "")}T${iso.slice(11, 19).replaceAll(":", "")}${iso.slice(19)}.tar.gz`;
}

/** The archives in `dir`, oldest first. */
export function archivesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => ARCHIVE_NAME.test(name))
    .sort();
}

/** Deletes all but the `keep` newest archives of `dir`; returns the deleted ones' paths. */
export function pruneArchives(dir: string, keep: number): string[] {
  const all = archivesIn(dir);
  const doomed = all.slice(0, Math.max(0, all.length - keep)).map((name) => path.join(dir, name));
  for (const file of doomed) fs.rmSync(file, { force: true });
  return doomed;
}
