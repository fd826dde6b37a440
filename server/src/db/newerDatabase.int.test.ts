// A database from a newer version (migrations this build does not know) is refused at start, on
// SQLite and on PostgreSQL, before anything is changed: by the runners, by createServer and by
// the real entry point (`npm start` exits non-zero with the code and its zh+en message).
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../../../testing/server/harness.ts";
import { connectTo, freshSchema, PG_TEST_URL, withSchema } from "../../../testing/postgres.ts";
import { runScript } from "../../../testing/server/opsCommands.ts";
import { applyMigrations } from "./migrate.ts";
import { DB_NEWER_THAN_APP, DatabaseNewerThanAppError } from "./newerDatabase.ts";
import { applyPgMigrations } from "./pgMigrate.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const FUTURE = "29991231000000_from_a_newer_version";

describe("a database from a newer version", () => {
  it("SQLite: the runner, the server and npm start refuse it, and the file is left as it was", async () => {
    const dataDir = h.tempDir();
    const file = path.join(dataDir, "yishiting.db");
    const raw = new Database(file);
    applyMigrations(raw);
    raw.prepare(`INSERT INTO "_yst_migrations" (name, checksum, appliedAt) VALUES (?, 'x', '2999-12-31')`).run(FUTURE);
    raw.exec(`INSERT INTO "Meeting" (id, title) VALUES ('m1', '协商会')`);
    const before = raw.prepare(`SELECT name FROM "_yst_migrations" ORDER BY name`).all();

    expect(() => applyMigrations(raw)).toThrow(DatabaseNewerThanAppError);
    try {
      applyMigrations(raw);
    } catch (error) {
      expect(error).toMatchObject({ code: DB_NEWER_THAN_APP, unknown: [FUTURE] });
      expect((error as Error).message).toMatch(/数据库来自更新版本/);
      expect((error as Error).message).toMatch(/comes from a newer version/);
    }
    raw.close();

    await expect(h.startServer({ dataDir })).rejects.toMatchObject({ code: DB_NEWER_THAN_APP });
    const started = await runScript("server/src/main.ts", [], { PORT: "0", HOST: "127.0.0.1", YST_DATA_DIR: dataDir });
    expect(started.code).toBe(1);
    expect(started.stderr).toMatch(/DB_NEWER_THAN_APP: 数据库来自更新版本[\s\S]*newer version/);

    const after = new Database(file, { readonly: true });
    expect(after.prepare(`SELECT name FROM "_yst_migrations" ORDER BY name`).all()).toEqual(before);
    expect(after.prepare(`SELECT title FROM "Meeting"`).all()).toEqual([{ title: "协商会" }]);
    after.close();
  });

  it("PostgreSQL: the runner and the server refuse it, and the schema is left as it was", async () => {
    const schema = await freshSchema();
    h.afterServers(schema.drop);
    const client = await connectTo(schema.name);
    h.onCleanup(() => client.end());
    await applyPgMigrations(client);
    await client.query(`INSERT INTO "_yst_migrations" ("name", "checksum", "appliedAt") VALUES ($1, 'x', '2999-12-31')`, [FUTURE]);
    const before = (await client.query(`SELECT "name" FROM "_yst_migrations" ORDER BY "name"`)).rows;

    await expect(applyPgMigrations(client)).rejects.toMatchObject({ code: DB_NEWER_THAN_APP, unknown: [FUTURE] });
    const env = { YST_DATABASE_URL: withSchema(PG_TEST_URL, schema.name) };
    await expect(h.startServer({ env })).rejects.toMatchObject({ code: DB_NEWER_THAN_APP });
    const started = await runScript("server/src/main.ts", [], { PORT: "0", HOST: "127.0.0.1", YST_DATA_DIR: h.tempDir(), ...env });
    expect(started.code).toBe(1);
    expect(started.stderr).toMatch(/DB_NEWER_THAN_APP: 数据库来自更新版本[\s\S]*newer version/);

    expect((await client.query(`SELECT "name" FROM "_yst_migrations" ORDER BY "name"`)).rows).toEqual(before);
    // The advisory lock was released: an ordinary database in the same schema's place migrates again.
    await client.query(`DELETE FROM "_yst_migrations" WHERE "name" = $1`, [FUTURE]);
    expect(await applyPgMigrations(client)).toEqual([]);
  });
});
