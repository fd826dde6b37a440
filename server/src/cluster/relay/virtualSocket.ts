// The owner's stand-in for a socket held by another node (docs/cluster.md "Between nodes"): the
// gateway serves it as it serves its own sockets (the same connection set-up and handlers), and
// everything it does to the connection goes through the Redis streams adapter, in one order with
// the meeting's broadcasts: emits to the socket's own id, joins and leaves of the real socket on
// its node, and a disconnect. Its messages arrive from that node (relayOwner.ts).
import { EventEmitter } from "node:events";
import type { GatewayServer, GatewaySocket, SocketData } from "../../gateway/connection.ts";

export class VirtualSocket implements GatewaySocket {
  readonly nsp: GatewaySocket["nsp"];
  readonly handshake: GatewaySocket["handshake"];
  /** The broadcast groups it is in, its own id among them, as a socket of this node keeps them. */
  readonly rooms: Set<string>;
  private readonly listeners = new EventEmitter();
  private gone = false;

  constructor(
    private readonly io: GatewayServer,
    /** The real socket's id on its node: emits and joins address it. */
    readonly id: string,
    /** The node holding the real socket. */
    readonly edge: string,
    public data: SocketData,
    auth: Record<string, unknown>,
  ) {
    this.nsp = io.of("/");
    this.handshake = { auth };
    this.rooms = new Set([id]);
  }

  get connected(): boolean {
    return !this.gone;
  }

  get disconnected(): boolean {
    return this.gone;
  }

  // socket.io's typed `on` maps each event to its listener; the relay delivers untyped arguments.
  on: GatewaySocket["on"] = (event: string, listener: (...args: never[]) => void) => {
    this.listeners.on(event, listener as (...args: unknown[]) => void);
    return this as never;
  };

  emit: GatewaySocket["emit"] = (event, ...args) => {
    if (this.gone) return false;
    this.io.to(this.id).emit(event, ...args);
    return true;
  };

  join: GatewaySocket["join"] = (rooms) => {
    const list = typeof rooms === "string" ? [rooms] : rooms;
    for (const room of list) this.rooms.add(room);
    this.io.in(this.id).socketsJoin(list);
  };

  leave: GatewaySocket["leave"] = (room) => {
    this.rooms.delete(room);
    this.io.in(this.id).socketsLeave(room);
  };

  /** Ends the connection on its node (a server-side disconnect: the client does not reconnect), and here at once. */
  disconnect: GatewaySocket["disconnect"] = (close = false) => {
    if (this.gone) return this as never;
    this.io.in(this.id).disconnectSockets(close);
    this.closed("server namespace disconnect");
    return this as never;
  };

  /** Whether it has listeners for a message (one nobody listens to is not acknowledged, as on a socket of this node). */
  listens(event: string): boolean {
    return this.listeners.listenerCount(event) > 0;
  }

  /** A message from the client, with its acknowledgement when it asked for one. */
  deliver(event: string, args: unknown[]): void {
    if (!this.gone) this.listeners.emit(event, ...args);
  }

  /** The connection went away on its node (or the node did; reasons as socket.io names them): the gateway's disconnect listeners run. */
  closed(reason: string): void {
    if (this.gone) return;
    this.gone = true;
    this.rooms.clear();
    this.listeners.emit("disconnect", reason);
    this.listeners.removeAllListeners();
  }
}
