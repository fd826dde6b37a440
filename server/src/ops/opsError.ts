// The operator's commands (backup, restore, upgrade) refuse with a stable code and a message in
// Chinese and English, like every other refusal of the product; the code is what scripts match.
export const OPS_ERRORS = {
  BACKUP_DATABASE_MISSING: { zh: "找不到数据库文件，无法备份", en: "The database file does not exist: nothing to back up" },
  BACKUP_PG_DUMP_FAILED: { zh: "pg_dump 执行失败", en: "pg_dump failed" },
  BACKUP_TAR_FAILED: { zh: "打包备份文件失败", en: "Writing the backup archive failed" },
  RESTORE_USAGE: { zh: "用法：npm run restore -- <备份文件> [--force]", en: "Usage: npm run restore -- <archive> [--force]" },
  RESTORE_ARCHIVE_MISSING: { zh: "备份文件不存在", en: "The archive does not exist" },
  RESTORE_BAD_ARCHIVE: { zh: "备份文件已损坏或不是议事厅的备份", en: "The archive is damaged or not a Yishiting backup" },
  RESTORE_CHECKSUM_MISMATCH: { zh: "备份文件校验失败（内容与清单不符）", en: "The archive's checksums do not match its manifest" },
  RESTORE_ARCHIVE_NEWER: {
    zh: "备份来自更新版本的议事厅（含本版本不认识的迁移），请先安装该版本",
    en: "The archive comes from a newer version of Yishiting (migrations this build does not know): install that version first",
  },
  RESTORE_DATABASE_KIND_MISMATCH: {
    zh: "备份的数据库类型与当前配置不同（SQLite / PostgreSQL）",
    en: "The archive's database kind differs from the configured one (SQLite / PostgreSQL)",
  },
  RESTORE_SCHEMA_MISMATCH: {
    zh: "备份的 PostgreSQL schema 与 YST_DATABASE_URL 中的不同",
    en: "The archive's PostgreSQL schema differs from the one YST_DATABASE_URL names",
  },
  RESTORE_SERVER_RUNNING: {
    zh: "服务器正在运行，请先停止服务再恢复",
    en: "A server answers on the configured port: stop the service before restoring",
  },
  RESTORE_TARGET_NOT_EMPTY: {
    zh: "数据目录或数据库中已有数据；确认要替换请加 --force（原有数据会被移到一旁保留）",
    en: "The data folder or the database already holds data; add --force to replace it (the existing data is moved aside, not deleted)",
  },
  RESTORE_PG_RESTORE_FAILED: { zh: "pg_restore 执行失败", en: "pg_restore failed" },
  UPGRADE_USAGE: { zh: "用法：npm run upgrade -- [--wait 分钟]", en: "Usage: npm run upgrade -- [--wait MINUTES]" },
  UPGRADE_MEETINGS_LIVE: {
    zh: "有会议正在进行，现在升级会打断会议；请等会议结束，或加 --wait 分钟 等待",
    en: "Meetings are live: upgrading now would interrupt them; wait until they close, or add --wait MINUTES",
  },
  UPGRADE_STATUS_FORBIDDEN: {
    zh: "服务器拒绝了状态查询：请设置与服务相同的 YST_OPS_TOKEN",
    en: "The server refused the status request: set YST_OPS_TOKEN as the service has it",
  },
  UPGRADE_STATUS_UNAVAILABLE: {
    zh: "服务器在运行，但无法得知是否有会议正在进行（/api/ops/status 不可用）",
    en: "A server is running but cannot say whether meetings are live (/api/ops/status is unavailable)",
  },
} as const;

export type OpsErrorCode = keyof typeof OPS_ERRORS;

export class OpsError extends Error {
  constructor(
    readonly code: OpsErrorCode,
    /** What the particular case adds (a path, a list), in both languages or language-neutral. */
    readonly detail?: string,
    /** The command's exit code for this refusal. */
    readonly exitCode = 1,
  ) {
    const { zh, en } = OPS_ERRORS[code];
    super(`${code}: ${zh} / ${en}${detail ? ` (${detail})` : ""}`);
    this.name = "OpsError";
  }

  /** The lines a command prints: the code, then Chinese, then English. */
  lines(): string[] {
    const { zh, en } = OPS_ERRORS[this.code];
    return [`错误 / Error ${this.code}`, `  ${zh}`, `  ${en}`, ...(this.detail ? [`  ${this.detail}`] : [])];
  }
}
