// The owner's side of the socket relay (docs/cluster.md "Between nodes"): the handshakes of
// sockets held by other nodes are checked here, against this node's room, and each such socket is
// served here through a VirtualSocket by the unchanged gateway. When this node loses a meeting's
// lease (or shuts down), every socket of that meeting is closed at the transport — its own
// directly, the relayed ones by their node — so the clients reconnect, to whichever node, and
// reach the new owner.
import type { Result } from "../../../../core/errors.ts";
import type { GatewayServer, GatewaySocket } from "../../gateway/connection.ts";
import { identifyJoin, type Connected } from "../../gateway/handshake.ts";
import type { JoinCache } from "../../meetings/joinCache.ts";
import type { RoomRegistry } from "../../rooms/roomRegistry.ts";
import type { ClusterBus } from "../clusterBus.ts";
import {
  RELAY_CLOSE,
  RELAY_CONNECT,
  RELAY_DISCONNECT,
  RELAY_IDENTIFY,
  RELAY_MESSAGE,
  type RelayAnswer,
  type RelayClose,
  type RelayConnect,
  type RelayDisconnect,
  type RelayIdentify,
  type RelayMessage,
} from "./relayMessages.ts";
import { VirtualSocket } from "./virtualSocket.ts";

export interface RelayOwnerDeps {
  io: GatewayServer;
  bus: ClusterBus;
  rooms: RoomRegistry;
  joins: JoinCache;
}

export class RelayOwner {
  private readonly relayed = new Map<string, VirtualSocket>();
  private accept: ((socket: GatewaySocket) => void) | undefined;
  private closing = false;

  constructor(private readonly deps: RelayOwnerDeps) {
    const { bus, rooms } = deps;
    bus.handle(RELAY_IDENTIFY, async (body): Promise<Result<Connected>> => {
      const identified = await identifyJoin((body as RelayIdentify).join, deps.joins, rooms);
      if (identified.ok) await this.owned(identified.value.meetingId);
      return identified;
    });
    bus.handle(RELAY_CONNECT, async (body, from) => {
      const { sid, data, lastSeq } = body as RelayConnect;
      await this.owned(data.meetingId);
      if (!this.accept) throw new Error("the gateway does not serve relayed sockets yet");
      const socket = new VirtualSocket(deps.io, sid, from, data, lastSeq === undefined ? {} : { lastSeq });
      this.relayed.set(sid, socket);
      socket.on("disconnect", () => {
        if (this.relayed.get(sid) === socket) this.relayed.delete(sid);
      });
      // Registers every handler before answering: the edge sends the client's messages after the answer.
      this.accept(socket);
      return null;
    });
    bus.handle(RELAY_MESSAGE, (body, from) => {
      const { sid, event, args } = body as RelayMessage;
      const socket = this.relayed.get(sid);
      // Unknown here (this node restarted, or dropped the meeting): the edge closes the transport and the client reconnects.
      if (!socket || socket.edge !== from) throw new Error(`no relayed socket ${sid} from ${from} here`);
      if (!socket.listens(event)) return { acked: false } satisfies RelayAnswer;
      return new Promise<RelayAnswer>((resolve) => socket.deliver(event, [...args, (...answer: unknown[]) => resolve({ acked: true, args: answer })]));
    });
    bus.handle(RELAY_DISCONNECT, (body, from) => {
      const { sid, reason } = body as RelayDisconnect;
      const socket = this.relayed.get(sid);
      if (socket?.edge === from) socket.closed(reason);
    });
    // The node holding the sockets is gone, and their connections with it.
    bus.onNodeDown((node) => {
      for (const socket of [...this.relayed.values()]) if (socket.edge === node) socket.closed("transport close");
    });
    rooms.onDropped((meetingId) => this.closeTransports((socket) => socket.data.meetingId === meetingId));
  }

  /** The gateway's connection set-up, which serves the relayed sockets as its own. */
  serve(accept: (socket: GatewaySocket) => void): void {
    this.accept = accept;
  }

  sockets(): Iterable<GatewaySocket> {
    return this.relayed.values();
  }

  /** Shutting down: no more relayed sockets; those served here reconnect to the other nodes at once. */
  close(): void {
    this.closing = true;
    this.closeTransports(() => true, false);
  }

  /** Throws unless this node runs the meeting's actor (opening its room if it holds the lease). */
  private async owned(meetingId: string): Promise<void> {
    if (this.closing) throw new Error("this node is shutting down");
    await this.deps.rooms.local(meetingId);
  }

  /** Closes the transports of the matching connections: the relayed ones by their nodes, and (unless told) this node's own. */
  private closeTransports(matches: (socket: GatewaySocket) => boolean, own = true): void {
    const byEdge = new Map<string, string[]>();
    for (const socket of [...this.relayed.values()]) {
      if (!matches(socket)) continue;
      byEdge.set(socket.edge, [...(byEdge.get(socket.edge) ?? []), socket.id]);
      socket.closed("transport close");
    }
    for (const [edge, sids] of byEdge) this.deps.bus.send(edge, RELAY_CLOSE, { sids } satisfies RelayClose);
    if (own) for (const socket of this.deps.io.of("/").sockets.values()) if (socket.data?.meetingId !== undefined && matches(socket)) socket.conn.close();
  }
}
