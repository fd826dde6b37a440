// 分组讨论 (docs/groups.md): what the plenary is told of each group meeting. After a batch of a
// group meeting (state.groupOf set) that changes its floor or lifecycle, the server submits
// `groups.progress` into the plenary — the group's status and speaker (by plenary roster id, through
// the seats) and the speaker's clock, core/groups/progress.ts — when it differs from what the
// plenary has; after `groups.reported`, `groups.reportReceive` with the report. The listener only
// queues the work (per plenary, outside every turn: the plenary is another room), and the job reads
// the group's newest state when it runs, so a burst of events is one relay. A group room rebuilt
// from its log is compared again (a restart between its event and the relay).
import { groupProgress, sameProgress } from "../../../core/groups/progress.ts";
import type { StoredEvent } from "../../../core/meeting.ts";
import { SYSTEM_ACTOR } from "../../../core/roles.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { MeetingRoom, RoomListener } from "../rooms/meetingRoom.ts";
import type { Room } from "../rooms/remoteRoom.ts";
import { PlenaryQueue } from "./plenaryQueue.ts";

/** The events after which a group's progress may differ: its speeches and their clock, interjections (the speech paused), opening and closing. */
const RELEVANT = ["speech.", "interjection.", "meeting.opened", "meeting.closed", "meeting.groupOfSet", "roster.set"];
const relevant = (type: string): boolean => RELEVANT.some((prefix) => type.startsWith(prefix));

export interface GroupRelayDeps {
  room: (meetingId: string) => Promise<Room>;
  log: (message: string, error?: unknown) => void;
}

export class GroupRelay implements RoomListener {
  private readonly queue: PlenaryQueue;
  /** Each group meeting's newest state, as its room committed it. */
  private readonly latest = new Map<string, MeetingState>();
  /** Group meetings with a relay queued and not yet started (one is enough: it reads the newest state). */
  private readonly queued = new Set<string>();
  private closed = false;

  constructor(private readonly deps: GroupRelayDeps) {
    this.queue = new PlenaryQueue(deps.log);
  }

  committed(meetingId: string, events: readonly StoredEvent[], state: MeetingState): void {
    if (this.closed || !state.groupOf) return;
    this.latest.set(meetingId, state);
    const report = events.some((e) => e.event.type === "groups.reported");
    if (report || events.some((e) => relevant(e.event.type))) this.relay(meetingId, state.groupOf.plenaryId);
  }

  opened(room: MeetingRoom): void {
    const state = room.current;
    if (this.closed || !state.groupOf) return;
    this.latest.set(room.meetingId, state);
    this.relay(room.meetingId, state.groupOf.plenaryId);
  }

  /** Resolves when the relays queued so far are done (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue.idleAll();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.idleAll();
  }

  private relay(meetingId: string, plenaryId: string): void {
    if (this.queued.has(meetingId)) return;
    this.queued.add(meetingId);
    void this.queue
      .run(plenaryId, `relaying group meeting ${meetingId} to meeting ${plenaryId}`, async () => {
        this.queued.delete(meetingId);
        await this.relayNow(meetingId, plenaryId);
      })
      .catch(() => undefined); // logged by the queue
  }

  private async relayNow(meetingId: string, plenaryId: string): Promise<void> {
    const state = this.latest.get(meetingId);
    // Not yet opened (its first configuration sync): the plenary hears of it when it opens, a moment later.
    if (!state || state.status === "scheduled") return;
    // A closed group meeting is relayed once more (its report may still come: committed brings it back).
    if (state.status === "closed") this.latest.delete(meetingId);
    const plenary = await this.deps.room(plenaryId);
    // By meeting id: a group of an earlier round (the same groupId) never speaks for the current one.
    const group = plenary.current.groups.groups.find((g) => g.meetingId === meetingId);
    if (!group) return;
    const progress = groupProgress(state, group.seats);
    if (!sameProgress(group.progress, progress)) {
      const result = await plenary.submit(SYSTEM_ACTOR, { type: "groups.progress", groupId: group.groupId, meetingId, progress });
      if (!result.ok) throw new Error(`groups.progress refused: ${result.error.code}`);
    }
    const report = state.groupReport;
    if (report && (group.report?.version !== report.version || group.report.at !== report.at)) {
      const result = await plenary.submit(SYSTEM_ACTOR, { type: "groups.reportReceive", groupId: group.groupId, meetingId, report });
      if (!result.ok) throw new Error(`groups.reportReceive refused: ${result.error.code}`);
    }
  }
}
