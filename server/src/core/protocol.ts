// The socket protocol shared by server and browser (documented in docs/protocol.md).
import type { CoreError } from "./errors.ts";
import type { StoredEvent } from "./meeting.ts";
import type { Role } from "./roles.ts";
import type { MeetingState } from "./state.ts";

export interface ParticipantView {
  id: string;
  name: string;
  role: Role;
  sector: string | null;
  party: string | null;
}

export interface Welcome {
  meeting: { id: string; title: string };
  me: ParticipantView;
  participants: ParticipantView[];
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
