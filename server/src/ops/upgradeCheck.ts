// The upgrade's safety step (`npm run upgrade -- [--wait MINUTES]`, docs/operations.md
// "Upgrades"): asks the running server whether meetings are live (GET /api/ops/status) and refuses
// while any is — or, with --wait, polls until none is (the drain) for at most that long — then
// takes a backup. Stopping the service, updating the code and starting it again (which migrates)
// are the installer's deploy/upgrade.sh; with no server answering, it only backs up.
import type { Config } from "../config/config.ts";
import { takeBackup, type BackupResult } from "./backup.ts";
import type { BackupConfig } from "./backupConfig.ts";
import { OpsError } from "./opsError.ts";
import { localServerUrl, opsStatus, serverAnswers, type OpsStatus } from "./serverProbe.ts";

export interface UpgradeOptions {
  /** How long to wait for live meetings to close; 0: refuse at once. */
  waitMs?: number;
  /** Between two status requests while waiting. */
  pollMs?: number;
  opsToken?: string | undefined;
  /** Where to ask (default: the configured port on this machine). */
  baseUrl?: string;
  /** Progress lines (the waiting). */
  say?: (line: string) => void;
}

export interface UpgradeResult {
  /** What the server said last; undefined when none answered. */
  status: OpsStatus | undefined;
  backup: BackupResult;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server's status, or undefined when none runs; refuses when it cannot tell. */
async function askServer(baseUrl: string, opsToken: string | undefined): Promise<OpsStatus | undefined> {
  const answer = await opsStatus(baseUrl, opsToken);
  if (answer.kind === "status") return answer.status;
  if (answer.kind === "down") return undefined;
  if (answer.status === 401 || answer.status === 403) throw new OpsError("UPGRADE_STATUS_FORBIDDEN", `HTTP ${answer.status}`);
  // Something answers, but not with a status: an older server without the route, or another program.
  if (await serverAnswers(baseUrl)) throw new OpsError("UPGRADE_STATUS_UNAVAILABLE", `HTTP ${answer.status}`);
  return undefined;
}

export async function upgradeCheck(config: Config, backups: BackupConfig, options: UpgradeOptions = {}): Promise<UpgradeResult> {
  const baseUrl = options.baseUrl ?? localServerUrl(config);
  const waitMs = options.waitMs ?? 0;
  const pollMs = options.pollMs ?? 5_000;
  const say = options.say ?? (() => undefined);
  const deadline = Date.now() + waitMs;
  let status = await askServer(baseUrl, options.opsToken);
  while (status && status.liveMeetings > 0) {
    if (Date.now() >= deadline)
      throw new OpsError(
        "UPGRADE_MEETINGS_LIVE",
        `${status.liveMeetings} 场会议进行中 / live meeting(s), ${status.connectedParticipants} 人在线 / connected${waitMs > 0 ? `; waited ${Math.round(waitMs / 60_000)} min` : ""}`,
        3,
      );
    say(`等待 ${status.liveMeetings} 场会议结束… / Waiting for ${status.liveMeetings} live meeting(s) to close…`);
    await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())));
    status = await askServer(baseUrl, options.opsToken);
  }
  return { status, backup: await takeBackup(config, backups) };
}
