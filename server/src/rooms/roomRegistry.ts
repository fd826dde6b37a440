// The live meetings of this process: each meeting's room (its actor) opened once, on first use,
// by replaying its log, and kept in step with the organisers' configuration.
import { SYSTEM_ACTOR } from "../../../core/roles.ts";
import type { LiveConfig } from "../meetings/meetingStore.ts";
import { MeetingRoom, type RoomDeps, type RoomListener } from "./meetingRoom.ts";

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
