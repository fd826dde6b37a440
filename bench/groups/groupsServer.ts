// Child process of the groups benchmark (bench/groups/run.ts): the real Yishiting server
// (createServer, SQLite file in a fresh data folder, 127.0.0.1, no media) with one open plenary of
// MEMBERS members and a chair, its groups defined (GROUPS groups, members dealt round-robin, each
// group's first member its convener, second its clerk) but not opened; GROUPS 0: no groups defined (a
// plain plenary: the plenary-scale join's baseline). BENCH_SERVER_CPU: the CPU list the process pins
// itself to (taskset -a, every thread), so the clients in the orchestrator do not share its core.
// Usage: groupsServer.ts MEMBERS GROUPS
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { SYSTEM_ACTOR } from "../../core/roles.ts";
import { loadConfig } from "../../server/src/config/config.ts";
import { createServer } from "../../server/src/server.ts";
import { exitWithParent, send } from "../fanout/ipc.ts";
import { createBenchMeeting } from "../shared/meeting.ts";
import type { FromGroupsServer, ToGroupsServer } from "./ipc.ts";

async function main(): Promise<void> {
  exitWithParent();
  if (process.env.BENCH_SERVER_CPU) execFileSync("taskset", ["-a", "-cp", process.env.BENCH_SERVER_CPU, String(process.pid)], { stdio: "ignore" });
  const members = Number(process.argv[2]);
  const groupCount = Number(process.argv[3]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yishiting-groups-"));
  const config = loadConfig({
    YST_DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: "0",
    YST_DEMO: "off",
    YST_MEDIA: "off",
    YST_TOKEN_SECRET: randomBytes(32).toString("hex"),
  });
  const server = await createServer(config, { log: (message, error) => console.error(`[yishiting] ${message}`, error ?? "") });
  const port = await server.listen();
  const m = await createBenchMeeting(server, "全体会议 groups benchmark", members, 1);
  const chair = m.chairs[0]!;
  const room = await server.rooms.get(m.meetingId);
  const opened = await room.submit({ participantId: chair.participantId, role: "chair" }, { type: "meeting.open" });
  if (!opened.ok) throw new Error(`meeting.open: ${opened.error.code}`);
  if (groupCount > 0) {
    const groups = Array.from({ length: groupCount }, (_, g) => {
      const memberIds = m.members.filter((_, i) => i % groupCount === g).map((p) => p.participantId);
      return { groupId: `g${g + 1}`, name: `第${g + 1}组`, topic: null, place: null, convenerId: memberIds[0]!, clerkId: memberIds[1] ?? null, memberIds };
    });
    const defined = await room.submit(SYSTEM_ACTOR, { type: "groups.define", method: "hand", groups });
    if (!defined.ok) throw new Error(`groups.define: ${defined.error.code}`);
  }

  if (process.env.BENCH_DETAIL === "1") {
    const create = server.meetings.createGroupMeetings.bind(server.meetings);
    server.meetings.createGroupMeetings = async (...args) => {
      const t = performance.now();
      const created = await create(...args);
      console.log(`[bench] group meetings created in ${(performance.now() - t).toFixed(0)} ms`);
      return created;
    };
    const when = server.groupMeetings.whenReady.bind(server.groupMeetings);
    let first: number | undefined;
    server.groupMeetings.whenReady = async (...args) => {
      first ??= performance.now();
      await when(...args);
      console.log(`[bench] group meetings ready ${(performance.now() - first).toFixed(0)} ms after the first groups.enter`);
      server.groupMeetings.whenReady = when;
    };
  }
  if (process.env.BENCH_EXPERIMENT === "noRelay") {
    // Experiment (the product is unchanged): the groups' progress not relayed to the plenary, to see what the relay costs the split.
    server.groupRelay.committed = () => undefined;
    server.groupRelay.opened = () => undefined;
  }
  if (process.env.BENCH_EXPERIMENT === "smallOpened") {
    // Experiment (the product is unchanged): groups.opened broadcast without its seats, to see what its size costs the split.
    const to = server.io.to.bind(server.io);
    server.io.to = ((room: string | string[]) => {
      const operator = to(room);
      const emit = operator.emit.bind(operator);
      operator.emit = ((event: string, ...args: unknown[]) => {
        const [events] = args as [{ event: { type: string; groups?: unknown[] } }[]];
        if (event === "events" && Array.isArray(events) && events.some((e) => e.event.type === "groups.opened"))
          return emit("events", events.map((e) => (e.event.type === "groups.opened" ? { ...e, event: { ...e.event, groups: [] } } : e)) as never);
        return (emit as (event: string, ...rest: unknown[]) => boolean)(event, ...args);
      }) as typeof operator.emit;
      return operator;
    }) as typeof server.io.to;
  }
  process.on("message", (message: ToGroupsServer) => {
    void (async () => {
      if (message.type === "cpu") {
        const usage = process.cpuUsage();
        await send({ type: "cpu", micros: usage.user + usage.system } satisfies FromGroupsServer);
      }
      if (message.type === "stop") {
        await server.close().catch(() => undefined);
        fs.rmSync(dataDir, { recursive: true, force: true });
        await send({ type: "stopped" } satisfies FromGroupsServer);
        process.exit(0);
      }
    })().catch((error: unknown) => void send({ type: "error", message: String(error) }));
  });
  await send({ type: "ready", port, meetingId: m.meetingId, chair, members: m.members } satisfies FromGroupsServer);
}

main().catch((error: unknown) => {
  console.error("[bench] groups server failed:", error);
  process.exit(1);
});
