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
    expect(loadConfig({ YST_DATA_DIR: "/srv/yst", YST_DATABASE_URL: " " }).database.file).toBe("/srv/yst/yishiting.db");
  });

  it("takes a file: URL as the SQLite file, absolute, relative or as a file:// URL", () => {
    expect(loadConfig({ YST_DATABASE_URL: "file:/var/lib/yst/a.db" }).database).toEqual({ kind: "sqlite", file: "/var/lib/yst/a.db", synchronous: "normal" });
    expect(loadConfig({ YST_DATABASE_URL: "file:./data/b.db" }).database.file).toBe(path.resolve("data/b.db"));
    expect(loadConfig({ YST_DATABASE_URL: "file:///var/lib/yst/%E8%AE%AE.db" }).database.file).toBe("/var/lib/yst/议.db");
  });

  it("refuses a PostgreSQL URL with a message that says why and never shows the password", () => {
    for (const url of ["postgresql://yst:s3cret@db.internal:5432/yst", "postgres://yst:s3cret@db.internal/yst", "POSTGRESQL://yst:s3cret@db/yst"]) {
      const load = () => loadConfig({ YST_DATABASE_URL: url });
      expect(load).toThrow(/PostgreSQL URL.*SQLite only.*Unset YST_DATABASE_URL/);
      expect(load).not.toThrow(/s3cret/);
    }
  });

  it("refuses other URLs, an empty path, and both settings at once", () => {
    expect(() => loadConfig({ YST_DATABASE_URL: "mysql://u:s3cret@h/db" })).toThrow(/file: URL.*got a mysql URL/);
    expect(() => loadConfig({ YST_DATABASE_URL: "/var/lib/yst/a.db" })).toThrow(/got a schemeless URL/);
    expect(() => loadConfig({ YST_DATABASE_URL: "file:" })).toThrow(/needs the SQLite file's path/);
    expect(() => loadConfig({ YST_DATABASE_URL: "file:/a.db", YST_DATABASE_FILE: "/b.db" })).toThrow(/not both/);
    expect(() => loadConfig({ YST_SQLITE_SYNCHRONOUS: "off" })).toThrow(/normal or full/);
  });
});
