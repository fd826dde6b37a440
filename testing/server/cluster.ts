// Several nodes of one deployment in one test (docs/cluster.md): real servers on port 0 sharing a
// fresh schema of the real PostgreSQL and a Redis stream of their own, each with its own data folder.
import { randomBytes } from "node:crypto";
import { freshSchema, PG_TEST_URL } from "../postgres.ts";
import type { Harness, StartOptions, TestServer } from "./harness.ts";

export const REDIS_TEST_URL = process.env.YST_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface TestCluster {
  /** The environment every node of this deployment shares. */
  env: Record<string, string>;
  /** Starts node `nodeId` (in this process). */
  start(nodeId: string, options?: StartOptions): Promise<TestServer>;
}

export async function testCluster(h: Harness): Promise<TestCluster> {
  const schema = await freshSchema();
  const env = {
    YST_DATABASE_URL: `${PG_TEST_URL}?schema=${schema.name}`,
    YST_REDIS_URL: REDIS_TEST_URL,
    YST_REDIS_STREAM: `yst-test-${randomBytes(5).toString("hex")}`,
  };
  h.afterServers(() => schema.drop());
  return {
    env,
    start: (nodeId, options = {}) => h.startServer({ ...options, env: { ...env, YST_NODE_ID: nodeId, ...options.env } }),
  };
}
