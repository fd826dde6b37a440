// The migration runner against real SQLite files: fresh databases, upgrades that redefine
// tables under existing data, and the append-only guard on the event log.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "./migrate.ts";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-migrate-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const allMigrations = () =>
  fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

describe("applyMigrations", () => {
  it("applies every migration once, in order, and is idempotent", () => {
    const db = new Database(path.join(tempDir(), "a.db"));
    expect(applyMigrations(db)).toEqual(allMigrations());
    expect(applyMigrations(db)).toEqual([]);
    db.close();
  });

  it("upgrades a database made by the first migration without losing its data", () => {
    const dir = tempDir();
    const first = allMigrations()[0]!;
    fs.mkdirSync(path.join(dir, "old", first), { recursive: true });
    fs.copyFileSync(path.join(MIGRATIONS_DIR, first, "migration.sql"), path.join(dir, "old", first, "migration.sql"));
    const db = new Database(path.join(dir, "b.db"));
    applyMigrations(db, path.join(dir, "old"));
    db.exec(`INSERT INTO "Meeting" (id, title) VALUES ('m1', '协商会');
      INSERT INTO "Participant" (id, meetingId, name, role) VALUES ('p1', 'm1', '张丽', 'member');
      INSERT INTO "MeetingEvent" (meetingId, seq, type, at, payload) VALUES ('m1', 1, 'queue.requested', 0, '{}');`);

    expect(applyMigrations(db)).toEqual(allMigrations().slice(1));
    expect(db.prepare(`SELECT id, name, role FROM "Participant"`).all()).toEqual([{ id: "p1", name: "张丽", role: "member" }]);
    expect(db.prepare(`SELECT title FROM "Meeting"`).all()).toEqual([{ title: "协商会" }]);
    expect(db.prepare(`SELECT count(*) AS n FROM "MeetingEvent"`).get()).toEqual({ n: 1 });
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    db.close();
  });

  it("refuses to run when an applied migration was edited", () => {
    const dir = tempDir();
    fs.cpSync(MIGRATIONS_DIR, path.join(dir, "m"), { recursive: true });
    const db = new Database(path.join(dir, "c.db"));
    applyMigrations(db, path.join(dir, "m"));
    fs.appendFileSync(path.join(dir, "m", allMigrations()[0]!, "migration.sql"), "\n-- edited\n");
    expect(() => applyMigrations(db, path.join(dir, "m"))).toThrow(/changed after it was applied/);
    db.close();
  });

  it("keeps the event log append-only", () => {
    const db = new Database(path.join(tempDir(), "d.db"));
    applyMigrations(db);
    db.exec(`INSERT INTO "Meeting" (id, title) VALUES ('m1', 't');
      INSERT INTO "MeetingEvent" (meetingId, seq, type, at, payload) VALUES ('m1', 1, 'x', 0, '{}');`);
    expect(() => db.exec(`UPDATE "MeetingEvent" SET type = 'y'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM "MeetingEvent"`)).toThrow(/append-only/);
    expect(() => db.exec(`INSERT INTO "MeetingEvent" (meetingId, seq, type, at, payload) VALUES ('m1', 1, 'dup', 0, '{}')`)).toThrow(/UNIQUE/);
    db.close();
  });
});
