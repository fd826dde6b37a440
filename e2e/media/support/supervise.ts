// Child process for orphan.test.ts: runs the supervisor and prints Janus's pid once it is up.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findJanusLibDir, writeJanusConfig } from "../../../server/src/media/janusConfig.ts";
import { JanusSupervisor } from "../../../server/src/media/janusProcess.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-janus-orphan-"));
const [wsPort, adminPort] = [Number(process.argv[2]), Number(process.argv[3])];
writeJanusConfig({
  adminSecret: "orphan-test",
  bindIp: "127.0.0.1",
  wsPort,
  adminPort,
  rtpPorts: { min: 20400, max: 20500 },
  iceEnforceList: "127.0.0.2",
  libDir: findJanusLibDir()!,
  configDir: dir,
});
const supervisor = new JanusSupervisor({ configDir: dir, adminUrl: `ws://127.0.0.1:${adminPort}`, adminSecret: "orphan-test", log: () => undefined });
supervisor.onStatusChange((status) => {
  if (status === "up") console.log(`janus pid ${supervisor.pid()}`);
});
supervisor.start();
