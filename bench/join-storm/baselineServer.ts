// Child process: the baseline, a plain `ws` server speaking just enough Engine.IO / socket.io
// framing for the same thin clients. Told what to do before it listens (`configure`):
// - join storm and restart: member i gets a `sync` packet of exactly `syncBytes[i]` bytes, the
//   size Yishiting sent to its member i (built once per size and written to each socket);
// - multi-meeting: each chair's command is appended to a SQLite file (better-sqlite3, WAL, the
//   library's default synchronous — as Yishiting's file), broadcast to the meeting as the same
//   `events` packet Yishiting sends for a queue.move (serialized once), then acknowledged.
// Tokens: "m:<i>" (storm), "c:<meeting>" and "m:<meeting>:<i>" (multi).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { WebSocketServer, type WebSocket } from "ws";
import { exitWithParent, send } from "../fanout/ipc.ts";
import { BASELINE_OPEN } from "../shared/wire.ts";
import type { BaselineSetup, FromServer, MeetingTokens, ToServer } from "./ipc.ts";
import { startWindow, stopWindow } from "./probe.ts";

const COMMAND = /^42(\d+)\["command",(.*)\]$/s;
const reply = (message: FromServer): Promise<void> => send(message);

/** A `sync` packet of exactly `bytes` bytes (at least the smallest one), padded with spaces: an empty events catch-up when small, else a snapshot. */
function syncPacket(bytes: number, seq: number): Buffer {
  const [head, tail] = bytes < 256 ? ['42["sync",{"kind":"events","events":[]', "}]"] : [`42["sync",{"kind":"snapshot","state":{"seq":${seq}}`, "}]"];
  return Buffer.from(head + " ".repeat(Math.max(0, bytes - head.length - tail.length)) + tail);
}

function listen(setup: BaselineSetup): void {
  const packets = new Map<number, Buffer>();
  const packetOf = (bytes: number): Buffer => {
    let packet = packets.get(bytes);
    if (!packet) packets.set(bytes, (packet = syncPacket(bytes, 1)));
    return packet;
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yishiting-join-baseline-"));
  const db = new Database(path.join(dataDir, "baseline.db"));
  db.pragma("journal_mode = WAL");
  db.exec(`CREATE TABLE "Event" ("meetingId" TEXT NOT NULL, "seq" INTEGER NOT NULL, "payload" TEXT NOT NULL, PRIMARY KEY ("meetingId", "seq")) WITHOUT ROWID`);
  const insert = db.prepare(`INSERT INTO "Event" ("meetingId", "seq", "payload") VALUES (?, ?, ?)`);
  const rooms = Array.from({ length: setup.meetings }, () => ({ sockets: new Set<WebSocket>(), seq: 0 }));
  const chairs = new Set<WebSocket>();
  const roomOf = new Map<WebSocket, number>();

  // The same accept queue as Yishiting's server (server.ts ACCEPT_BACKLOG), so neither waits on dropped SYNs.
  const wss = new WebSocketServer({ host: "127.0.0.1", port: setup.port, backlog: 4096, perMessageDeflate: false, maxPayload: 64 * 1024 });
  wss.on("connection", (ws) => {
    ws.send(BASELINE_OPEN);
    ws.on("close", () => {
      rooms[roomOf.get(ws) ?? -1]?.sockets.delete(ws);
      chairs.delete(ws);
    });
    ws.on("message", (data) => {
      const text = String(data);
      if (text.startsWith("40")) {
        const { token = "" } = JSON.parse(text.slice(2) || "{}") as { token?: string };
        const [who, first] = token.split(":");
        ws.send(`40{"sid":"${randomUUID()}"}`);
        if (setup.meetings > 0) {
          const meeting = Number(first);
          roomOf.set(ws, meeting);
          rooms[meeting]?.sockets.add(ws);
          if (who === "c") chairs.add(ws);
          ws.send(`42["sync",{"kind":"snapshot","state":{"seq":${rooms[meeting]?.seq ?? 0}}}]`);
        } else ws.send(packetOf(setup.syncBytes[Number(first)] ?? 0), { binary: false });
        return;
      }
      const command = COMMAND.exec(text);
      if (!command || !chairs.has(ws)) return;
      const meeting = roomOf.get(ws) ?? 0;
      const room = rooms[meeting]!;
      const { participantId, toIndex } = JSON.parse(command[2] as string) as { participantId: string; toIndex: number };
      room.seq += 1;
      const stored = { seq: room.seq, at: Date.now(), actorId: "baseline-chair", event: { type: "queue.moved", participantId, toIndex } };
      insert.run(String(meeting), room.seq, JSON.stringify(stored.event));
      const packet = Buffer.from(`42${JSON.stringify(["events", [stored]])}`);
      for (const member of room.sockets) member.send(packet, { binary: false });
      ws.send(`43${command[1]}[{"ok":true,"seq":${room.seq}}]`);
    });
  });

  wss.on("listening", () => {
    const listeningAt = performance.timeOrigin + performance.now();
    const address = wss.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const meetings: MeetingTokens[] =
      setup.meetings > 0
        ? rooms.map((_, m) => ({
            meetingId: `baseline-${m}`,
            chair: { token: `c:${m}`, participantId: randomUUID() },
            members: Array.from({ length: setup.membersPerMeeting }, (__, i) => ({ token: `m:${m}:${i}`, participantId: randomUUID() })),
          }))
        : [{ meetingId: "baseline", chair: null, members: setup.syncBytes.map((_, i) => ({ token: `m:${i}`, participantId: randomUUID() })) }];
    void reply({ type: "ready", port, listeningAt, startMs: performance.now(), meetings, dataDir, secret: "", pragmas: {} });
  });

  process.on("message", (message: ToServer) => {
    if (message.type === "probe.start") void startWindow(message.name);
    else if (message.type === "probe.stop") void stopWindow().then((result) => reply({ type: "probe", ...result }));
    else if (message.type === "stop") {
      for (const ws of wss.clients) ws.terminate();
      wss.close(() => {
        db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
        void reply({ type: "stopped" }).then(() => process.exit(0));
      });
    }
  });
}

exitWithParent();
process.once("message", (message: ToServer) => {
  if (message.type === "configure") listen(message);
});
