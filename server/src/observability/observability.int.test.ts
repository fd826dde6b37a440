// Observability over a real server on port 0 with real sockets (SQLite, and PostgreSQL in the
// integration-pg project): /metrics parses and its numbers move during a scripted meeting (join,
// request and give the floor, a poll with ballots); the operator's routes are guarded by the
// token; /api/ready answers 200, and 503 once the database is gone; JSON log lines parse, carry
// request and meeting ids, and hold no participant's name, no token and nothing typed by users.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PollDefinition } from "../../../core/poll/schema.ts";
import { fileForm, staffClient, STAFF_PASSWORD } from "../../../testing/server/api.ts";
import { disconnected, eventually, Harness, send, settle, TEST_SECRET, type TestMeeting } from "../../../testing/server/harness.ts";
import { parsePrometheusText, type Exposition } from "../../../testing/server/prometheusText.ts";
import { loadConfig } from "../config/config.ts";
import { sqliteConnection } from "../db/sqliteDatabase.ts";
import { createServer } from "../server.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const OPS_TOKEN = "ops-token-for-the-test-7d41c2";
const POLL_TITLE = "关于小区加装电梯分摊方案的表决（观测测试）";

async function scrape(url: string, headers: Record<string, string> = {}): Promise<Exposition> {
  const res = await fetch(`${url}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

const count = (e: Exposition, name: string, labels: Record<string, string> = {}) => e.value(`${name}_count`, labels) ?? 0;

/** The floor and a named poll: member1 and member2 ask for the floor, the chair gives it, both vote. */
async function scriptedMeeting(url: string, meeting: TestMeeting) {
  const [chair, m1, m2] = await Promise.all([
    h.connect(url, meeting.tokens.chair),
    h.connect(url, meeting.tokens.member1),
    h.connect(url, meeting.tokens.member2),
  ]);
  expect(await send(m1, { type: "queue.request" })).toMatchObject({ ok: true });
  expect(await send(m2, { type: "queue.request" })).toMatchObject({ ok: true });
  expect(await send(chair, { type: "floor.give" })).toMatchObject({ ok: true });
  // A refused command is measured too (only the chair gives the floor).
  expect(await send(m1, { type: "floor.give" })).toMatchObject({ ok: false });
  const poll = PollDefinition.parse({
    title: POLL_TITLE,
    form: "yesNoAbstain",
    secret: false,
    rule: [{ base: "cast", share: { num: 1, den: 2 }, compare: "more" }],
  });
  expect(await send(chair, { type: "poll.create", poll })).toMatchObject({ ok: true });
  await settle([chair, m1, m2]);
  const pollId = chair.state.polls.at(-1)!.pollId;
  expect(await send(chair, { type: "poll.open", pollId, confirmed: true })).toMatchObject({ ok: true });
  await settle([chair, m1, m2]);
  for (const member of [m1, m2]) expect(await member.socket.timeout(5000).emitWithAck("poll.vote", { pollId, choices: ["yes"] })).toMatchObject({ ok: true });
  return { chair, m1, m2, pollId };
}

describe("GET /metrics", () => {
  it("parses, and its gauges, histograms and counters move during a scripted meeting", async () => {
    const srv = await h.startServer();
    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    const before = await scrape(srv.url); // the test's client is on loopback and no token is set
    expect(before.types.get("yst_command_duration_seconds")).toBe("histogram");
    expect(before.types.get("yst_event_append_duration_seconds")).toBe("histogram");
    expect(before.types.get("yst_connected_participants")).toBe("gauge");
    expect(before.types.get("yst_meetings_live")).toBe("gauge");
    expect(before.types.get("yst_ballots_stored_total")).toBe("counter");
    expect(before.value("yst_connected_participants")).toBe(0);
    expect(before.value("yst_meetings_live")).toBe(1); // opened through its room
    expect(before.value("yst_ballots_stored_total", { outcome: "stored" })).toBe(0);
    // Media is off: no Janus to report on. The process's own metrics are there, prefixed.
    expect(before.types.has("yst_janus_up")).toBe(false);
    expect(before.value("yst_process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(before.types.get("yst_nodejs_eventloop_lag_seconds")).toBe("gauge");

    const { chair, m1, m2, pollId } = await scriptedMeeting(srv.url, meeting);
    const during = await scrape(srv.url);
    expect(during.value("yst_connected_participants")).toBe(3);
    expect(count(during, "yst_command_duration_seconds", { type: "queue.request", outcome: "ok" })).toBe(2);
    expect(count(during, "yst_command_duration_seconds", { type: "floor.give", outcome: "ok" })).toBe(1);
    expect(count(during, "yst_command_duration_seconds", { type: "floor.give", outcome: "refused" })).toBe(1);
    expect(count(during, "yst_command_duration_seconds", { type: "poll.open", outcome: "ok" })).toBe(1);
    // Every bucket is cumulative and the +Inf bucket equals the count.
    expect(during.value("yst_command_duration_seconds_bucket", { type: "queue.request", outcome: "ok", le: "+Inf" })).toBe(2);
    expect(during.value("yst_command_duration_seconds_sum", { type: "queue.request", outcome: "ok" })).toBeGreaterThan(0);
    // Each accepted command appended a batch (joins add attendance events too).
    expect(count(during, "yst_event_append_duration_seconds")).toBeGreaterThanOrEqual(count(before, "yst_event_append_duration_seconds") + 5);
    expect(during.value("yst_ballots_stored_total", { outcome: "stored" })).toBe(2);
    expect(during.value("yst_meetings_live")).toBe(1);

    // Leaving: the gauge follows; closing the meeting: no longer live.
    for (const client of [m1, m2]) {
      client.close();
      await disconnected(client.socket);
    }
    await eventually(async () => expect((await scrape(srv.url)).value("yst_connected_participants")).toBe(1));
    expect(await send(chair, { type: "poll.close", pollId })).toMatchObject({ ok: true });
    expect(await send(chair, { type: "meeting.close" })).toMatchObject({ ok: true });
    await eventually(async () => expect((await scrape(srv.url)).value("yst_meetings_live")).toBe(0));
  });
});

describe("the operator's routes with YST_OPS_TOKEN", () => {
  it("need the bearer token: none → 401, a wrong one → 403, the right one → 200; /api/ready and /api/health stay open", async () => {
    const srv = await h.startServer({ env: { YST_OPS_TOKEN: OPS_TOKEN } });
    for (const route of ["/metrics", "/api/ops/status", "/api/ops/anything"]) {
      const none = await fetch(`${srv.url}${route}`);
      expect(none.status, route).toBe(401);
      expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(((await none.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
      const wrong = await fetch(`${srv.url}${route}`, { headers: { Authorization: `Bearer ${OPS_TOKEN}x` } });
      expect(wrong.status, route).toBe(403);
      const basic = await fetch(`${srv.url}${route}`, { headers: { Authorization: `Basic ${Buffer.from(`ops:${OPS_TOKEN}`).toString("base64")}` } });
      expect(basic.status, route).toBe(401);
    }
    const auth = { Authorization: `Bearer ${OPS_TOKEN}` };
    expect((await scrape(srv.url, auth)).value("yst_meetings_live")).toBe(0);

    const meeting = await h.createMeeting(srv.server, undefined, { open: true });
    await h.connect(srv.url, meeting.tokens.member1);
    const status = await fetch(`${srv.url}/api/ops/status`, { headers: auth });
    expect(status.status).toBe(200);
    expect(status.headers.get("cache-control")).toBe("no-store");
    const body = (await status.json()) as Record<string, unknown>;
    const migrations = fs.readdirSync(path.resolve(import.meta.dirname, "../../../prisma/migrations"), { withFileTypes: true });
    expect(body).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      schema: migrations
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
        .at(-1),
      liveMeetings: 1,
      connectedParticipants: 1,
    });
    // An unknown path under /api/ops with the token: the API's 404, not a way around the guard.
    expect((await fetch(`${srv.url}/api/ops/anything`, { headers: auth })).status).toBe(404);

    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
    const ready = await fetch(`${srv.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { database: "ok", media: "off" } });
  });
});

describe("GET /api/ready", () => {
  it("answers 503 with its checks while the database does not answer, while /api/health still says ok", async () => {
    const onPostgres = process.env.YST_TEST_DB === "postgresql";
    // PostgreSQL: the pool's two connections (its smallest size) held by queries for longer than the check waits (3 s).
    const srv = await h.startServer(onPostgres ? { env: { YST_PG_POOL_SIZE: "2" } } : {});
    expect((await fetch(`${srv.url}/api/ready`)).status).toBe(200);
    let held: Promise<unknown> = Promise.resolve();
    if (onPostgres)
      held = Promise.all([srv.server.db.$queryRaw`SELECT 1 AS slept FROM pg_sleep(4.5)`, srv.server.db.$queryRaw`SELECT 1 AS slept FROM pg_sleep(4.5)`]);
    // SQLite: the database file's connection closed under the server.
    else sqliteConnection(srv.server.db).raw.close();
    const res = await fetch(`${srv.url}/api/ready`);
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ ready: false, checks: { database: "unreachable", media: "off" } });
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
    await held;
    if (!onPostgres) {
      // A public route failing for want of its database: logged by its pattern, never with the receipt code of its path.
      expect((await fetch(`${srv.url}/api/public/receipts/SECRETCODE123`)).status).toBe(500);
      expect(srv.logs.map((l) => l.message)).toContain("GET /api/public/receipts/:code failed");
      expect(srv.logs.some((l) => l.message.includes("SECRETCODE123"))).toBe(false);
    }
  });
});

describe("YST_LOG_FORMAT=json", () => {
  it("writes one JSON object per line with request ids, meeting ids, commands and durations, and no names, tokens or typed text", async () => {
    const dataDir = h.tempDir();
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      YST_DATA_DIR: dataDir,
      ...(await h.databaseEnv(dataDir)),
      YST_TOKEN_SECRET: TEST_SECRET,
      YST_DEMO: "off",
      YST_LOG_FORMAT: "json",
    });
    const lines: string[] = [];
    const server = await createServer(config, { logDestination: { write: (chunk) => void lines.push(...chunk.split("\n").filter(Boolean)) } });
    h.onCleanup(() => server.close());
    const url = `http://127.0.0.1:${await server.listen()}`;
    const meeting = await h.createMeeting(server, undefined, { open: true });

    // A request id given is echoed and logged; one not given is made.
    const given = await fetch(`${url}/api/health`, { headers: { "X-Request-Id": "probe-42" } });
    expect(given.headers.get("x-request-id")).toBe("probe-42");
    const made = (await fetch(`${url}/api/health`)).headers.get("x-request-id");
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    // One with a line break or too long is replaced, never written into the log.
    expect((await fetch(`${url}/api/health`, { headers: { "X-Request-Id": "x".repeat(200) } })).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    // A meeting's route (its id logged, the route's pattern instead of the path); a failing one logs an error line with its request id.
    const { client: org } = await staffClient(server, url, "organiser1", "organiser");
    expect((await org.get(`/api/meetings/${meeting.meetingId}`, { headers: { "X-Request-Id": "meeting-read" } })).status).toBe(200);
    const item = (await org.post(`/api/meetings/${meeting.meetingId}/agenda`, { title: "通报", plannedMinutes: 10 })).body.item.id;
    const material = (await org.request("POST", `/api/meetings/${meeting.meetingId}/agenda/${item}/materials`, { form: fileForm("%PDF-1.4 x", "a.pdf") })).body
      .material;
    const dir = path.join(dataDir, "materials", meeting.meetingId);
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
    expect((await org.get(`/api/meetings/${meeting.meetingId}/materials/${material.id}`, { headers: { "X-Request-Id": "broken-file" } })).status).toBe(500);

    await scriptedMeeting(url, meeting);
    // A public route whose path holds a code: the log has the route's pattern, never the code.
    await fetch(`${url}/api/public/receipts/SECRETCODE123`);

    const entries = await eventually(() => {
      const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(parsed.filter((e) => e.msg === "command").length).toBeGreaterThanOrEqual(6);
      return parsed;
    });
    for (const entry of entries) {
      expect(entry).toMatchObject({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) });
      expect(Number.isNaN(Date.parse(entry.time as string))).toBe(false);
    }
    const requests = entries.filter((e) => e.msg === "request");
    expect(requests.find((e) => e.reqId === "probe-42")).toMatchObject({
      level: "info",
      method: "GET",
      route: "/api/health",
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(requests.some((e) => e.reqId === made)).toBe(true);
    expect(requests.find((e) => e.reqId === "meeting-read")).toMatchObject({ route: "/api/meetings/:id", meetingId: meeting.meetingId, status: 200 });
    expect(requests.find((e) => e.reqId === "broken-file")).toMatchObject({
      route: "/api/meetings/:id/materials/:materialId",
      status: 500,
      meetingId: meeting.meetingId,
    });
    // The failure itself: an error line of that request, with the error.
    expect(entries.find((e) => e.level === "error" && e.reqId === "broken-file")).toMatchObject({ err: { message: expect.stringContaining("ENOENT") } });
    const commands = entries.filter((e) => e.msg === "command");
    expect(commands.find((e) => e.command === "floor.give" && e.outcome === "ok")).toMatchObject({
      level: "info",
      meetingId: meeting.meetingId,
      durationMs: expect.any(Number),
    });
    expect(commands.find((e) => e.command === "floor.give" && e.outcome === "refused")).toMatchObject({ code: "FORBIDDEN", meetingId: meeting.meetingId });

    // What must never be written: names, tokens, the staff password, addresses, text typed by users, the receipt code.
    const all = lines.join("\n");
    const never = [
      ...Object.values(meeting.people).map((p) => p.name),
      ...Object.values(meeting.tokens),
      meeting.title,
      POLL_TITLE,
      STAFF_PASSWORD,
      "organiser1",
      "127.0.0.1",
      "SECRETCODE123",
      "a.pdf",
    ];
    for (const text of never) expect(all, text).not.toContain(text);
  });

  it("npm start prints only JSON lines: its status as log lines, the first admin's password as a line of kind first-admin", async () => {
    const dataDir = h.tempDir();
    const child = await h.spawnServer(dataDir, TEST_SECRET, { YST_LOG_FORMAT: "json" });
    await fetch(`${child.url}/api/health`);
    await eventually(() => expect(child.output()).toContain('"msg":"request"'));
    await child.kill("SIGTERM");
    const lines = child.output().split("\n").filter(Boolean);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.find((e) => typeof e.msg === "string" && e.msg.includes("listening on 127.0.0.1"))).toMatchObject({ level: "info", port: child.port });
    expect(entries.find((e) => e.kind === "first-admin")).toMatchObject({ text: expect.stringContaining("One-time password") });
    expect(entries.find((e) => e.msg === "Received SIGTERM, shutting down")).toMatchObject({ level: "info", signal: "SIGTERM" });
  });
});
