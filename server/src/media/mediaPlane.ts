// The media plane as the rest of the server sees it: which Janus to use (embedded child process,
// external server, or none) and whether it is available now; and, for a plenary's listeners, the
// edge Janus instances fed by it (embedded: more child processes; external: a list of URLs).
import fs from "node:fs";
import path from "node:path";
import Janode from "janode";
import type { MediaConfig } from "../config/config.ts";
import type { EdgeInstance } from "./edgeRelay.ts";
import { findJanusLibDir, parsePortRange, randomSecret, splitPortRange, writeJanusConfig } from "./janusConfig.ts";
import { JanusSupervisor, type MediaStatus } from "./janusProcess.ts";

export type { MediaStatus } from "./janusProcess.ts";

export interface MediaPlane {
  status(): MediaStatus;
  onStatusChange(listener: (status: MediaStatus) => void): () => void;
  /** Janus WebSocket API for our server's janode connections (never given to browsers). */
  janusUrl: string | undefined;
  /** Edge instances for listeners (docs/media.md#plenary-edges); empty: everyone listens at the origin. */
  edges: MediaEdge[];
  start(): void;
  stop(): Promise<void>;
}

export interface MediaEdge extends EdgeInstance {
  status(): MediaStatus;
  /** The embedded edge's process id while it runs (diagnostics and tests). */
  pid(): number | undefined;
}

/** One Janus the plane starts, watches and stops. */
interface Instance {
  status(): MediaStatus;
  onStatusChange(listener: (status: MediaStatus) => void): () => void;
  start(): void;
  stop(): Promise<void>;
  pid(): number | undefined;
}

const LOOPBACK = "127.0.0.1";
/** No media server (media off, or Janus not installed). */
const OFF: Instance = {
  status: () => "unavailable",
  onStatusChange: () => () => undefined,
  start: () => undefined,
  stop: async () => undefined,
  pid: () => undefined,
};

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
  if (config.mode === "off") return plane(OFF, undefined, []);
  if (config.mode === "external") return externalPlane(config, log);
  const libDir = findJanusLibDir();
  if (!libDir || !janusInstalled()) {
    log("YST_MEDIA=embedded but Janus is not installed (apt-get install janus); audio and video are off");
    return plane(OFF, undefined, []);
  }
  const adminSecret = config.janusAdminSecret ?? randomSecret();
  // The origin (0) and each edge: own folder, own API ports (+1, +2 … for edges), own share of the ICE ports.
  const rtpShares = splitPortRange(parsePortRange(config.rtpPorts), 1 + config.edges);
  const embedded = (index: number): Instance => {
    const configDir = path.join(options.dataDir, index === 0 ? "janus" : `janus-edge-${index}`);
    writeJanusConfig({
      adminSecret,
      bindIp: LOOPBACK,
      wsPort: config.janusWsPort + index,
      adminPort: config.janusAdminPort + index,
      rtpPorts: rtpShares[index]!,
      iceEnforceList: config.iceEnforce,
      nat11Mapping: config.nat11,
      libDir,
      configDir,
    });
    const name = index === 0 ? "" : `edge-${index}: `;
    return new JanusSupervisor({ configDir, adminUrl: `ws://${LOOPBACK}:${config.janusAdminPort + index}`, adminSecret, log: (m, e) => log(`${name}${m}`, e) });
  };
  const edges = Array.from({ length: config.edges }, (_, i) => ({
    id: `edge-${i + 1}`,
    url: `ws://${LOOPBACK}:${config.janusWsPort + i + 1}`,
    slotAddress: LOOPBACK,
    instance: embedded(i + 1),
  }));
  return plane(embedded(0), `ws://${LOOPBACK}:${config.janusWsPort}`, edges);
}

/** The origin and its edges as one plane: its status is the origin's; edges come and go on their own. */
function plane(origin: Instance, janusUrl: string | undefined, edges: { id: string; url: string; slotAddress: string; instance: Instance }[]): MediaPlane {
  return {
    status: () => origin.status(),
    onStatusChange: (listener) => origin.onStatusChange(listener),
    janusUrl,
    edges: edges.map(({ id, url, slotAddress, instance }) => ({
      id,
      url,
      slotAddress,
      available: () => instance.status() === "up",
      onStatusChange: (listener) => instance.onStatusChange(listener),
      status: () => instance.status(),
      pid: () => instance.pid(),
    })),
    start: () => {
      origin.start();
      for (const e of edges) e.instance.start();
    },
    stop: async () => {
      await Promise.all([origin.stop(), ...edges.map((e) => e.instance.stop())]);
    },
  };
}

/** External Janus instances: the origin (Admin API when configured, else `info`) and the edges (`info`). */
function externalPlane(config: MediaConfig, log: (message: string, error?: unknown) => void): MediaPlane {
  const admin = config.janusAdminUrl !== undefined;
  const origin = external(config.janusAdminUrl ?? config.janusUrl!, admin, config.janusAdminSecret, log);
  const edges = config.edgeUrls.map((url, i) => ({
    id: `edge-${i + 1}`,
    url,
    slotAddress: new URL(url).hostname,
    instance: external(url, false, undefined, log),
  }));
  return plane(origin, config.janusUrl, edges);
}

/** An external Janus: we only watch its health. */
function external(url: string, admin: boolean, apisecret: string | undefined, log: (message: string, error?: unknown) => void): Instance {
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
      const connection = await Janode.connect({ address: { url, apisecret }, is_admin: admin, max_retries: 0 });
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
    pid: () => undefined,
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
