// Prints the SQL from the schema as of the newest committed migration to schema.prisma now:
// `npm run -s db:diff > prisma/migrations/<timestamp>_<name>/migration.sql`, and its PostgreSQL twin
// `npm run -s db:diff -- --postgresql > prisma/postgresql/migrations/<same folder name>/migration.sql`
// (both schemas through the provider rewrite of prisma/postgresql/generate.ts; needs a running
// PostgreSQL to connect to, see prisma/postgresql/prisma.config.ts).
// (Prisma cannot diff against a live database through the driver adapter, so the previous
// schema comes from git; commit each migration together with its schema.prisma.)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { postgresSchema } from "./postgresql/generate.ts";

const postgres = process.argv.includes("--postgresql");
const variant = (schema: string) => (postgres && schema ? postgresSchema(schema) : schema);
const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" });
const commit = git("log", "-1", "--format=%H", "--", "prisma/migrations").trim();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-diff-"));
const previous = path.join(dir, "previous.prisma");
const current = path.join(dir, "current.prisma");
fs.writeFileSync(previous, variant(commit ? git("show", `${commit}:prisma/schema.prisma`) : ""));
fs.writeFileSync(current, variant(fs.readFileSync("prisma/schema.prisma", "utf8")));
const sql = execFileSync(
  "npx",
  [
    "prisma",
    "migrate",
    "diff",
    "--config",
    postgres ? "prisma/postgresql/prisma.config.ts" : "prisma/prisma.config.ts",
    ...(commit ? ["--from-schema-datamodel", previous] : ["--from-empty"]),
    "--to-schema-datamodel",
    current,
    "--script",
  ],
  {
    env: postgres ? process.env : { ...process.env, YST_DATABASE_URL: `file:${path.join(dir, "unused.db")}` },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  },
);
// The PostgreSQL runner works in the schema of the connection's search_path, never "public".
process.stdout.write(postgres ? sql.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n?/m, "") : sql);
fs.rmSync(dir, { recursive: true, force: true });
