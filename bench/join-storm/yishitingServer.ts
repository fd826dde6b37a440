// Child process: the real Yishiting server (createServer, SQLite file in a data folder, 127.0.0.1).
// Usage: yishitingServer.ts storm MEMBERS        one meeting of MEMBERS members and a chair, a new data folder
//        yishitingServer.ts multi MEETINGS MEMBERS  MEETINGS meetings of MEMBERS members and a chair each
//        yishitingServer.ts resume DIR PORT SECRET   the same data folder and port again (after a kill -9)
// Experiments (bench-side, the server code is unchanged): BENCH_SQLITE_SYNCHRONOUS=OFF|NORMAL|FULL sets
// the pragma on the server's connection; BENCH_NO_ARCHIVE=1 stops the archive's reindex after events.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadConfig } from "../../server/src/config/config.ts";
import { createServer } from "../../server/src/server.ts";
import { exitWithParent, send } from "../fanout/ipc.ts";
import { createBenchMeeting } from "../shared/meeting.ts";
import type { FromServer, MeetingTokens, ToServer } from "./ipc.ts";
import { instrument, startWindow, stopWindow } from "./probe.ts";

const reply = (message: FromServer): Promise<void> => send(message);

async function main(): Promise<void> {
  exitWithParent();
  const [mode, a, b, c] = process.argv.slice(2);
  const resume = mode === "resume";
  const dataDir = resume ? (a as string) : fs.mkdtempSync(path.join(os.tmpdir(), "yishiting-join-"));
  const secret = resume ? (c as string) : randomBytes(32).toString("hex");
  const config = loadConfig({
    YST_DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: resume ? (b as string) : "0",
    YST_DEMO: "off",
    YST_MEDIA: "off",
    YST_TOKEN_SECRET: secret,
  });
  const server = await createServer(config, { log: (message, error) => console.error(`[yishiting] ${message}`, error ?? "") });
  instrument(server);
  const synchronous = process.env.BENCH_SQLITE_SYNCHRONOUS;
  if (synchronous) await server.db.$executeRawUnsafe(`PRAGMA synchronous = ${synchronous.replace(/\W/g, "")}`);
  if (process.env.BENCH_NO_ARCHIVE === "1") server.archive.committed = () => undefined;
  const port = await server.listen();
  const listeningAt = performance.timeOrigin + performance.now();
  const startMs = performance.now();

  const meetings: MeetingTokens[] = [];
  const members = Number(mode === "multi" ? b : a);
  const count = mode === "multi" ? Number(a) : mode === "storm" ? 1 : 0;
  for (let i = 0; i < count; i++) {
    const title = count === 1 ? "全体会议 join-storm benchmark" : `分组会议 ${i + 1} multi-meeting benchmark`;
    const m = await createBenchMeeting(server, title, members, 1);
    meetings.push({ meetingId: m.meetingId, chair: m.chairs[0] ?? null, members: m.members });
  }

  const pragmas: Record<string, string> = {};
  for (const name of ["journal_mode", "synchronous", "wal_autocheckpoint", "secure_delete", "busy_timeout"]) {
    const rows = await server.db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
    pragmas[name] = String(Object.values(rows[0] ?? {})[0]);
  }

  process.on("message", (message: ToServer) => {
    void (async () => {
      if (message.type === "present") {
        const state = (await server.rooms.get(message.meetingId)).current;
        await reply({ type: "present", present: Object.values(state.attendance).filter((x) => x.status === "present").length, seq: state.seq });
      } else if (message.type === "log") {
        const events = await server.store.load(message.meetingId, message.afterSeq);
        const types: Record<string, number> = {};
        const people = (type: string): number =>
          events.filter((e) => e.event.type === type).reduce((sum, e) => sum + ((e.event as { participantIds?: string[] }).participantIds?.length ?? 1), 0);
        for (const e of events) types[e.event.type] = (types[e.event.type] ?? 0) + 1;
        await reply({ type: "log", types, left: people("attendance.left"), excused: people("attendance.excused"), arrived: people("attendance.arrived") });
      } else if (message.type === "probe.start") {
        await startWindow(message.name);
      } else if (message.type === "probe.stop") {
        await reply({ type: "probe", ...(await stopWindow()) });
      } else if (message.type === "stop") {
        await server.close().catch(() => undefined);
        fs.rmSync(dataDir, { recursive: true, force: true });
        await reply({ type: "stopped" });
        process.exit(0);
      }
    })().catch((error: unknown) => void reply({ type: "error", message: String(error) }));
  });
  await reply({ type: "ready", port, listeningAt, startMs, meetings, dataDir, secret, pragmas });
}

main().catch((error: unknown) => {
  console.error("[bench] yishiting server failed:", error);
  process.exit(1);
});
