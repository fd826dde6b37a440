// A Janus that is not ours (YST_MEDIA=external): started the way its operator would — its own
// configuration folder, not under our supervisor — so tests can stop and restart it, and point one
// or several of our servers at it. Inside the loopback-only namespace (ICE only on 127.0.0.2).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findJanusLibDir, writeJanusConfig } from "../../../server/src/media/janusConfig.ts";

export interface OperatorJanus {
  /** The environment that points one of our servers at this Janus (with its admin secret unless another is given). */
  env(adminSecret?: string): Record<string, string>;
  /** Starts it (again); resolves once it had a moment to open its ports. */
  start(): Promise<ChildProcess>;
  /** Kills it (SIGKILL) if it runs. */
  stop(): Promise<void>;
  /** The running process, if any. */
  readonly process: ChildProcess | undefined;
  /** Stops it and removes its configuration. */
  remove(): Promise<void>;
}

export function operatorJanus(ports: { ws: number; admin: number; rtp: { min: number; max: number } }, adminSecret: string): OperatorJanus {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-external-janus-"));
  writeJanusConfig({
    adminSecret,
    bindIp: "127.0.0.1",
    wsPort: ports.ws,
    adminPort: ports.admin,
    rtpPorts: ports.rtp,
    iceEnforceList: "127.0.0.2",
    nat11Mapping: undefined,
    libDir: findJanusLibDir()!,
    configDir,
  });
  let child: ChildProcess | undefined;
  const janus: OperatorJanus = {
    env: (secret = adminSecret) => ({
      YST_MEDIA: "external",
      YST_JANUS_URL: `ws://127.0.0.1:${ports.ws}`,
      YST_JANUS_ADMIN_URL: `ws://127.0.0.1:${ports.admin}`,
      YST_JANUS_ADMIN_SECRET: secret,
    }),
    async start() {
      child = spawn("janus", ["-F", configDir, "-C", path.join(configDir, "janus.jcfg")], { stdio: "ignore" });
      await new Promise((resolve) => setTimeout(resolve, 300));
      return child;
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
    get process() {
      return child;
    },
    async remove() {
      await janus.stop();
      fs.rmSync(configDir, { recursive: true, force: true });
    },
  };
  return janus;
}
