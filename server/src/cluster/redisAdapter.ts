// Broadcasts between nodes (docs/cluster.md): socket.io's Redis streams adapter, on its own
// Redis connection. Everything a node broadcasts, emits to a socket elsewhere, joins a socket
// elsewhere to, or sends on the cluster bus goes through one stream, in the order it was sent.
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import type { Server } from "socket.io";

export interface RedisAdapterOptions {
  /** redis://host:port (YST_REDIS_URL). */
  url: string;
  /** The stream's name: the nodes of one deployment share it (YST_REDIS_STREAM). */
  streamName: string;
}

/** Connects to Redis and makes `io` broadcast through it; resolves with the function that disconnects. */
export async function attachRedisAdapter<S extends Server>(
  io: S,
  options: RedisAdapterOptions,
  log: (message: string, error?: unknown) => void,
): Promise<() => Promise<void>> {
  const client = createClient({ url: options.url });
  client.on("error", (error: unknown) => log("Redis connection error", error));
  await client.connect();
  io.adapter(createAdapter(client, { streamName: options.streamName, onlyPlaintext: true }));
  return async () => {
    // quit, not disconnect: commands still on their way (a last heartbeat) are answered, none rejected unhandled.
    await client.quit().catch(() => undefined);
  };
}
