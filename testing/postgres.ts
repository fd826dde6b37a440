// The real PostgreSQL the integration tests use (127.0.0.1:5432, trust auth, database `test`;
// .ci/setup installs and starts it). Each test works in a schema of its own, dropped after it.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const PG_TEST_URL = process.env.YST_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** One connection whose search_path is `schema` (and TimeZone UTC, as the server's will be). */
export async function connectTo(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, options: `-c search_path="${schema}" -c TimeZone=UTC` });
  await client.connect();
  return client;
}

/** `url` (any postgresql:// URL, also one whose `host` is a socket folder) with `?schema=` set: what a server is given. */
export function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("schema", schema);
  return parsed.toString();
}

/** A new empty schema `t_<random>` of the database at `url`; `drop()` removes it with everything in it. */
export async function freshSchema(url = PG_TEST_URL): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
