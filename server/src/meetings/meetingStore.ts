// The Meeting table, as organisers edit it and as the join path and the live meeting read it
// (the live state itself is in the event log; `liveConfig` is what the server feeds into it as
// config.sync). What belongs to a meeting has its own store, reached from here: the roster
// (participantStore), the agenda (agendaStore) and its materials (materialStore), the speaking
// plan (plan/planStore). Every change the live meeting follows is signalled once, by the store
// that saved it (meetingChanges.ts). `MeetingJson` is what the API returns: every column except
// the check-in secret.
import { randomBytes, randomUUID } from "node:crypto";
import { isMeetingKind, type MeetingKind } from "../../../core/meetingKind.ts";
import type { MeetingInfo } from "../../../core/protocol.ts";
import type { AgendaItemInput } from "../../../core/agenda/schema.ts";
import type { MeetingState } from "../../../core/state.ts";
import type { RosterEntry } from "../../../core/config/schema.ts";
import type { InterjectionRules } from "../../../core/interjection/schema.ts";
import type { OrderingRules, PlannedSpeech } from "../../../core/plan/schema.ts";
import type { QuorumRule } from "../../../core/attendance/schema.ts";
import type { SpeechCaps } from "../../../core/floor/schema.ts";
import { DEFAULT_TIME_ZONE, isTimeZone } from "../../../core/time/meetingTime.ts";
import type { GroupOf } from "../../../core/groups/schema.ts";
import type { Db } from "../db/database.ts";
import type { Meeting } from "../db/generated/client.ts";
import { PlanStore } from "../plan/planStore.ts";
import { AgendaStore } from "./agendaStore.ts";
import { JoinCache, toMeetingInfo } from "./joinCache.ts";
import type { MeetingChanges } from "./meetingChanges.ts";
import type { MeetingInput, MeetingPatch } from "../../../core/api/meetings.ts";
import { MaterialStore } from "./materialStore.ts";
import { ParticipantStore, type NewParticipant } from "./participantStore.ts";

export type MeetingJson = Omit<Meeting, "checkinSecret" | "startsAt" | "createdAt"> & { startsAt: string | null; createdAt: string };

export function toMeetingJson(row: Meeting): MeetingJson {
  const { checkinSecret: _secret, startsAt, createdAt, ...rest } = row;
  return { ...rest, startsAt: startsAt?.toISOString() ?? null, createdAt: createdAt.toISOString() };
}

/** The organisers' settings the live meeting follows. */
export interface LiveConfig {
  roster: RosterEntry[];
  agenda: AgendaItemInput[];
  quorumRule: QuorumRule;
  speechCaps: SpeechCaps;
  ordering: OrderingRules;
  plan: PlannedSpeech[];
  interjectionRules: InterjectionRules;
  /** 允许表决 (pollsAllowed) and 记录员可发起表决 (clerkMayRunPolls). */
  pollRules: MeetingState["pollRules"];
  /** 会议记录向委员公开 (core/audience.ts). */
  recordShared: boolean;
  /** 会议类型: the live screens' role words follow it (core/roleLabels.ts). */
  kind: MeetingKind;
  /** The zone every screen and document shows the meeting's times in. */
  timeZone: string;
  micOpensOnFloor: boolean;
  /** 分组讨论: a group meeting's plenary and group (null for every other meeting). */
  groupOf: GroupOf | null;
}

/** One group meeting the server creates when the plenary's groups open (groups/groupMeetings.ts). */
export interface GroupMeetingSpec {
  meetingId: string;
  groupId: string;
  name: string;
  /** The group's room; null: the plenary's place. */
  place: string | null;
  /** Its roster: each seat's id and role, copied from the plenary's participant. */
  seats: readonly { participantId: string; seatId: string; role: string }[];
}

/** A group meeting of a plenary as the database holds it, and whether it has been opened or closed (its log). */
export interface GroupMeetingRow {
  id: string;
  groupId: string | null;
  status: "scheduled" | "open" | "closed";
}

const toData = (input: MeetingPatch) => {
  const { startsAt, ...rest } = input;
  return startsAt === undefined ? rest : { ...rest, startsAt: startsAt === null ? null : new Date(startsAt) };
};

const newCheckinSecret = () => randomBytes(16).toString("hex");

export class MeetingStore {
  /** Meeting info and link states for the join path, in memory; told of every edit (joinCache.ts). */
  readonly joins: JoinCache;
  readonly participants: ParticipantStore;
  readonly agenda: AgendaStore;
  readonly materials: MaterialStore;
  readonly plan: PlanStore;

  constructor(
    private readonly db: Db,
    private readonly changes: MeetingChanges,
  ) {
    this.joins = new JoinCache(db);
    this.participants = new ParticipantStore(db, changes);
    this.agenda = new AgendaStore(db, changes);
    this.materials = new MaterialStore(db, changes);
    this.plan = new PlanStore(db, changes, this.participants);
  }

  /** A meeting with its roster, in one transaction (the demo, tests, benchmarks). */
  async create(title: string, roster: readonly NewParticipant[]): Promise<{ meeting: MeetingInfo; participants: RosterEntry[] }> {
    const id = randomUUID();
    const participants = await this.db.$transaction(async (tx) => {
      await tx.meeting.create({ data: { id, title, checkinSecret: newCheckinSecret() } });
      return this.participants.createRoster(tx, id, roster);
    });
    return { meeting: (await this.find(id))!, participants };
  }

  /** A meeting as an organiser enters it (POST /api/meetings), its roster still empty. */
  async add(input: MeetingInput): Promise<MeetingJson> {
    const row = await this.db.meeting.create({
      data: { ...toData(input), title: input.title, id: randomUUID(), checkinSecret: newCheckinSecret() },
    });
    return toMeetingJson(row);
  }

  async get(id: string): Promise<MeetingJson | null> {
    const row = await this.db.meeting.findUnique({ where: { id } });
    return row ? toMeetingJson(row) : null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.meeting.count({ where: { id } })) > 0;
  }

  /** welcome.meeting of the meeting. */
  async find(meetingId: string): Promise<MeetingInfo | null> {
    const row = await this.db.meeting.findUnique({ where: { id: meetingId } });
    return row ? toMeetingInfo(row) : null;
  }

  async findByTitle(title: string): Promise<MeetingInfo | null> {
    const row = await this.db.meeting.findFirst({ where: { title }, orderBy: { createdAt: "asc" }, select: { id: true } });
    return row ? this.find(row.id) : null;
  }

  /**
   * All meetings, or only those where a participant is linked to `accountId`. A group meeting
   * (分组讨论, `parentMeetingId` set) is listed once the server has opened it: one still scheduled is
   * being made, or was made for an opening that was then not decided (groups/groupMeetings.ts
   * decideContext) and never runs.
   */
  async list(archived: boolean, accountId?: string): Promise<MeetingJson[]> {
    const rows = await this.db.meeting.findMany({
      where: { archived, ...(accountId ? { participants: { some: { accountId } } } : {}) },
      orderBy: [{ startsAt: "desc" }, { createdAt: "desc" }],
    });
    const status = await this.statusOf(rows.map((r) => r.id));
    return rows
      .filter((row) => row.parentMeetingId === null || status.has(row.id))
      .map((row) => ({ ...toMeetingJson(row), status: status.get(row.id) ?? "scheduled" }));
  }

  /**
   * Whether each meeting is scheduled, open (进行中) or closed, from its log: the last
   * meeting.opened or meeting.closed event (one query for the whole list).
   */
  private async statusOf(ids: readonly string[]): Promise<Map<string, "open" | "closed">> {
    const events = await this.db.meetingEvent.findMany({
      where: { meetingId: { in: [...ids] }, type: { in: ["meeting.opened", "meeting.closed"] } },
      select: { meetingId: true, type: true },
      orderBy: { seq: "asc" },
    });
    return new Map(events.map((e) => [e.meetingId, e.type === "meeting.opened" ? "open" : "closed"]));
  }

  /**
   * How many meetings are open (进行中) in the database, on every node: opened and not closed,
   * whether or not anyone is connected now (the upgrade check: docs/operations.md).
   */
  async openCount(): Promise<number> {
    const events = await this.db.meetingEvent.findMany({
      where: { type: { in: ["meeting.opened", "meeting.closed"] } },
      select: { meetingId: true, type: true },
      orderBy: { seq: "asc" },
    });
    const last = new Map(events.map((e) => [e.meetingId, e.type]));
    return [...last.values()].filter((type) => type === "meeting.opened").length;
  }

  /** An edit of the meeting's fields and rules: the join path reads it again, the live meeting follows it. */
  async update(id: string, patch: MeetingPatch): Promise<MeetingJson> {
    const row = await this.db.meeting.update({ where: { id }, data: toData(patch) });
    this.joins.meetingChanged(id);
    await this.changes.changed(id);
    return toMeetingJson(row);
  }

  /** Archiving is the organisers' filing: nothing the live meeting follows. */
  async setArchived(id: string, archived: boolean): Promise<MeetingJson> {
    const row = await this.db.meeting.update({ where: { id }, data: { archived } });
    this.joins.meetingChanged(id);
    return toMeetingJson(row);
  }

  /** The check-in code, created on first use (printed QR codes stay valid afterwards). */
  async checkinSecret(id: string): Promise<string | null> {
    await this.db.meeting.updateMany({ where: { id, checkinSecret: "" }, data: { checkinSecret: newCheckinSecret() } });
    const row = await this.db.meeting.findUnique({ where: { id }, select: { checkinSecret: true } });
    return row?.checkinSecret ?? null;
  }

  /** What the check-in page needs: the title, and the code to compare (empty before first use). */
  async checkinView(id: string): Promise<{ title: string; checkinSecret: string } | null> {
    return this.db.meeting.findUnique({ where: { id }, select: { title: true, checkinSecret: true } });
  }

  /**
   * 分组讨论: the group meetings of a plenary that are missing, each with its roster copied from the
   * plenary's (kind group, title "<plenary> · <group>", the plenary's settings), in one
   * transaction; those already there are left as they are. The ids created.
   */
  async createGroupMeetings(plenaryId: string, groups: readonly GroupMeetingSpec[]): Promise<string[]> {
    const created = await this.db.$transaction(
      async (tx) => {
        const plenary = await tx.meeting.findUnique({ where: { id: plenaryId } });
        if (!plenary) return [];
        const existing = await tx.meeting.findMany({ where: { id: { in: groups.map((g) => g.meetingId) } }, select: { id: true } });
        const present = new Set(existing.map((m) => m.id));
        const missing = groups.filter((g) => !present.has(g.meetingId));
        if (missing.length === 0) return [];
        const { id: _id, title, place, kind: _kind, number: _number, archived: _archived, checkinSecret: _secret, createdAt: _created, ...settings } = plenary;
        // A few statements whatever the number of groups (each statement costs more than its rows).
        await tx.meeting.createMany({
          data: missing.map((group) => ({
            ...settings,
            id: group.meetingId,
            title: `${title}${GROUP_TITLE_SEPARATOR}${group.name}`,
            kind: "group",
            place: group.place ?? place,
            parentMeetingId: plenaryId,
            groupId: group.groupId,
            checkinSecret: newCheckinSecret(),
          })),
        });
        await this.participants.copySeats(tx, plenaryId, missing);
        return missing.map((g) => g.meetingId);
      },
      { timeout: 60_000 },
    );
    for (const id of created) this.joins.meetingChanged(id);
    return created;
  }

  /** 分组讨论: the group meetings of a plenary (every round), with their status from their logs. */
  async groupMeetings(plenaryId: string): Promise<GroupMeetingRow[]> {
    const rows = await this.db.meeting.findMany({ where: { parentMeetingId: plenaryId }, select: { id: true, groupId: true } });
    const status = await this.statusOf(rows.map((r) => r.id));
    return rows.map((row) => ({ ...row, status: status.get(row.id) ?? "scheduled" }));
  }

  roster(meetingId: string): Promise<RosterEntry[]> {
    return this.participants.roster(meetingId);
  }

  async liveConfig(meetingId: string): Promise<LiveConfig | null> {
    const meeting = await this.db.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting) return null;
    const items = await this.agenda.list(meetingId);
    const groupOf = meeting.parentMeetingId && meeting.groupId ? await this.groupOf(meeting.parentMeetingId, meeting.groupId, meeting.title) : null;
    return {
      roster: await this.participants.roster(meetingId),
      agenda: items.map((item) => ({ id: item.id, title: item.title, presenter: item.presenter, plannedMs: item.plannedMinutes * 60_000 })),
      quorumRule: meeting.quorumRule as QuorumRule,
      speechCaps: {
        booked: meeting.bookedCapSeconds * 1000,
        impromptu: meeting.speechCapSeconds * 1000,
        pointOfOrder: meeting.pointOfOrderCapSeconds * 1000,
      },
      ordering: {
        bookedFirst: meeting.orderBookedFirst,
        partyFirst: meeting.orderPartyFirst,
        sectorBalance: meeting.orderSectorBalance,
        notYetSpoken: toNotYetSpoken(meeting.orderNotYetSpoken),
        sectorFirst: meeting.orderSectorFirst,
      },
      plan: await this.plan.live(meetingId),
      interjectionRules: { capMs: meeting.interjectionCapSeconds * 1000, membersMay: meeting.membersMayInterject, allowed: meeting.interjectionsAllowed },
      pollRules: { clerkMay: meeting.clerkMayRunPolls, allowed: meeting.pollsAllowed },
      recordShared: meeting.recordShared,
      // The API accepts only known kinds; anything else in an old row speaks as 其他.
      kind: isMeetingKind(meeting.kind) ? meeting.kind : "other",
      // The API accepts only zones Intl knows; a row from another machine's zone database falls back.
      timeZone: isTimeZone(meeting.timeZone) ? meeting.timeZone : DEFAULT_TIME_ZONE,
      micOpensOnFloor: meeting.micOpensOnFloor,
      groupOf,
    };
  }

  /** A group meeting's link to its plenary: the group's name is its title after the plenary's ("<plenary> · <group>"). */
  private async groupOf(plenaryId: string, groupId: string, title: string): Promise<GroupOf> {
    const plenary = await this.db.meeting.findUnique({ where: { id: plenaryId }, select: { title: true } });
    const prefix = plenary ? `${plenary.title}${GROUP_TITLE_SEPARATOR}` : null;
    const cut = title.lastIndexOf(GROUP_TITLE_SEPARATOR);
    // The plenary's title edited since: the part after the last separator, else the whole title.
    const name = prefix && title.startsWith(prefix) ? title.slice(prefix.length) : cut >= 0 ? title.slice(cut + GROUP_TITLE_SEPARATOR.length) : title;
    return { plenaryId, groupId, name: name.trim().slice(0, 40) || groupId.slice(0, 40) };
  }
}

/** Between the plenary's title and the group's name in a group meeting's title. */
export const GROUP_TITLE_SEPARATOR = " · ";

const toNotYetSpoken = (value: string): OrderingRules["notYetSpoken"] => (value === "off" || value === "meeting" ? value : "item");
