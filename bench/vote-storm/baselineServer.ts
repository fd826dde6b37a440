// Child process: the baseline, a plain `ws` server on better-sqlite3 doing the same work as the
// ballot path: it speaks just enough Engine.IO v4 / socket.io v5 framing for the same
// socket.io-client sockets; ballots arriving in one event-loop turn are stored in one
// transaction (SQLite file in WAL mode, default synchronous, the same WITHOUT ROWID tables as
// Yishiting), then acknowledged; on close it tallies with one SELECT, computes the same result
// (core/poll/rules.ts) and sends the `events` packet to every client, serialized once per audience.
// Usage: baselineServer.ts MEMBERS
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { WebSocketServer, type WebSocket } from "ws";
import { pollOptions } from "../../core/poll/decide.ts";
import { computeResult } from "../../core/poll/rules.ts";
import { PollDefinition, type EligibleVoter, type PollOption, type PollResult, type Tally } from "../../core/poll/schema.ts";
import { exitWithParent, send } from "../fanout/ipc.ts";
import type { ToServer, Voter } from "./ipc.ts";

const OPEN = `0${JSON.stringify({ sid: "baseline", upgrades: [], pingInterval: 25000, pingTimeout: 20000, maxPayload: 1e6 })}`;
const EMIT = /^42(\d+)\[/;

interface Poll {
  pollId: string;
  definition: PollDefinition;
  options: PollOption[];
  status: "draft" | "open" | "closed" | "published";
  eligible: EligibleVoter[];
  eligibleIds: Set<string>;
  result: PollResult | null;
}

interface Pending {
  ws: WebSocket;
  ackId: string;
  participantId: string;
  pollId: string;
  choices: string[];
}

function main(): void {
  exitWithParent();
  const memberCount = Number(process.argv[2]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yishiting-votes-baseline-"));
  const databaseFile = path.join(dataDir, "baseline.db");
  const db = new Database(databaseFile);
  db.pragma("journal_mode = WAL");
  db.exec(`CREATE TABLE "PollVoter" ("pollId" TEXT NOT NULL, "unitId" TEXT NOT NULL, "choices" TEXT, "weight" REAL NOT NULL, "groups" TEXT NOT NULL, PRIMARY KEY ("pollId", "unitId")) WITHOUT ROWID;
           CREATE TABLE "PollBallot" ("pollId" TEXT NOT NULL, "ballotId" TEXT NOT NULL, "choices" TEXT NOT NULL, "weight" REAL NOT NULL, "groups" TEXT NOT NULL, PRIMARY KEY ("pollId", "ballotId")) WITHOUT ROWID;`);
  const insertVoter = db.prepare(
    `INSERT INTO "PollVoter" ("pollId", "unitId", "choices", "weight", "groups") VALUES (?, ?, ?, 1, '[]') ON CONFLICT DO NOTHING`,
  );
  const insertBallot = db.prepare(`INSERT INTO "PollBallot" ("pollId", "ballotId", "choices", "weight", "groups") VALUES (?, ?, ?, 1, '[]')`);
  const selectBallots = db.prepare(`SELECT "choices", "weight" FROM "PollBallot" WHERE "pollId" = ?`);
  const selectVoters = db.prepare(`SELECT "choices", "weight" FROM "PollVoter" WHERE "pollId" = ?`);
  const store = db.transaction((batch: readonly Pending[], polls: Map<string, Poll>) =>
    batch.map((b) => {
      const poll = polls.get(b.pollId)!;
      const choices = JSON.stringify(b.choices);
      if (insertVoter.run(b.pollId, b.participantId, poll.definition.secret ? null : choices).changes === 0) return false;
      if (poll.definition.secret) insertBallot.run(b.pollId, randomBytes(16).toString("hex"), choices);
      return true;
    }),
  );

  const chair: Voter = { token: "chair", participantId: randomUUID() };
  const members: Voter[] = Array.from({ length: memberCount }, () => {
    const participantId = randomUUID();
    return { token: `member:${participantId}`, participantId };
  });
  const who = new Map<WebSocket, string>();
  const staff = new Set<WebSocket>();
  const everyone = new Set<WebSocket>();
  const polls = new Map<string, Poll>();
  let seq = 0;
  let pending: Pending[] = [];

  const broadcast = (event: object, forStaff?: object): void => {
    seq += 1;
    const at = Date.now();
    const packet = (e: object) => Buffer.from(`42${JSON.stringify(["events", [{ seq, at, actorId: chair.participantId, event: e }]])}`);
    const all = packet(event);
    const staffPacket = forStaff ? packet(forStaff) : all;
    for (const ws of everyone) ws.send(staff.has(ws) ? staffPacket : all, { binary: false });
  };
  const ack = (ws: WebSocket, id: string, body: object): void => ws.send(`43${id}${JSON.stringify([body])}`);
  const refuse = (code: string): object => ({ ok: false, error: { code, details: [] } });

  const flush = (): void => {
    const batch = pending;
    pending = [];
    const accepted: Pending[] = [];
    for (const b of batch) {
      const poll = polls.get(b.pollId);
      if (!poll || poll.status !== "open") ack(b.ws, b.ackId, refuse("POLL_CLOSED"));
      else if (!poll.eligibleIds.has(b.participantId)) ack(b.ws, b.ackId, refuse("NOT_ELIGIBLE"));
      else if (b.choices.length !== 1 || !poll.options.some((o) => o.id === b.choices[0])) ack(b.ws, b.ackId, refuse("INVALID_BALLOT"));
      else accepted.push(b);
    }
    const stored = store(accepted, polls);
    accepted.forEach((b, i) => ack(b.ws, b.ackId, stored[i] ? { ok: true, pollId: b.pollId, changed: false } : refuse("ALREADY_VOTED")));
  };

  const command = (ws: WebSocket, id: string, cmd: { type: string; pollId?: string; poll?: unknown }): void => {
    if (!staff.has(ws)) return ack(ws, id, refuse("FORBIDDEN"));
    const poll = cmd.pollId === undefined ? undefined : polls.get(cmd.pollId);
    if (cmd.type === "poll.create") {
      const definition = PollDefinition.parse(cmd.poll);
      const pollId = randomUUID();
      const options = pollOptions(definition);
      polls.set(pollId, { pollId, definition, options, status: "draft", eligible: [], eligibleIds: new Set(), result: null });
      broadcast({ type: "poll.created", pollId, itemId: null, by: chair.participantId, options, definition });
    } else if (cmd.type === "poll.open" && poll?.status === "draft") {
      poll.status = "open";
      poll.eligible = members.map((m) => ({ unitId: m.participantId, participantIds: [m.participantId], weight: 1, household: null, present: true }));
      poll.eligibleIds = new Set(members.map((m) => m.participantId));
      broadcast({ type: "poll.opened", pollId: poll.pollId, at: Date.now(), closesAt: null });
    } else if (cmd.type === "poll.close" && poll?.status === "open") {
      if (pending.length) flush(); // every ballot that arrived before the close is counted
      const rows = (poll.definition.secret ? selectBallots : selectVoters).all(poll.pollId) as { choices: string; weight: number }[];
      const tally: Tally = { ballots: 0, weightCast: 0, counts: {}, weights: {}, groups: {} };
      for (const row of rows) {
        tally.ballots += 1;
        tally.weightCast += row.weight;
        for (const c of JSON.parse(row.choices) as string[]) {
          tally.counts[c] = (tally.counts[c] ?? 0) + 1;
          tally.weights[c] = (tally.weights[c] ?? 0) + row.weight;
        }
      }
      poll.status = "closed";
      poll.result = computeResult(poll.definition, poll.options, poll.eligible, tally, null);
      const closed = { type: "poll.closed", pollId: poll.pollId, at: Date.now(), by: chair.participantId };
      broadcast({ ...closed, result: null }, { ...closed, result: poll.result });
    } else if (cmd.type === "poll.publish" && poll?.status === "closed") {
      poll.status = "published";
      broadcast({ type: "poll.published", pollId: poll.pollId, at: Date.now(), result: poll.result });
    } else return ack(ws, id, refuse("VALIDATION"));
    ack(ws, id, { ok: true, seq });
  };

  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false, maxPayload: 64 * 1024 });
  wss.on("connection", (ws) => {
    ws.send(OPEN);
    ws.on("close", () => {
      everyone.delete(ws);
      staff.delete(ws);
      who.delete(ws);
    });
    ws.on("message", (data) => {
      const text = String(data);
      if (text.startsWith("40")) {
        const { token } = JSON.parse(text.slice(2) || "{}") as { token?: string };
        if (token === "chair") {
          staff.add(ws);
          who.set(ws, chair.participantId);
        } else who.set(ws, String(token).slice("member:".length));
        everyone.add(ws);
        ws.send(`40{"sid":"${randomUUID()}"}`);
        ws.send(`42["sync",{"kind":"snapshot","state":{"seq":${seq}}}]`);
        return;
      }
      const emit = EMIT.exec(text);
      if (!emit) return;
      const id = emit[1]!;
      const [name, body] = JSON.parse(text.slice(2 + id.length)) as [string, Record<string, unknown>];
      if (name === "poll.vote") {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ ws, ackId: id, participantId: who.get(ws)!, pollId: String(body.pollId), choices: body.choices as string[] });
      } else if (name === "command") command(ws, id, body as { type: string });
    });
  });
  // Engine.IO heartbeat: socket.io-client closes a connection that hears no ping for 45 s.
  setInterval(() => {
    for (const ws of everyone) ws.send("2");
  }, 25_000).unref();

  wss.on("listening", () => {
    const address = wss.address();
    const port = typeof address === "object" && address ? address.port : 0;
    void send({ type: "ready", port, chair, members, databaseFile, meetingId: "baseline" });
  });

  process.on("message", (message: ToServer) => {
    if (message.type === "present") void send({ type: "present", present: everyone.size });
    else if (message.type === "sql.start") void send({ type: "sql.started" });
    else if (message.type === "profile.start") return;
    else if (message.type === "profile.stop") void send({ type: "profiled", file: null });
    else if (message.type === "sql.stop") void send({ type: "sql", statements: [] });
    else if (message.type === "stop") {
      for (const ws of wss.clients) ws.terminate();
      wss.close(() => {
        db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
        void send({ type: "stopped" }).then(() => process.exit(0));
      });
    }
  });
}

main();
