// Prisma CLI configuration of the PostgreSQL client: the schema generated from prisma/schema.prisma
// (prisma/postgresql/generate.ts), the JavaScript engine and the pg driver adapter. Used by
// `postinstall` (prisma generate, which never connects) and `npm run db:diff -- --postgresql`,
// whose diff of two schema files opens (and never writes) a connection to a running PostgreSQL:
// `YST_DATABASE_URL` when it is a postgresql:// URL, else the local server's `postgres` database.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const configured = process.env.YST_DATABASE_URL ?? "";
const url = /^postgres(ql)?:\/\//.test(configured) ? configured : "postgresql://postgres@127.0.0.1:5432/postgres";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: async () => new PrismaPg({ connectionString: url }),
});
