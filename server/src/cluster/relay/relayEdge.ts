// The edge's side of the socket relay (docs/cluster.md "Between nodes"): a socket arriving at this
// node for a meeting another node owns is identified by that owner, and relayed — its messages go
// to the owner with their acknowledgements coming back (time.sync, the clock, is answered here);
// everything the owner sends it arrives through the Redis streams adapter. When the owner is down
// or refuses (it is not the owner any more), the socket's transport is closed: the client
// reconnects by itself with its lastSeq, to any node. Never a server-side disconnect: a client
// does not reconnect after one.
import type { Result } from "../../../../core/errors.ts";
import type { VerifiedJoin } from "../../auth/tokens.ts";
import type { GatewayServer, LocalSocket } from "../../gateway/connection.ts";
import type { Connected } from "../../gateway/handshake.ts";
import type { RoomRegistry } from "../../rooms/roomRegistry.ts";
import { NodeUnreachableError, type ClusterBus } from "../clusterBus.ts";
import { untilOwnerAnswers, type Ownership } from "../ownership.ts";
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

export interface RelayEdgeDeps {
  io: GatewayServer;
  bus: ClusterBus;
  ownership: Ownership;
  rooms: RoomRegistry;
  now: () => number;
  log: (message: string, error?: unknown) => void;
}

/** A relayed message unanswered for this long stays unanswered (the client's own timeout and resend take over). */
const MESSAGE_TIMEOUT_MS = 15_000;

export class RelayEdge {
  /** Sockets identified by another node in their handshake, with that node. */
  private readonly routed = new WeakMap<LocalSocket, string>();
  /** The relayed sockets connected now, by id. */
  private readonly relayed = new Map<string, { socket: LocalSocket; owner: string }>();

  constructor(private readonly deps: RelayEdgeDeps) {
    deps.io.on("connection", (socket) => {
      const owner = this.routed.get(socket);
      if (owner !== undefined) this.relay(socket, owner);
    });
    deps.bus.onNodeDown((node) => this.closeWhere((owner) => owner === node));
    deps.bus.handle(RELAY_CLOSE, (body, from) => {
      for (const sid of (body as RelayClose).sids) if (this.relayed.get(sid)?.owner === from) this.relayed.get(sid)?.socket.conn.close();
    });
  }

  /** In the handshake, its token verified: the owner's identification when another node owns the meeting; undefined when this node serves the socket. */
  async identify(socket: LocalSocket, join: VerifiedJoin): Promise<Result<Connected> | undefined> {
    const { meetingId } = join;
    // A handshake reaching an owner that has just died or given the meeting up is tried again (untilOwnerAnswers).
    return untilOwnerAnswers<Result<Connected> | undefined>(this.deps.ownership, meetingId, {
      runsHere: () => this.deps.rooms.isLocal(meetingId),
      here: () => undefined,
      remote: async (owner) => {
        const identified = await this.deps.bus.request<Result<Connected>>(owner, RELAY_IDENTIFY, { join } satisfies RelayIdentify);
        if (identified.ok) this.routed.set(socket, owner);
        return identified;
      },
    });
  }

  relays(socket: LocalSocket): boolean {
    return this.routed.has(socket);
  }

  /** A room opened here: sockets of that meeting still relayed to its former owner reconnect (to this node). */
  opened(meetingId: string): void {
    for (const { socket } of [...this.relayed.values()]) if (socket.data.meetingId === meetingId) socket.conn.close();
  }

  private relay(socket: LocalSocket, owner: string): void {
    const { bus } = this.deps;
    const sid = socket.id;
    this.relayed.set(sid, { socket, owner });
    socket.on("time.sync", (ack) => {
      if (typeof ack === "function") ack({ serverTime: this.deps.now() });
    });
    // Messages that arrive before the owner has set the connection up wait for it, in order.
    let queue: [string, unknown[]][] | null = [];
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event === "time.sync") return;
      if (queue) queue.push([event, args]);
      else this.forward(socket, owner, event, args);
    });
    const connect: RelayConnect = { sid, data: socket.data, lastSeq: (socket.handshake.auth as Record<string, unknown>).lastSeq };
    const connected = bus.request(owner, RELAY_CONNECT, connect).then(
      () => {
        for (const [event, args] of queue ?? []) this.forward(socket, owner, event, args);
        queue = null;
        return true;
      },
      (error: unknown) => {
        this.deps.log(`relay: node ${owner} did not take socket ${sid}`, error);
        socket.conn.close();
        return false;
      },
    );
    socket.on("disconnect", (reason) => {
      if (this.relayed.get(sid)?.socket === socket) this.relayed.delete(sid);
      void connected.then((taken) => {
        if (taken) bus.send(owner, RELAY_DISCONNECT, { sid, reason } satisfies RelayDisconnect);
      });
    });
  }

  private forward(socket: LocalSocket, owner: string, event: string, args: unknown[]): void {
    const ack = args.at(-1);
    // Every message of the protocol asks for an acknowledgement; the gateway ignores one that does not.
    if (typeof ack !== "function") return;
    const message: RelayMessage = { sid: socket.id, event, args: args.slice(0, -1) };
    this.deps.bus.request<RelayAnswer>(owner, RELAY_MESSAGE, message, MESSAGE_TIMEOUT_MS).then(
      (answer) => {
        if (answer.acked) (ack as (...answer: unknown[]) => void)(...answer.args);
      },
      (error: unknown) => {
        // Slow but alive: no answer (the client times out and resends). Down, or refusing: reconnect elsewhere.
        if (error instanceof NodeUnreachableError && this.deps.bus.alive(owner)) return;
        socket.conn.close();
      },
    );
  }

  private closeWhere(matches: (owner: string) => boolean): void {
    for (const { socket, owner } of [...this.relayed.values()]) if (matches(owner)) socket.conn.close();
  }
}
