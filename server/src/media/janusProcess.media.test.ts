// Runs a real Janus (Debian package) under the supervisor. Only inside the loopback-only network
// namespace of e2e/media/netns-run.sh (`npm run test:media`); see docs/media.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Janode from "janode";
import VideoRoomPlugin, { type VideoRoomHandle } from "janode/plugins/videoroom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findJanusLibDir, writeJanusConfig } from "./janusConfig.ts";
import { JanusSupervisor, type MediaStatus } from "./janusProcess.ts";

const WS_PORT = 18188;
const ADMIN_PORT = 17188;
const SECRET = "test-admin-secret-" + Math.random().toString(36).slice(2);

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
}

/** Local addresses (hex ip:port) of listening TCP sockets on `port`, IPv4 and IPv6. */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const found: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === "0A" && cols[1]?.endsWith(`:${hexPort}`)) found.push(cols[1]);
    }
  }
  return found;
}

describe("embedded Janus under the supervisor", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-janus-media-"));
  const logs: string[] = [];
  const statuses: MediaStatus[] = [];
  let supervisor: JanusSupervisor;

  beforeAll(() => {
    if (process.env.YST_IN_MEDIA_NETNS !== "1") throw new Error("media tests must run through e2e/media/netns-run.sh (npm run test:media)");
    const libDir = findJanusLibDir();
    if (!libDir) throw new Error("Janus is not installed (apt-get install janus)");
    writeJanusConfig({
      adminSecret: SECRET,
      bindIp: "127.0.0.1",
      wsPort: WS_PORT,
      adminPort: ADMIN_PORT,
      rtpPorts: { min: 20000, max: 20100 },
      iceEnforceList: "127.0.0.2",
      libDir,
      configDir: dir,
    });
    supervisor = new JanusSupervisor({
      configDir: dir,
      adminUrl: `ws://127.0.0.1:${ADMIN_PORT}`,
      adminSecret: SECRET,
      log: (message) => logs.push(message),
      healthIntervalMs: 300,
      backoffInitialMs: 100,
      stopTimeoutMs: 5000,
    });
    supervisor.onStatusChange((status) => statuses.push(status));
  });

  afterAll(async () => {
    await supervisor?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("starts Janus and reports it up", async () => {
    expect(supervisor.status()).toBe("unavailable");
    supervisor.start();
    expect(supervisor.status()).toBe("starting");
    await waitFor(() => supervisor.status() === "up", "Janus up");
    expect(statuses).toEqual(["starting", "up"]);
    expect(logs.some((line) => line.startsWith("Janus is up"))).toBe(true);
  });

  it("listens only on 127.0.0.1", () => {
    for (const port of [WS_PORT, ADMIN_PORT]) {
      const found = listeners(port);
      expect(found.length).toBeGreaterThan(0);
      expect(new Set(found)).toEqual(new Set([`0100007F:${port.toString(16).toUpperCase()}`]));
    }
  });

  it("answers the Admin API with the secret and refuses a wrong one", async () => {
    const good = await Janode.connect({ address: { url: `ws://127.0.0.1:${ADMIN_PORT}`, apisecret: SECRET }, is_admin: true, max_retries: 0 });
    const bad = await Janode.connect({ address: { url: `ws://127.0.0.1:${ADMIN_PORT}`, apisecret: "wrong" }, is_admin: true, max_retries: 0 });
    try {
      await expect(good.listSessions()).resolves.toHaveProperty("sessions");
      await expect(bad.listSessions()).rejects.toThrow(/403|[Uu]nauthorized/);
    } finally {
      await good.close();
      await bad.close();
    }
  });

  it("lets janode create a session, attach a VideoRoom handle and create and destroy a room with a secret", async () => {
    const connection = await Janode.connect({ address: { url: `ws://127.0.0.1:${WS_PORT}` }, max_retries: 0 });
    try {
      const session = await connection.create();
      const handle = await session.attach<VideoRoomHandle>(VideoRoomPlugin);
      const room = 4242;
      const created = await handle.create({ room, description: "test", secret: "room-secret", permanent: false });
      expect(created.room).toBe(room);
      expect((await handle.exists({ room })).exists).toBe(true);
      await expect(handle.destroy({ room, secret: "wrong" })).rejects.toThrow(/433/);
      await handle.destroy({ room, secret: "room-secret" });
      expect((await handle.exists({ room })).exists).toBe(false);
      await handle.detach();
      await session.destroy();
    } finally {
      await connection.close();
    }
  });

  it("restarts Janus after it is killed", async () => {
    const pid = supervisor.pid()!;
    statuses.length = 0;
    process.kill(pid, "SIGKILL");
    await waitFor(() => supervisor.status() === "restarting", "restarting", 5000);
    await waitFor(() => supervisor.status() === "up", "up again");
    expect(statuses).toEqual(["restarting", "up"]);
    expect(supervisor.pid()).not.toBe(pid);
    expect(alive(pid)).toBe(false);
  });

  it("stops Janus on shutdown", async () => {
    const pid = supervisor.pid()!;
    expect(alive(pid)).toBe(true);
    await supervisor.stop();
    expect(supervisor.status()).toBe("unavailable");
    expect(alive(pid)).toBe(false);
    expect(listeners(WS_PORT)).toEqual([]);
    expect(logs.some((line) => line.includes("did not stop"))).toBe(false);
  });
});
