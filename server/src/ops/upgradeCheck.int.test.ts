// The upgrade's safety step: it refuses (exit 3, zh+en) while the running server reports a live
// meeting, waits for them to close with --wait (the drain) or gives up after that long, and then
// takes a backup; with no server running it only backs up. Against an HTTP server on port 0
// answering GET /api/ops/status as the contract says (any state on demand, the bearer token), and
// against the real server with a real meeting opened and closed over sockets.
import http from "node:http";
import type { AddressInfo } from "node:net";
import fs from "node:fs";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { Harness, openMeeting, send } from "../../../testing/server/harness.ts";
import { lastLine, runScript } from "../../../testing/server/opsCommands.ts";
import { OpsError } from "./opsError.ts";
import { archivesIn } from "./retention.ts";
import { upgradeCheck } from "./upgradeCheck.ts";

const h = new Harness();
afterEach(() => h.cleanup());

/** An HTTP server answering /api/ops/status with `status.liveMeetings` live meetings (and /api/health), guarded by `token` when given. */
async function statusServer(token?: string) {
  const state = { liveMeetings: 1, asked: 0 };
  const app = express();
  app.get("/api/health", (_req, res) => void res.json({ ok: true }));
  app.get("/api/ops/status", (req, res) => {
    state.asked++;
    if (token && req.headers.authorization !== `Bearer ${token}`) return void res.status(401).json({ error: { code: "UNAUTHENTICATED" } });
    res.json({ version: "0.1.0", schema: "20261227000000_group_meetings", liveMeetings: state.liveMeetings, connectedParticipants: 3 * state.liveMeetings });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  h.onCleanup(() => new Promise((resolve) => server.close(resolve)));
  const port = (server.address() as AddressInfo).port;
  return { state, port, url: `http://127.0.0.1:${port}` };
}

const refusedWith = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OpsError);
  return error as OpsError;
};

describe("npm run upgrade", () => {
  it("refuses while a meeting is live (exit 3), drains with --wait, gives up after --wait, and backs up once none is live", async () => {
    const data = await h.startServer({ listen: false });
    const backups = { dir: h.tempDir(), keep: 5 };
    const ops = await statusServer();

    const live = await refusedWith(upgradeCheck(data.config, backups, { baseUrl: ops.url }));
    expect([live.code, live.exitCode]).toEqual(["UPGRADE_MEETINGS_LIVE", 3]);
    expect(archivesIn(backups.dir)).toEqual([]);

    // The command: exit 3, the code and both languages, no archive.
    const env = { PORT: String(ops.port), HOST: "127.0.0.1", YST_DATA_DIR: data.dataDir, YST_BACKUP_DIR: backups.dir, ...data.databaseEnv };
    const refused = await runScript("server/src/ops/upgradeCommand.ts", [], env);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/UPGRADE_MEETINGS_LIVE\n\s+有会议正在进行[^\n]*\n\s+Meetings are live/);
    expect(archivesIn(backups.dir)).toEqual([]);

    // --wait shorter than the meeting: gives up.
    const started = Date.now();
    expect((await refusedWith(upgradeCheck(data.config, backups, { baseUrl: ops.url, waitMs: 600, pollMs: 100 }))).code).toBe("UPGRADE_MEETINGS_LIVE");
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);

    // --wait while the meeting closes: polls until none is live, then backs up.
    const lines: string[] = [];
    setTimeout(() => (ops.state.liveMeetings = 0), 700);
    const asked = ops.state.asked;
    const drained = await upgradeCheck(data.config, backups, { baseUrl: ops.url, waitMs: 20_000, pollMs: 100, say: (line) => lines.push(line) });
    expect(drained.status?.liveMeetings).toBe(0);
    expect(ops.state.asked - asked).toBeGreaterThan(2);
    expect(lines[0]).toMatch(/等待 1 场会议结束… \/ Waiting for 1 live meeting/);
    expect(archivesIn(backups.dir)).toHaveLength(1);

    // The command once none is live: the next steps, the archive's path last.
    const done = await runScript("server/src/ops/upgradeCommand.ts", ["--wait", "1"], env);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/没有进行中的会议 \/ No live meeting/);
    expect(done.stdout).toMatch(/systemctl stop yishiting[\s\S]*npm ci[\s\S]*systemctl start yishiting/);
    expect(fs.existsSync(lastLine(done.stdout))).toBe(true);
    expect(archivesIn(backups.dir)).toHaveLength(2);
  }, 120_000);

  it("sends YST_OPS_TOKEN, refuses without it, and only backs up when no server runs", async () => {
    const data = await h.startServer({ listen: false });
    const backups = { dir: h.tempDir(), keep: 5 };
    const ops = await statusServer("ops-token-1");
    ops.state.liveMeetings = 0;
    expect((await refusedWith(upgradeCheck(data.config, backups, { baseUrl: ops.url }))).code).toBe("UPGRADE_STATUS_FORBIDDEN");
    expect((await upgradeCheck(data.config, backups, { baseUrl: ops.url, opsToken: "ops-token-1" })).status?.version).toBe("0.1.0");

    // Something answers but has no status route (an older server): it cannot tell, so it refuses.
    const older = express();
    older.get("/api/health", (_req, res) => void res.json({ ok: true }));
    const olderServer = http.createServer(older);
    await new Promise<void>((resolve) => olderServer.listen(0, "127.0.0.1", resolve));
    h.onCleanup(() => new Promise((resolve) => olderServer.close(resolve)));
    const olderUrl = `http://127.0.0.1:${(olderServer.address() as AddressInfo).port}`;
    expect((await refusedWith(upgradeCheck(data.config, backups, { baseUrl: olderUrl }))).code).toBe("UPGRADE_STATUS_UNAVAILABLE");

    // Nobody listens: a backup and nothing else.
    const down = await upgradeCheck(data.config, backups, { baseUrl: "http://127.0.0.1:9" });
    expect(down.status).toBeUndefined();
    expect(fs.existsSync(down.backup.archive)).toBe(true);
  });

  it("against the real server: refused while its meeting is open, also right after a restart with nobody connected, backed up after the chair closes it", async () => {
    const srv = await h.startServer();
    const meeting = await h.createMeeting(srv.server, "升级检查（真实服务器）");
    await openMeeting(srv.server, meeting);
    const chair = await h.connect(srv.url, meeting.tokens.chair);
    const backups = { dir: h.tempDir(), keep: 5 };
    const config = { ...srv.config, port: srv.port };

    const refused = await refusedWith(upgradeCheck(config, backups));
    expect(refused.code).toBe("UPGRADE_MEETINGS_LIVE");
    expect(refused.message).toMatch(/1 场会议进行中 \/ live meeting\(s\), 1 人在线/);
    expect(archivesIn(backups.dir)).toEqual([]);

    // After a restart nobody has reconnected yet, and the meeting still runs: still refused.
    chair.close();
    await srv.close();
    const again = await h.startServer({ dataDir: srv.dataDir });
    const restarted = { ...again.config, port: again.port };
    expect((await refusedWith(upgradeCheck(restarted, backups))).message).toMatch(/1 场会议进行中 \/ live meeting\(s\), 0 人在线/);

    const chairAgain = await h.connect(again.url, meeting.tokens.chair);
    expect(await send(chairAgain, { type: "meeting.close" })).toMatchObject({ ok: true });
    const { status, backup } = await upgradeCheck(restarted, backups);
    expect(status).toMatchObject({ liveMeetings: 0, version: expect.any(String) });
    expect(archivesIn(backups.dir)).toEqual([backup.archive.slice(backups.dir.length + 1)]);
  });
});
