// Backup → wipe → restore, end to end and on the real commands (issue 28): a server runs a
// meeting with speeches, a named and a secret poll (the secret one still open, its ballots sealed
// on PostgreSQL with a key from the token secret), an uploaded material and a recording; `npm run
// backup` runs while that server serves connected members; the data folder (and on PostgreSQL the
// schema) is wiped; `npm run restore` puts it back; a new server then has the same meeting, the
// same event log in the same order, the same ballots and tables row for row, the same files, and
// the join links issued before still open the meeting. Runs on SQLite (integration) and on
// PostgreSQL (integration-pg: the harness gives each data folder a schema).
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { pollOf, vote } from "../../../testing/server/pollRoom.ts";
import { ApiClient, fileForm, STAFF_PASSWORD, staffClient } from "../../../testing/server/api.ts";
import Database from "better-sqlite3";
import { connectTo } from "../../../testing/postgres.ts";
import { Harness, persisted, send, settle, sleep, type TestClient, type TestServer } from "../../../testing/server/harness.ts";
import { lastLine, runScript } from "../../../testing/server/opsCommands.ts";
import { RecordingStore } from "../media/recording/recordingStore.ts";
import type { DatabaseConfig } from "../db/database.ts";
import { pgAdmin, quoteIdent } from "./pgDump.ts";
import { splitSchema } from "../db/pgDatabase.ts";
import { MANIFEST_FILE } from "./manifest.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(3000, 0x42), Buffer.from("\n%%EOF\n")]);
const OPUS = Buffer.concat([Buffer.from("OggS"), Buffer.alloc(5000, 0x17)]);

/** The environment the service's commands run with over `srv`'s data (no YST_TOKEN_SECRET: the secret is the data folder's file). */
const commandEnv = (srv: TestServer, backupDir: string): Record<string, string> => ({
  PORT: String(srv.port),
  HOST: "127.0.0.1",
  YST_DATA_DIR: srv.dataDir,
  YST_BACKUP_DIR: backupDir,
  YST_TOKEN_SECRET: "",
  ...srv.databaseEnv,
});

/** Every row of every table of the database, comparable (JSON, blobs in hex, sorted), through the driver itself. */
async function rowsOf(config: DatabaseConfig): Promise<string[]> {
  const json = (table: string, row: unknown) =>
    JSON.stringify([table, row], (_k, v: unknown) => {
      if (typeof v === "bigint") return Number(v);
      // A Buffer reaches the replacer as its toJSON(): { type: "Buffer", data: [...] }.
      const blob = v as { type?: unknown; data?: unknown } | null;
      return blob && typeof blob === "object" && blob.type === "Buffer" && Array.isArray(blob.data) ? Buffer.from(blob.data as number[]).toString("hex") : v;
    });
  const out: string[] = [];
  if (config.kind === "sqlite") {
    const db = new Database(config.file, { readonly: true });
    try {
      for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[])
        for (const row of db.prepare(`SELECT * FROM "${name}"`).all()) out.push(json(name, row));
    } finally {
      db.close();
    }
  } else {
    const client = await connectTo(splitSchema(config.url).schema);
    try {
      const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`);
      for (const { name } of tables.rows) for (const row of (await client.query(`SELECT * FROM "${name}"`)).rows) out.push(json(name, row));
    } finally {
      await client.end();
    }
  }
  return out.sort();
}

it("backup while the server runs → wipe → restore: meeting, event log, ballots, rows and files identical", async () => {
  const backupDir = h.tempDir();
  // The token secret lives in the data folder (as on an installed server): the backup must carry it.
  const srv = await h.startServer({ secret: "" });
  expect(fs.existsSync(path.join(srv.dataDir, "token-secret"))).toBe(true);
  const { client: org } = await staffClient(srv.server, srv.url, "secretariat", "organiser");
  const meeting = await h.createMeeting(srv.server, "社区议事会（备份测试）", { open: true });
  const item = (await org.post(`/api/meetings/${meeting.meetingId}/agenda`, { title: "公共收益使用方案", plannedMinutes: 20 })).body.item.id as string;
  const uploaded = await org.request("POST", `/api/meetings/${meeting.meetingId}/agenda/${item}/materials`, { form: fileForm(PDF, "方案.pdf") });
  expect(uploaded.status).toBe(201);
  const materialId = uploaded.body.material.id as string;

  const [chair, m1, m2] = await Promise.all([meeting.tokens.chair, meeting.tokens.member1, meeting.tokens.member2].map((t) => h.connect(srv.url, t)));
  const all = [chair!, m1!, m2!];
  await settle(all, srv.server);
  const ok = async (client: TestClient, command: unknown) => expect(await send(client, command)).toMatchObject({ ok: true });
  // Speeches.
  await ok(m1!, { type: "queue.request" });
  await ok(m2!, { type: "queue.request" });
  await ok(chair!, { type: "floor.give" });
  await ok(chair!, { type: "floor.give" });
  await ok(m2!, { type: "floor.end" });
  // A named poll, voted and closed; a secret poll, voted and left open.
  const poll = async (secret: boolean) => {
    await ok(chair!, { type: "poll.create", poll: pollOf({ title: secret ? "无记名表决" : "记名表决", secret }) });
    await settle(all, srv.server);
    const pollId = chair!.state.polls.at(-1)!.pollId;
    await ok(chair!, { type: "poll.open", pollId });
    await settle(all, srv.server);
    expect(await vote(m1!, { pollId, choices: ["yes"] })).toMatchObject({ ok: true });
    expect(await vote(m2!, { pollId, choices: [secret ? "no" : "yes"] })).toMatchObject({ ok: true });
    return pollId;
  };
  const named = await poll(false);
  await ok(chair!, { type: "poll.close", pollId: named });
  const secret = await poll(true);
  await settle(all, srv.server);
  // A speech's recording, as the recorder leaves it: the file in the meeting's folder and its row.
  const speech = chair!.state.speeches[0]!;
  fs.mkdirSync(path.join(srv.config.recordingsDir, meeting.meetingId), { recursive: true });
  fs.writeFileSync(path.join(srv.config.recordingsDir, meeting.meetingId, "speech-1.opus"), OPUS);
  const recording = await new RecordingStore(srv.server.db).add({
    id: "rec-1",
    meetingId: meeting.meetingId,
    speechId: speech.speechId,
    participantId: speech.participantId,
    part: 1,
    file: "speech-1.opus",
    startedAt: new Date(speech.startedAt),
    durationMs: 4000,
    bytes: OPUS.length,
    status: "ready",
  });

  const before = await persisted(srv.server, meeting.meetingId);
  // Quiet (the archive's index is written 3 s after the last event), then every row as the backup will see it.
  await sleep(3_500);
  const rowsAtBackup = await rowsOf(srv.config.database);
  expect(before.state.polls.find((p) => p.pollId === named)?.status).toBe("closed");
  expect(before.state.polls.find((p) => p.pollId === secret)?.status).toBe("open");

  // The backup, with the server running and the members connected.
  const backup = await runScript("server/src/ops/backupCommand.ts", [], commandEnv(srv, backupDir));
  expect(backup.stderr).toBe("");
  expect(backup.code).toBe(0);
  const archive = lastLine(backup.stdout);
  expect(path.dirname(archive)).toBe(backupDir);
  expect(path.basename(archive)).toMatch(/^yishiting-\d{8}T\d{6}\.\d{3}Z\.tar\.gz$/);
  expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
  expect(fs.statSync(backupDir).mode & 0o777).toBe(0o700);

  // After the backup: one more request, which the restored data must not have.
  await ok(m1!, { type: "queue.request" });
  for (const c of all) c.close();
  await srv.close();

  // Wipe: the data folder and the database.
  fs.rmSync(srv.dataDir, { recursive: true, force: true });
  if (srv.config.database.kind === "postgresql") {
    const admin = await pgAdmin(srv.config.database.url);
    await admin.query(`DROP SCHEMA ${quoteIdent(splitSchema(srv.config.database.url).schema)} CASCADE`);
    await admin.end();
  }

  const restored = await runScript("server/src/ops/restoreCommand.ts", [archive], commandEnv(srv, backupDir));
  expect(restored.stderr).toBe("");
  expect(restored.code).toBe(0);
  expect(restored.stdout).toMatch(/已恢复 \/ Restored/);
  expect(fs.statSync(srv.dataDir).mode & 0o777).toBe(0o700);
  expect(fs.statSync(path.join(srv.dataDir, "token-secret")).mode & 0o777).toBe(0o600);

  // Every table, row for row, before any server touches the restored data.
  expect(await rowsOf(srv.config.database)).toEqual(rowsAtBackup);

  const again = await h.startServer({ dataDir: srv.dataDir, secret: "" });
  // The whole event log, in order: exactly the one at the backup (not the request after it).
  const after = await persisted(again.server, meeting.meetingId);
  expect(after.events).toEqual(before.events);
  expect(after.state).toEqual(before.state);
  expect(after.state.speeches.map((s) => s.participantId)).toEqual([meeting.people.member1.id, meeting.people.member2.id]);
  // The links issued before the backup still open the meeting (the token secret came back).
  const [chair2, m12, m22] = await Promise.all([meeting.tokens.chair, meeting.tokens.member1, meeting.tokens.member2].map((t) => h.connect(again.url, t)));
  expect(chair2!.state.polls.find((p) => p.pollId === named)?.result).toEqual(before.state.polls.find((p) => p.pollId === named)?.result);
  // The secret poll's stored ballots count (on PostgreSQL: unsealed with the restored secret) and its voters stay voted.
  expect(await vote(m12!, { pollId: secret, choices: ["no"] })).toMatchObject({ ok: false, error: { code: "ALREADY_VOTED" } });
  await settle([chair2!, m12!, m22!], again.server);
  const closed = await send(chair2!, { type: "poll.close", pollId: secret });
  expect(closed).toMatchObject({ ok: true });
  const result = (await chair2!.waitForSeq(closed.ok ? closed.seq : 0)).polls.find((p) => p.pollId === secret)!.result;
  expect(result?.ballots).toBe(2);
  expect(result?.counts.map((c) => [c.optionId, c.count])).toEqual([
    ["yes", 1],
    ["no", 1],
    ["abstain", 0],
  ]);

  // The files: the material and the recording download byte for byte.
  const staff = new ApiClient(again.url);
  expect((await staff.login("secretariat", STAFF_PASSWORD)).status).toBe(200);
  const material = await staff.get(`/api/meetings/${meeting.meetingId}/materials/${materialId}`);
  expect(material.status).toBe(200);
  expect(material.bytes.equals(PDF)).toBe(true);
  const audio = await staff.get(`/api/meetings/${meeting.meetingId}/recordings/${recording.id}`);
  expect(audio.status).toBe(200);
  expect(audio.bytes.equals(OPUS)).toBe(true);
  expect(fs.existsSync(path.join(srv.dataDir, MANIFEST_FILE))).toBe(false);
}, 180_000);
