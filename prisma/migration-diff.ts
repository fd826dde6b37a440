// Prints the SQL from the schema as of the newest committed migration to schema.prisma now:
// `npm run -s db:diff > prisma/migrations/<timestamp>_<name>/migration.sql`.
// (Prisma cannot diff against a live database through the driver adapter, so the previous
// schema comes from git; commit each migration together with its schema.prisma.)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" });
const commit = git("log", "-1", "--format=%H", "--", "prisma/migrations").trim();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yst-diff-"));
const previous = path.join(dir, "previous.prisma");
fs.writeFileSync(previous, commit ? git("show", `${commit}:prisma/schema.prisma`) : "");
const sql = execFileSync(
  "npx",
  [
    "prisma",
    "migrate",
    "diff",
    "--config",
    "prisma/prisma.config.ts",
    ...(commit ? ["--from-schema-datamodel", previous] : ["--from-empty"]),
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { env: { ...process.env, YST_DATABASE_URL: `file:${path.join(dir, "unused.db")}` }, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
);
process.stdout.write(sql);
fs.rmSync(dir, { recursive: true, force: true });
