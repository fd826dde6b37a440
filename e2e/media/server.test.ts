// The composition root runs the embedded Janus only when YST_MEDIA asks for it, and stops it on
// close(). Runs inside the loopback-only namespace (npm run test:media).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadConfig } from "../../server/src/config/config.ts";
import { createServer, type YishitingServer } from "../../server/src/server.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-media-server-"));
let server: YishitingServer | undefined;

afterAll(async () => {
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("starts the embedded Janus with YST_MEDIA=embedded and stops it on close", async () => {
  expect(process.env.YST_IN_MEDIA_NETNS).toBe("1");
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    YST_DATA_DIR: dataDir,
    YST_DEMO: "off",
    YST_MEDIA: "embedded",
    YST_JANUS_WS_PORT: "18288",
    YST_JANUS_ADMIN_PORT: "17288",
    YST_JANUS_RTP_PORTS: "20200-20300",
    YST_JANUS_ICE_ENFORCE: "127.0.0.2",
  });
  const logs: string[] = [];
  server = await createServer(config, { log: (message) => logs.push(message) });
  const statuses: string[] = [];
  server.media.onStatusChange((status) => statuses.push(status));
  await server.listen();
  expect(server.media.janusUrl).toBe("ws://127.0.0.1:18288");
  await waitFor(() => server!.media.status() === "up", "media up");
  const janusConfig = fs.readFileSync(path.join(dataDir, "janus", "janus.jcfg"), "utf8");
  expect(janusConfig).toMatch(/admin_secret = "[\w-]{32,}"/);
  expect(janusConfig).toContain('ice_enforce_list = "127.0.0.2"');
  await server.close();
  server = undefined;
  expect(statuses).toEqual(["up", "unavailable"]);
});
