// A node of a deployment with several (docs/cluster.md): the meetings' leases on the shared
// PostgreSQL, and — once the socket server exists — the Redis streams adapter and the bus to the
// other nodes, through which the rooms of meetings owned elsewhere are reached.
import type pg from "pg";
import type { ClusterConfig } from "../config/clusterConfig.ts";
import type { RoomRegistry } from "../rooms/roomRegistry.ts";
import { ClusterBus, type BusTransport } from "./clusterBus.ts";
import { MeetingLeases } from "./meetingLeases.ts";
import { LeaseOwnership, type Ownership } from "./ownership.ts";
import { attachRedisAdapter } from "./redisAdapter.ts";
import type { Server } from "socket.io";

/** The advisory locks' first key for work one node of a deployment does at a time ("ysj"; the leases use "ysl", the migrations "yst"). */
const JOB_LOCK_KEY = 0x79736a;

export class ClusterNode {
  readonly nodeId: string;
  readonly ownership: Ownership;
  private readonly leases: MeetingLeases;
  private joined: { bus: ClusterBus; detach: () => Promise<void> } | undefined;

  constructor(
    private readonly config: ClusterConfig,
    private readonly pool: pg.Pool,
  ) {
    this.nodeId = config.nodeId;
    this.leases = new MeetingLeases(pool, { nodeId: config.nodeId });
    this.ownership = new LeaseOwnership(this.leases, pool);
  }

  /** The bus to the other nodes (after join). */
  get bus(): ClusterBus {
    if (!this.joined) throw new Error("the node has not joined its cluster yet");
    return this.joined.bus;
  }

  /** Broadcasts through Redis, and the rooms answer for this node's meetings and reach the others'. */
  async join(io: Server, rooms: RoomRegistry, log: (message: string, error?: unknown) => void): Promise<void> {
    const detach = await attachRedisAdapter(io, { url: this.config.redisUrl, streamName: this.config.streamName }, log);
    const bus = new ClusterBus(io as unknown as BusTransport, this.nodeId);
    rooms.joinCluster(bus);
    this.joined = { bus, detach };
  }

  /**
   * Runs `job` unless another node of the deployment (the same schema) is running the job of that
   * name right now: then null at once, the work being under way there. A session advisory lock on
   * one of the pool's connections, held for the job: PostgreSQL frees it if this node dies.
   */
  async unlessUnderWay<T>(name: string, job: () => Promise<T>): Promise<T | null> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const key = [JOB_LOCK_KEY, name];
      const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1, hashtext(current_schema() || '/' || $2)) AS "locked"`, key);
      if (!rows[0]?.locked) return null;
      try {
        return await job();
      } finally {
        await client.query(`SELECT pg_advisory_unlock($1, hashtext(current_schema() || '/' || $2))`, key).catch((error: unknown) => {
          // Not unlocked: the connection is closed rather than given back to the pool with the lock.
          broken = error instanceof Error ? error : new Error(String(error));
        });
      }
    } finally {
      client.release(broken);
    }
  }

  /** Gives up this node's meetings (other nodes take them over at once), then leaves Redis. */
  async close(): Promise<void> {
    this.joined?.bus.close();
    await this.leases.close();
    await this.joined?.detach();
  }
}
