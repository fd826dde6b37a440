// `npm run upgrade -- [--wait MINUTES]`: the upgrade's safety step (ops/upgradeCheck.ts) — no live
// meeting (exit 3 while any, or drain with --wait), then a backup — and what to do next.
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.ts";
import { loadBackupConfig } from "./backupConfig.ts";
import { OpsError } from "./opsError.ts";
import { runOpsCommand } from "./opsCommand.ts";
import { upgradeCheck } from "./upgradeCheck.ts";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { wait: { type: "string" }, "poll-seconds": { type: "string" } }, allowPositionals: false });
  } catch (error) {
    throw new OpsError("UPGRADE_USAGE", (error as Error).message, 2);
  }
  const waitMinutes = Number(parsed.values.wait ?? "0");
  const pollSeconds = Number(parsed.values["poll-seconds"] ?? "5");
  if (!(waitMinutes >= 0) || !(pollSeconds > 0)) throw new OpsError("UPGRADE_USAGE", undefined, 2);
  const config = loadConfig();
  const backups = loadBackupConfig(process.env, config.dataDir);
  const { status, backup } = await upgradeCheck(config, backups, {
    waitMs: waitMinutes * 60_000,
    pollMs: pollSeconds * 1000,
    opsToken: process.env.YST_OPS_TOKEN || undefined,
    say: (line) => console.log(line),
  });
  console.log(
    status
      ? `没有进行中的会议 / No live meeting (running version ${status.version}, ${status.connectedParticipants} connected)`
      : "没有服务器在运行 / No server is running",
  );
  console.log("下一步 / Next:");
  console.log("  1. 停止服务 / stop the service: systemctl stop yishiting");
  console.log("  2. 更新代码并安装依赖 / update the code and run: npm ci");
  console.log("  3. 启动服务（自动迁移数据库）/ start the service (it migrates the database): systemctl start yishiting");
  console.log("  出问题时 / if it fails: npm run restore -- <archive> --force (with the previous version's code)");
  console.log(backup.archive);
  return 0;
}

runOpsCommand("upgrade", main);
