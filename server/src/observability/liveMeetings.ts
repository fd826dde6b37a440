// Which meetings are live on this node: open (status "open") with their room loaded here. A room
// listener (rooms/meetingRoom.ts) that follows each room's status as it opens and commits; a room
// this node loses to another (several nodes) is no longer counted. After a restart a meeting
// counts again once its room opens (its first connection or API use).
import type { StoredEvent } from "../../../core/meeting.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { MeetingRoom, RoomListener } from "../rooms/meetingRoom.ts";

export class LiveMeetings implements RoomListener {
  private readonly open = new Set<string>();

  opened(room: MeetingRoom): void {
    this.follow(room.meetingId, room.current);
  }

  committed(meetingId: string, _events: readonly StoredEvent[], state: MeetingState): void {
    this.follow(meetingId, state);
  }

  /** The room is gone from this node (another node took the meeting over). */
  dropped(meetingId: string): void {
    this.open.delete(meetingId);
  }

  count(): number {
    return this.open.size;
  }

  private follow(meetingId: string, state: MeetingState): void {
    if (state.status === "open") this.open.add(meetingId);
    else this.open.delete(meetingId);
  }
}
