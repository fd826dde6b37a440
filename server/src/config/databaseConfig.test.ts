import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("database configuration", () => {
  it("is the SQLite file in the data folder by default, or YST_DATABASE_FILE", () => {
    expect(loadConfig({ YST_DATA_DIR: "/srv/yst" }).database).toEqual({ kind: "sqlite", file: "/srv/yst/yishiting.db", synchronous: "normal" });
    expect(loadConfig({ YST_DATABASE_FILE: "rel/x.db", YST_SQLITE_SYNCHRONOUS: "full" }).database).toEqual({
      kind: "sqlite",
      file: path.resolve("rel/x.db"),
      synchronous: "full",
    });
    expect(loadConfig({ YST_DATA_DIR: "/srv/yst", YST_DATABASE_URL: " " }).database).toMatchObject({ file: "/srv/yst/yishiting.db" });
  });

  it("takes a file: URL as the SQLite file, absolute, relative or as a file:// URL", () => {
    expect(loadConfig({ YST_DATABASE_URL: "file:/var/lib/yst/a.db" }).database).toEqual({ kind: "sqlite", file: "/var/lib/yst/a.db", synchronous: "normal" });
    expect(loadConfig({ YST_DATABASE_URL: "file:./data/b.db" }).database).toMatchObject({ file: path.resolve("data/b.db") });
    expect(loadConfig({ YST_DATABASE_URL: "file:///var/lib/yst/%E8%AE%AE.db" }).database).toMatchObject({ file: "/var/lib/yst/议.db" });
  });

  it("takes a PostgreSQL URL from YST_DATABASE_URL or DATABASE_URL, with the pool size", () => {
    const url = "postgresql://yst:s3cret@db.internal:5432/yst?schema=city";
    expect(loadConfig({ YST_DATABASE_URL: url }).database).toEqual({ kind: "postgresql", url, poolSize: 10 });
    expect(loadConfig({ DATABASE_URL: url, YST_PG_POOL_SIZE: "40" }).database).toEqual({ kind: "postgresql", url, poolSize: 40 });
    expect(loadConfig({ DATABASE_URL: url, YST_DATABASE_URL: url }).database).toMatchObject({ kind: "postgresql" });
    expect(loadConfig({ YST_DATABASE_URL: "postgres://h/db" }).database).toMatchObject({ kind: "postgresql" });
  });

  it("refuses two different URLs, a PostgreSQL URL beside a file, a bad pool size — never showing the password", () => {
    const url = "postgresql://yst:s3cret@db.internal:5432/yst";
    for (const env of [
      { YST_DATABASE_URL: url, DATABASE_URL: "postgresql://other:s3cret@h/db" },
      { YST_DATABASE_URL: url, YST_DATABASE_FILE: "/b.db" },
      { YST_DATABASE_URL: url, YST_PG_POOL_SIZE: "1" },
    ]) {
      expect(() => loadConfig(env)).toThrow(/both set and differ|not both|YST_PG_POOL_SIZE/);
      expect(() => loadConfig(env)).not.toThrow(/s3cret/);
    }
  });

  it("refuses other URLs, an empty path, and both settings at once", () => {
    expect(() => loadConfig({ YST_DATABASE_URL: "mysql://u:s3cret@h/db" })).toThrow(/postgresql:\/\/ URL or a file: URL.*got a mysql URL/);
    expect(() => loadConfig({ YST_DATABASE_URL: "/var/lib/yst/a.db" })).toThrow(/got a schemeless URL/);
    expect(() => loadConfig({ YST_DATABASE_URL: "file:" })).toThrow(/needs the SQLite file's path/);
    expect(() => loadConfig({ YST_DATABASE_URL: "file:/a.db", YST_DATABASE_FILE: "/b.db" })).toThrow(/not both/);
    expect(() => loadConfig({ YST_SQLITE_SYNCHRONOUS: "off" })).toThrow(/normal or full/);
  });
});
