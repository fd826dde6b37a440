// What the operator sets for the server's logs and its operations endpoints (docs/configuration.md,
// "Deployment"): the log format, and the token that opens /metrics and /api/ops/* to non-loopback peers.

export type LogFormat = "text" | "json";

export interface ObservabilityConfig {
  /** YST_LOG_FORMAT: text (default, today's console lines) or json (one JSON object per line on stdout). */
  logFormat: LogFormat;
  /** YST_OPS_TOKEN: when set, /metrics and /api/ops/* need `Authorization: Bearer <token>`; else loopback peers only. */
  opsToken: string | undefined;
}

export function loadObservabilityConfig(env: NodeJS.ProcessEnv): ObservabilityConfig {
  const logFormat = (env.YST_LOG_FORMAT || "text") as LogFormat;
  if (logFormat !== "text" && logFormat !== "json") throw new Error(`YST_LOG_FORMAT must be text or json, got ${env.YST_LOG_FORMAT}`);
  return { logFormat, opsToken: env.YST_OPS_TOKEN || undefined };
}
