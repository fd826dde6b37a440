// The Participant table: the roster as organisers edit it, as the live meeting follows it
// (`roster`), and the link state of each person's join link. `ParticipantJson` is what staff see
// (contacts included, link internals such as the version excluded). Changes of the roster are
// signalled to the live meeting (meetingChanges.ts); link changes are LinkService's to announce.
import { randomUUID } from "node:crypto";
import { displayNames } from "../../../core/naming/displayNames.ts";
import type { Role } from "../../../core/roles.ts";
import type { RosterEntry } from "../../../core/config/schema.ts";
import type { Db } from "../db/database.ts";
import type { Participant, Prisma } from "../db/generated/client.ts";
import type { ParticipantInput } from "../roster/rosterTypes.ts";
import type { LinkState } from "./joinCache.ts";
import type { MeetingChanges } from "./meetingChanges.ts";
import type { ParticipantPatch } from "../../../core/api/roster.ts";

export type ParticipantJson = Omit<Participant, "meetingId" | "linkVersion">;

/** A person of a meeting created with its roster (the demo, tests, benchmarks). */
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

/** Who a person is, as the HTTP edge checks roles and records names. */
export interface PersonRef {
  id: string;
  name: string;
  role: string;
}

/** A participant's join link: the person and the link's state. */
export type ParticipantLink = LinkState & { id: string; meetingId: string; role: string };

type RosterRow = {
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

const ROSTER_ORDER = [{ ordinal: "asc" }, { id: "asc" }] as const satisfies Prisma.ParticipantOrderByWithRelationInput[];

export function toParticipantJson(row: Participant): ParticipantJson {
  const { meetingId: _m, linkVersion: _v, ...rest } = row;
  return rest;
}

export function toRosterEntry(row: RosterRow): RosterEntry {
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

const toData = (input: ParticipantInput) => ({
  name: input.name,
  role: input.role,
  sector: input.sector ?? null,
  party: input.party ?? null,
  unit: input.unit ?? null,
  phone: input.phone ?? null,
  email: input.email ?? null,
  side: input.side ?? null,
  chief: input.chief ?? false,
  household: input.household ?? null,
  voteWeight: input.voteWeight ?? null,
  accountId: input.accountId ?? null,
});

/** Rows per INSERT when a roster is created (12 columns each: under SQLite's 32,766 and PostgreSQL's 65,535 parameters). */
const ROSTER_CHUNK = 1_000;

export class ParticipantStore {
  constructor(
    private readonly db: Db,
    private readonly changes: MeetingChanges,
  ) {}

  async list(meetingId: string): Promise<ParticipantJson[]> {
    const rows = await this.db.participant.findMany({ where: { meetingId }, orderBy: ROSTER_ORDER });
    return rows.map(toParticipantJson);
  }

  /** The roster as the live meeting follows it (config.sync). */
  async roster(meetingId: string): Promise<RosterEntry[]> {
    const rows = await this.db.participant.findMany({ where: { meetingId }, orderBy: ROSTER_ORDER });
    return rows.map(toRosterEntry);
  }

  /** People of the meeting with one of `roles`, in roster order (the check-in list). */
  async withRoles(meetingId: string, roles: readonly string[]): Promise<{ id: string; name: string; unit: string | null }[]> {
    return this.db.participant.findMany({
      where: { meetingId, role: { in: [...roles] } },
      orderBy: ROSTER_ORDER,
      select: { id: true, name: true, unit: true },
    });
  }

  async find(meetingId: string, participantId: string): Promise<Participant | null> {
    return this.db.participant.findFirst({ where: { id: participantId, meetingId } });
  }

  /** The person, when on this meeting's roster. */
  async person(meetingId: string, participantId: string): Promise<PersonRef | null> {
    return this.db.participant.findFirst({ where: { id: participantId, meetingId }, select: { id: true, name: true, role: true } });
  }

  /** The participant of this meeting linked to the staff account with `role`, if any. */
  async linkedTo(meetingId: string, accountId: string, role?: string): Promise<PersonRef | null> {
    return this.db.participant.findFirst({ where: { meetingId, accountId, ...(role ? { role } : {}) }, select: { id: true, name: true, role: true } });
  }

  /**
   * The people's names as every screen and document shows them (同名区分,
   * core/naming/displayNames.ts), for server code that reads the roster from the database rather
   * than from the live room. Roster order, as the live roster has it (people nothing tells apart
   * are numbered in that order).
   */
  async displayNames(meetingId: string): Promise<ReadonlyMap<string, string>> {
    const people = await this.db.participant.findMany({
      where: { meetingId },
      orderBy: ROSTER_ORDER,
      select: { id: true, name: true, household: true, unit: true, sector: true },
    });
    return displayNames(people);
  }

  count(meetingId: string): Promise<number> {
    return this.db.participant.count({ where: { meetingId } });
  }

  /** Writes a new meeting's roster inside the transaction that creates the meeting (no live meeting yet). */
  async createRoster(tx: Prisma.TransactionClient, meetingId: string, people: readonly NewParticipant[]): Promise<RosterEntry[]> {
    const rows = people.map((p, ordinal) => ({
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
    // A few statements whatever the roster's size (a plenary's 2,000 rows one by one outlast an
    // interactive transaction's time limit on PostgreSQL); chunks stay under both databases' limit
    // of parameters per statement.
    for (let i = 0; i < rows.length; i += ROSTER_CHUNK)
      await tx.participant.createMany({ data: rows.slice(i, i + ROSTER_CHUNK).map((row) => ({ ...row, meetingId })) });
    return rows.map(toRosterEntry);
  }

  /**
   * 分组讨论: the group meetings' rosters inside the transaction that creates them: each seat a new
   * participant (id = the seat's id, its role) copied from the plenary's participant (name, 界别,
   * party, unit, household, weight, contacts, account, roster order).
   */
  async copySeats(
    tx: Prisma.TransactionClient,
    plenaryId: string,
    meetings: readonly { meetingId: string; seats: readonly { participantId: string; seatId: string; role: string }[] }[],
  ): Promise<void> {
    const rows = await tx.participant.findMany({ where: { meetingId: plenaryId } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const data = meetings.flatMap(({ meetingId, seats }) =>
      seats.flatMap((seat) => {
        const p = byId.get(seat.participantId);
        if (!p) return [];
        const { name, sector, party, unit, household, voteWeight, phone, email, accountId, ordinal } = p;
        return [{ id: seat.seatId, meetingId, role: seat.role, name, sector, party, unit, household, voteWeight, phone, email, accountId, ordinal }];
      }),
    );
    for (let i = 0; i < data.length; i += ROSTER_CHUNK) await tx.participant.createMany({ data: data.slice(i, i + ROSTER_CHUNK) });
  }

  /** Appends the people after the existing roster, all or none (one transaction). */
  async append(meetingId: string, people: readonly ParticipantInput[]): Promise<ParticipantJson[]> {
    const first = await this.db.$transaction(
      async (tx) => {
        const last = await tx.participant.aggregate({ where: { meetingId }, _max: { ordinal: true } });
        const first = (last._max.ordinal ?? -1) + 1;
        await tx.participant.createMany({
          data: people.map((person, i) => ({ id: randomUUID(), meetingId, ordinal: first + i, ...toData(person) })),
        });
        return first;
      },
      { timeout: 60_000 },
    );
    await this.changes.changed(meetingId);
    const rows = await this.db.participant.findMany({
      where: { meetingId, ordinal: { gte: first, lt: first + people.length } },
      orderBy: { ordinal: "asc" },
    });
    return rows.map(toParticipantJson);
  }

  async update(meetingId: string, participantId: string, patch: ParticipantPatch): Promise<ParticipantJson> {
    const row = await this.db.participant.update({ where: { id: participantId, meetingId }, data: patch });
    await this.changes.changed(meetingId);
    return toParticipantJson(row);
  }

  /** Account ids among `ids` that do not exist. */
  async unknownAccounts(ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const found = await this.db.staffAccount.findMany({ where: { id: { in: unique } }, select: { id: true } });
    const known = new Set(found.map((a) => a.id));
    return unique.filter((id) => !known.has(id));
  }

  // ── Join links ───────────────────────────────────────────────────────────

  async link(participantId: string): Promise<ParticipantLink | null> {
    return this.db.participant.findUnique({
      where: { id: participantId },
      select: { id: true, meetingId: true, role: true, linkVersion: true, linkRevoked: true },
    });
  }

  /** A new link version: re-issued, or revoked when `revoked` (the participant must exist). */
  async bumpLink(participantId: string, revoked: boolean): Promise<ParticipantLink> {
    return this.db.participant.update({
      where: { id: participantId },
      data: { linkVersion: { increment: 1 }, linkRevoked: revoked },
      select: { id: true, meetingId: true, role: true, linkVersion: true, linkRevoked: true },
    });
  }
}
