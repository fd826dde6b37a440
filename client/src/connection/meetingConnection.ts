// The browser's one connection to its meeting, kept outside React: it owns the socket,
// applies the same `evolve` as the server to the events it receives, keeps the server clock
// offset, and exposes an immutable snapshot for the views.
import { io, type Socket } from "socket.io-client";
import type { CoreError } from "@core/errors.ts";
import { evolve, type Command, type StoredEvent } from "@core/meeting.ts";
import type { Ack, ClientToServerEvents, ServerToClientEvents, SyncPayload, Welcome } from "@core/protocol.ts";
import type { MeetingState } from "@core/state.ts";
import { estimateOffset, type TimeSample } from "./clockOffset.ts";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "refused";

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  /** Why the server refused us (token missing/invalid/expired, not found). */
  refusal: CoreError | null;
  welcome: Welcome | null;
  state: MeetingState | null;
  /** Add to Date.now() to get the server's clock. */
  clockOffsetMs: number;
}

/** Client-side failures that never reached the server. */
export type LocalErrorCode = "OFFLINE" | "TIMEOUT";
export type CommandResult = Ack | { ok: false; localError: LocalErrorCode };

const COMMAND_TIMEOUT_MS = 10_000;
const TIME_SAMPLES = 5;
const RESYNC_CLOCK_EVERY_MS = 60_000;

export class MeetingConnection {
  private snapshot: ConnectionSnapshot = { status: "connecting", refusal: null, welcome: null, state: null, clockOffsetMs: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private clockTimer: ReturnType<typeof setInterval> | undefined;

  /** `token`: the join token, also the bearer token of the few REST calls the meeting makes (recordings). */
  constructor(readonly token: string, url?: string) {
    const options = {
      transports: ["websocket"],
      // Re-read on every (re)connect, so the server sends exactly what we missed.
      auth: (cb: (auth: object) => void) => cb({ token, lastSeq: this.snapshot.state?.seq }),
    };
    this.socket = url ? io(url, options) : io(options);
    this.socket.on("connect", () => {
      this.update({ status: "connected", refusal: null });
      void this.syncClock();
    });
    this.socket.on("disconnect", () => this.update({ status: "reconnecting" }));
    this.socket.on("connect_error", (error: Error & { data?: CoreError }) => {
      // A refusal by the server's handshake check is final; a network error retries by itself.
      if (error.data?.code) this.update({ status: "refused", refusal: error.data });
      else this.update({ status: this.snapshot.welcome ? "reconnecting" : "connecting" });
    });
    this.socket.on("welcome", (welcome) => this.update({ welcome }));
    this.socket.on("sync", (sync) => this.applySync(sync));
    this.socket.on("events", (events) => this.applyEvents(events));
    // The media server came up or went away: screens follow (and say so when it is gone).
    this.socket.on("media.status", ({ available }) => {
      if (this.snapshot.welcome) this.update({ welcome: { ...this.snapshot.welcome, media: { available } } });
    });
    this.clockTimer = setInterval(() => void this.syncClock(), RESYNC_CLOCK_EVERY_MS);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  async send(command: Command): Promise<CommandResult> {
    if (!this.socket.connected) return { ok: false, localError: "OFFLINE" };
    try {
      return await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("command", command);
    } catch {
      return { ok: false, localError: "TIMEOUT" };
    }
  }

  /** The SDP relay (features/media); null when offline or without an answer in time. */
  async mediaRequest<T>(event: "media.publish" | "media.subscribe" | "media.answer" | "media.leave", payload: unknown): Promise<Ack<T> | null> {
    if (!this.socket.connected) return null;
    try {
      return (await (this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck as (e: string, p: unknown) => Promise<Ack<T>>)(event, payload));
    } catch {
      return null;
    }
  }

  /** Called whenever the media server's feeds change (`media.feeds`). */
  onMediaFeeds(listener: () => void): () => void {
    this.socket.on("media.feeds", listener);
    return () => void this.socket.off("media.feeds", listener);
  }

  close(): void {
    clearInterval(this.clockTimer);
    this.socket.disconnect();
  }

  private applySync(sync: SyncPayload): void {
    if (sync.kind === "snapshot") this.update({ state: sync.state });
    else this.applyEvents(sync.events);
  }

  private applyEvents(events: readonly StoredEvent[]): void {
    let state = this.snapshot.state;
    if (!state) return; // the initial sync will bring everything
    for (const stored of events) {
      if (stored.seq <= state.seq) continue; // already applied
      if (stored.seq !== state.seq + 1) {
        void this.requestResync();
        break;
      }
      state = evolve(state, stored);
    }
    if (state !== this.snapshot.state) this.update({ state });
  }

  private async requestResync(): Promise<void> {
    try {
      const ack = await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("sync.request", { lastSeq: this.snapshot.state?.seq });
      if (ack.ok) this.applySync(ack.sync);
    } catch {
      // The next reconnect catches up anyway.
    }
  }

  private async syncClock(): Promise<void> {
    const samples: TimeSample[] = [];
    try {
      for (let i = 0; i < TIME_SAMPLES && this.socket.connected; i++) {
        const sentAt = Date.now();
        const { serverTime } = await this.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck("time.sync");
        samples.push({ sentAt, serverTime, receivedAt: Date.now() });
      }
    } catch {
      // Keep the previous estimate.
    }
    if (samples.length > 0) this.update({ clockOffsetMs: estimateOffset(samples) });
  }

  private update(patch: Partial<ConnectionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
