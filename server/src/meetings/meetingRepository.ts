// Meetings and their participants (the roster) in the database. The live state itself lives
// in the event log; `liveConfig` is what the server feeds into it (config.sync).
import { randomBytes, randomUUID } from "node:crypto";
import type { AgendaItemInput } from "../../../core/agenda/schema.ts";
import { isMeetingKind, type MeetingKind } from "../../../core/meetingKind.ts";
import type { MeetingInfo } from "../../../core/protocol.ts";
import type { Role } from "../../../core/roles.ts";
import type { RoomLinkKind } from "../../../core/venue/roomLinks.ts";
import type { MeetingState, RosterEntry } from "../../../core/state.ts";
import type { InterjectionRules } from "../../../core/interjection/schema.ts";
import type { OrderingRules, PlannedSpeech } from "../../../core/plan/schema.ts";
import type { QuorumRule } from "../../../core/attendance/schema.ts";
import type { SpeechCaps } from "../../../core/floor/schema.ts";
import type { Db } from "../db/database.ts";
import { PlanStore } from "../plan/planStore.ts";
import { JoinCache, toMeetingInfo } from "./joinCache.ts";

export interface NewParticipant {
  name: string;
  role: Role;
  sector?: string | null;
  party?: string | null;
  unit?: string | null;
  side?: "worker" | "enterprise" | null;
  chief?: boolean;
  household?: string | null;
  /** 表决权重; null or absent counts as 1. */
  voteWeight?: number | null;
}

/** A link's state: only a token of the current version opens it, and none while revoked. */
export interface LinkState {
  linkVersion: number;
  linkRevoked: boolean;
}

/** A room link's state (no row yet: version 1, not revoked); null when the meeting does not exist. */
export async function roomLinkState(db: Db, meetingId: string, kind: RoomLinkKind): Promise<LinkState | null> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { roomLinks: { where: { kind } } } });
  if (!meeting) return null;
  const link = meeting.roomLinks[0];
  return { linkVersion: link?.version ?? 1, linkRevoked: link?.revoked ?? false };
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
}

type ParticipantRow = {
  id: string;
  name: string;
  role: string;
  sector: string | null;
  party: string | null;
  unit: string | null;
  side: string | null;
  chief: boolean;
  household: string | null;
  voteWeight: number | null;
};

export class MeetingRepository {
  /** Meeting info and link states for the join path, in memory (joinCache.ts). */
  readonly joins: JoinCache;

  constructor(private readonly db: Db) {
    this.joins = new JoinCache(db);
  }

  async create(title: string, roster: readonly NewParticipant[]): Promise<{ meeting: MeetingInfo; participants: RosterEntry[] }> {
    const id = randomUUID();
    const rows = roster.map((p, ordinal) => ({
      id: randomUUID(),
      ordinal,
      name: p.name,
      role: p.role,
      sector: p.sector ?? null,
      party: p.party ?? null,
      unit: p.unit ?? null,
      side: p.side ?? null,
      chief: p.chief ?? false,
      household: p.household ?? null,
      voteWeight: p.voteWeight ?? null,
    }));
    await this.db.$transaction([
      this.db.meeting.create({ data: { id, title, checkinSecret: randomBytes(16).toString("hex") } }),
      ...rows.map((p) => this.db.participant.create({ data: { ...p, meetingId: id } })),
    ]);
    return { meeting: (await this.find(id))!, participants: rows.map(toRosterEntry) };
  }

  async findByTitle(title: string): Promise<MeetingInfo | null> {
    const row = await this.db.meeting.findFirst({ where: { title }, orderBy: { createdAt: "asc" }, select: { id: true } });
    return row ? this.find(row.id) : null;
  }

  async find(meetingId: string): Promise<MeetingInfo | null> {
    const row = await this.db.meeting.findUnique({ where: { id: meetingId } });
    return row ? toMeetingInfo(row) : null;
  }

  async roster(meetingId: string): Promise<RosterEntry[]> {
    const rows = await this.db.participant.findMany({ where: { meetingId }, orderBy: [{ ordinal: "asc" }, { id: "asc" }] });
    return rows.map(toRosterEntry);
  }

  async liveConfig(meetingId: string): Promise<LiveConfig | null> {
    const meeting = await this.db.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting) return null;
    const items = await this.db.agendaItem.findMany({ where: { meetingId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
    return {
      roster: await this.roster(meetingId),
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
      plan: await new PlanStore(this.db).live(meetingId),
      interjectionRules: { capMs: meeting.interjectionCapSeconds * 1000, membersMay: meeting.membersMayInterject, allowed: meeting.interjectionsAllowed },
      pollRules: { clerkMay: meeting.clerkMayRunPolls, allowed: meeting.pollsAllowed },
      recordShared: meeting.recordShared,
      // The API accepts only known kinds; anything else in an old row speaks as 其他.
      kind: isMeetingKind(meeting.kind) ? meeting.kind : "other",
    };
  }
}

const toNotYetSpoken = (value: string): OrderingRules["notYetSpoken"] => (value === "off" || value === "meeting" ? value : "item");

export function toRosterEntry(row: ParticipantRow): RosterEntry {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    sector: row.sector,
    party: row.party,
    unit: row.unit,
    side: row.side === "worker" || row.side === "enterprise" ? row.side : null,
    chief: row.chief,
    household: row.household,
    // Only when set, so rosters without weights (and their logs) stay as they were.
    ...(row.voteWeight === null ? {} : { weight: row.voteWeight }),
  };
}
