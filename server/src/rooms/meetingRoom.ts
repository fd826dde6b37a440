// One actor per live meeting: commands apply strictly one at a time, and the resulting events
// are appended to the log before anyone is acknowledged or sees them.
import type { DecideContext } from "../../../core/context.ts";
import { fail, ok, type Result } from "../../../core/errors.ts";
import { decide, evolve, replay, type Command, type StoredEvent } from "../../../core/meeting.ts";
import type { SyncPayload } from "../../../core/protocol.ts";
import type { Actor } from "../../../core/roles.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { EventStore } from "../eventlog/eventStore.ts";

/** What a capability adds to a decision beyond who, when and new ids (core/context.ts). */
export type DecideExtras = Omit<DecideContext, "actor" | "now" | "newId">;

/**
 * What follows the room actor's turns, for the capabilities that need to (server.ts lists them
 * in the order they run). Each method is optional; all run in the room's turn.
 */
export interface RoomListener {
  /**
   * Before deciding a command: what it adds to the decision, read from its own store (the ballot
   * box's totals for poll.close), or made for it (the group meetings for groups.open); `turn` names
   * the room and who sent the command.
   */
  decideContext?(state: MeetingState, command: Command, turn: { meetingId: string; actor: Actor }): DecideExtras | Promise<DecideExtras>;
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
/** The commands with an id whose answer a room remembers: a resend comes within seconds of a reconnect. */
const REMEMBERED_COMMANDS = 2_000;

export class MeetingRoom {
  private tail: Promise<unknown> = Promise.resolve();
  /** The seq answered to the last REMEMBERED_COMMANDS applied commands with an id, by actor and id (commandKey). */
  private readonly answered = new Map<string, number>();

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
    const room = new MeetingRoom(meetingId, replay(events), events.slice(-MAX_CATCH_UP_EVENTS), deps, listeners);
    room.remember(events);
    return room;
  }

  get current(): MeetingState {
    return this.state;
  }

  /**
   * With `cid` (the sender's command id, core/protocol.ts), a command this actor already had
   * applied under that id is answered as it was then, and not decided again: its sender may
   * have lost the acknowledgement and resent it. A refused command is not remembered.
   */
  submit(actor: Actor, command: Command, cid?: string): Promise<Result<{ seq: number }>> {
    return this.submitWith(actor, () => command, cid);
  }

  /**
   * Like submit, but the command is built inside the actor's turn from the state it will apply
   * to (and may be read from the database there), so nothing can change in between. A null
   * command does nothing.
   */
  submitWith(actor: Actor, build: (state: MeetingState) => Command | null | Promise<Command | null>, cid?: string): Promise<Result<{ seq: number }>> {
    return this.serialize(async () => {
      const first = cid === undefined ? undefined : this.answered.get(commandKey(actor.participantId, cid));
      if (first !== undefined) return ok({ seq: first });
      const command = await build(this.state);
      if (!command) return ok({ seq: this.state.seq });
      let ctx: DecideContext = { actor, now: this.deps.now(), newId: this.deps.newId };
      for (const listener of this.listeners)
        if (listener.decideContext) ctx = { ...(await listener.decideContext(this.state, command, { meetingId: this.meetingId, actor })), ...ctx };
      const decided = decide(this.state, command, ctx);
      if (!decided.ok) return decided;
      if (decided.value.length === 0) return ok({ seq: this.state.seq });
      const stored: StoredEvent[] = decided.value.map((event, i) => ({
        seq: this.state.seq + 1 + i,
        at: ctx.now,
        actorId: actor.participantId,
        event,
        ...(cid === undefined ? {} : { cid }),
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
      this.remember(stored);
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

  /** Each command id's answer: the seq of the last event of its run (its batch), the oldest forgotten past the limit. */
  private remember(events: readonly StoredEvent[]): void {
    for (const { cid, actorId, seq } of events) {
      if (cid === undefined) continue;
      const key = commandKey(actorId, cid);
      this.answered.delete(key); // re-inserted last: the map's order is the commands' order
      this.answered.set(key, seq);
    }
    for (const key of this.answered.keys()) {
      if (this.answered.size <= REMEMBERED_COMMANDS) break;
      this.answered.delete(key);
    }
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/** Command ids are the sender's: two actors' equal ids are two commands. */
const commandKey = (actorId: string | null, cid: string): string => `${actorId ?? ""}\u0000${cid}`;
