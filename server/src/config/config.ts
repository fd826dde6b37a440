// Runtime configuration from environment variables (documented in docs/configuration.md).
import path from "node:path";

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** SQLite file path. */
  databaseFile: string;
  /** HMAC secret for join tokens; when absent one is generated and kept in the data folder. */
  tokenSecret: string | undefined;
  /** Base URL printed in join links (what phones open). */
  publicUrl: string | undefined;
  linkTtlHours: number;
  /** Create the demo meeting when the database has no meetings. */
  demo: boolean;
  /** How long a participant may be disconnected before being marked absent (reconnects). */
  presenceGraceSeconds: number;
  /** Folder with the built client; the server serves it when it exists. */
  clientDir: string;
  /** Express "trust proxy" behind a reverse proxy (client address, https detection). */
  trustProxy: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.YST_DATA_DIR ?? "data");
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${env.PORT}`);
  const linkTtlHours = Number(env.YST_LINK_TTL_HOURS ?? 24 * 30);
  if (!(linkTtlHours > 0)) throw new Error(`YST_LINK_TTL_HOURS must be positive, got ${env.YST_LINK_TTL_HOURS}`);
  return {
    host: env.HOST ?? "0.0.0.0",
    port,
    dataDir,
    databaseFile: path.resolve(env.YST_DATABASE_FILE ?? path.join(dataDir, "yishiting.db")),
    tokenSecret: env.YST_TOKEN_SECRET || undefined,
    publicUrl: env.YST_PUBLIC_URL || undefined,
    linkTtlHours,
    demo: env.YST_DEMO !== "off",
    presenceGraceSeconds: nonNegative(env.YST_PRESENCE_GRACE_SECONDS ?? "20", "YST_PRESENCE_GRACE_SECONDS"),
    clientDir: path.resolve(env.YST_CLIENT_DIR ?? path.join(import.meta.dirname, "../../../dist/client")),
    trustProxy: env.YST_TRUST_PROXY || undefined,
  };
}

function nonNegative(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${value}`);
  return n;
}
