// Child process: the real Yishiting server (temp data dir, 127.0.0.1, port 0) with one meeting of
// `members` members and `chairs` chairs, and a join token for each. Usage: yishitingServer.ts MEMBERS CHAIRS
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/src/config/config.ts";
import { createServer } from "../../server/src/server.ts";
import { createBenchMeeting } from "../shared/meeting.ts";
import { exitWithParent, sampleMemory, send, type ToServer } from "./ipc.ts";

async function main(): Promise<void> {
  exitWithParent();
  const memberCount = Number(process.argv[2]);
  const chairCount = Number(process.argv[3]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yishiting-bench-"));
  const config = loadConfig({
    YST_DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: "0",
    YST_DEMO: "off",
    YST_TOKEN_SECRET: randomBytes(32).toString("hex"),
  });
  const server = await createServer(config, { log: (message, error) => console.error(`[yishiting] ${message}`, error ?? "") });
  const port = await server.listen();

  const meeting = await createBenchMeeting(server, "扇出基准会议 fan-out benchmark", memberCount, chairCount);

  process.on("message", (message: ToServer) => {
    if (message.type === "memory") {
      void sampleMemory(server.io.engine.clientsCount).then((sample) => send({ type: "memory", ...sample }));
    } else if (message.type === "stop") {
      void server
        .close()
        .catch(() => undefined)
        .then(async () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          await send({ type: "stopped" });
          process.exit(0);
        });
    }
  });
  await send({ type: "ready", port, chairs: meeting.chairs, members: meeting.members });
}

main().catch((error: unknown) => {
  console.error("[bench] yishiting server failed:", error);
  process.exit(1);
});
