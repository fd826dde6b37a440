// Child process: the baseline, a plain `ws` broadcast server. It speaks just enough Engine.IO /
// socket.io framing for the same load clients, and on each chair command broadcasts a packet
// with the same bytes as Yishiting's 'events' packet, serialized once. Usage: baselineServer.ts MEMBERS CHAIRS
import { randomUUID } from "node:crypto";
import { WebSocketServer, type WebSocket } from "ws";
import { BASELINE_OPEN } from "../shared/wire.ts";
import { exitWithParent, sampleMemory, send, type ToServer } from "./ipc.ts";

const COMMAND = /^42(\d+)\["command",(.*)\]$/s;

function main(): void {
  exitWithParent();
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false, maxPayload: 64 * 1024 });
  const members = new Set<WebSocket>();
  const actorId = randomUUID();
  let seq = 0;

  wss.on("connection", (ws) => {
    ws.send(BASELINE_OPEN);
    ws.on("close", () => members.delete(ws));
    ws.on("message", (data) => {
      const text = String(data);
      if (text.startsWith("40")) {
        ws.send(`40{"sid":"${randomUUID()}"}`);
        ws.send(`42["sync",{"kind":"snapshot","state":{"seq":${seq}}}]`);
        members.add(ws);
        return;
      }
      const command = COMMAND.exec(text);
      if (!command) return;
      const { participantId = actorId, toIndex = 0 } = JSON.parse(command[2] as string) as { participantId?: string; toIndex?: number };
      seq += 1;
      const event = { type: "queue.moved", participantId, toIndex };
      const packet = Buffer.from(`42${JSON.stringify(["events", [{ seq, at: Date.now(), actorId, event }]])}`);
      for (const member of members) member.send(packet, { binary: false });
      ws.send(`43${command[1]}[{"ok":true,"seq":${seq}}]`);
    });
  });

  wss.on("listening", () => {
    const address = wss.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const fake = (): { token: string; participantId: string } => ({ token: "baseline", participantId: randomUUID() });
    const chairs = Number(process.argv[3]);
    const memberCount = Number(process.argv[2]);
    void send({ type: "ready", port, chairs: Array.from({ length: chairs }, fake), members: Array.from({ length: memberCount }, fake) });
  });

  process.on("message", (message: ToServer) => {
    if (message.type === "memory") {
      void sampleMemory(members.size).then((sample) => send({ type: "memory", ...sample }));
    } else if (message.type === "stop") {
      for (const ws of wss.clients) ws.terminate();
      wss.close(() => void send({ type: "stopped" }).then(() => process.exit(0)));
    }
  });
}

main();
