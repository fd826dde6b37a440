// Where backups go and how many are kept (docs/configuration.md "Deployment"): YST_BACKUP_DIR,
// default beside the data folder (`<dataDir>/../<name>-backups`, never inside it, so a restore
// that replaces the data folder cannot touch the archives), and YST_BACKUP_KEEP newest archives.
import path from "node:path";

export interface BackupConfig {
  dir: string;
  keep: number;
}

export const DEFAULT_BACKUP_KEEP = 14;

export function loadBackupConfig(env: NodeJS.ProcessEnv, dataDir: string): BackupConfig {
  const dir = path.resolve(env.YST_BACKUP_DIR?.trim() || path.join(path.dirname(dataDir), `${path.basename(dataDir)}-backups`));
  const keepText = env.YST_BACKUP_KEEP?.trim() || String(DEFAULT_BACKUP_KEEP);
  const keep = Number(keepText);
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`YST_BACKUP_KEEP must be a whole number of at least 1, got ${keepText}`);
  const inside = path.relative(dataDir, dir);
  if (inside === "" || (!inside.startsWith("..") && !path.isAbsolute(inside)))
    throw new Error(`YST_BACKUP_DIR must not be the data folder or inside it (${dir})`);
  return { dir, keep };
}
