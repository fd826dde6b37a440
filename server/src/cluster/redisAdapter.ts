// Broadcasts between nodes (docs/cluster.md): socket.io's Redis streams adapter, on its own
// Redis connection. Everything a node broadcasts, emits to a socket elsewhere, joins a socket
// elsewhere to, or sends on the cluster bus goes through one stream, in the order it was sent.
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import type { Server } from "socket.io";
import { Adapter, MessageType, type BroadcastOptions, type ClusterAdapter, type ClusterMessage } from "socket.io-adapter";

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
  // The PUB/SUB channels (server-side events, the bus) are named after the stream too: two deployments (or tests) on one Redis never hear each other.
  const make = createAdapter(client, { streamName: options.streamName, channelPrefix: options.streamName, onlyPlaintext: true });
  io.adapter(function (this: unknown, nsp: unknown) {
    return deliverLocallyAtOnce(make(nsp));
  } as never);
  return async () => {
    // quit, not disconnect: commands still on their way (a last heartbeat) are answered, none rejected unhandled.
    await client.quit().catch(() => undefined);
  };
}

/**
 * The cluster adapter delivers a broadcast to this node's sockets only after Redis acknowledged
 * its publication (it needs the stream offset for a feature we do not use), so a socket that joins
 * a room meanwhile receives a broadcast sent before it joined: a connection greeted with its sync
 * right after an event was broadcast got that event before the sync. Here the local delivery
 * happens at once, with the room's members as they are when the broadcast is made, and the
 * publication for the other nodes goes out as before, in the same order as every other message.
 */
function deliverLocallyAtOnce(adapter: ClusterAdapter): ClusterAdapter {
  const publish = (adapter as unknown as { publish(message: Omit<ClusterMessage, "uid" | "nsp">): void }).publish.bind(adapter);
  adapter.broadcast = (packet: unknown, opts: BroadcastOptions): Promise<void> => {
    if (!opts.flags?.local) {
      const encoded = { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags };
      publish({ type: MessageType.BROADCAST, data: { packet, opts: encoded } } as never);
    }
    Adapter.prototype.broadcast.call(adapter, packet, opts);
    return Promise.resolve();
  };
  return adapter;
}
