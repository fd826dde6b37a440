// The live meetings of this process: each meeting's room (its actor) opened once, on first use,
// by replaying its log, and kept in step with the organisers' configuration. With several nodes
// (docs/cluster.md) a room is opened only by the node that owns the meeting's lease, its log
// appends fenced by that lease; the other nodes get a RemoteRoom, and a lost lease drops the room.
import type { Command } from "../../../core/meeting.ts";
import { SYSTEM_ACTOR, type Actor } from "../../../core/roles.ts";
import type { ClusterBus } from "../cluster/clusterBus.ts";
import type { Fence } from "../cluster/fence.ts";
import { NotOwnerError, SOLE_OWNER, untilOwnerAnswers, type Ownership } from "../cluster/ownership.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { EventStore } from "../eventlog/eventStore.ts";
import type { LiveConfig } from "../meetings/meetingStore.ts";
import { MeetingRoom, type RoomDeps, type RoomListener } from "./meetingRoom.ts";
import { RemoteRoom, ROOM_STATE, ROOM_SUBMIT, ROOM_SYNC_CONFIG, ROOM_TASK, type Room } from "./remoteRoom.ts";

export interface RegistryDeps extends RoomDeps {
  loadConfig: (meetingId: string) => Promise<LiveConfig | null>;
  /** Who runs each meeting's actor: this process alone unless given (cluster/ownership.ts). */
  ownership?: Ownership;
}

/** Opens each meeting's room once, on first use, by replaying its log. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<MeetingRoom>>();
  private readonly fences = new Map<string, Fence>();
  private readonly droppedListeners: ((meetingId: string) => void)[] = [];
  private readonly tasks = new Map<string, (room: MeetingRoom, input: unknown) => Promise<unknown>>();
  private readonly ownership: Ownership;
  private bus: ClusterBus | undefined;

  private listeners: readonly RoomListener[] | undefined;

  constructor(private readonly deps: RegistryDeps) {
    this.ownership = deps.ownership ?? SOLE_OWNER;
  }

  /**
   * With several nodes: answers the other nodes' requests for the meetings this node owns, and
   * reaches the owners of the others (set once the socket server exists, before any request).
   */
  joinCluster(bus: ClusterBus): void {
    this.bus = bus;
    const local = (meetingId: string): Promise<MeetingRoom> => {
      const room = this.rooms.get(meetingId);
      if (!room) throw new NotOwnerError(meetingId);
      return room;
    };
    bus.handle(ROOM_STATE, async (body) => (await local((body as { meetingId: string }).meetingId)).current);
    bus.handle(ROOM_SUBMIT, async (body) => {
      const { meetingId, actor, command, cid } = body as { meetingId: string; actor: Actor; command: Command; cid?: string };
      return (await local(meetingId)).submit(actor, command, cid);
    });
    bus.handle(ROOM_SYNC_CONFIG, async (body) => this.sync(await local((body as { meetingId: string }).meetingId)));
    bus.handle(ROOM_TASK, async (body) => {
      const { meetingId, task, input } = body as { meetingId: string; task: string; input: unknown };
      const run = this.tasks.get(task);
      if (!run) throw new Error(`no room task ${task} on this node`);
      return run(await local(meetingId), input);
    });
  }

  /**
   * Work that must run in the meeting's room itself (inside its turn: submitWith, withTurn), from
   * any node: registered under `name` on every node before any request, the function returned runs
   * `task` here when this node runs the meeting, else on the owner (bus request `room.task`). Its
   * input and answer cross the bus as JSON: answer refusals as values (a Result), since a thrown
   * error reaches another node only as a message. A later registration of `name` replaces it.
   */
  onOwner<I, O>(name: string, task: (room: MeetingRoom, input: I) => Promise<O>): (meetingId: string, input: I) => Promise<O> {
    this.tasks.set(name, task as (room: MeetingRoom, input: unknown) => Promise<unknown>);
    return async (meetingId, input) => {
      const room = await this.get(meetingId);
      return room instanceof MeetingRoom ? task(room, input) : (room as RemoteRoom).run<O>(name, input);
    };
  }

  /** Runs when this node loses a meeting's lease: its room is gone from here (another node owns the meeting now). */
  onDropped(listener: (meetingId: string) => void): void {
    this.droppedListeners.push(listener);
  }

  /** The lease this node writes the meeting's log and ballots under; none for one process alone. */
  fenceOf(meetingId: string): Fence | undefined {
    return this.fences.get(meetingId);
  }

  /** Whether this node runs the meeting's actor now. */
  isLocal(meetingId: string): boolean {
    return this.rooms.has(meetingId);
  }

  /**
   * What follows every room's turns, in this order (server.ts). Set once, before any room
   * opens: the capabilities listed need the registry to be built first.
   */
  listen(listeners: readonly RoomListener[]): void {
    if (this.listeners) throw new Error("the rooms' listeners are set once");
    this.listeners = listeners;
  }

  /** The meeting's room: opened here when this node owns (or now takes over) the meeting, else the owner's, remotely. */
  get(meetingId: string): Promise<Room> {
    // An owner that died (NodeUnreachableError) or gave the meeting up a moment ago: claimed again until its lease frees.
    return untilOwnerAnswers<Room>(this.ownership, meetingId, {
      runsHere: () => this.rooms.has(meetingId),
      here: (lease) => this.openLocal(meetingId, lease),
      remote: (owner) => this.remote(meetingId, owner),
    });
  }

  /** The room of a meeting this node owns (the gateway's and ballot box's view: they run only where the actor does). */
  async local(meetingId: string): Promise<MeetingRoom> {
    const room = await this.get(meetingId);
    if (!(room instanceof MeetingRoom)) throw new NotOwnerError(meetingId);
    return room;
  }

  /**
   * Feeds the organisers' current roster, agenda and rules into the meeting's log (only what
   * changed). Called on first use of a room and after every change made through the API.
   */
  async syncConfig(meetingId: string): Promise<void> {
    const room = await this.get(meetingId);
    if (room instanceof MeetingRoom) await this.sync(room);
    else await (room as RemoteRoom).syncConfig();
  }

  private openLocal(meetingId: string, lease: { fence: Fence; lost: Promise<void> } | undefined): Promise<MeetingRoom> {
    let room = this.rooms.get(meetingId);
    if (room) return room;
    room = this.open(meetingId, lease?.fence);
    room.catch(() => this.forget(meetingId));
    this.rooms.set(meetingId, room);
    if (lease) {
      this.fences.set(meetingId, lease.fence);
      void lease.lost.then(() => {
        this.forget(meetingId);
        this.deps.log(`lost the lease on meeting ${meetingId}: another node owns it now`);
        for (const listener of this.droppedListeners) listener(meetingId);
      });
    }
    return room;
  }

  private forget(meetingId: string): void {
    this.rooms.delete(meetingId);
    this.fences.delete(meetingId);
  }

  private async remote(meetingId: string, owner: string): Promise<RemoteRoom> {
    if (!this.bus) throw new Error(`meeting ${meetingId} is owned by node ${owner}, but this node is not in a cluster`);
    const state = await this.bus.request<MeetingState>(owner, ROOM_STATE, { meetingId });
    return new RemoteRoom(meetingId, state, owner, this.bus);
  }

  private async open(meetingId: string, fence: Fence | undefined): Promise<MeetingRoom> {
    const listeners = this.listeners;
    if (!listeners) throw new Error(`room ${meetingId} opened before its listeners were set`);
    // Every append under the lease: once another node has taken the meeting over, nothing more lands from here.
    const deps = fence ? { ...this.deps, store: fenced(this.deps.store, fence) } : this.deps;
    const room = await MeetingRoom.open(meetingId, deps, listeners);
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

/** The log as a room holding a lease writes it: every append carries the lease's fence. */
function fenced(store: EventStore, fence: Fence): EventStore {
  return {
    load: (meetingId, afterSeq) => store.load(meetingId, afterSeq),
    heads: (typePrefixes) => store.heads(typePrefixes),
    append: (meetingId, events) => store.append(meetingId, events, fence),
  };
}
