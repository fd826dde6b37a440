// 分组讨论 (docs/groups.md): the plenary's groups become meetings of their own. A `groups.open`
// that will be decided (the chair or the system, the plenary open, its groups defined) has its
// opening computed in the plenary's turn (core openingOf) and every group's Meeting and roster rows
// created there, before the decision (decideContext → ctx.groupsOpening), so `groups.enter` can
// answer as soon as `groups.opened` is out. After `groups.opened` the rows are created again where
// missing (MeetingStore.createGroupMeetings, idempotent: the fallback when the early creation failed,
// and after a restart), then each group's room is opened and
// the server opens the group meeting (system meeting.open); after `groups.closed` each group room's
// open polls are closed and the group meeting is closed. The work of one plenary runs one step at a
// time, outside any room's turn (a listener only queues it: the group rooms are other actors). A
// plenary room opened from its log (first use, restart) is brought in step again, and on start the
// plenaries whose groups are open, or closed with a group meeting still open, are opened.
import { randomUUID } from "node:crypto";
import type { Command, StoredEvent } from "../../../core/meeting.ts";
import { SYSTEM_ACTOR, type Actor } from "../../../core/roles.ts";
import { notOpen, type MeetingState } from "../../../core/state.ts";
import { openingOf } from "../../../core/groups/decide.ts";
import type { GroupsState } from "../../../core/groups/schema.ts";
import type { EventStore } from "../eventlog/eventStore.ts";
import type { MeetingStore } from "../meetings/meetingStore.ts";
import type { DecideExtras, MeetingRoom, RoomListener } from "../rooms/meetingRoom.ts";
import type { Room } from "../rooms/remoteRoom.ts";
import { PlenaryQueue } from "./plenaryQueue.ts";

export interface GroupMeetingsDeps {
  meetings: MeetingStore;
  store: EventStore;
  room: (meetingId: string) => Promise<Room>;
  log: (message: string, error?: unknown) => void;
}

const running = (groups: GroupsState): boolean => groups.phase === "open" || groups.phase === "recalling";

/** The group meetings of the plenary's current round (opened), by group. */
const openedGroups = (groups: GroupsState) => groups.groups.flatMap((g) => (g.meetingId === null ? [] : [{ ...g, meetingId: g.meetingId }]));

export class GroupMeetings implements RoomListener {
  private readonly queue: PlenaryQueue;
  /** Per plenary: the round (its first group meeting's id) whose meetings exist and are open, once done. */
  private readonly ready = new Map<string, { round: string; done: Promise<void> }>();
  /** Per plenary: the round whose rows were made before its opening was decided (decideContext), so `groups.enter` need not wait. */
  private readonly made = new Map<string, string>();
  private closed = false;

  constructor(private readonly deps: GroupMeetingsDeps) {
    this.queue = new PlenaryQueue(deps.log);
  }

  /**
   * The room's listener, before a decision: a `groups.open` that the core will accept (the chair or
   * the system, the plenary open, its groups defined) gets its opening computed here and its group
   * meetings' rows created, in the plenary's turn, and decided with that opening. A refused opening
   * (GROUP_CONVENER_MISSING) is passed on as it is; should the rows fail, nothing is passed on and the
   * core makes its own opening, whose rows the listener creates after the event (the old path). Rows
   * left behind by a decision that then failed (an append error) belong to no opening: never opened,
   * they are not listed (MeetingStore.list) and no `groups.enter` leads there.
   */
  async decideContext(state: MeetingState, command: Command, turn?: { meetingId: string; actor: Actor }): Promise<DecideExtras> {
    if (command.type !== "groups.open" || !turn || this.closed) return {};
    const role = turn.actor.role;
    if ((role !== "chair" && role !== "system") || notOpen(state) !== null || state.groups.phase !== "defined") return {};
    const opening = openingOf(state, randomUUID);
    if (!opening.ok) return { groupsOpening: opening };
    const definitions = new Map(state.groups.groups.map((g) => [g.groupId, g]));
    try {
      await this.deps.meetings.createGroupMeetings(
        turn.meetingId,
        opening.value.map((g) => ({
          meetingId: g.meetingId,
          groupId: g.groupId,
          name: definitions.get(g.groupId)?.name ?? g.groupId,
          place: definitions.get(g.groupId)?.place ?? null,
          seats: g.seats,
        })),
      );
    } catch (error) {
      this.deps.log(`groups of meeting ${turn.meetingId}: the group meetings could not be made before the opening (made after it instead)`, error);
      return {};
    }
    const round = opening.value[0]?.meetingId;
    if (round !== undefined) this.made.set(turn.meetingId, round);
    // The join path's copy of each group meeting (its links), read now: ahead of the rooms' opening in
    // the database's queue, so the members' groups.enter and handshakes find it in memory.
    for (const g of opening.value) void this.deps.meetings.joins.info(g.meetingId).catch(() => undefined);
    return { groupsOpening: opening };
  }

  /** The room's listener: a plenary's groups opened or closed. */
  committed(meetingId: string, events: readonly StoredEvent[], state: MeetingState): void {
    if (this.closed) return;
    for (const { event } of events) {
      if (event.type === "groups.opened") void this.ensureOpen(meetingId, state.groups).catch(() => undefined);
      if (event.type === "groups.closed") {
        this.ready.delete(meetingId);
        this.made.delete(meetingId);
        void this.schedule(meetingId, "closing the groups", () => this.closeGroups(meetingId, state.groups)).catch(() => undefined);
      }
    }
  }

  /** The room's listener: a plenary rebuilt from its log is brought in step (a restart between its event and our work). */
  opened(room: MeetingRoom): void {
    if (this.closed) return;
    const groups = room.current.groups;
    if (running(groups)) void this.ensureOpen(room.meetingId, groups).catch(() => undefined);
    else if (groups.phase === "closed")
      void this.schedule(room.meetingId, "closing the groups", () => this.closeGroups(room.meetingId, groups, true)).catch(() => undefined);
  }

  /**
   * Resolves once the group meetings of the plenary's current round exist (a `groups.enter` waits
   * for it): at once when their rows were made before the opening was decided — a member may join a
   * group meeting still scheduled, the system's meeting.open follows a moment later on the same
   * socket — else once the listener has made and opened them; rejects when that failed.
   */
  async whenReady(plenaryId: string, groups: GroupsState): Promise<void> {
    const round = openedGroups(groups)[0]?.meetingId;
    if (round === undefined) return;
    if (this.made.get(plenaryId) === round) return;
    const known = this.ready.get(plenaryId);
    await (known?.round === round ? known.done : this.ensureOpen(plenaryId, groups));
  }

  /** Start-up catch-up: the plenaries whose groups are open, or closed while a group meeting is still open, are opened (their `opened` does the rest). */
  async catchUp(): Promise<string[]> {
    const { store, meetings } = this.deps;
    const [opened, closed] = await Promise.all([store.heads(["groups.opened"]), store.heads(["groups.closed"])]);
    const due: string[] = [];
    for (const [plenaryId, seq] of opened) {
      if (this.closed) break;
      const isOpen = (closed.get(plenaryId) ?? 0) < seq;
      if (!isOpen && !(await meetings.groupMeetings(plenaryId)).some((g) => g.status === "open")) continue;
      due.push(plenaryId);
      await this.deps.room(plenaryId);
      await this.queue.idle(plenaryId);
    }
    return due;
  }

  /** Resolves when the work queued so far is done (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue.idleAll();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.idleAll();
  }

  private ensureOpen(plenaryId: string, groups: GroupsState): Promise<void> {
    const round = openedGroups(groups)[0]?.meetingId;
    const done = this.schedule(plenaryId, "opening the group meetings", () => this.openGroups(plenaryId, groups));
    if (round !== undefined) {
      const entry = { round, done };
      this.ready.set(plenaryId, entry);
      // A failure is logged (schedule); the next enter or reopen tries again.
      done.catch(() => {
        if (this.ready.get(plenaryId) === entry) this.ready.delete(plenaryId);
      });
    }
    return done;
  }

  private schedule(plenaryId: string, what: string, work: () => Promise<void>): Promise<void> {
    return this.queue.run(plenaryId, `groups of meeting ${plenaryId}: ${what}`, work);
  }

  private async openGroups(plenaryId: string, groups: GroupsState): Promise<void> {
    const opened = openedGroups(groups);
    if (opened.length === 0) return;
    await this.deps.meetings.createGroupMeetings(
      plenaryId,
      opened.map((g) => ({ meetingId: g.meetingId, groupId: g.groupId, name: g.name, place: g.place, seats: g.seats })),
    );
    // The group rooms are actors of their own: opened side by side.
    await Promise.all(
      opened.map(async (group) => {
        const room = await this.deps.room(group.meetingId);
        if (room.current.status !== "scheduled") return;
        const result = await room.submit(SYSTEM_ACTOR, { type: "meeting.open" });
        if (!result.ok && result.error.code !== "MEETING_ALREADY_OPEN")
          throw new Error(`meeting.open of group meeting ${group.meetingId} refused: ${result.error.code}`);
      }),
    );
  }

  /**
   * Each group meeting of the round closes: its open polls first (counted and recorded), then the
   * meeting. `stillOpen` (a plenary rebuilt with its groups closed): those of its group meetings
   * that the log says are open, of any round, without opening the rooms of those closed long ago.
   */
  private async closeGroups(plenaryId: string, groups: GroupsState, stillOpen = false): Promise<void> {
    const meetingIds = stillOpen
      ? (await this.deps.meetings.groupMeetings(plenaryId)).filter((g) => g.status === "open").map((g) => g.id)
      : openedGroups(groups).map((g) => g.meetingId);
    for (const meetingId of meetingIds) {
      const room = await this.deps.room(meetingId);
      if (room.current.status !== "open") continue;
      for (const poll of room.current.polls) {
        if (poll.status !== "open") continue;
        const result = await room.submit(SYSTEM_ACTOR, { type: "poll.close", pollId: poll.pollId });
        if (!result.ok && result.error.code !== "POLL_CLOSED") throw new Error(`poll.close in group meeting ${meetingId} refused: ${result.error.code}`);
      }
      const result = await room.submit(SYSTEM_ACTOR, { type: "meeting.close" });
      if (!result.ok && result.error.code !== "MEETING_CLOSED" && result.error.code !== "MEETING_NOT_OPEN")
        throw new Error(`meeting.close of group meeting ${meetingId} refused: ${result.error.code}`);
    }
  }
}
