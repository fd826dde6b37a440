// Runtime configuration from environment variables (documented in docs/configuration.md).
import path from "node:path";
import type { DatabaseConfig } from "../db/database.ts";
import { loadTurnConfig, type TurnConfig } from "../media/turnCredentials.ts";
import { loadObservabilityConfig, type ObservabilityConfig } from "../observability/observabilityConfig.ts";
import { loadAsrConfig, type AsrConfig } from "../transcripts/asrConfig.ts";
import { loadClusterConfig, type ClusterConfig } from "./clusterConfig.ts";
import { loadDatabaseConfig } from "./databaseConfig.ts";

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** Which database (db/database.ts): the SQLite file, with its `synchronous` setting, or PostgreSQL. */
  database: DatabaseConfig;
  /** Several nodes sharing the database and a Redis stream (YST_REDIS_URL); undefined for one process. */
  cluster: ClusterConfig | undefined;
  /** HMAC secret for join tokens; when absent one is generated and kept in the data folder. */
  tokenSecret: string | undefined;
  /** Base URL printed in join links (what phones open). */
  publicUrl: string | undefined;
  linkTtlHours: number;
  /** Create the demo meeting when the database has no meetings. */
  demo: boolean;
  /** How long a participant may be disconnected before being marked absent (reconnects). */
  presenceGraceSeconds: number;
  /** After a (re)start, how long those present before may take to reconnect without leaving. */
  presenceRestartGraceSeconds: number;
  /**
   * Connections one participant may have at once (phone, tablet, computer); a further one ends
   * their oldest. The room display's screens have their own limit (gateway/devices.ts).
   */
  maxDevices: number;
  /** Folder with the built client; the server serves it when it exists. */
  clientDir: string;
  /** Express "trust proxy" behind a reverse proxy (client address, https detection). */
  trustProxy: string | undefined;
  /** Audio/video plane (docs/media.md). */
  media: MediaConfig;
  /** TURN (YST_TURN_URLS, YST_TURN_SECRET, YST_TURN_TTL_SECONDS; docs/media.md#turn): credentials minted per participant; undefined: no TURN. */
  turn: TurnConfig | undefined;
  /**
   * Per-speech recordings, one sub-folder per meeting. Janus writes there too, so with an
   * external Janus it must be a folder both see under this same path (docs/configuration.md).
   */
  recordingsDir: string;
  /** Speech recognition for the machine drafts of speeches (YST_ASR, YST_ASR_URL, …; docs/transcripts.md); off by default. */
  asr: AsrConfig;
  /** What the ledger's forms (交办单, 反馈单) print for the secretariat (docs/ledger.md#forms-交办单--反馈单). */
  ledgerForms: LedgerFormSettings;
  /** Log format and the operations endpoints' token (YST_LOG_FORMAT, YST_OPS_TOKEN; observability/). */
  observability: ObservabilityConfig;
}

export interface LedgerFormSettings {
  /** The organisation issuing forms of items that belong to no community ("" prints the form's name alone). */
  issuer: string;
  /** The secretariat's contact on a 交办单 ("": the name of the account that assigned). */
  contact: string;
}

export type MediaMode = "embedded" | "external" | "off";

export interface MediaConfig {
  /** embedded: run Janus as a child process; external: use YST_JANUS_URL; off: no audio/video. */
  mode: MediaMode;
  /** Janus WebSocket API (external), e.g. ws://janus.internal:8188. Embedded: generated. */
  janusUrl: string | undefined;
  /** Janus Admin API (external), e.g. ws://janus.internal:7188. */
  janusAdminUrl: string | undefined;
  /** Admin API secret; embedded: generated at each start when absent. */
  janusAdminSecret: string | undefined;
  /** Embedded: WebSocket API and Admin API ports on 127.0.0.1. */
  janusWsPort: number;
  janusAdminPort: number;
  /** Embedded: UDP ports for media ("20000-20200"). */
  rtpPorts: string;
  /** Embedded: Janus `ice_enforce_list` (interfaces or addresses), e.g. "eth0" or "127.0.0.2". */
  iceEnforce: string | undefined;
  /** Embedded: Janus `nat_1_1_mapping` (public address behind 1:1 NAT). */
  nat11: string | undefined;
  /** Embedded: edge Janus processes for listeners besides the origin (docs/media.md#plenary-edges); 0: none. */
  edges: number;
  /** External: the edge Janus instances' WebSocket APIs; their slots bind to each URL's host. */
  edgeUrls: string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.YST_DATA_DIR ?? "data");
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${env.PORT}`);
  const linkTtlHours = Number(env.YST_LINK_TTL_HOURS ?? 24 * 30);
  if (!(linkTtlHours > 0)) throw new Error(`YST_LINK_TTL_HOURS must be positive, got ${env.YST_LINK_TTL_HOURS}`);
  const database = loadDatabaseConfig(env, dataDir);
  return {
    host: env.HOST ?? "0.0.0.0",
    port,
    dataDir,
    database,
    cluster: loadClusterConfig(env, database, env.YST_TOKEN_SECRET || undefined),
    tokenSecret: env.YST_TOKEN_SECRET || undefined,
    publicUrl: env.YST_PUBLIC_URL || undefined,
    linkTtlHours,
    demo: env.YST_DEMO !== "off",
    presenceGraceSeconds: nonNegative(env.YST_PRESENCE_GRACE_SECONDS ?? "20", "YST_PRESENCE_GRACE_SECONDS"),
    presenceRestartGraceSeconds: nonNegative(env.YST_PRESENCE_RESTART_GRACE_SECONDS ?? "60", "YST_PRESENCE_RESTART_GRACE_SECONDS"),
    maxDevices: positiveInteger(env.YST_MAX_DEVICES ?? "3", "YST_MAX_DEVICES"),
    clientDir: path.resolve(env.YST_CLIENT_DIR ?? path.join(import.meta.dirname, "../../../dist/client")),
    trustProxy: env.YST_TRUST_PROXY || undefined,
    media: loadMediaConfig(env),
    turn: loadTurnConfig(env),
    recordingsDir: path.resolve(env.YST_RECORDINGS_DIR || path.join(dataDir, "recordings")),
    asr: loadAsrConfig(env),
    ledgerForms: { issuer: env.YST_ORG_NAME?.trim() ?? "", contact: env.YST_LEDGER_CONTACT?.trim() ?? "" },
    observability: loadObservabilityConfig(env),
  };
}

/**
 * Media is off unless YST_MEDIA says otherwise, so tests and embedders never start Janus by
 * accident; `npm start` (main.ts) passes YST_MEDIA=embedded when Janus is installed.
 */
function loadMediaConfig(env: NodeJS.ProcessEnv): MediaConfig {
  const mode = (env.YST_MEDIA || "off") as MediaMode;
  if (!["embedded", "external", "off"].includes(mode)) throw new Error(`YST_MEDIA must be embedded, external or off, got ${env.YST_MEDIA}`);
  const janusUrl = env.YST_JANUS_URL || undefined;
  if (mode === "external" && !janusUrl) throw new Error("YST_MEDIA=external needs YST_JANUS_URL");
  const rtpPorts = env.YST_JANUS_RTP_PORTS || "20000-20200";
  if (!/^\d+-\d+$/.test(rtpPorts)) throw new Error(`YST_JANUS_RTP_PORTS must look like 20000-20200, got ${rtpPorts}`);
  return {
    mode,
    janusUrl,
    janusAdminUrl: env.YST_JANUS_ADMIN_URL || undefined,
    janusAdminSecret: env.YST_JANUS_ADMIN_SECRET || undefined,
    janusWsPort: portNumber(env.YST_JANUS_WS_PORT ?? "8188", "YST_JANUS_WS_PORT"),
    janusAdminPort: portNumber(env.YST_JANUS_ADMIN_PORT ?? "7188", "YST_JANUS_ADMIN_PORT"),
    rtpPorts,
    iceEnforce: env.YST_JANUS_ICE_ENFORCE || undefined,
    nat11: env.YST_JANUS_NAT_1_1 || undefined,
    edges: wholeNumber(env.YST_JANUS_EDGES ?? "0", "YST_JANUS_EDGES", 16),
    edgeUrls: edgeUrls(env.YST_JANUS_EDGE_URLS),
  };
}

/** "ws://10.0.0.11:8188,ws://10.0.0.12:8188": each must be a ws(s) URL with a host. */
function edgeUrls(value: string | undefined): string[] {
  const urls = (value ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  for (const url of urls) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !["ws:", "wss:"].includes(parsed.protocol) || !parsed.hostname)
      throw new Error(`YST_JANUS_EDGE_URLS must list ws:// URLs separated by commas, got ${url}`);
  }
  return urls;
}

function wholeNumber(value: string, name: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${name} must be a whole number from 0 to ${max}, got ${value}`);
  return n;
}

function portNumber(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a port 1–65535, got ${value}`);
  return n;
}

function positiveInteger(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, got ${value}`);
  return n;
}

function nonNegative(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${value}`);
  return n;
}

/** The base of the links printed on the console: YST_PUBLIC_URL, or the address the server listens on. */
export const linkBaseUrl = (config: Config, port: number): string =>
  config.publicUrl ?? `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${port}`;
