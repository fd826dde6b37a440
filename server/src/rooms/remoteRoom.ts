// A meeting whose actor runs on another node (docs/cluster.md): what an HTTP request on this node
// may do with it — read the owner's state as it was a moment ago, and submit a command, which the
// owner decides and answers. The actor's turn itself (submitWith, withTurn, catchUp) is the
// owner's alone (a MeetingRoom, RoomRegistry.local): the sockets of a meeting are served there
// (cluster/relay), and work that must run in the turn is sent there (RoomRegistry.onOwner).
import type { Result } from "../../../core/errors.ts";
import type { Command } from "../../../core/meeting.ts";
import type { Actor } from "../../../core/roles.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { ClusterBus } from "../cluster/clusterBus.ts";
import type { MeetingRoom } from "./meetingRoom.ts";

/** What callers may use of a meeting's room, wherever its actor runs. */
export type Room = Pick<MeetingRoom, "meetingId" | "current" | "submit">;

/** The bus requests a node answers for the meetings it owns (roomRegistry.ts). */
export const ROOM_STATE = "room.state";
export const ROOM_SUBMIT = "room.submit";
export const ROOM_SYNC_CONFIG = "room.syncConfig";
/** `{ meetingId, task, input }`: runs the task registered under that name with the owner's room (RoomRegistry.onOwner); answers its result. */
export const ROOM_TASK = "room.task";

export class RemoteRoom implements Room {
  constructor(
    readonly meetingId: string,
    /** The owner's state when this handle was made. */
    readonly current: MeetingState,
    private readonly owner: string,
    private readonly bus: ClusterBus,
  ) {}

  /** Has the owner feed the organisers' configuration into the meeting's log (RoomRegistry.syncConfig). */
  async syncConfig(): Promise<void> {
    await this.bus.request(this.owner, ROOM_SYNC_CONFIG, { meetingId: this.meetingId });
  }

  /** With a command id (`cid`), a command sent again is applied once, as on the owner (MeetingRoom.submit). */
  submit(actor: Actor, command: Command, cid?: string): Promise<Result<{ seq: number }>> {
    return this.bus.request(this.owner, ROOM_SUBMIT, { meetingId: this.meetingId, actor, command, ...(cid === undefined ? {} : { cid }) });
  }

  /** Runs the task registered as `task` on every node (RoomRegistry.onOwner) on the owner, with its room. */
  run<T>(task: string, input: unknown): Promise<T> {
    return this.bus.request<T>(this.owner, ROOM_TASK, { meetingId: this.meetingId, task, input });
  }
}
