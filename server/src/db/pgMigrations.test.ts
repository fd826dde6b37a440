// The rule that keeps the two migration folders in step (docs/postgresql.md#migrations):
// prisma/postgresql/migrations holds one baseline (the schema as of the SQLite migrations its
// covers.txt lists), PostgreSQL-only migrations named <timestamp>_pg_<name>, and for every SQLite
// migration not covered by the baseline a twin folder of the same name, applied after the baseline.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "./migrate.ts";
import { migrationNames } from "./migrationFiles.ts";
import { PG_MIGRATIONS_DIR } from "./pgMigrate.ts";

const sqlite = migrationNames(MIGRATIONS_DIR);
const postgres = migrationNames(PG_MIGRATIONS_DIR);
const baselines = postgres.filter((name) => /^\d{14}_baseline$/.test(name));
const baseline = baselines[0]!;
const covered = fs
  .readFileSync(path.join(PG_MIGRATIONS_DIR, baseline, "covers.txt"), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter(Boolean);
const postgresOnly = postgres.filter((name) => /^\d{14}_pg_[a-z0-9_]+$/.test(name));
const twins = postgres.filter((name) => name !== baseline && !postgresOnly.includes(name));

describe("PostgreSQL migrations beside the SQLite ones", () => {
  it("start with exactly one baseline", () => {
    expect(baselines).toHaveLength(1);
    expect(postgres[0]).toBe(baseline);
  });

  it("cover every SQLite migration: by the baseline or by a twin of the same name", () => {
    const missing = sqlite.filter((name) => !covered.includes(name) && !twins.includes(name));
    expect(missing, `SQLite migrations without a PostgreSQL twin (npm run -s db:diff -- --postgresql)`).toEqual([]);
  });

  it("have no folder that is neither the baseline, PostgreSQL-only (_pg_) nor a twin of a SQLite migration", () => {
    expect(twins.filter((name) => !sqlite.includes(name))).toEqual([]);
  });

  it("list in the baseline's covers.txt only SQLite migrations that exist and have no twin", () => {
    expect(covered.filter((name) => !sqlite.includes(name))).toEqual([]);
    expect(covered.filter((name) => twins.includes(name))).toEqual([]);
    expect(new Set(covered).size).toBe(covered.length);
  });

  it("apply every twin after the baseline, like every SQLite migration the baseline does not cover", () => {
    expect(twins.filter((name) => name < baseline)).toEqual([]);
    expect(sqlite.filter((name) => !covered.includes(name) && name < baseline)).toEqual([]);
  });
});
