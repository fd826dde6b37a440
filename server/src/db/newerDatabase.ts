// The refusal to start on a database from a newer version of Yishiting: it has applied
// migrations this build does not know (docs/operations.md "Upgrades"). Running on it would
// write rows the newer schema no longer expects, or miss columns it relies on, so both migration
// runners (migrate.ts, pgMigrate.ts) stop before touching anything.
import { migrationNames } from "./migrationFiles.ts";

export const DB_NEWER_THAN_APP = "DB_NEWER_THAN_APP";

export class DatabaseNewerThanAppError extends Error {
  readonly code = DB_NEWER_THAN_APP;
  readonly zh: string;
  readonly en: string;

  constructor(readonly unknown: readonly string[]) {
    const list = unknown.join(", ");
    const zh = `数据库来自更新版本的议事厅（本版本不认识的迁移：${list}），拒绝启动。请安装该更新版本，或从本版本制作的备份恢复。`;
    const en = `The database comes from a newer version of Yishiting (migrations this build does not know: ${list}); refusing to start. Install that newer version, or restore a backup made by this one.`;
    super(`${DB_NEWER_THAN_APP}: ${zh}\n${en}`);
    this.name = "DatabaseNewerThanAppError";
    this.zh = zh;
    this.en = en;
  }
}

/** The applied migrations that are not among `dir`'s folders, in name order. */
export function unknownMigrations(dir: string, applied: Iterable<string>): string[] {
  const known = new Set(migrationNames(dir));
  return [...applied].filter((name) => !known.has(name)).sort();
}

/** Throws DatabaseNewerThanAppError when the database has applied migrations `dir` does not hold. */
export function refuseNewerDatabase(dir: string, applied: Iterable<string>): void {
  const unknown = unknownMigrations(dir, applied);
  if (unknown.length > 0) throw new DatabaseNewerThanAppError(unknown);
}
