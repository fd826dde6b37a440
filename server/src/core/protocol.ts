// The socket protocol shared by server and browser (documented in docs/protocol.md).
import type { CoreError } from "./errors.ts";
import type { StoredEvent } from "./meeting.ts";
import type { MeetingState, RosterEntry } from "./state.ts";

export interface MeetingInfo {
  id: string;
  title: string;
  /** 文号 */
  number: string | null;
  kind: string;
  place: string | null;
  startsAt: number | null;
  mode: string;
}

export interface Welcome {
  meeting: MeetingInfo;
  /** Who this connection is; for the room display a pseudo participant. */
  me: RosterEntry;
  /** The room display (大屏): read-only, sends no commands. */
  display: boolean;
  /** Whether audio and video are available in this meeting (the media server is up). */
  media: { available: boolean };
}

/** What a (re)connecting client receives: the events it missed, or the whole state. */
export type SyncPayload = { kind: "events"; events: StoredEvent[] } | { kind: "snapshot"; state: MeetingState };

export type Ack<T = { seq: number }> = ({ ok: true } & T) | { ok: false; error: CoreError };

/** Sent by the client in the socket.io handshake `auth` field. */
export interface HandshakeAuth {
  token: string;
  /** The last sequence number this client applied; omitted on first connect. */
  lastSeq?: number;
}

export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  sync: (sync: SyncPayload) => void;
  events: (events: StoredEvent[]) => void;
}

export interface ClientToServerEvents {
  command: (command: unknown, ack: (result: Ack) => void) => void;
  "time.sync": (ack: (result: { serverTime: number }) => void) => void;
  "sync.request": (request: unknown, ack: (result: Ack<{ sync: SyncPayload }>) => void) => void;
}
