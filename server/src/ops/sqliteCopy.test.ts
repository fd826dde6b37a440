// The online copy of a SQLite database another connection writes to between every two of the
// copy's steps (as the server's commits interleave with it): it still finishes, with a database
// that holds a prefix of the rows written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { copySqlite } from "./sqliteCopy.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

it("finishes while every tick commits a row that grows the database", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-copy-"));
  dirs.push(dir);
  const file = path.join(dir, "live.db");
  const writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.exec(`CREATE TABLE "Row" (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`);
  const insert = writer.prepare(`INSERT INTO "Row" (body) VALUES (?)`);
  const body = "x".repeat(8192); // two pages a row at the default page size
  for (let i = 0; i < 200; i++) insert.run(body);

  let writing = true;
  let written = 200;
  const load = (async () => {
    while (writing) {
      insert.run(body);
      written++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  const target = path.join(dir, "copy.db");
  await copySqlite(file, target);
  const writtenByThen = written;
  writing = false;
  await load;
  writer.close();

  const copy = new Database(target, { readonly: true });
  const rows = (copy.prepare(`SELECT count(*) AS n FROM "Row"`).get() as { n: number }).n;
  copy.close();
  expect(rows).toBeGreaterThanOrEqual(200);
  expect(rows).toBeLessThanOrEqual(writtenByThen);
}, 20_000);
