// `npm run backup [-- --out DIR]`: an online backup of the configured data (ops/backup.ts), safe
// while the server runs; the systemd timer of the installer runs it daily. The archive's path is
// the last line printed.
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.ts";
import { takeBackup } from "./backup.ts";
import { loadBackupConfig } from "./backupConfig.ts";
import { runOpsCommand } from "./opsCommand.ts";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: "string" } }, allowPositionals: false });
  const config = loadConfig();
  const backups = loadBackupConfig(values.out ? { ...process.env, YST_BACKUP_DIR: values.out } : process.env, config.dataDir);
  const { archive, manifest, pruned } = await takeBackup(config, backups);
  for (const file of pruned) console.log(`已删除旧备份 / Deleted old backup: ${file}`);
  console.log(`备份完成 / Backup done: ${manifest.files.length} files, database ${manifest.database.kind}, schema ${manifest.schema.at(-1) ?? "-"}`);
  console.log(archive);
  return 0;
}

runOpsCommand("backup", main);
