// One actor per live meeting: commands apply strictly one at a time, and the resulting events
// are appended to the log before anyone is acknowledged or sees them.
import type { DecideContext } from "../../../core/context.ts";
import { fail, ok, type Result } from "../../../core/errors.ts";
import { decide, evolve, replay, type Command, type StoredEvent } from "../../../core/meeting.ts";
import type { SyncPayload } from "../../../core/protocol.ts";
import { SYSTEM_ACTOR, type Actor } from "../../../core/roles.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { EventStore } from "../eventlog/eventStore.ts";
import type { LiveConfig } from "../meetings/meetingStore.ts";

/** What a capability adds to a decision beyond who, when and new ids (core/context.ts). */
export type DecideExtras = Omit<DecideContext, "actor" | "now" | "newId">;

/**
 * What follows the room actor's turns, for the capabilities that need to (server.ts lists them
 * in the order they run). Each method is optional; all run in the room's turn.
 */
export interface RoomListener {
  /** Before deciding a command: what it adds to the decision, read from its own store (the ballot box's totals for poll.close). */
  decideContext?(state: MeetingState, command: Command): DecideExtras | Promise<DecideExtras>;
  /** After a batch of events was appended and the state swapped; `state` is the meeting after them. */
  committed?(meetingId: string, events: readonly StoredEvent[], state: MeetingState): void;
  /** A room was rebuilt from its log (on first use, or after a restart). */
  opened?(room: MeetingRoom): void;
}

export interface RoomDeps {
  store: EventStore;
  now: () => number;
  newId: () => string;
  log: (message: string, error?: unknown) => void;
}

/** Past this many missed events a snapshot is cheaper than the events. */
const MAX_CATCH_UP_EVENTS = 500;

export class MeetingRoom {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly meetingId: string,
    private state: MeetingState,
    /** The last MAX_CATCH_UP_EVENTS events of the log, so a catch-up reads nothing from the database. */
    private recent: StoredEvent[],
    private readonly deps: RoomDeps,
    private readonly listeners: readonly RoomListener[],
  ) {}

  static async open(meetingId: string, deps: RoomDeps, listeners: readonly RoomListener[]): Promise<MeetingRoom> {
    const events = await deps.store.load(meetingId);
    return new MeetingRoom(meetingId, replay(events), events.slice(-MAX_CATCH_UP_EVENTS), deps, listeners);
  }

  get current(): MeetingState {
    return this.state;
  }

  submit(actor: Actor, command: Command): Promise<Result<{ seq: number }>> {
    return this.submitWith(actor, () => command);
  }

  /**
   * Like submit, but the command is built inside the actor's turn from the state it will apply
   * to (and may be read from the database there), so nothing can change in between. A null
   * command does nothing.
   */
  submitWith(actor: Actor, build: (state: MeetingState) => Command | null | Promise<Command | null>): Promise<Result<{ seq: number }>> {
    return this.serialize(async () => {
      const command = await build(this.state);
      if (!command) return ok({ seq: this.state.seq });
      let ctx: DecideContext = { actor, now: this.deps.now(), newId: this.deps.newId };
      for (const listener of this.listeners) if (listener.decideContext) ctx = { ...(await listener.decideContext(this.state, command)), ...ctx };
      const decided = decide(this.state, command, ctx);
      if (!decided.ok) return decided;
      if (decided.value.length === 0) return ok({ seq: this.state.seq });
      const stored: StoredEvent[] = decided.value.map((event, i) => ({
        seq: this.state.seq + 1 + i,
        at: ctx.now,
        actorId: actor.participantId,
        event,
      }));
      const next = stored.reduce(evolve, this.state);
      try {
        await this.deps.store.append(this.meetingId, stored);
      } catch (error) {
        this.deps.log(`append failed for meeting ${this.meetingId}`, error);
        return fail("INTERNAL");
      }
      this.state = next;
      this.recent = this.recent.concat(stored).slice(-MAX_CATCH_UP_EVENTS);
      // The events are stored: each listener is told, whatever another one does (a failing
      // archive must not keep the ledger or the broadcast from them), and the command succeeded.
      for (const listener of this.listeners) {
        try {
          listener.committed?.(this.meetingId, stored, next);
        } catch (error) {
          this.deps.log(`a room listener failed after a commit in meeting ${this.meetingId}`, error);
        }
      }
      return ok({ seq: next.seq });
    });
  }

  /** Runs `task` in the actor's turn with the current state (the ballot box stores ballots so). */
  withTurn<T>(task: (state: MeetingState) => Promise<T>): Promise<T> {
    return this.serialize(() => task(this.state));
  }

  /**
   * Runs `attach` in one turn of the actor with the current state and `missed`, what a client
   * that has seen the events up to `lastSeq` needs (the events after it, or a snapshot when it
   * has none, is ahead, or missed too many), so the connections joining their broadcast groups
   * there get neither a gap nor a duplicate. Read from memory; every snapshot of the turn is the
   * same object, so many joining at once share it.
   */
  catchUp<T>(attach: (state: MeetingState, missed: (lastSeq: number | undefined) => SyncPayload) => T): Promise<T> {
    return this.serialize(async () => {
      const state = this.state;
      const snapshot: SyncPayload = { kind: "snapshot", state };
      const recent = this.recent;
      return attach(state, (lastSeq) => {
        const behind = lastSeq === undefined ? -1 : state.seq - lastSeq;
        if (behind < 0 || behind > MAX_CATCH_UP_EVENTS || behind > recent.length) return snapshot;
        return { kind: "events", events: recent.slice(recent.length - behind) };
      });
    });
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/** Opens each meeting's room once, on first use, by replaying its log. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<MeetingRoom>>();

  private listeners: readonly RoomListener[] | undefined;

  constructor(private readonly deps: RoomDeps & { loadConfig: (meetingId: string) => Promise<LiveConfig | null> }) {}

  /**
   * What follows every room's turns, in this order (server.ts). Set once, before any room
   * opens: the capabilities listed need the registry to be built first.
   */
  listen(listeners: readonly RoomListener[]): void {
    if (this.listeners) throw new Error("the rooms' listeners are set once");
    this.listeners = listeners;
  }

  get(meetingId: string): Promise<MeetingRoom> {
    let room = this.rooms.get(meetingId);
    if (!room) {
      room = this.open(meetingId);
      room.catch(() => this.rooms.delete(meetingId));
      this.rooms.set(meetingId, room);
    }
    return room;
  }

  /**
   * Feeds the organisers' current roster, agenda and rules into the meeting's log (only what
   * changed). Called on first use of a room and after every change made through the API.
   */
  async syncConfig(meetingId: string): Promise<void> {
    await this.sync(await this.get(meetingId));
  }

  private async open(meetingId: string): Promise<MeetingRoom> {
    const listeners = this.listeners;
    if (!listeners) throw new Error(`room ${meetingId} opened before its listeners were set`);
    const room = await MeetingRoom.open(meetingId, this.deps, listeners);
    await this.sync(room);
    for (const listener of listeners) listener.opened?.(room);
    return room;
  }

  private async sync(room: MeetingRoom): Promise<void> {
    // Read inside the room's turn: two overlapping syncs can never apply an older read last.
    const result = await room.submitWith(SYSTEM_ACTOR, async () => {
      const config = await this.deps.loadConfig(room.meetingId);
      if (!config) throw new Error(`meeting ${room.meetingId} not found`);
      return { type: "config.sync", ...config };
    });
    if (!result.ok) throw new Error(`config.sync refused for ${room.meetingId}: ${result.error.code}`);
  }
}
