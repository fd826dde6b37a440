// Several nodes (docs/cluster.md, docs/deployment.md): YST_REDIS_URL turns it on. The nodes then
// share one PostgreSQL database (a meeting's lease says which node runs its actor) and one Redis
// stream (broadcasts and messages between nodes); every node needs the same YST_TOKEN_SECRET.
import os from "node:os";
import type { DatabaseConfig } from "../db/database.ts";

export interface ClusterConfig {
  /** redis://… (may hold a password: never logged). */
  redisUrl: string;
  /** This node's name in the leases and messages; unique in the deployment. */
  nodeId: string;
  /** The Redis stream the deployment's nodes share. */
  streamName: string;
}

export function loadClusterConfig(env: NodeJS.ProcessEnv, database: DatabaseConfig, tokenSecret: string | undefined): ClusterConfig | undefined {
  const redisUrl = env.YST_REDIS_URL?.trim();
  if (!redisUrl) return undefined;
  if (!/^rediss?:\/\//i.test(redisUrl)) throw new Error("YST_REDIS_URL must be a redis:// or rediss:// URL");
  if (database.kind !== "postgresql")
    throw new Error("YST_REDIS_URL (several nodes) needs a PostgreSQL database shared by the nodes: set YST_DATABASE_URL=postgresql://…");
  if (!tokenSecret)
    throw new Error("YST_REDIS_URL (several nodes) needs YST_TOKEN_SECRET, the same on every node: a link made by one node must open on another");
  const nodeId = env.YST_NODE_ID?.trim() || `${os.hostname()}-${process.pid}`;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(nodeId)) throw new Error(`YST_NODE_ID must be 1–64 letters, digits, dots, dashes or underscores, got ${nodeId}`);
  return { redisUrl, nodeId, streamName: env.YST_REDIS_STREAM?.trim() || "yishiting" };
}
