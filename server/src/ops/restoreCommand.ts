// `npm run restore -- <archive> [--force]`: puts a backup back with the service stopped
// (ops/restore.ts); the next start migrates it up to this build.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.ts";
import { loadBackupConfig } from "./backupConfig.ts";
import { OpsError } from "./opsError.ts";
import { runOpsCommand } from "./opsCommand.ts";
import { restoreBackup } from "./restore.ts";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
  } catch (error) {
    throw new OpsError("RESTORE_USAGE", (error as Error).message, 2);
  }
  const [archive, ...rest] = parsed.positionals;
  if (!archive || rest.length > 0) throw new OpsError("RESTORE_USAGE", undefined, 2);
  const config = loadConfig();
  const { dir } = loadBackupConfig(process.env, config.dataDir);
  const { manifest, movedAside } = await restoreBackup(config, path.resolve(archive), { force: parsed.values.force, workDir: dir });
  for (const place of movedAside) console.log(`原有数据已移至 / Existing data moved aside to: ${place}`);
  console.log(`已恢复 / Restored: backup of ${manifest.createdAt} (version ${manifest.version}, ${manifest.files.length} files) into ${config.dataDir}`);
  if (manifest.tokenSecret === "environment")
    console.log(
      "注意：该备份的令牌密钥来自 YST_TOKEN_SECRET，请在环境文件中设置同一值 / Note: this backup's token secret was YST_TOKEN_SECRET: set the same value in the env file",
    );
  console.log("下一步：启动服务（会自动迁移数据库）/ Next: start the service (it migrates the database)");
  return 0;
}

runOpsCommand("restore", main);
