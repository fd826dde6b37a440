// The PostgreSQL migration runner against the real PostgreSQL (testing/postgres.ts): each test in a
// schema of its own. Also the drift check: the migrations applied give exactly the schema the
// generated PostgreSQL schema file describes, plus the hand-written objects of the _pg_ migrations.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, it } from "vitest";
import { postgresSchema, SQLITE_SCHEMA } from "../../../prisma/postgresql/generate.ts";
import { connectTo, freshSchema, PG_TEST_URL } from "../../../testing/postgres.ts";
import { PrismaClient } from "./generated-pg/client.ts";
import { migrationNames } from "./migrationFiles.ts";
import { applyPgMigrations, PG_MIGRATIONS_DIR } from "./pgMigrate.ts";

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh schema and one connection to it, both gone after the test. */
async function schemaAndClient() {
  const schema = await freshSchema();
  cleanups.push(schema.drop);
  const client = await connectTo(schema.name);
  cleanups.push(() => client.end());
  return { schema: schema.name, client };
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-pgmigrate-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const allMigrations = () => migrationNames(PG_MIGRATIONS_DIR);

describe("applyPgMigrations", () => {
  it("applies every migration once, in order, and is idempotent", async () => {
    const { client } = await schemaAndClient();
    expect(await applyPgMigrations(client)).toEqual(allMigrations());
    expect(await applyPgMigrations(client)).toEqual([]);
    const rows = (await client.query(`SELECT "name" FROM "_yst_migrations" ORDER BY "name"`)).rows;
    expect(rows.map((row) => row.name)).toEqual(allMigrations());
  });

  it("migrates once when three nodes start together", async () => {
    const { schema, client } = await schemaAndClient();
    const others = await Promise.all([connectTo(schema), connectTo(schema)]);
    cleanups.push(() => Promise.all(others.map((other) => other.end())));
    const runs = await Promise.all([client, ...others].map((c) => applyPgMigrations(c)));
    expect(runs.map((ran) => ran.length).sort((a, b) => a - b)).toEqual([0, 0, allMigrations().length]);
    expect((await client.query(`SELECT count(*)::int AS n FROM "_yst_migrations"`)).rows[0].n).toBe(allMigrations().length);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const { client } = await schemaAndClient();
    const dir = path.join(tempDir(), "m");
    fs.cpSync(PG_MIGRATIONS_DIR, dir, { recursive: true });
    await applyPgMigrations(client, dir);
    fs.appendFileSync(path.join(dir, allMigrations()[0]!, "migration.sql"), "\n-- edited\n");
    await expect(applyPgMigrations(client, dir)).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls a failing migration back whole and records nothing of it", async () => {
    const { client } = await schemaAndClient();
    const dir = path.join(tempDir(), "m");
    fs.cpSync(PG_MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "29991231000000_pg_broken");
    fs.mkdirSync(broken);
    fs.writeFileSync(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "Broken" ("a" INTEGER);\nALTER TABLE "Meeting" ADD COLUMN "broken" TEXT;\nSELECT 1 / 0;\n`,
    );
    await expect(applyPgMigrations(client, dir)).rejects.toThrow(/29991231000000_pg_broken failed: division by zero/);
    expect((await client.query(`SELECT to_regclass('"Broken"') AS t`)).rows[0].t).toBeNull();
    const columns = await client.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'broken'`);
    expect(columns.rowCount).toBe(0);
    // Everything before it stays applied; fixed, it runs alone.
    expect((await client.query(`SELECT count(*)::int AS n FROM "_yst_migrations"`)).rows[0].n).toBe(allMigrations().length);
    fs.writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "Broken" ("a" INTEGER);\n`);
    expect(await applyPgMigrations(client, dir)).toEqual(["29991231000000_pg_broken"]);
  });

  it("keeps the event log append-only, also against TRUNCATE", async () => {
    const { client } = await schemaAndClient();
    await applyPgMigrations(client);
    await client.query(`INSERT INTO "Meeting" ("id", "title") VALUES ('m1', 't')`);
    await client.query(`INSERT INTO "MeetingEvent" ("meetingId", "seq", "type", "at", "payload") VALUES ('m1', 1, 'x', now(), '{}')`);
    await expect(client.query(`UPDATE "MeetingEvent" SET "type" = 'y'`)).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM "MeetingEvent"`)).rejects.toThrow(/append-only/);
    await expect(client.query(`TRUNCATE "MeetingEvent"`)).rejects.toThrow(/append-only/);
    await expect(client.query(`TRUNCATE "Meeting" CASCADE`)).rejects.toThrow(/append-only/);
    await expect(client.query(`INSERT INTO "MeetingEvent" ("meetingId", "seq", "type", "at", "payload") VALUES ('m1', 1, 'dup', now(), '{}')`)).rejects.toThrow(
      /duplicate key/,
    );
    expect((await client.query(`SELECT "type" FROM "MeetingEvent"`)).rows).toEqual([{ type: "x" }]);
  });

  it("keeps a saved minutes version fixed, its approval recorded once, and ballots' via checked", async () => {
    const { client } = await schemaAndClient();
    await applyPgMigrations(client);
    await client.query(`INSERT INTO "Meeting" ("id", "title") VALUES ('m1', 't')`);
    await client.query(
      `INSERT INTO "MinutesVersion" ("meetingId", "number", "blocks", "source", "authorName", "createdAt") VALUES ('m1', 1, '[]', 'draft', '王', now())`,
    );
    await expect(client.query(`UPDATE "MinutesVersion" SET "blocks" = '[1]'`)).rejects.toThrow(/never changes/);
    await client.query(`UPDATE "MinutesVersion" SET "approvedAt" = now()`);
    await expect(client.query(`UPDATE "MinutesVersion" SET "approvedAt" = NULL`)).rejects.toThrow(/approved MinutesVersion is locked/);
    await expect(client.query(`DELETE FROM "MinutesVersion"`)).rejects.toThrow(/never deleted/);
    await expect(client.query(`INSERT INTO "PollVoter" ("pollId", "unitId", "weight", "groups", "via") VALUES ('p', 'u', 1, '[]', 'mail')`)).rejects.toThrow(
      /PollVoter_via_check/,
    );
    await client.query(`INSERT INTO "PollVoter" ("pollId", "unitId", "weight", "groups", "via") VALUES ('p', 'u', 1, '[]', 'paper')`);
  });

  it("gives the generated PostgreSQL client a schema it reads and writes, times in UTC", async () => {
    const { schema, client } = await schemaAndClient();
    await applyPgMigrations(client);
    const pool = new pg.Pool({ connectionString: PG_TEST_URL, max: 2, options: `-c search_path="${schema}" -c TimeZone=UTC` });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema }) });
    cleanups.push(async () => {
      await prisma.$disconnect();
      await pool.end();
    });
    const startsAt = new Date("2026-05-02T08:30:00.123Z");
    await prisma.meeting.create({ data: { id: "m1", title: "协商会", startsAt } });
    expect(await prisma.meeting.findUnique({ where: { id: "m1" }, select: { title: true, startsAt: true, timeZone: true } })).toEqual({
      title: "协商会",
      startsAt,
      timeZone: "Asia/Shanghai",
    });
    const stored = await client.query(`SELECT to_char("startsAt", 'YYYY-MM-DD HH24:MI:SS.MS') AS t FROM "Meeting"`);
    expect(stored.rows[0].t).toBe("2026-05-02 08:30:00.123");
  });
});

/** Every column, index and constraint of the connection's schema, one line each, schema names left out. */
async function catalog(client: pg.Client): Promise<string[]> {
  const columns = await client.query(
    `SELECT format('column %s.%s %s %s default %s', table_name, column_name, format_type(a.atttypid, a.atttypmod), is_nullable, column_default) AS line
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
      WHERE table_schema = current_schema()`,
  );
  const indexes = await client.query(
    `SELECT format('index %s.%s %s', tablename, indexname, replace(indexdef, quote_ident(schemaname) || '.', '')) AS line FROM pg_indexes WHERE schemaname = current_schema()`,
  );
  const constraints = await client.query(
    `SELECT format('constraint %s.%s %s', t.relname, con.conname, pg_get_constraintdef(con.oid)) AS line
       FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema()`,
  );
  const triggers = await client.query(
    `SELECT format('trigger %s.%s', t.relname, tg.tgname) AS line
       FROM pg_trigger tg JOIN pg_class t ON t.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND NOT tg.tgisinternal`,
  );
  return [...columns.rows, ...indexes.rows, ...constraints.rows, ...triggers.rows].map((row: { line: string }) => row.line).sort();
}

describe("PostgreSQL schema drift", () => {
  it("the migrations give the schema of prisma/schema.prisma, plus only the hand-written objects", { timeout: 180_000 }, async () => {
    // What Prisma makes of the data model now (the generated schema file, made afresh here).
    const dir = tempDir();
    const schemaFile = path.join(dir, "schema.prisma");
    fs.writeFileSync(schemaFile, postgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
    const ddl = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--config", "prisma/postgresql/prisma.config.ts", "--from-empty", "--to-schema-datamodel", schemaFile, "--script"],
      {
        cwd: path.join(import.meta.dirname, "../../.."),
        env: { ...process.env, YST_DATABASE_URL: PG_TEST_URL },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const expected = await schemaAndClient();
    await expected.client.query(ddl.replace(/^CREATE SCHEMA IF NOT EXISTS "public";$/m, ""));
    const migrated = await schemaAndClient();
    await applyPgMigrations(migrated.client);

    const want = await catalog(expected.client);
    const got = await catalog(migrated.client);
    expect(
      want.filter((line) => !got.includes(line)),
      "in prisma/schema.prisma but not made by prisma/postgresql/migrations: add a twin migration",
    ).toEqual([]);
    const handWritten = got.filter((line) => !want.includes(line));
    // The objects of the _pg_ migrations and the runner's own table, nothing else.
    expect(
      handWritten.filter(
        (line) => !/^(column|index|constraint|trigger) (_yst_migrations|ArchiveText|MeetingLease)\./.test(line) && !line.startsWith("trigger "),
      ),
    ).toEqual([`constraint PollVoter.PollVoter_via_check CHECK ((via = ANY (ARRAY['self'::text, 'proxy'::text, 'paper'::text])))`]);
    const refusals = ["MeetingEvent_no_update", "MeetingEvent_no_delete", "MeetingEvent_no_truncate", "MinutesVersion_no_delete"]
      .concat(["MinutesVersion_no_truncate", "MinutesVersion_approved_locked", "MinutesVersion_content_fixed", "LedgerItem_no_delete"])
      .concat(["LedgerItem_no_truncate", "LedgerStep_no_delete", "LedgerStep_no_truncate", "LedgerStep_no_update", "LedgerAttachment_no_delete"])
      .concat(["LedgerAttachment_no_truncate", "LedgerForm_no_delete", "LedgerForm_no_truncate", "LedgerForm_no_update", "CampaignAnswerChange_no_rewrite"])
      .concat(["RetentionDeletion_no_delete", "RetentionDeletion_no_truncate", "RetentionDeletion_no_update"]);
    expect(handWritten.filter((line) => line.startsWith("trigger "))).toEqual(refusals.map((name) => `trigger ${name.split("_")[0]}.${name}`).sort());
  });
});
