// The socket relay (docs/cluster.md "Between nodes"): with several nodes, any node accepts any
// participant's socket. A socket of a meeting this node owns is served here as in one process;
// one of a meeting owned elsewhere is relayed to its owner (relayEdge.ts), which serves it with
// the unchanged gateway through a VirtualSocket (relayOwner.ts). Every node is both.
import type { VerifiedJoin } from "../../auth/tokens.ts";
import type { GatewayRelay, GatewaySocket, LocalSocket } from "../../gateway/connection.ts";
import type { MeetingRoom, RoomListener } from "../../rooms/meetingRoom.ts";
import { RelayEdge, type RelayEdgeDeps } from "./relayEdge.ts";
import { RelayOwner, type RelayOwnerDeps } from "./relayOwner.ts";

export class SocketRelay implements GatewayRelay, RoomListener {
  private readonly edge: RelayEdge;
  private readonly owner: RelayOwner;

  constructor(deps: RelayEdgeDeps & RelayOwnerDeps) {
    this.edge = new RelayEdge(deps);
    this.owner = new RelayOwner(deps);
  }

  identify(socket: LocalSocket, join: VerifiedJoin) {
    return this.edge.identify(socket, join);
  }

  relays(socket: LocalSocket): boolean {
    return this.edge.relays(socket);
  }

  serve(accept: (socket: GatewaySocket) => void): void {
    this.owner.serve(accept);
  }

  sockets(): Iterable<GatewaySocket> {
    return this.owner.sockets();
  }

  /** A room opened on this node: its sockets still relayed to a former owner come here. */
  opened(room: MeetingRoom): void {
    this.edge.opened(room.meetingId);
  }

  /** Shutting down: the sockets this node serves for other nodes reconnect elsewhere at once. */
  close(): void {
    this.owner.close();
  }
}
