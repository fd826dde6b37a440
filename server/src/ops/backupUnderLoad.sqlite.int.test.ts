// A backup of a busy SQLite database: members request and withdraw without pause while the backup
// runs (a commit every few milliseconds). The backup still finishes, and the database in the
// archive is one consistent moment of the log: its events are exactly the first ones of the log
// the server went on writing, none missing or torn, and the migrations are the manifest's schema.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { Harness } from "../../../testing/server/harness.ts";
import { takeBackup } from "./backup.ts";
import type { Manifest } from "./manifest.ts";

const h = new Harness();
afterEach(() => h.cleanup());

it("finishes while commands commit without pause, with a consistent prefix of the event log", async () => {
  const srv = await h.startServer();
  const meeting = await h.createMeeting(srv.server, "繁忙时备份", { open: true });
  const room = await srv.server.rooms.get(meeting.meetingId);
  let running = true;
  let commits = 0;
  const load = (async () => {
    for (let i = 0; running; i++) {
      await new Promise((resolve) => setImmediate(resolve)); // let timers and I/O run between commits
      const who = i % 2 === 0 ? meeting.people.member1 : meeting.people.member2;
      for (const type of ["queue.request", "queue.withdraw"] as const)
        if ((await room.submit({ participantId: who.id, role: "member" }, { type })).ok) commits++;
    }
  })();
  while (commits < 20) await new Promise((resolve) => setTimeout(resolve, 5));
  const startedAt = commits;
  const { archive, manifest } = await takeBackup(srv.config, { dir: h.tempDir(), keep: 3 });
  const during = commits - startedAt;
  const afterBackup = commits;
  while (commits < afterBackup + 4) await new Promise((resolve) => setTimeout(resolve, 5));
  running = false;
  await load;
  expect(during).toBeGreaterThan(0); // the server kept committing while the backup ran

  const dir = h.tempDir();
  execFileSync("tar", ["-xzf", archive, "-C", dir]);
  const copy = new Database(path.join(dir, manifest.database.file), { readonly: true });
  const archived = copy.prepare(`SELECT seq, type, payload FROM "MeetingEvent" WHERE meetingId = ? ORDER BY seq`).all(meeting.meetingId) as { seq: number }[];
  const migrations = (copy.prepare(`SELECT name FROM "_yst_migrations" ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  copy.close();
  const live = new Database(srv.config.database.kind === "sqlite" ? srv.config.database.file : "", { readonly: true });
  const all = live.prepare(`SELECT seq, type, payload FROM "MeetingEvent" WHERE meetingId = ? ORDER BY seq`).all(meeting.meetingId);
  live.close();

  expect(archived.length).toBeGreaterThanOrEqual(startedAt);
  expect(archived.length).toBeLessThan(all.length);
  expect(archived).toEqual(all.slice(0, archived.length));
  expect(archived.map((e) => e.seq)).toEqual(archived.map((_e, i) => i + 1));
  expect(migrations).toEqual((JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest).schema);
}, 60_000);
