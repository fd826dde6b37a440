// What every part of the gateway shares about a connection: its socket types, the broadcast
// groups it joins, and how it is ended. A leaf: it imports nothing of the gateway, so the
// gateway (socketGateway.ts) and its handlers import it without a cycle.
import type { Server, Socket } from "socket.io";
import { audienceOf, type Audience } from "../../../core/audience.ts";
import { coreError, type ErrorCode, type Result } from "../../../core/errors.ts";
import type { ClientToServerEvents, ServerToClientEvents, Welcome } from "../../../core/protocol.ts";
import type { RosterEntry } from "../../../core/config/schema.ts";
import { caucusRoom, caucusSide } from "../caucus/caucusMembership.ts";
import { isMediatorConnection, mediatorsRoom } from "../mediation/session/talkMembership.ts";
import type { VerifiedJoin } from "../auth/tokens.ts";
import type { Connected } from "./handshake.ts";

/** `welcome`: what the connection was last greeted with (set once greeted; rosterChanges.ts greets it again). */
export type SocketData = Connected & { welcome?: Welcome };

export type GatewayServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/** A connection's socket.io socket on this node. */
export type LocalSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/**
 * What the gateway uses of a connection: a socket.io socket on this node, or, with several nodes,
 * the owner's stand-in for a socket held by another node (cluster/relay/virtualSocket.ts).
 */
export type GatewaySocket = Pick<
  LocalSocket,
  "id" | "data" | "connected" | "disconnected" | "rooms" | "nsp" | "on" | "emit" | "join" | "leave" | "disconnect"
> & {
  readonly handshake: Pick<LocalSocket["handshake"], "auth">;
};

/**
 * With several nodes (cluster/relay): the sockets of meetings owned by another node are
 * identified by that owner in the handshake, and served there; this node only relays them.
 */
export interface GatewayRelay {
  /** In the handshake, its token verified: the owner's identification when another node owns the socket's meeting; undefined when this node serves it. */
  identify(socket: LocalSocket, join: VerifiedJoin): Promise<Result<Connected> | undefined>;
  /** On connection: relays a socket the owner identified (true), or leaves it to this node (false). */
  relays(socket: LocalSocket): boolean;
  /** As the owner: the sockets relayed to this node are served by `accept` (the gateway's connection set-up). */
  serve(accept: (socket: GatewaySocket) => void): void;
  /** As the owner: the relayed sockets it serves now. */
  sockets(): Iterable<GatewaySocket>;
}

/** Every connection this node serves: its own sockets and those relayed to it. */
export function* connections(io: GatewayServer, relay: GatewayRelay | undefined): Iterable<GatewaySocket> {
  for (const socket of io.of("/").sockets.values()) if (!relay?.relays(socket)) yield socket;
  if (relay) yield* relay.sockets();
}

export const roomOf = (meetingId: string): string => `meeting:${meetingId}`;

export const participantRoom = (participantId: string): string => `participant:${participantId}`;
/**
 * The connections of one audience (core/audience.ts): the staff (chair and clerk) see poll
 * results at the close and the clerk's notes; attendees (members, officials, observers) see the
 * notes when the record is shared; the room display never.
 */
export const audienceRoom = (meetingId: string, audience: Audience): string => `meeting:${meetingId}:${audience}`;
export const staffRoom = (meetingId: string): string => audienceRoom(meetingId, "staff");
/** The chair's connections (a named poll's live tally shown to the chair only). */
export const chairRoom = (meetingId: string): string => `meeting:${meetingId}:chair`;

/** The broadcast groups of a connection: its meeting, its person, its audience, the chair's, its bargaining side's private consultation, and the mediators' (人民调解 背靠背). */
export function roomsOf(meetingId: string, me: RosterEntry, display: boolean): string[] {
  const rooms = [roomOf(meetingId), participantRoom(me.id), audienceRoom(meetingId, audienceOf(me.role, display))];
  if (me.role === "chair" && !display) rooms.push(chairRoom(meetingId));
  const side = caucusSide(me, display);
  if (side !== null) rooms.push(caucusRoom(meetingId, side));
  if (isMediatorConnection(me.role, display)) rooms.push(mediatorsRoom(meetingId));
  return rooms;
}

/** Ends a connection, saying why first (`connection.ended`): the client shows it and does not reconnect. */
export function ended(socket: GatewaySocket, code: ErrorCode): void {
  socket.emit("connection.ended", coreError(code));
  socket.disconnect(true);
}
