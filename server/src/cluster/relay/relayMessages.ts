// The socket relay's messages on the cluster bus (docs/cluster.md "Between nodes", docs/protocol.md).
// The edge is the node holding a participant's socket; the owner holds the meeting's lease.
import type { VerifiedJoin } from "../../auth/tokens.ts";
import type { Connected } from "../../gateway/handshake.ts";

/** edge → owner request (RelayIdentify): the handshake as the owner checks it; answers Result<Connected>. */
export const RELAY_IDENTIFY = "relay.identify";
/** edge → owner request: the socket is connected; the owner serves it from now on (answered once its handlers are registered). */
export const RELAY_CONNECT = "relay.connect";
/** edge → owner request: a message of the client; answered with its acknowledgement. */
export const RELAY_MESSAGE = "relay.message";
/** edge → owner: the socket went away. */
export const RELAY_DISCONNECT = "relay.disconnect";
/** owner → edge: close these sockets' transports (the owner gave the meeting up, or is shutting down); the clients reconnect. */
export const RELAY_CLOSE = "relay.close";

/** The socket's token as the edge verified it (once, in its handshake); the owner checks the rest: link, roster. */
export interface RelayIdentify {
  join: VerifiedJoin;
}

export interface RelayConnect {
  sid: string;
  data: Connected;
  /** The handshake's lastSeq, as the client sent it (the owner's greeting checks it). */
  lastSeq: unknown;
}

export interface RelayMessage {
  sid: string;
  event: string;
  /** The message's arguments, without the acknowledgement callback. */
  args: unknown[];
}

/** What the owner's handler acknowledged the message with; `acked: false` when nothing listens to it there. */
export type RelayAnswer = { acked: true; args: unknown[] } | { acked: false };

export interface RelayDisconnect {
  sid: string;
  reason: string;
}

export interface RelayClose {
  sids: string[];
}
