// Child process: the real Yishiting server (createServer, temp data dir, SQLite file — or the
// PostgreSQL schema in BENCH_DATABASE_URL —, 127.0.0.1, port 0) with one meeting of MEMBERS members
// and a chair, and a join token for each. Every SQL statement the process sends can be recorded
// (bench/shared/recordStatements.ts), to count the queries of a poll's close.
// Usage: [BENCH_DATABASE_URL=postgresql://…?schema=…] yishitingServer.ts MEMBERS
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import inspector from "node:inspector";
import { loadConfig } from "../../server/src/config/config.ts";
import type { NewParticipant } from "../../server/src/meetings/participantStore.ts";
import { createServer } from "../../server/src/server.ts";
import { exitWithParent, send } from "../fanout/ipc.ts";
import { createMeetingWithRoster } from "../shared/meeting.ts";
import { startRecording, stopRecording } from "../shared/recordStatements.ts";
import type { ToServer } from "./ipc.ts";

const profiler = new inspector.Session();
const post = (method: string): Promise<unknown> =>
  new Promise((resolve, reject) => profiler.post(method, (error, result) => (error ? reject(error) : resolve(result))));

async function main(): Promise<void> {
  exitWithParent();
  const memberCount = Number(process.argv[2]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yishiting-votes-"));
  const config = loadConfig({
    YST_DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: "0",
    YST_DEMO: "off",
    YST_MEDIA: "off",
    YST_TOKEN_SECRET: randomBytes(32).toString("hex"),
    ...(process.env.BENCH_DATABASE_URL ? { YST_DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
  });
  const server = await createServer(config, { log: (message, error) => console.error(`[yishiting] ${message}`, error ?? "") });
  const port = await server.listen();
  const roster: NewParticipant[] = [
    { name: "主持人", role: "chair" },
    ...Array.from({ length: memberCount }, (_, i) => ({ name: `委员 ${String(i + 1).padStart(4, "0")}`, role: "member" as const })),
  ];
  const { meetingId, joiners: voters } = await createMeetingWithRoster(server, "即时表决基准会议 vote-storm benchmark", roster);

  process.on("message", (message: ToServer) => {
    void (async () => {
      if (message.type === "present") {
        const state = (await server.rooms.get(meetingId)).current;
        await send({ type: "present", present: Object.values(state.attendance).filter((a) => a.status === "present").length });
      } else if (message.type === "sql.start") {
        startRecording();
        await send({ type: "sql.started" });
      } else if (message.type === "profile.start") {
        profiler.connect();
        await post("Profiler.enable");
        await post("Profiler.start");
      } else if (message.type === "profile.stop") {
        const { profile } = (await post("Profiler.stop")) as { profile: object };
        profiler.disconnect();
        const dir = process.env.BENCH_PROFILE_DIR;
        const file = dir ? path.join(dir, `${message.name}.cpuprofile`) : null;
        if (file) {
          fs.mkdirSync(dir!, { recursive: true });
          fs.writeFileSync(file, JSON.stringify(profile));
        }
        await send({ type: "profiled", file });
      } else if (message.type === "sql.stop") {
        await send({ type: "sql", statements: stopRecording() });
      } else if (message.type === "stop") {
        await server.close().catch(() => undefined);
        fs.rmSync(dataDir, { recursive: true, force: true });
        await send({ type: "stopped" });
        process.exit(0);
      }
    })().catch((error: unknown) => void send({ type: "error", message: String(error) }));
  });
  await send({
    type: "ready",
    port,
    chair: voters[0]!,
    members: voters.slice(1),
    databaseFile: config.database.kind === "sqlite" ? config.database.file : null,
    meetingId: meetingId,
  });
}

main().catch((error: unknown) => {
  console.error("[bench] yishiting server failed:", error);
  process.exit(1);
});
