// Several nodes of one deployment in one test (docs/cluster.md): real servers on port 0 sharing a
// fresh schema of the real PostgreSQL and a Redis stream of their own, each with its own data folder.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { splitSchema } from "../../server/src/db/pgDatabase.ts";
import { freshSchema, PG_TEST_URL, withSchema } from "../postgres.ts";
import { eventually, type Harness, type StartOptions, type TestServer } from "./harness.ts";

export const REDIS_TEST_URL = process.env.YST_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface TestCluster {
  /** The environment every node of this deployment shares. */
  env: Record<string, string>;
  /** Starts node `nodeId` (in this process). */
  start(nodeId: string, options?: StartOptions): Promise<TestServer>;
}

/** The deployment's PostgreSQL and Redis: the host's unless given (the media tests run in a namespace of their own). */
export async function testCluster(h: Harness, services: { postgresUrl?: string; redisUrl?: string } = {}): Promise<TestCluster> {
  const postgresUrl = services.postgresUrl ?? PG_TEST_URL;
  const schema = await freshSchema(postgresUrl);
  const env = {
    YST_DATABASE_URL: withSchema(postgresUrl, schema.name),
    YST_REDIS_URL: services.redisUrl ?? REDIS_TEST_URL,
    YST_REDIS_STREAM: `yst-test-${randomBytes(5).toString("hex")}`,
  };
  h.afterServers(() => schema.drop());
  return {
    env,
    start: (nodeId, options = {}) => h.startServer({ ...options, env: { ...env, YST_NODE_ID: nodeId, ...options.env } }),
  };
}

/** Which node holds the meeting's lease now, read straight from the deployment's database (`YST_DATABASE_URL`). */
export async function leaseHolder(databaseUrl: string, meetingId: string): Promise<string> {
  const { url: connectionString, schema } = splitSchema(databaseUrl);
  const client = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
  await client.connect();
  try {
    return await eventually(async () => {
      const { rows } = await client.query<{ holder: string }>(`SELECT "holder" FROM "MeetingLease" WHERE "meetingId" = $1 AND "expiresAt" > now()`, [
        meetingId,
      ]);
      if (!rows[0]) throw new Error("nobody owns the meeting yet");
      return rows[0].holder;
    }, 10_000);
  } finally {
    await client.end();
  }
}
