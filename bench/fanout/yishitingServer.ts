// Child process: the real Yishiting server (temp data dir, 127.0.0.1, port 0) with one meeting of
// `members` members and `chairs` chairs, and a join token for each. Usage: yishitingServer.ts MEMBERS CHAIRS
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/src/config/config.ts";
import type { NewParticipant } from "../../server/src/meetings/meetingRepository.ts";
import { createServer } from "../../server/src/server.ts";
import { exitWithParent, sampleMemory, send, type Member, type ToServer } from "./ipc.ts";

const SECTORS = ["中共", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "无党派人士"];

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

  const roster: NewParticipant[] = [
    ...Array.from({ length: chairCount }, (_, i) => ({ name: `主持人 ${i + 1}`, role: "chair" as const, sector: "中共", party: "中共" })),
    ...Array.from({ length: memberCount }, (_, i) => {
      const sector = SECTORS[i % SECTORS.length] as string;
      return { name: `委员 ${String(i + 1).padStart(4, "0")}`, role: "member" as const, sector, party: sector };
    }),
  ];
  const { meeting, participants } = await server.meetings.create("扇出基准会议 fan-out benchmark", roster);
  const withTokens: Member[] = [];
  for (const p of participants) {
    withTokens.push({ participantId: p.id, token: await server.tokens.issue({ participantId: p.id, meetingId: meeting.id, role: p.role }) });
  }

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
  await send({ type: "ready", port, chairs: withTokens.slice(0, chairCount), members: withTokens.slice(chairCount) });
}

main().catch((error: unknown) => {
  console.error("[bench] yishiting server failed:", error);
  process.exit(1);
});
