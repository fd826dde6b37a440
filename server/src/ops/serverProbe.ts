// Whether a server answers on the configured port, and what it says of itself: the restore
// refuses while one runs (GET /api/health), the upgrade asks it about live meetings
// (GET /api/ops/status, guarded by YST_OPS_TOKEN or loopback: docs/api.md).
import type { Config } from "../config/config.ts";

export interface OpsStatus {
  version: string;
  schema: string[] | string;
  liveMeetings: number;
  connectedParticipants: number;
}

export type StatusAnswer = { kind: "down" } | { kind: "status"; status: OpsStatus } | { kind: "http"; status: number };

const PROBE_TIMEOUT_MS = 3_000;

/** The server's base URL as seen from this machine: a wildcard listening address is reached on loopback. */
export function localServerUrl(config: Pick<Config, "host" | "port">): string {
  const host = ["0.0.0.0", "", "::", "[::]"].includes(config.host) ? "127.0.0.1" : config.host.includes(":") ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

/** A fetch that treats "nothing listens" as undefined (refused, unreachable, timed out). */
async function tryFetch(url: string, headers: Record<string, string> = {}): Promise<Response | undefined> {
  try {
    return await fetch(url, { headers, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  } catch {
    return undefined;
  }
}

/** True when anything answers HTTP on `/api/health` of the configured address. */
export async function serverAnswers(baseUrl: string): Promise<boolean> {
  return (await tryFetch(`${baseUrl}/api/health`)) !== undefined;
}

/** The running server's `/api/ops/status`, or why not. */
export async function opsStatus(baseUrl: string, opsToken: string | undefined): Promise<StatusAnswer> {
  const response = await tryFetch(`${baseUrl}/api/ops/status`, opsToken ? { Authorization: `Bearer ${opsToken}` } : {});
  if (!response) return { kind: "down" };
  if (!response.ok) return { kind: "http", status: response.status };
  const body = (await response.json().catch(() => undefined)) as Partial<OpsStatus> | undefined;
  if (!body || typeof body.liveMeetings !== "number") return { kind: "http", status: response.status };
  return {
    kind: "status",
    status: {
      version: String(body.version ?? ""),
      schema: body.schema ?? [],
      liveMeetings: body.liveMeetings,
      connectedParticipants: Number(body.connectedParticipants ?? 0),
    },
  };
}
