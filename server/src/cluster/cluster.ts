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

export class ClusterNode {
  readonly nodeId: string;
  readonly ownership: Ownership;
  private readonly leases: MeetingLeases;
  private joined: { bus: ClusterBus; detach: () => Promise<void> } | undefined;

  constructor(
    private readonly config: ClusterConfig,
    pool: pg.Pool,
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

  /** Gives up this node's meetings (other nodes take them over at once), then leaves Redis. */
  async close(): Promise<void> {
    this.joined?.bus.close();
    await this.leases.close();
    await this.joined?.detach();
  }
}
