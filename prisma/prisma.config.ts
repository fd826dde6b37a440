// Prisma CLI configuration: the JavaScript query engine with the better-sqlite3 driver
// adapter, so generate/migrate never download a native engine (see docs/configuration.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const url = process.env.YST_DATABASE_URL ?? "file:./data/yishiting.db";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
