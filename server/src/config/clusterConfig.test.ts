import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

const PG = "postgresql://yst:s3cret@db/yst";

describe("several nodes (YST_REDIS_URL)", () => {
  it("is off without YST_REDIS_URL, and on with the node's name and the shared stream", () => {
    expect(loadConfig({}).cluster).toBeUndefined();
    expect(loadConfig({ YST_DATABASE_URL: PG, YST_TOKEN_SECRET: "t", YST_REDIS_URL: "redis://r:6379", YST_NODE_ID: "node-2" }).cluster).toEqual({
      redisUrl: "redis://r:6379",
      nodeId: "node-2",
      streamName: "yishiting",
    });
    expect(loadConfig({ YST_DATABASE_URL: PG, YST_TOKEN_SECRET: "t", YST_REDIS_URL: "redis://r", YST_REDIS_STREAM: "city" }).cluster?.streamName).toBe("city");
  });

  it("refuses SQLite, a missing shared token secret, a bad URL or node name — never showing a password", () => {
    expect(() => loadConfig({ YST_TOKEN_SECRET: "t", YST_REDIS_URL: "redis://r" })).toThrow(/needs a PostgreSQL database/);
    expect(() => loadConfig({ YST_DATABASE_URL: PG, YST_REDIS_URL: "redis://r" })).toThrow(/needs YST_TOKEN_SECRET/);
    expect(() => loadConfig({ YST_DATABASE_URL: PG, YST_TOKEN_SECRET: "t", YST_REDIS_URL: "http://u:s3cret@r" })).toThrow(/redis:\/\//);
    expect(() => loadConfig({ YST_DATABASE_URL: PG, YST_TOKEN_SECRET: "t", YST_REDIS_URL: "http://u:s3cret@r" })).not.toThrow(/s3cret/);
    expect(() => loadConfig({ YST_DATABASE_URL: PG, YST_TOKEN_SECRET: "t", YST_REDIS_URL: "redis://r", YST_NODE_ID: "节点 1" })).toThrow(/YST_NODE_ID/);
  });
});
