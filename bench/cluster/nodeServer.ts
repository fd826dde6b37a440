// Child process: one node of the real server (createServer, 127.0.0.1, port 0, its own temporary
// data folder). The database and the deployment come from the environment the orchestrator gives
// it (YST_DATABASE_URL; with YST_REDIS_URL, YST_REDIS_STREAM, YST_NODE_ID and the shared
// YST_TOKEN_SECRET it joins a deployment of several nodes). With MEMBERS > 0 it makes the benchmark
// meeting (MEMBERS members, CHAIRS chairs, a join token each, valid on every node of the deployment).
// Usage: nodeServer.ts MEMBERS CHAIRS
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/src/config/config.ts";
import { createServer } from "../../server/src/server.ts";
import { exitWithParent, sampleMemory, send } from "../fanout/ipc.ts";
import { createBenchMeeting } from "../shared/meeting.ts";
import type { FromNode, ToNode } from "./ipc.ts";

async function main(): Promise<void> {
  exitWithParent();
  const memberCount = Number(process.argv[2]);
  const chairCount = Number(process.argv[3]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yishiting-cluster-bench-"));
  const config = loadConfig({ ...process.env, YST_DATA_DIR: dataDir, HOST: "127.0.0.1", PORT: "0", YST_DEMO: "off", YST_MEDIA: "off" });
  const server = await createServer(config, { log: (message, error) => console.error(`[${process.env.YST_NODE_ID ?? "node"}] ${message}`, error ?? "") });
  const port = await server.listen();
  const meeting = memberCount > 0 ? await createBenchMeeting(server, "集群基准会议 cluster benchmark", memberCount, chairCount) : null;

  const reply = (message: FromNode): Promise<void> => send(message);
  process.on("message", (message: ToNode) => {
    const task = (async () => {
      if (message.type === "memory") await reply({ type: "memory", ...(await sampleMemory(server.io.engine.clientsCount)) });
      else if (message.type === "owns") await reply({ type: "owns", owns: server.rooms.isLocal(message.meetingId) });
      else if (message.type === "stop") {
        await server.close().catch(() => undefined);
        fs.rmSync(dataDir, { recursive: true, force: true });
        await reply({ type: "stopped" });
        process.exit(0);
      }
    })();
    task.catch((error: unknown) => void reply({ type: "error", message: String(error) }));
  });
  await reply({ type: "ready", port, meeting });
}

main().catch((error: unknown) => {
  console.error("[bench] node failed:", error);
  process.exit(1);
});
