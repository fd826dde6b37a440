// The media plane as the rest of the server sees it: which Janus to use (embedded child process,
// external server, or none) and whether it is available now.
import fs from "node:fs";
import path from "node:path";
import Janode from "janode";
import type { MediaConfig } from "../config/config.ts";
import { findJanusLibDir, parsePortRange, randomSecret, writeJanusConfig } from "./janusConfig.ts";
import { JanusSupervisor, type MediaStatus } from "./janusProcess.ts";

export type { MediaStatus } from "./janusProcess.ts";

export interface MediaPlane {
  status(): MediaStatus;
  onStatusChange(listener: (status: MediaStatus) => void): () => void;
  /** Janus WebSocket API for our server's janode connections (never given to browsers). */
  janusUrl: string | undefined;
  start(): void;
  stop(): Promise<void>;
}

const LOOPBACK = "127.0.0.1";

/** Whether a `janus` executable is on PATH (main.ts turns embedded media on when it is). */
export function janusInstalled(): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir || ".", "janus"), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function createMediaPlane(config: MediaConfig, options: { dataDir: string; log: (message: string, error?: unknown) => void }): MediaPlane {
  const { log } = options;
  if (config.mode === "off") return unavailable(undefined);
  if (config.mode === "external") return externalJanus(config, log);
  const libDir = findJanusLibDir();
  if (!libDir || !janusInstalled()) {
    log("YST_MEDIA=embedded but Janus is not installed (apt-get install janus); audio and video are off");
    return unavailable(undefined);
  }
  const configDir = path.join(options.dataDir, "janus");
  const adminSecret = config.janusAdminSecret ?? randomSecret();
  writeJanusConfig({
    adminSecret,
    bindIp: LOOPBACK,
    wsPort: config.janusWsPort,
    adminPort: config.janusAdminPort,
    rtpPorts: parsePortRange(config.rtpPorts),
    iceEnforceList: config.iceEnforce,
    nat11Mapping: config.nat11,
    libDir,
    configDir,
  });
  const supervisor = new JanusSupervisor({ configDir, adminUrl: `ws://${LOOPBACK}:${config.janusAdminPort}`, adminSecret, log });
  return {
    status: () => supervisor.status(),
    onStatusChange: (listener) => supervisor.onStatusChange(listener),
    janusUrl: `ws://${LOOPBACK}:${config.janusWsPort}`,
    start: () => supervisor.start(),
    stop: () => supervisor.stop(),
  };
}

function unavailable(janusUrl: string | undefined): MediaPlane {
  return { status: () => "unavailable", onStatusChange: () => () => undefined, janusUrl, start: () => undefined, stop: async () => undefined };
}

/** An external Janus: we only watch its health (Admin API when configured, else `info`). */
function externalJanus(config: MediaConfig, log: (message: string, error?: unknown) => void): MediaPlane {
  const url = config.janusAdminUrl ?? config.janusUrl!;
  const admin = config.janusAdminUrl !== undefined;
  let current: MediaStatus = "unavailable";
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const listeners = new Set<(status: MediaStatus) => void>();
  const set = (status: MediaStatus) => {
    if (status === current) return;
    current = status;
    log(`external Janus ${url} is ${status}`);
    for (const listener of listeners) listener(status);
  };
  const check = async () => {
    let ok: boolean;
    try {
      const connection = await Janode.connect({ address: { url, apisecret: config.janusAdminSecret }, is_admin: admin, max_retries: 0 });
      try {
        await Promise.race([
          admin ? connection.listSessions() : connection.getInfo(),
          new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3000)),
        ]);
        ok = true;
      } finally {
        await connection.close().catch(() => undefined);
      }
    } catch {
      ok = false;
    }
    if (!running) return;
    set(ok ? "up" : current === "up" || current === "restarting" ? "restarting" : "starting");
    timer = setTimeout(() => void check(), ok ? 10_000 : 2000);
  };
  return {
    status: () => current,
    onStatusChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    janusUrl: config.janusUrl,
    start: () => {
      if (running) return;
      running = true;
      set("starting");
      void check();
    },
    stop: async () => {
      running = false;
      clearTimeout(timer);
      set("unavailable");
    },
  };
}
